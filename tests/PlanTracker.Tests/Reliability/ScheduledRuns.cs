using Npgsql;

namespace PlanTracker.Tests.Reliability;

/// <summary>A scheduled job's runs as job_runs records them: when it was due, when and where it started.</summary>
internal sealed record ScheduledRun(DateTimeOffset FireTime, DateTimeOffset StartedAt, string Node, bool Succeeded);

/// <summary>Reads a job's scheduled runs and checks the clustered scheduler's promise: each fire time once, none skipped.</summary>
internal static class ScheduledRuns
{
    public static async Task<List<ScheduledRun>> ReadAsync(string connectionString, string job)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT scheduled_for, started_at, node, coalesce(succeeded, false) FROM job_runs
            WHERE job = $1 AND trigger = 'Schedule' ORDER BY scheduled_for
            """, connection);
        cmd.Parameters.AddWithValue(job);
        var runs = new List<ScheduledRun>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            runs.Add(new ScheduledRun(reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetBoolean(3)));
        return runs;
    }

    /// <summary>No fire time executed twice, none skipped between the first and the last.</summary>
    public static void AssertEachFireTimeOnce(IReadOnlyList<ScheduledRun> runs, TimeSpan period, string diagnostics)
    {
        var duplicates = runs.GroupBy(r => r.FireTime).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"fire times executed more than once: {string.Join(", ", duplicates)}\n{diagnostics}");
        var fireTimes = runs.Select(r => r.FireTime).Order().ToList();
        var gaps = fireTimes.Zip(fireTimes.Skip(1)).Where(p => p.Second - p.First != period).ToList();
        Assert.True(gaps.Count == 0, $"fire times skipped between: {string.Join(", ", gaps)}\n{diagnostics}");
    }
}
