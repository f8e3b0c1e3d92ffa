using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Http;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 17: "creating a task through the API: the same kind of figure against a minimal endpoint
/// inserting the same rows". Candidate: POST /api/v1/plans/{id}/tasks on the real app (its own
/// process, Release build) with the province's secretariat's bearer token, W1's body (code, title,
/// lead agency, deadline text and its parsed dates). Baseline: <see cref="MinimalTaskEndpoint"/>.
/// Each client adds to its own plan of the province (as W1's clerks do), codes never repeat; same
/// HttpClient, same bodies, same concurrency, rounds alternated; the figure is the ratio of the
/// median request times, at 1 and 8 clients unless --concurrency names one.
/// </summary>
public sealed class TaskHttpBenchmark : IBenchmark
{
    public const double TargetRatio = 2.0;

    public string Name => "task-http";
    public string Description => "POST /api/v1/plans/{id}/tasks on the real app vs a minimal ASP.NET Core + Npgsql endpoint inserting the same rows (S dataset)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var requests = options.Requests ?? 1_000;
        int[] levels = options.Concurrency is { } one ? [one] : [1, 8];
        var dataset = await DataGenerator.EnsureAsync(database, options.Spec("S"), log);
        var secretariat = await BenchPeople.SecretariatAsync(database);
        var (plans, leads) = await PlansAndLeadsAsync(database, secretariat.AgencyId, levels.Max());
        log.WriteLine($"Secretariat {secretariat.Email}: {plans.Count} plans, {leads.Count} lead agencies of the province; {requests:N0} tasks per round");

        await using var app = await WebAppProcess.StartAsync(database.ConnectionString);
        await using var minimal = await MinimalTaskEndpoint.StartAsync(database.ConnectionString, secretariat.UserId);
        using var http = ApiClient.Pool(app.BaseAddress, levels.Max());
        var api = await ApiClient.SignInAsync(http, secretariat.Email, UserGenerator.Password);
        var figures = new List<Figure>();
        var sequence = 0;
        foreach (var clients in levels)
        {
            log.WriteLine($"-- {clients} concurrent client(s), load average {MachineInfo.Load()}");
            var rounds = new Dictionary<string, List<List<double>>> { ["api"] = [], ["minimal"] = [] };
            var appCpu = new List<double>();
            Side Adds(string name, string key, Func<long, string> path) => new(name,
                Prepare: () => { rounds[key].Add([]); return Task.CompletedTask; },
                Run: async () =>
                {
                    var times = new ConcurrentBag<double>();
                    var cpuBefore = app.CpuTime();
                    await Concurrently.RunAsync(requests, clients, async (client, i) =>
                    {
                        var n = Interlocked.Increment(ref sequence);
                        var due = new DateOnly(2027, 1, 1).AddDays(n % 700);
                        var body = new
                        {
                            code = $"B17.{n}", title = $"Nhiệm vụ đo hiệu năng số {n}", leadAgencyId = leads[n % leads.Count],
                            deadlineText = $"Từ ngày 01/12/2026 đến ngày {due:dd/MM/yyyy}",
                            deadline = new { kind = "date", startOn = new DateOnly(2026, 12, 1), dueOn = due },
                        };
                        var clock = Stopwatch.StartNew();
                        var answer = await (key == "api" ? api : new ApiClient(http, secretariat.Email, "unused")).PostAsync(path(plans[client]), body);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        answer.Expect($"{name} task B17.{n}");
                    });
                    rounds[key][^1].AddRange(times);
                    if (key == "api") appCpu.Add((app.CpuTime() - cpuBefore).TotalMilliseconds / requests);
                    return requests;
                });

            var candidate = Adds("real app /api/v1", "api", id => $"/api/v1/plans/{id}/tasks");
            var baseline = Adds("minimal endpoint", "minimal", id => new Uri(minimal.BaseAddress, $"/plans/{id}/tasks").ToString());
            var result = await Comparison.RunAsync($"task-http ×{clients}", baseline, candidate, options.Warmup, options.Iterations, log);
            var apiTimes = rounds["api"].Skip(options.Warmup).SelectMany(r => r).ToList();
            var minimalTimes = rounds["minimal"].Skip(options.Warmup).SelectMany(r => r).ToList();
            double P(List<double> t, double p) => Latencies.Percentile(t, p);
            var ratio = P(apiTimes, 50) / P(minimalTimes, 50);
            var cpu = Stats.Median(appCpu.Skip(options.Warmup));
            log.WriteLine($"task-http ×{clients}: app p50 {Figure.Ms(P(apiTimes, 50))} p95 {Figure.Ms(P(apiTimes, 95))}; minimal p50 {Figure.Ms(P(minimalTimes, 50))} " +
                $"p95 {Figure.Ms(P(minimalTimes, 95))}; ratio of medians {ratio:N2}, of round times {result.Ratio:N2} (target ≤ {TargetRatio}); app CPU {cpu:N1} ms per task");
            figures.Add(new Figure($"task creation over HTTP, {requests:N0} tasks × {options.Iterations} rounds, {clients} concurrent client(s), {dataset.Plans.Tasks:N0}-task dataset",
                "POST /api/v1/plans/{id}/tasks (real app)", $"p50 {Figure.Ms(P(apiTimes, 50))}, p95 {Figure.Ms(P(apiTimes, 95))}",
                "minimal ASP.NET Core + Npgsql endpoint", $"p50 {Figure.Ms(P(minimalTimes, 50))}, p95 {Figure.Ms(P(minimalTimes, 95))}",
                $"{ratio:N2} (p50); {result.Ratio:N2} (round time)", $"≤ {TargetRatio}", ratio <= TargetRatio,
                $"app CPU {cpu:N1} ms per task; load average {MachineInfo.Load()}"));
        }
        return figures;
    }

    /// <summary>One plan of the secretariat's province per client, and the province's agencies that are not groups (a group fans out).</summary>
    private static async Task<(List<long> Plans, List<long> Leads)> PlansAndLeadsAsync(BenchDatabase database, long secretariatAgency, int clients)
    {
        await using var connection = await database.OpenConnectionAsync();
        async Task<List<long>> Ids(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, connection);
            cmd.Parameters.AddWithValue(secretariatAgency);
            var ids = new List<long>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
            return ids;
        }
        var plans = await Ids($"SELECT id FROM plans WHERE province_id = (SELECT province_id FROM agencies WHERE id = $1) ORDER BY id LIMIT {clients}");
        var leads = await Ids("SELECT id FROM agencies WHERE province_id = (SELECT province_id FROM agencies WHERE id = $1) AND kind <> 'Group' AND dissolved_on IS NULL ORDER BY id");
        if (plans.Count < clients || leads.Count == 0) throw new InvalidOperationException($"The dataset's province has {plans.Count} plans and {leads.Count} agencies; {clients} plans needed.");
        return (plans, leads);
    }
}
