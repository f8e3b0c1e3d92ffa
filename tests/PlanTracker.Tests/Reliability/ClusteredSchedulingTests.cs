using Xunit.Abstractions;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// Two PlanTracker processes on one database, each running a Hangfire server: over several periods of a
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
        var settings = new Dictionary<string, string> { [$"Jobs__{Job}__Cron"] = "*/2 * * * * *" };

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

        var runs = await ScheduledRuns.ReadAsync(connectionString, Job);
        var diagnostics = $"nodes {first.ProcessId}, {second.ProcessId}; runs: {string.Join(", ", runs.Select(r => $"{r.FireTime:HH:mm:ss.f}@{r.Node}"))}\nfirst:\n{first.Output}\nsecond:\n{second.Output}";
        // Every fire time from the first run on is there, once: none was run twice or skipped while the nodes came and went.
        ScheduledRuns.AssertEachFireTimeOnce(runs, Period, diagnostics);
        var fireTimes = runs.Select(r => r.FireTime).ToList();
        var whileBothUp = fireTimes.Count(t => t >= window.From && t <= window.To);
        output.WriteLine($"fire times {runs.Count}, {whileBothUp} while both nodes were up; by node: " +
            string.Join(", ", runs.GroupBy(r => r.Node).Select(g => $"{g.Key} {g.Count()}")) + "; no duplicates, no gaps");
        Assert.True(whileBothUp >= 5, $"only {whileBothUp} fire times while both nodes were up\n{diagnostics}");
        Assert.All(runs.Where(r => r.FireTime <= window.To), r => Assert.True(r.Succeeded, $"the run of {r.FireTime} did not succeed\n{diagnostics}"));
    }
}
