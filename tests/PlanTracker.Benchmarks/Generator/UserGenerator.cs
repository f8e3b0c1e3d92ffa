using Microsoft.AspNetCore.Identity;
using Npgsql;
using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

public sealed record GeneratedUser(long Id, string Email, string Role, long? AgencyId);

/// <summary>The users written, with the first few of each role kept for benchmarks that sign in.</summary>
public sealed record UserDirectory(int Count, IReadOnlyDictionary<string, int> PerRole, IReadOnlyList<GeneratedUser> Samples)
{
    public GeneratedUser First(string role) => Samples.First(u => u.Role == role);
}

/// <summary>
/// Accounts through the ASP.NET Identity tables (users, roles, user_roles): a head and officers in
/// every agency (a team in a department, one or two clerks in a commune), the secretariat's staff,
/// steering members overseeing the province's agencies, one administrator. A few accounts are
/// locked and a few prefer English. Every account signs in with <see cref="Password"/>.
/// </summary>
public static class UserGenerator
{
    public const string Password = "Bench@2026";
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 1, 0, 0, TimeSpan.Zero);

    public static async Task<UserDirectory> WriteAsync(NpgsqlConnection connection, DatasetSpec spec, AgencyDirectory agencies)
    {
        var roles = await EnsureRolesAsync(connection);
        var r = new StableRandom(spec.Seed, "users");
        // One hash serves every account: the salt is inside it, and hashing 50,000 times would take minutes.
        var hash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), Password);
        var perRole = Roles.All.ToDictionary(x => x, _ => 0);
        var samples = new List<GeneratedUser>();
        var userRoles = new List<(long User, long Role)>();
        var steering = new List<(long User, long Agency)>();
        long nextId = 1;

        await using (var u = await CopyWriter.StartAsync(connection, "users",
            "id", "display_name", "agency_id", "preferred_culture", "user_name", "normalized_user_name", "email", "normalized_email",
            "email_confirmed", "password_hash", "security_stamp", "concurrency_stamp", "phone_number_confirmed", "two_factor_enabled",
            "lockout_end", "lockout_enabled", "access_failed_count"))
        {
            long Add(string role, long? agencyId, bool mayBeLocked)
            {
                var id = nextId++;
                var email = $"{Prefix(role)}{id}@bench.plantracker.local";
                var locked = mayBeLocked && r.Chance(0.01);
                var expiredLock = !locked && r.Chance(0.005);
                u.Row().Long(id).Text($"{r.Pick(VietnameseNames.FamilyNames)} {r.Pick(VietnameseNames.GivenNames)}").Long(agencyId)
                    .Text(r.Chance(0.05) ? "en" : "vi").Text(email).Text(email.ToUpperInvariant()).Text(email).Text(email.ToUpperInvariant())
                    .Bool(true).Text(hash).Text(r.NextGuid().ToString("N").ToUpperInvariant()).Text(r.NextGuid().ToString())
                    .Bool(false).Bool(false)
                    .Timestamp(locked ? new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) : expiredLock ? Created : null)
                    .Bool(true).Int(0);
                userRoles.Add((id, roles[role]));
                perRole[role]++;
                if (perRole[role] <= 5) samples.Add(new GeneratedUser(id, email, role, agencyId));
                return id;
            }

            Add(Roles.Admin, null, mayBeLocked: false);
            foreach (var agency in agencies.Staffed)
            {
                Add(Roles.AgencyHead, agency.Id, mayBeLocked: false);
                var officers = agency.Level switch
                {
                    AgencyLevel.Central => spec.CentralOfficers,
                    AgencyLevel.Province => spec.ProvinceOfficers,
                    AgencyLevel.District => spec.DistrictOfficers,
                    _ => spec.CommuneOfficers,
                };
                // Teams vary in size around the level's usual one.
                officers = Math.Max(1, officers + r.Between(-officers / 3, officers / 3));
                for (var i = 0; i < officers; i++) Add(Roles.AgencyOfficer, agency.Id, mayBeLocked: true);
                if (agency.IsSecretariat)
                    for (var i = 0; i < spec.SecretariatUsersPerProvince; i++) Add(Roles.Secretariat, agency.Id, mayBeLocked: false);
            }
            foreach (var province in agencies.Provinces)
            {
                var members = Enumerable.Range(0, spec.SteeringMembersPerProvince)
                    .Select(_ => Add(Roles.SteeringMember, province.PeopleCommitteeId, mayBeLocked: false)).ToList();
                if (members.Count == 0) continue;
                var overseen = province.ProvinceBodies.Skip(1).Concat(province.Districts).ToList();
                for (var i = 0; i < overseen.Count; i++) steering.Add((members[i % members.Count], overseen[i]));
            }
            await u.CompleteAsync();
        }

        await using (var ur = await CopyWriter.StartAsync(connection, "user_roles", "user_id", "role_id"))
        {
            foreach (var (user, role) in userRoles) ur.Row().Long(user).Long(role);
            await ur.CompleteAsync();
        }
        await using (var sa = await CopyWriter.StartAsync(connection, "steering_assignments", "user_id", "agency_id"))
        {
            foreach (var (user, agency) in steering) sa.Row().Long(user).Long(agency);
            await sa.CompleteAsync();
        }
        return new UserDirectory((int)(nextId - 1), perRole, samples);
    }

    private static string Prefix(string role) => role switch
    {
        Roles.Admin => "admin",
        Roles.AgencyHead => "giamdoc",
        Roles.AgencyOfficer => "canbo",
        Roles.Secretariat => "thuongtruc",
        Roles.SteeringMember => "bcd",
        _ => "user",
    };

    /// <summary>The five roles, created as Identity's RoleManager would (normalized upper-case names).</summary>
    private static async Task<Dictionary<string, long>> EnsureRolesAsync(NpgsqlConnection connection)
    {
        var ids = new Dictionary<string, long>();
        foreach (var role in Roles.All)
        {
            await using var cmd = new NpgsqlCommand("""
                WITH found AS (SELECT id FROM roles WHERE normalized_name = $2),
                     made AS (INSERT INTO roles (name, normalized_name, concurrency_stamp)
                              SELECT $1, $2, $3 WHERE NOT EXISTS (SELECT 1 FROM found) RETURNING id)
                SELECT id FROM found UNION ALL SELECT id FROM made
                """, connection);
            cmd.Parameters.AddWithValue(role);
            cmd.Parameters.AddWithValue(role.ToUpperInvariant());
            cmd.Parameters.AddWithValue($"bench-{role}");
            ids[role] = (long)(await cmd.ExecuteScalarAsync())!;
        }
        return ids;
    }
}
