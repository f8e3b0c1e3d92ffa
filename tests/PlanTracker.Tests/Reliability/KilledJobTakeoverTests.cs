using System.Diagnostics;
using Npgsql;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// Two nodes; the one running a scheduled job is killed with SIGKILL in mid-run. Hangfire runs a job at
/// least once: the other node fetches it again once the killed node's claim lapses (sliding invisibility
/// timeout, 30 s) and runs it; the occurrence is recorded once, by the survivor, and nothing is sent twice.
/// The run is held in mid-flight by the test locking job_runs against writes, so the kill lands inside it.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class KilledJobTakeoverTests(ITestOutputHelper output)
{
    private const string Job = "deadline-reminders";
    private const int JobLockSpace = 0x504A; // JobRunner's advisory locks

    [Fact]
    public async Task Should_let_the_other_node_run_a_job_whose_node_was_killed_within_the_invisibility_timeout()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        var settings = new Dictionary<string, string>
        {
            // Every minute: the survivor's own next occurrence comes well after the takeover, so it cannot skip it.
            [$"Jobs__{Job}__Cron"] = "0 * * * * *",
            ["Jobs__outbox-dispatch__Cron"] = "0 0 1 1 *", // quiet: only the job under test writes to job_runs
            ["Jobs__digests__Cron"] = "0 0 1 1 *",
        };
        string Named(string node) => new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = node }.ConnectionString;
        using var a = PlanTrackerProcess.Start(Named("node-a"), settings);
        using var b = PlanTrackerProcess.Start(Named("node-b"), settings);
        await a.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        await b.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        var before = await Scalar<long>(connectionString, "SELECT count(*) FROM outbox_messages");

        // Hold every write to job_runs: the next occurrence's run blocks on its first row, inside the run.
        await using var holder = new NpgsqlConnection(connectionString);
        await holder.OpenAsync();
        var hold = await holder.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand("LOCK TABLE job_runs IN EXCLUSIVE MODE", holder, hold)) await take.ExecuteNonQueryAsync();
        string? running = null;
        await Poll.UntilAsync(async () => (running = await RunningNode(connectionString)) is not null, TimeSpan.FromSeconds(80),
            () => "a node to start the job\n" + a.Output + "\n" + b.Output);
        var (doomed, survivor) = running == "node-a" ? (a, b) : (b, a);

        doomed.Kill();
        // The machine's clock on purpose: it is compared with the runs' times that Hangfire's storage stamps from
        // the same clock (the nodes are separate processes); elapsed time is the Stopwatch below.
        var killedAt = DateTimeOffset.UtcNow;
        var sinceKill = Stopwatch.StartNew();
        await hold.RollbackAsync();
        DateTimeOffset? occurrence = null;
        await Poll.UntilAsync(async () => (occurrence = await CompletedBy(connectionString, survivor.ProcessId, killedAt)) is not null, TimeSpan.FromSeconds(90),
            () => $"the survivor to run the killed node's job (killed at {killedAt:O})\n{Diagnostics(connectionString)}\n{survivor.Output}", intervalMs: 100);
        var takeover = sinceKill.Elapsed;

        // The killed run's start may have been written (its insert was waiting on the test's lock): it stays unfinished.
        var runs = await Scalar<long>(connectionString, $"SELECT count(*) FROM job_runs WHERE job = '{Job}' AND scheduled_for = '{occurrence:O}' AND finished_at IS NOT NULL");
        var unfinished = await Scalar<long>(connectionString, $"SELECT count(*) FROM job_runs WHERE job = '{Job}' AND scheduled_for = '{occurrence:O}' AND finished_at IS NULL");
        var duplicates = await Scalar<long>(connectionString, """
            SELECT count(*) FROM (SELECT 1 FROM outbox_messages GROUP BY kind, to_address, subject HAVING count(*) > 1) d
            """);
        var sent = await Scalar<long>(connectionString, "SELECT count(*) FROM outbox_messages") - before;
        output.WriteLine($"killed {running} in mid-run; the survivor ran occurrence {occurrence:HH:mm:ss} {takeover.TotalSeconds:0.0} s after the kill; " +
                         $"{runs} completed run(s) for it ({unfinished} unfinished, the killed one's); {sent} mail(s) queued, {duplicates} duplicate(s)");
        Assert.Equal(1, runs);
        Assert.InRange(unfinished, 0, 1);
        Assert.Equal(0, duplicates);
        // Invisibility timeout 30 s after the last renewal (every 6 s) plus a queue poll (5 s).
        Assert.True(takeover < TimeSpan.FromSeconds(45), $"took over after {takeover}");
    }

    /// <summary>The application name of the node that holds <see cref="Job"/>'s run lock and waits on job_runs.</summary>
    private static async Task<string?> RunningNode(string connectionString) => await Scalar<string?>(connectionString, $"""
        SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = {JobLockSpace} AND l.objid = hashtext('{Job}')::oid
          AND EXISTS (SELECT 1 FROM pg_stat_activity w WHERE w.application_name = a.application_name AND w.wait_event_type = 'Lock')
        LIMIT 1
        """);

    /// <summary>The occurrence, due before the kill, of a successful scheduled run of the job by the given process, if any yet.</summary>
    private static async Task<DateTimeOffset?> CompletedBy(string connectionString, int processId, DateTimeOffset killedAt)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            $"SELECT scheduled_for FROM job_runs WHERE job = '{Job}' AND trigger = 'Schedule' AND succeeded AND node LIKE '%:' || $1 AND scheduled_for <= $2 ORDER BY id LIMIT 1", connection);
        cmd.Parameters.AddWithValue(processId.ToString());
        cmd.Parameters.AddWithValue(killedAt);
        return await cmd.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>Hangfire's queue and the job's runs, for a failure message.</summary>
    private static string Diagnostics(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        var lines = new List<string>();
        foreach (var sql in (string[])["SELECT 'queue', id, jobid, fetchedat::text, now()::text FROM hangfire.jobqueue",
                     "SELECT 'job', id, statename, createdat::text, arguments::text FROM hangfire.job ORDER BY id DESC LIMIT 8",
                     $"SELECT 'run', id, node, scheduled_for::text, coalesce(succeeded::text, 'unfinished') FROM job_runs WHERE job = '{Job}' ORDER BY id"])
        {
            using var cmd = new NpgsqlCommand(sql, connection);
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) lines.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }
        return string.Join("\n", lines);
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull or null ? default! : (T)value;
    }
}
