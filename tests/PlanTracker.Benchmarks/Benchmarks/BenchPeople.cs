using Npgsql;
using PlanTracker.Core.Domain;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>An account a benchmark acts as, with its agency and how many tasks that agency has.</summary>
public sealed record BenchPerson(long UserId, string Email, string Role, long AgencyId, string Agency, int AgencyTasks);

/// <summary>The people the list benchmarks sign in as, chosen from the generated data by a stated rule.</summary>
public static class BenchPeople
{
    /// <summary>
    /// An ordinary officer (the lowest-numbered unlocked AgencyOfficer) of the agency that leads
    /// the most actionable tasks, itself or through its groups: the heaviest "my agency's tasks". With
    /// <paramref name="inProvinceOf"/>, among the agencies of that agency's province (what its secretariat may narrow to).
    /// </summary>
    public static Task<BenchPerson> OfficerOfBiggestAgencyAsync(BenchDatabase database, long? inProvinceOf = null) => FindAsync(database, Roles.AgencyOfficer, $"""
        WITH led AS (SELECT lead_agency_id AS id, count(*) AS n FROM plan_tasks WHERE NOT is_group GROUP BY 1),
             sizes AS (SELECT a.id, coalesce(l.n, 0) + coalesce((SELECT sum(g.n) FROM agency_group_members m JOIN led g ON g.id = m.group_id WHERE m.member_id = a.id), 0) AS n
                       FROM agencies a LEFT JOIN led l ON l.id = a.id WHERE a.kind <> 'Group'
                       {(inProvinceOf is { } agency ? $"AND a.province_id = (SELECT province_id FROM agencies WHERE id = {agency})" : "")})
        SELECT id, n::int FROM sizes ORDER BY n DESC, id LIMIT 1
        """);

    /// <summary>The first unlocked secretariat account (cơ quan thường trực) of province 1, who opens the dashboard's overdue list.</summary>
    public static Task<BenchPerson> SecretariatAsync(BenchDatabase database) => FindAsync(database, Roles.Secretariat, """
        SELECT a.id, (SELECT count(*)::int FROM plan_tasks t WHERE t.lead_agency_id = a.id AND NOT t.is_group)
        FROM agencies a WHERE a.is_secretariat ORDER BY a.province_id, a.id LIMIT 1
        """);

    private static async Task<BenchPerson> FindAsync(BenchDatabase database, string role, string agencySql)
    {
        await using var connection = await database.OpenConnectionAsync();
        long agency;
        int tasks;
        await using (var cmd = new NpgsqlCommand(agencySql, connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            if (!await reader.ReadAsync()) throw new InvalidOperationException($"No agency for a {role} in the dataset.");
            (agency, tasks) = (reader.GetInt64(0), reader.GetInt32(1));
        }
        await using var user = new NpgsqlCommand("""
            SELECT u.id, u.email, coalesce(a.short_name, a.name) FROM users u
            JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id JOIN agencies a ON a.id = u.agency_id
            WHERE u.agency_id = $1 AND r.name = $2 AND (u.lockout_end IS NULL OR u.lockout_end < now())
            ORDER BY u.id LIMIT 1
            """, connection);
        user.Parameters.AddWithValue(agency);
        user.Parameters.AddWithValue(role);
        await using var row = await user.ExecuteReaderAsync();
        if (!await row.ReadAsync()) throw new InvalidOperationException($"Agency {agency} has no unlocked {role}.");
        return new BenchPerson(row.GetInt64(0), row.GetString(1), role, agency, row.GetString(2), tasks);
    }
}
