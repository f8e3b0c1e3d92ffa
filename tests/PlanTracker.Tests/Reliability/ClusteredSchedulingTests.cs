using Xunit.Abstractions;
using Npgsql;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// Two PlanTracker processes on one database, Quartz clustered: over several periods of a
/// schedule that fires every 2 seconds, every fire time is executed, and by one node only.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class ClusteredSchedulingTests(ITestOutputHelper output)
{
    private const string Job = "deadline-reminders";
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Should_execute_each_fire_time_exactly_once_across_two_nodes()
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        output.WriteLine($"database {watch.Elapsed}");
        var settings = new Dictionary<string, string> { [$"Jobs__{Job}__Cron"] = "0/2 * * * * ?" };

        using var first = PlanTrackerProcess.Start(connectionString, settings);
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(45));
        output.WriteLine($"first {watch.Elapsed}");
        // The second node joins while the first one is firing: its start must not re-fire what already ran.
        using var second = PlanTrackerProcess.Start(connectionString, settings);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(45));
        output.WriteLine($"second {watch.Elapsed}");
        var bothUp = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(14));
        var window = (From: bothUp, To: DateTimeOffset.UtcNow - Period);
        first.Kill();
        second.Kill();

        var runs = await ScheduledRuns(connectionString);
        var diagnostics = $"nodes {first.ProcessId}, {second.ProcessId}; runs: {string.Join(", ", runs.Select(r => $"{r.FireTime:HH:mm:ss.f}@{r.Node}"))}\nfirst:\n{first.Output}\nsecond:\n{second.Output}";
        var duplicates = runs.GroupBy(r => r.FireTime).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"fire times executed more than once: {string.Join(", ", duplicates)}\n{diagnostics}");

        // Every fire time from the first run on is there: none was skipped while the nodes came and went.
        var fireTimes = runs.Select(r => r.FireTime).Order().ToList();
        var gaps = fireTimes.Zip(fireTimes.Skip(1)).Where(p => p.Second - p.First != Period).ToList();
        Assert.True(gaps.Count == 0, $"fire times skipped between: {string.Join(", ", gaps)}\n{diagnostics}");
        var whileBothUp = fireTimes.Count(t => t >= window.From && t <= window.To);
        output.WriteLine($"fire times {runs.Count}, {whileBothUp} while both nodes were up; by node: " +
            string.Join(", ", runs.GroupBy(r => r.Node).Select(g => $"{g.Key} {g.Count()}")) + $"; duplicates {duplicates.Count}, gaps {gaps.Count}");
        Assert.True(whileBothUp >= 5, $"only {whileBothUp} fire times while both nodes were up\n{diagnostics}");
        Assert.All(runs.Where(r => r.FireTime <= window.To), r => Assert.True(r.Succeeded, $"the run of {r.FireTime} did not succeed\n{diagnostics}"));
    }

    private sealed record Run(DateTimeOffset FireTime, string Node, bool Succeeded);

    private static async Task<List<Run>> ScheduledRuns(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT scheduled_for, node, coalesce(succeeded, false) FROM job_runs
            WHERE job = $1 AND trigger = 'Schedule' ORDER BY scheduled_for
            """, connection);
        cmd.Parameters.AddWithValue(Job);
        var runs = new List<Run>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) runs.Add(new Run(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetBoolean(2)));
        return runs;
    }
}
