using Npgsql;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Http;

/// <summary>
/// An agency officer and open tasks their agency leads, split between concurrent clients so that
/// no two clients ever write the same task: each keeps the versions of its own tasks, as a page
/// that has just read a task does, and no request is refused as a conflict.
/// </summary>
public sealed class OfficerTasks
{
    private readonly long[][] _tasks;
    private readonly int[][] _versions;
    private readonly int[] _next;

    private OfficerTasks(long userId, string email, long agencyId, long[][] tasks, int[][] versions)
    {
        UserId = userId;
        Email = email;
        AgencyId = agencyId;
        _tasks = tasks;
        _versions = versions;
        _next = new int[tasks.Length];
    }

    public long UserId { get; }
    public string Email { get; }
    public long AgencyId { get; }
    public int TaskCount => _tasks.Sum(t => t.Length);

    /// <summary>
    /// The officers of the agencies leading the most open tasks (one per agency, not locked out),
    /// most tasks first.
    /// </summary>
    public static async Task<List<OfficerTasks>> FindAsync(BenchDatabase database, int officers, int clientsEach, int maxTasksEach = 400)
    {
        await using var connection = await database.OpenConnectionAsync();
        var found = new List<(long User, string Email, long Agency)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT DISTINCT ON (t.agency) u.id, u.email, t.agency, t.open
            FROM (SELECT lead_agency_id AS agency, count(*) AS open FROM plan_tasks
                  WHERE NOT is_group AND status IN ('NotStarted', 'InProgress', 'Paused')
                    AND plan_id IN (SELECT id FROM plans WHERE status = 'Published') GROUP BY lead_agency_id) t
            JOIN users u ON u.agency_id = t.agency AND (u.lockout_end IS NULL OR u.lockout_end < now())
            JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.name = 'AgencyOfficer'
            ORDER BY t.agency, u.id
            """, connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            var rows = new List<(long User, string Email, long Agency, long Open)>();
            while (await reader.ReadAsync()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3)));
            found = rows.OrderByDescending(r => r.Open).ThenBy(r => r.Agency).Take(officers)
                .Select(r => (r.User, r.Email, r.Agency)).ToList();
        }
        if (found.Count < officers) throw new InvalidOperationException($"Only {found.Count} agencies with officers and open tasks; {officers} needed.");

        var result = new List<OfficerTasks>();
        foreach (var (user, email, agency) in found)
        {
            var tasks = new List<(long Id, int Version)>();
            await using (var cmd = new NpgsqlCommand("""
                SELECT id, version FROM plan_tasks
                WHERE lead_agency_id = $1 AND NOT is_group AND status IN ('NotStarted', 'InProgress', 'Paused')
                  -- a draft plan's tasks are assigned to no one yet (decision 0021): progress on them is a 403
                  AND plan_id IN (SELECT id FROM plans WHERE status = 'Published')
                ORDER BY id LIMIT $2
                """, connection))
            {
                cmd.Parameters.AddWithValue(agency);
                cmd.Parameters.AddWithValue(maxTasksEach);
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync()) tasks.Add((reader.GetInt64(0), reader.GetInt32(1)));
            }
            if (tasks.Count < clientsEach) throw new InvalidOperationException($"Agency {agency} has {tasks.Count} open tasks; {clientsEach} clients need one each.");
            var split = Enumerable.Range(0, clientsEach).Select(c => tasks.Where((_, i) => i % clientsEach == c).ToArray()).ToArray();
            result.Add(new OfficerTasks(user, email, agency, split.Select(s => s.Select(t => t.Id).ToArray()).ToArray(),
                split.Select(s => s.Select(t => t.Version).ToArray()).ToArray()));
        }
        return result;
    }

    /// <summary>The client's next task (round robin over its own) and the version it last saw.</summary>
    public (long TaskId, int Version, int Slot) Next(int client)
    {
        var slot = _next[client]++ % _tasks[client].Length;
        return (_tasks[client][slot], _versions[client][slot], slot);
    }

    public void Saw(int client, int slot, int version) => _versions[client][slot] = version;

    /// <summary>A progress body as the task page sends it: in progress, a percent, a note.</summary>
    public static object Body(int version, int sequence) => new
    {
        version, status = "inProgress", percentComplete = 5 + sequence % 90,
        note = $"Đã hoàn thành bước {sequence % 12 + 1}: rà soát hồ sơ, tổng hợp số liệu và báo cáo lãnh đạo.",
        completedOn = (DateOnly?)null, targetActuals = (object[]?)null,
    };
}
