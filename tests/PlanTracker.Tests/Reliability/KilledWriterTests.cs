using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// A node killed with SIGKILL while 8 officers record progress through its API: after a restart,
/// every write the API acknowledged is in the database, and none is half-written (a task moved
/// without its update row, or a row without its task's change). The kill during mail dispatch is
/// <see cref="KilledDispatcherTests"/>.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class KilledWriterTests(ITestOutputHelper output)
{
    private const int Officers = 8;

    [Fact]
    public async Task Should_keep_every_acknowledged_progress_write_after_a_kill_minus_nine_under_8_writers()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        var settings = new Dictionary<string, string>();
        ProgressWriters writers;
        ProgressWriters.Baseline before;
        int atKill;
        using (var doomed = PlanTrackerProcess.Start(connectionString, settings))
        {
            await doomed.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var app = doomed.BaseAddress;
            writers = await ProgressWriters.CreateAsync(connectionString, app, Officers);
            before = await writers.BaselineAsync(connectionString);

            using var stop = new CancellationTokenSource();
            var running = writers.RunAsync(app, stop.Token);
            // Mid-way: the writers are in full flow, each with a request in flight.
            await Poll.UntilAsync(() => writers.Acks.Count >= 150 || running.IsCompleted, TimeSpan.FromSeconds(90),
                () => $"150 acknowledged writes ({writers.Acks.Count})\n{doomed.Output}");
            doomed.Kill();
            atKill = writers.Acks.Count;
            stop.Cancel();
            await running;
        }
        Assert.True(writers.Answers.Count(a => a.Write && a.Status == 0) > 0, "no write was cut off by the kill");
        var failed = writers.Answers.Where(a => a.Status is not (0 or 200)).ToList();
        Assert.True(failed.Count == 0, $"answers other than 200 before the kill: {string.Join(", ", failed.Select(a => a.Status))}");

        using var restarted = PlanTrackerProcess.Start(connectionString, settings);
        await restarted.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var check = await writers.CheckAsync(connectionString, before);
        output.WriteLine($"acknowledged {check.Acknowledged} (at the kill {atKill}), found {check.Found}; rows {check.Rows}, " +
            $"saved but unacknowledged (in flight at the kill) {check.SavedUnacknowledged}; cut off {writers.Answers.Count(a => a.Write && a.Status == 0)}");

        Assert.Empty(check.Problems);
        Assert.Equal(check.Acknowledged, check.Found);
        Assert.InRange(check.SavedUnacknowledged, 0, Officers); // at most the one write in flight per officer

        // The restarted node takes writes on the same tasks, from the versions the database holds.
        using var stopAgain = new CancellationTokenSource();
        var again = writers.RunAsync(restarted.BaseAddress, stopAgain.Token);
        var acked = writers.Acks.Count;
        await Poll.UntilAsync(() => writers.Acks.Count >= acked + Officers || again.IsCompleted, TimeSpan.FromSeconds(30),
            () => "writes after the restart\n" + restarted.Output);
        stopAgain.Cancel();
        await again;
        var after = await writers.CheckAsync(connectionString, before);
        Assert.Empty(after.Problems);
        Assert.Equal(after.Acknowledged, after.Found);
    }
}
