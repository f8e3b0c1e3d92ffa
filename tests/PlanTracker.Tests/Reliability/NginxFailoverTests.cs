using System.Diagnostics;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// Two nodes on one database behind nginx, each with its own home folder as on two machines. One
/// is killed with SIGKILL under load: requests through nginx keep succeeding (only those in flight
/// to the dead node may fail), and the survivor takes over the scheduled jobs, each fire time
/// still executed exactly once (the check of <see cref="ClusteredSchedulingTests"/>).
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class NginxFailoverTests(ITestOutputHelper output)
{
    private const string Job = "deadline-reminders";
    private const int Writers = 4;
    private const int Readers = 2;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Should_keep_serving_through_nginx_and_fire_each_trigger_once_after_one_node_is_killed()
    {
        var watch = Stopwatch.StartNew();
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        using var first = PlanTrackerProcess.Start(connectionString, Settings());
        await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var second = PlanTrackerProcess.Start(connectionString, Settings());
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        using var nginx = await NginxProxy.StartAsync([first.Port, second.Port]);
        output.WriteLine($"two nodes and nginx up {watch.Elapsed}");

        // Signed in through nginx: a token issued by one node is used on both (the key ring is in the database).
        ProgressWriters writers;
        try
        {
            writers = await ProgressWriters.CreateAsync(connectionString, nginx.Address, Writers);
        }
        catch (Exception e) when (e is TaskCanceledException or HttpRequestException or InvalidOperationException)
        {
            throw new InvalidOperationException($"signing in through nginx: {e.Message}\nnginx:\n{string.Join('\n', nginx.AccessLog())}\n{nginx.ErrorLog()}\nfirst:\n{first.Output}\nsecond:\n{second.Output}", e);
        }
        var before = await writers.BaselineAsync(connectionString);
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(
            writers.RunAsync(nginx.Address, stop.Token, TimeSpan.FromMilliseconds(20)),
            writers.ReadAsync(nginx.Address, "thuongtruc@plantracker.local", "/api/v1/tasks?page=1&pageSize=20", stop.Token),
            writers.ReadAsync(nginx.Address, "canbo.noivu@plantracker.local", "/api/v1/my/tasks", stop.Token));
        await Poll.UntilAsync(() => writers.Acks.Count >= 40 || load.IsCompleted, TimeSpan.FromSeconds(60), () => "writes through nginx\n" + nginx.ErrorLog());
        var upstreams = Upstreams(nginx);
        Assert.True(upstreams.Contains($"127.0.0.1:{first.Port}") && upstreams.Contains($"127.0.0.1:{second.Port}"),
            $"nginx did not use both nodes: {string.Join(", ", upstreams)}");

        var killedAt = DateTime.UtcNow;
        first.Kill();
        // Long enough for the survivor to notice the dead node (check-in every 2 s, presumed dead after 5 s) and fire on.
        await Task.Delay(TimeSpan.FromSeconds(12));
        var endedAt = DateTime.UtcNow;
        stop.Cancel();
        await load;
        second.Kill();

        var answers = writers.Answers.OrderBy(a => a.At).ToList();
        var failedBefore = answers.Where(a => a.At < killedAt && a.Status != 200).ToList();
        var failedAfter = answers.Where(a => a.At >= killedAt && a.Status != 200).ToList();
        var afterKill = answers.Count(a => a.At >= killedAt);
        var lastFailure = failedAfter.Count == 0 ? (TimeSpan?)null : failedAfter[^1].At - killedAt;
        output.WriteLine($"answers {answers.Count}; before the kill {answers.Count - afterKill} (failed {failedBefore.Count}); after it {afterKill}, " +
            $"failed {failedAfter.Count} (writes {failedAfter.Count(a => a.Write)}: {string.Join(", ", failedAfter.Select(a => a.Status))}), " +
            $"last failure {(lastFailure is null ? "none" : $"{lastFailure.Value.TotalSeconds:0.00} s")} after the kill; " +
            $"nginx retried on the other node: {nginx.AccessLog().Count(l => l.Contains(", "))} requests");
        Assert.Empty(failedBefore);
        // Only what was in flight at the kill may fail: a POST that reached the dead node is not repeated by nginx.
        Assert.InRange(failedAfter.Count, 0, Writers + Readers);
        Assert.All(failedAfter, a => Assert.True(a.At - killedAt < TimeSpan.FromSeconds(2), $"a failure {(a.At - killedAt).TotalSeconds} s after the kill"));
        Assert.True(answers.Count(a => a.At > killedAt.AddSeconds(2) && a.Status == 200) > 50, "the survivor served little after the kill");

        var check = await writers.CheckAsync(connectionString, before);
        output.WriteLine($"acknowledged {check.Acknowledged}, found {check.Found}, saved but unacknowledged {check.SavedUnacknowledged}");
        Assert.Empty(check.Problems);
        Assert.Equal(check.Acknowledged, check.Found);

        var runs = await ScheduledRuns.ReadAsync(connectionString, Job);
        var survivor = $":{second.ProcessId}";
        var diagnostics = $"killed {first.ProcessId} at {killedAt:HH:mm:ss.f}; runs: {string.Join(", ", runs.Select(r => $"{r.FireTime:HH:mm:ss.f}@{r.Node}"))}";
        ScheduledRuns.AssertEachFireTimeOnce(runs, Period, diagnostics);
        var afterKillRuns = runs.Where(r => r.FireTime > killedAt).ToList();
        Assert.True(afterKillRuns.Count >= 4, $"only {afterKillRuns.Count} fire times after the kill\n{diagnostics}");
        Assert.All(afterKillRuns, r => Assert.EndsWith(survivor, r.Node));
        var takeover = runs.Where(r => r.FireTime > killedAt).Select(r => r.StartedAt).DefaultIfEmpty().Min() - killedAt;
        var latest = runs.Where(r => r.FireTime > killedAt).Max(r => r.StartedAt - r.FireTime);
        output.WriteLine($"fire times {runs.Count} ({runs.Count(r => r.Node.EndsWith($":{first.ProcessId}"))} by the killed node), after the kill {afterKillRuns.Count}, " +
            $"all by the survivor; first run after the kill started {takeover.TotalSeconds:0.0} s after it; latest start {latest.TotalSeconds:0.0} s after its fire time; total {watch.Elapsed}");
        Assert.All(runs.Where(r => r.FireTime < endedAt - Period - Period && !r.Node.EndsWith($":{first.ProcessId}")),
            r => Assert.True(r.Succeeded, $"the run of {r.FireTime} did not succeed\n{diagnostics}"));
    }

    /// <summary>Fires every 2 s; a home folder of its own, so that nothing is shared through the file system.</summary>
    private static Dictionary<string, string> Settings() => new()
    {
        [$"Jobs__{Job}__Cron"] = "*/2 * * * * *",
        ["HOME"] = Directory.CreateTempSubdirectory("plantracker-home-").FullName,
    };

    private static HashSet<string> Upstreams(NginxProxy nginx) =>
        nginx.AccessLog().Select(l => l.Split(' ')).Where(f => f.Length >= 5).Select(f => f[4].TrimEnd(',')).ToHashSet();
}
