using System.Collections.Concurrent;
using System.Diagnostics;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Http;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 6: "recording progress over HTTP vs a minimal ASP.NET Core endpoint doing the same
/// single-row update and insert through Npgsql" (target: at most 2 times). Candidate: POST
/// /api/v1/tasks/{id}/progress on the real app (its own process, Release build, Kestrel on
/// 127.0.0.1) with an officer's bearer token on their agency's open tasks. Baseline:
/// <see cref="MinimalProgressEndpoint"/>. Same HttpClient, same bodies, same concurrency, rounds
/// alternated; the figure is the ratio of the median request times. Measured with one client
/// (each request waits on its own commit: round trips and the WAL flush dominate) and with 8
/// (the 2 cores are the limit: what counts is the CPU each update costs), unless --concurrency
/// names one level. The app's CPU time per update is read from /proc for the sizing in docs/SCALING.md.
/// </summary>
public sealed class ProgressHttpBenchmark : IBenchmark
{
    public const double TargetRatio = 2.0;

    public string Name => "progress-http";
    public string Description => "POST /api/v1/tasks/{id}/progress on the real app vs a minimal ASP.NET Core + Npgsql endpoint (S dataset)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var requests = options.Requests ?? 1_000;
        int[] levels = options.Concurrency is { } one ? [one] : [1, 8];
        var dataset = await DataGenerator.EnsureAsync(database, options.Spec("S"), log);
        var officer = (await OfficerTasks.FindAsync(database, officers: 1, clientsEach: levels.Max()))[0];
        log.WriteLine($"Officer {officer.Email} (agency {officer.AgencyId}), {officer.TaskCount} open tasks split over {levels.Max()} clients; " +
            $"{requests:N0} updates per round");

        await using var app = await WebAppProcess.StartAsync(database.ConnectionString);
        await using var minimal = await MinimalProgressEndpoint.StartAsync(database.ConnectionString, officer.UserId);
        using var http = ApiClient.Pool(app.BaseAddress, levels.Max());
        var api = await ApiClient.SignInAsync(http, officer.Email, UserGenerator.Password);
        var figures = new List<Figure>();
        foreach (var clients in levels)
            figures.Add(await MeasureAsync(context, app, minimal, http, api, officer, requests, clients, dataset.Plans.Tasks));
        return figures;
    }

    private static async Task<Figure> MeasureAsync(BenchContext context, WebAppProcess app, MinimalEndpointHost minimal, HttpClient http,
        ApiClient api, OfficerTasks officer, int requests, int clients, int datasetTasks)
    {
        var (_, options, log) = context;
        log.WriteLine($"-- {clients} concurrent client(s), load average {MachineInfo.Load()}");
        var baselineClient = new ApiClient(http, officer.Email, "unused"); // the same pool and code path; the baseline ignores the token
        var rounds = new Dictionary<string, List<List<double>>> { ["api"] = [], ["minimal"] = [] };
        var appCpu = new List<double>();
        var sequence = 0;
        Side Updates(string name, string key, Func<long, string> path) => new(name,
            Prepare: () => { rounds[key].Add([]); return Task.CompletedTask; },
            Run: async () =>
            {
                var times = new ConcurrentBag<double>();
                var cpuBefore = app.CpuTime();
                await Concurrently.RunAsync(requests, clients, async (client, _) =>
                {
                    var (taskId, version, slot) = officer.Next(client);
                    var clock = Stopwatch.StartNew();
                    var answer = await (key == "api" ? api : baselineClient).PostAsync(path(taskId), OfficerTasks.Body(version, Interlocked.Increment(ref sequence)));
                    times.Add(clock.Elapsed.TotalMilliseconds);
                    officer.Saw(client, slot, answer.Expect($"{name} task {taskId}").Node["version"]!.GetValue<int>());
                });
                rounds[key][^1].AddRange(times);
                if (key == "api") appCpu.Add((app.CpuTime() - cpuBefore).TotalMilliseconds / requests);
                return requests;
            });

        var candidate = Updates("real app /api/v1", "api", id => $"/api/v1/tasks/{id}/progress");
        var baseline = Updates("minimal endpoint", "minimal", id => new Uri(minimal.BaseAddress, $"/tasks/{id}/progress").ToString());
        var result = await Comparison.RunAsync($"progress-http ×{clients}", baseline, candidate, options.Warmup, options.Iterations, log);

        var apiTimes = rounds["api"].Skip(options.Warmup).SelectMany(r => r).ToList();
        var minimalTimes = rounds["minimal"].Skip(options.Warmup).SelectMany(r => r).ToList();
        double P(List<double> t, double p) => Latencies.Percentile(t, p);
        var ratio = P(apiTimes, 50) / P(minimalTimes, 50);
        var met = ratio <= TargetRatio;
        var (_, peak) = app.Memory();
        var cpuPerUpdate = Stats.Median(appCpu.Skip(options.Warmup));
        var apiRate = requests / (result.CandidateMedianMs / 1000);
        var minimalRate = requests / (result.BaselineMedianMs / 1000);
        log.WriteLine($"progress-http ×{clients}: app {Latencies.Summary(apiTimes)} ({apiRate:N0} req/s); " +
            $"minimal {Latencies.Summary(minimalTimes)} ({minimalRate:N0} req/s); ratio of medians {ratio:N2}, " +
            $"of round times {result.Ratio:N2} (target ≤ {TargetRatio}): {(met ? "met" : "NOT met")}; app CPU {cpuPerUpdate:N1} ms per update; app peak RSS {peak / 1048576:N0} MB");
        return new Figure($"progress over HTTP, {requests:N0} updates × {options.Iterations} rounds, {clients} concurrent client(s), {datasetTasks:N0}-task dataset",
            "POST /api/v1/tasks/{id}/progress (real app)", $"{Latencies.Summary(apiTimes)}, {apiRate:N0} req/s",
            "minimal ASP.NET Core + Npgsql endpoint", $"{Latencies.Summary(minimalTimes)}, {minimalRate:N0} req/s",
            $"{ratio:N2} (p50); {result.Ratio:N2} (round time)", $"≤ {TargetRatio}", met,
            $"app CPU {cpuPerUpdate:N1} ms per update; app peak RSS {peak / 1048576:N0} MB; load average {MachineInfo.Load()}");
    }
}
