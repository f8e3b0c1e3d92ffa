using Npgsql;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>One generated province: its bodies by level and the three collective assignees plans name.</summary>
public sealed record ProvinceAgencies(
    long ProvinceId, string Key, string Name, long PeopleCommitteeId, long SecretariatId,
    IReadOnlyList<long> ProvinceBodies, IReadOnlyList<long> Districts, IReadOnlyList<long> Communes,
    long DepartmentsGroupId, long DistrictsGroupId, long CommunesGroupId);

/// <summary>An agency people work in (not a group), with its level: users are made per agency.</summary>
public sealed record StaffedAgency(long Id, AgencyLevel Level, int ProvinceIndex, bool IsSecretariat);

public sealed record AgencyDirectory(IReadOnlyList<ProvinceAgencies> Provinces, IReadOnlyList<long> Central, IReadOnlyList<StaffedAgency> Staffed)
{
    public int Count => Staffed.Count + Provinces.Count * 3;
}

/// <summary>
/// Provinces and agencies: in each province the People's Committee, its office and departments
/// (one of them the secretariat), districts and communes under it, and the groups "các Sở, ban,
/// ngành", "UBND các huyện" and "UBND các xã" with their members; plus central ministries.
/// </summary>
public static class AgencyGenerator
{
    public static async Task<AgencyDirectory> WriteAsync(NpgsqlConnection connection, DatasetSpec spec)
    {
        var provinces = new List<ProvinceAgencies>();
        var staffed = new List<StaffedAgency>();
        var central = new List<long>();
        var members = new List<(long Group, long Member)>();
        long nextId = 1;

        // One COPY at a time on a connection: provinces first, then the agencies that name them.
        var provinceNames = Enumerable.Range(0, spec.Provinces).Select(pi =>
        {
            var (key, name) = VietnameseNames.Provinces[pi % VietnameseNames.Provinces.Count];
            return (Key: key + Suffix(pi, VietnameseNames.Provinces.Count, "-"), Name: name + Suffix(pi, VietnameseNames.Provinces.Count));
        }).ToList();
        await using (var p = await CopyWriter.StartAsync(connection, "provinces", "id", "key", "name"))
        {
            for (var pi = 0; pi < provinceNames.Count; pi++) p.Row().Long(pi + 1L).Text(provinceNames[pi].Key).Text(provinceNames[pi].Name);
            await p.CompleteAsync();
        }

        await using (var a = await CopyWriter.StartAsync(connection, "agencies",
            "id", "key", "name", "short_name", "level", "kind", "province_id", "parent_id", "is_secretariat"))
        {
            for (var i = 0; i < spec.CentralAgencies; i++)
            {
                var id = nextId++;
                var name = VietnameseNames.CentralBodies[i % VietnameseNames.CentralBodies.Count] + Suffix(i, VietnameseNames.CentralBodies.Count);
                a.Row().Long(id).Text($"central/bo-{i + 1}").Text(name).Text(name).Enum(AgencyLevel.Central).Enum(AgencyKind.CentralBody)
                    .Null().Null().Bool(false);
                central.Add(id);
                staffed.Add(new StaffedAgency(id, AgencyLevel.Central, -1, false));
            }

            for (var pi = 0; pi < spec.Provinces; pi++)
            {
                var (key, provinceName) = provinceNames[pi];
                var provinceId = pi + 1L;

                var bodies = new List<long>();
                long peopleCommittee = 0, secretariat = 0;
                for (var b = 0; b < spec.ProvinceAgencies; b++)
                {
                    var (slug, name, kind) = VietnameseNames.ProvinceBodies[b % VietnameseNames.ProvinceBodies.Count];
                    var n = b / VietnameseNames.ProvinceBodies.Count;
                    var id = nextId++;
                    var isSecretariat = slug == VietnameseNames.SecretariatSlug && n == 0;
                    a.Row().Long(id).Text($"{key}/{slug}{(n > 0 ? $"-{n + 1}" : "")}").Text($"{name} {provinceName}{(n > 0 ? $" ({n + 1})" : "")}")
                        .Text(name + (n > 0 ? $" ({n + 1})" : "")).Enum(AgencyLevel.Province).Enum(kind).Long(provinceId)
                        .Long(b == 0 ? null : peopleCommittee).Bool(isSecretariat);
                    if (b == 0) peopleCommittee = id;
                    if (isSecretariat) secretariat = id;
                    bodies.Add(id);
                    staffed.Add(new StaffedAgency(id, AgencyLevel.Province, pi, isSecretariat));
                }
                if (secretariat == 0) secretariat = bodies[Math.Min(1, bodies.Count - 1)];

                var districts = new List<long>();
                for (var d = 0; d < spec.Districts; d++)
                {
                    var id = nextId++;
                    var place = VietnameseNames.Place(d + pi * 31);
                    a.Row().Long(id).Text($"{key}/ubnd-huyen-{d + 1}").Text($"Ủy ban nhân dân huyện {place}").Text($"UBND huyện {place}")
                        .Enum(AgencyLevel.District).Enum(AgencyKind.PeopleCommittee).Long(provinceId).Long(peopleCommittee).Bool(false);
                    districts.Add(id);
                    staffed.Add(new StaffedAgency(id, AgencyLevel.District, pi, false));
                }

                var communes = new List<long>();
                for (var c = 0; c < spec.Communes; c++)
                {
                    var id = nextId++;
                    var place = VietnameseNames.Place(c * 13 + pi * 17 + 5);
                    var parent = districts.Count > 0 ? districts[c % districts.Count] : peopleCommittee;
                    a.Row().Long(id).Text($"{key}/ubnd-xa-{c + 1}").Text($"Ủy ban nhân dân xã {place}").Text($"UBND xã {place}")
                        .Enum(AgencyLevel.Commune).Enum(AgencyKind.PeopleCommittee).Long(provinceId).Long(parent).Bool(false);
                    communes.Add(id);
                    staffed.Add(new StaffedAgency(id, AgencyLevel.Commune, pi, false));
                }

                long Group(string slug, string name, IEnumerable<long> of)
                {
                    var id = nextId++;
                    a.Row().Long(id).Text($"{key}/{slug}").Text($"{name} tỉnh {provinceName}").Text(name)
                        .Enum(AgencyLevel.Province).Enum(AgencyKind.Group).Long(provinceId).Null().Bool(false);
                    members.AddRange(of.Select(m => (id, m)));
                    return id;
                }

                var departmentsGroup = Group("cac-so-ban-nganh", "Các sở, ban, ngành", bodies.Skip(1));
                var districtsGroup = Group("ubnd-cac-huyen", "UBND các huyện, thị xã, thành phố", districts);
                var communesGroup = Group("ubnd-cac-xa", "UBND các xã, phường, thị trấn", communes);
                provinces.Add(new ProvinceAgencies(provinceId, key, provinceName, peopleCommittee, secretariat, bodies, districts, communes,
                    departmentsGroup, districtsGroup, communesGroup));
            }
            await a.CompleteAsync();
        }

        await using (var m = await CopyWriter.StartAsync(connection, "agency_group_members", "group_id", "member_id"))
        {
            foreach (var (group, member) in members) m.Row().Long(group).Long(member);
            await m.CompleteAsync();
        }
        return new AgencyDirectory(provinces, central, staffed);
    }

    private static string Suffix(int index, int count, string separator = " ") => index < count ? "" : $"{separator}{index / count + 1}";
}
