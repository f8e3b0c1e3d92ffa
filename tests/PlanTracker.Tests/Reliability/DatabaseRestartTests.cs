using System.Collections.Concurrent;
using System.Diagnostics;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// PostgreSQL stopped under load, once cleanly (pg_ctl -m fast) and once like a crash (-m
/// immediate), for a few seconds each, on a cluster of this test's own: while it is down the node
/// answers 503 with Retry-After and a ProblemDetails body, never a 500; it recovers by itself when
/// the database returns; and no acknowledged write is lost.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    private const int Writers = 4;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(10);

    private sealed record Outage(string Mode, DateTime Stopping, DateTime Stopped, DateTime Starting, DateTime Started);

    [Fact]
    public async Task Should_answer_503_while_PostgreSQL_is_down_and_recover_alone_without_losing_a_write()
    {
        var watch = Stopwatch.StartNew();
        using var cluster = await PrivateCluster.StartAsync(seeded: true);
        output.WriteLine($"private cluster ready {watch.Elapsed}");
        using var node = PlanTrackerProcess.Start(cluster.ConnectionString, new Dictionary<string, string>());
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        var app = node.BaseAddress;
        var writers = await ProgressWriters.CreateAsync(cluster.ConnectionString, app, Writers);
        var before = await writers.BaselineAsync(cluster.ConnectionString);
        output.WriteLine($"node up {watch.Elapsed}");

        using var stop = new CancellationTokenSource();
        var health = new ConcurrentQueue<(DateTime At, int Status)>();
        var load = Task.WhenAll(
            writers.RunAsync(app, stop.Token, TimeSpan.FromMilliseconds(20)),
            writers.ReadAsync(app, "thuongtruc@plantracker.local", "/api/v1/tasks?page=1&pageSize=20", stop.Token),
            writers.ReadAsync(app, "canbo.noivu@plantracker.local", "/api/v1/my/tasks", stop.Token),
            Probe(app, health, stop.Token));
        await Poll.UntilAsync(() => writers.Acks.Count >= 20 || load.IsCompleted, TimeSpan.FromSeconds(60), () => "the first writes\n" + node.Output);

        var outages = new List<Outage>();
        // ./test.sh --faults sets more rounds; the default run does one of each.
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PLANTRACKER_FAULT_ROUNDS"), out var r) && r > 0 ? r : 1;
        foreach (var mode in Enumerable.Repeat(new[] { "fast", "immediate" }, rounds).SelectMany(m => m))
        {
            var stopping = DateTime.UtcNow;
            cluster.Stop(mode);
            var stopped = DateTime.UtcNow;
            await Task.Delay(Down);
            var starting = DateTime.UtcNow;
            cluster.Start();
            var outage = new Outage(mode, stopping, stopped, starting, DateTime.UtcNow);
            outages.Add(outage);
            var acked = writers.Acks.Count;
            await Poll.UntilAsync(() => writers.Acks.Count > acked + Writers || load.IsCompleted, Recovery + Recovery,
                () => $"writes after the {mode} restart\n{node.Output}");
            await Task.Delay(TimeSpan.FromSeconds(2)); // steady again before the next fault
        }
        stop.Cancel();
        await load;
        Assert.False(node.HasExited, "the node died with its database");

        var answers = writers.Answers.OrderBy(a => a.At).ToList();
        foreach (var (o, next) in outages.Zip(outages.Skip(1).Select(n => n.Stopping).Append(DateTime.MaxValue)))
        {
            // Sent after the server was gone and answered before it was started again (a busy machine may note a
            // reply late, so a request is judged by when it was sent).
            var during = answers.Where(a => a.Sent > o.Stopped && a.At < o.Starting).ToList();
            var unavailable = answers.Where(a => a.At >= o.Stopping && a.At < next && a.Status == 503).ToList();
            var firstWrite = answers.FirstOrDefault(a => a.At > o.Started && a.Write && a.Status == 200);
            var seconds = unavailable.Count == 0 ? 0 : (unavailable[^1].At - unavailable[0].At).TotalSeconds;
            output.WriteLine($"{o.Mode}: stop took {(o.Stopped - o.Stopping).TotalSeconds:0.00} s, down {(o.Starting - o.Stopped).TotalSeconds:0.0} s, " +
                $"start took {(o.Started - o.Starting).TotalSeconds:0.00} s; answers while down {during.Count}, of them 503: {during.Count(a => a.Status == 503)}; " +
                $"503s {unavailable.Count} over {seconds:0.0} s; first acknowledged write {(firstWrite is null ? "none" : $"{(firstWrite.At - o.Started).TotalSeconds:0.00} s")} after the start; " +
                $"health 503s while down {health.Count(h => h.At > o.Stopped && h.At < o.Starting && h.Status == 503)}/{health.Count(h => h.At > o.Stopped && h.At < o.Starting)}");
            Assert.True(during.Count > 0, $"no request was answered while the database was down ({o.Mode})");
            Assert.All(during, a => Assert.Equal(503, a.Status));
            Assert.NotNull(firstWrite);
            Assert.True(firstWrite.At - o.Started < Recovery, $"the first write after the {o.Mode} restart came {(firstWrite.At - o.Started).TotalSeconds} s late");
            // Recovered: after the first good write, no request fails any more.
            Assert.DoesNotContain(answers, a => a.At > firstWrite.At.AddSeconds(1) && a.At < next && a.Status != 200);
            Assert.Contains(health, h => h.At > o.Stopped && h.At < o.Starting && h.Status == 503);
            Assert.Contains(health, h => h.At > firstWrite.At && h.Status == 200);
        }
        var odd = answers.Where(a => a.Status is not (200 or 503)).ToList();
        Assert.True(odd.Count == 0, $"answers neither 200 nor 503: {string.Join(", ", odd.Select(a => $"{a.Status} at {a.At:HH:mm:ss.fff}"))}\n{node.Output}");
        Assert.All(answers.Where(a => a.Status == 503), a =>
        {
            Assert.True(a.RetryAfter, "a 503 without Retry-After");
            Assert.Equal("application/problem+json", a.ContentType);
        });

        var check = await writers.CheckAsync(cluster.ConnectionString, before);
        output.WriteLine($"acknowledged {check.Acknowledged}, found {check.Found}; rows {check.Rows}, saved but unacknowledged {check.SavedUnacknowledged}; " +
            $"answers {answers.Count} ({answers.Count(a => a.Status == 503)} x 503); total {watch.Elapsed}");
        Assert.Empty(check.Problems);
        Assert.Equal(check.Acknowledged, check.Found);
        Assert.InRange(check.SavedUnacknowledged, 0, Writers * outages.Count);
    }

    /// <summary>The readiness endpoint a load balancer would poll.</summary>
    private static async Task Probe(Uri app, ConcurrentQueue<(DateTime, int)> health, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = app, Timeout = TimeSpan.FromSeconds(10) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", CancellationToken.None);
                health.Enqueue((DateTime.UtcNow, (int)response.StatusCode));
            }
            catch (HttpRequestException)
            {
                health.Enqueue((DateTime.UtcNow, 0));
            }
            await Task.Delay(200, CancellationToken.None);
        }
    }
}
