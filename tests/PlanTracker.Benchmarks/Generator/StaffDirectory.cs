using Npgsql;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// Who writes what later parts generate (progress, actuals, reports): each agency's name as the
/// app stores it (short name first), its staff (heads and officers), a group's members, and each
/// province's secretariat. Read back from the rows already copied in this transaction, so the
/// later parts need nothing from the earlier ones' in-memory state.
/// </summary>
public sealed class StaffDirectory
{
    private static readonly long[] Nobody = [];

    public Dictionary<long, string> Names { get; } = [];
    public Dictionary<long, long?> Province { get; } = [];
    public Dictionary<long, long[]> Staff { get; } = [];
    public Dictionary<long, long[]> Members { get; } = [];
    public Dictionary<long, long[]> Secretariat { get; } = [];

    public string Name(long agency) => Names[agency];
    public long[] StaffOf(long agency) => Staff.GetValueOrDefault(agency, Nobody);
    public long[] MembersOf(long group) => Members.GetValueOrDefault(group, Nobody);

    /// <summary>The secretariat users of the agency's province (none for a central body).</summary>
    public long[] SecretariatFor(long agency) => Province[agency] is { } p ? Secretariat.GetValueOrDefault(p, Nobody) : Nobody;

    public static async Task<StaffDirectory> ReadAsync(NpgsqlConnection connection)
    {
        var d = new StaffDirectory();
        await using (var cmd = new NpgsqlCommand("SELECT id, coalesce(short_name, name), province_id FROM agencies ORDER BY id", connection))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
            {
                d.Names[r.GetInt64(0)] = r.GetString(1);
                d.Province[r.GetInt64(0)] = r.IsDBNull(2) ? null : r.GetInt64(2);
            }

        var staff = new Dictionary<long, List<long>>();
        var secretariat = new Dictionary<long, List<long>>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT u.agency_id, u.id, ro.name, a.province_id
            FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles ro ON ro.id = ur.role_id JOIN agencies a ON a.id = u.agency_id
            WHERE ro.name = ANY($1) ORDER BY u.id
            """, connection))
        {
            cmd.Parameters.AddWithValue(new[] { Roles.AgencyHead, Roles.AgencyOfficer, Roles.Secretariat });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var into = r.GetString(2) == Roles.Secretariat ? (r.IsDBNull(3) ? null : Add(secretariat, r.GetInt64(3))) : Add(staff, r.GetInt64(0));
                into?.Add(r.GetInt64(1));
            }
        }
        foreach (var (k, v) in staff) d.Staff[k] = [.. v];
        foreach (var (k, v) in secretariat) d.Secretariat[k] = [.. v];

        var members = new Dictionary<long, List<long>>();
        await using (var cmd = new NpgsqlCommand("SELECT group_id, member_id FROM agency_group_members ORDER BY group_id, member_id", connection))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) Add(members, r.GetInt64(0)).Add(r.GetInt64(1));
        foreach (var (k, v) in members) d.Members[k] = [.. v];
        return d;
    }

    private static List<long> Add(Dictionary<long, List<long>> map, long key)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        return list;
    }
}
