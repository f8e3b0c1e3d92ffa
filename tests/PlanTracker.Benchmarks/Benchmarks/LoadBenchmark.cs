using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using PlanTracker.Benchmarks.Generator;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Http;
using PlanTracker.Benchmarks.Infrastructure;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// Issue 6 item 4: a load run against the real app (its own process, Release build, Kestrel on
/// 127.0.0.1): a .NET client with 64 concurrent connections, each a user of one of the three roles
/// going round what that role does, with no pause (so the figure is the most the machine serves),
/// for 5 minutes by default. Officers: their agency's tasks, a task's page, recording progress on
/// it (with the version the page showed). Secretariat: a plan's page, the overdue list, the
/// reporting-compliance report. Steering members: the dashboard and a drill-down behind it.
/// Every answer must be a success; the app's resident memory is sampled every second.
/// </summary>
public sealed class LoadBenchmark : IBenchmark
{
    public const long TargetResidentBytes = 500L * 1024 * 1024;
    private const int OfficerAgencies = 8;

    public string Name => "load";
    public string Description => "64 concurrent connections, the three roles' reads and writes, 5 minutes, against the real app (S dataset by default)";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (database, options, log) = context;
        var connections = options.Concurrency ?? 64;
        var duration = options.Duration ?? TimeSpan.FromMinutes(5);
        var dataset = await DataGenerator.EnsureAsync(database, options.Spec("S"), log);
        var officerConnections = connections * 5 / 8;
        var secretariatConnections = connections / 4;
        var steeringConnections = Math.Max(1, connections - officerConnections - secretariatConnections);
        var officers = await OfficerTasks.FindAsync(database, OfficerAgencies, clientsEach: (officerConnections + OfficerAgencies - 1) / OfficerAgencies);
        var (planIds, steeringEmail, secretariatEmail) = await PeopleAndPlansAsync(database);
        var overseen = await OverseenAsync(database, steeringEmail);
        log.WriteLine($"Load: {connections} connections ({officerConnections} officers of {OfficerAgencies} agencies, {secretariatConnections} secretariat, " +
            $"{steeringConnections} steering), {duration.TotalSeconds:N0} s, on {dataset.Plans.Tasks:N0} tasks / {planIds.Count} published plans");

        await using var app = await WebAppProcess.StartAsync(database.ConnectionString);
        using var http = ApiClient.Pool(app.BaseAddress, connections);
        var officerApis = await Task.WhenAll(officers.Select(o => ApiClient.SignInAsync(http, o.Email, UserGenerator.Password)));
        var secretariat = await ApiClient.SignInAsync(http, secretariatEmail, UserGenerator.Password);
        var steering = await ApiClient.SignInAsync(http, steeringEmail, UserGenerator.Password);

        var latencies = new Latencies();
        var errors = new ConcurrentDictionary<string, int>();
        var firstError = new ConcurrentDictionary<string, string>();
        var peakSampled = 0L;
        var stop = new CancellationTokenSource();
        // One request, timed and checked; an error is counted by kind and the first of each kind kept for the report.
        async Task<ApiAnswer?> Timed(string kind, Func<Task<ApiAnswer>> request)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                var answer = await request();
                latencies.Add(kind, clock.Elapsed.TotalMilliseconds);
                if (answer.Ok) return answer;
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                firstError.TryAdd(kind, $"HTTP {(int)answer.Status} {answer.Body[..Math.Min(300, answer.Body.Length)]}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                firstError.TryAdd(kind, e.Message);
            }
            return null;
        }

        var sequence = 0;
        async Task Officer(int worker, int rounds)
        {
            var agency = worker % OfficerAgencies;
            var (tasks, api, client) = (officers[agency], officerApis[agency], worker / OfficerAgencies);
            for (var round = 0; round < rounds && !stop.IsCancellationRequested; round++)
            {
                await Timed("officer: my tasks", () => api.GetAsync("/api/v1/my/tasks?pageSize=20"));
                var (taskId, _, slot) = tasks.Next(client);
                var page = await Timed("officer: task page", () => api.GetAsync($"/api/v1/tasks/{taskId}"));
                if (page is null || stop.IsCancellationRequested) continue;
                var version = page.Node["task"]!["version"]!.GetValue<int>();
                var saved = await Timed("officer: record progress", () =>
                    api.PostAsync($"/api/v1/tasks/{taskId}/progress", OfficerTasks.Body(version, Interlocked.Increment(ref sequence))));
                if (saved is not null) tasks.Saw(client, slot, saved.Node["version"]!.GetValue<int>());
            }
        }

        async Task Secretariat(int worker, int rounds)
        {
            for (int round = 0, i = worker; round < rounds && !stop.IsCancellationRequested; round++, i += secretariatConnections)
            {
                await Timed("secretariat: plan page", () => secretariat.GetAsync($"/api/v1/plans/{planIds[i % planIds.Count]}"));
                await Timed("secretariat: overdue list", () => secretariat.GetAsync($"/api/v1/tasks/drilldown?timeliness=inProgressOverdue&sort=delay&page={1 + i % 3}&pageSize=50"));
                await Timed("secretariat: compliance report", () => secretariat.GetAsync($"/api/v1/reports/compliance?year=2026&quarter={1 + i % 3}"));
            }
        }

        async Task Steering(int worker, int rounds)
        {
            for (int round = 0, i = worker; round < rounds && !stop.IsCancellationRequested; round++, i += steeringConnections)
            {
                await Timed("steering: dashboard", () => steering.GetAsync("/api/v1/dashboard"));
                // An agency the member oversees: any other is refused (403), as the smoke run found on a small dataset.
                var agencyId = overseen[i % overseen.Count];
                await Timed("steering: drill-down", () => steering.GetAsync($"/api/v1/tasks/drilldown?agencyId={agencyId}&timeliness=inProgressOverdue&timeliness=notStarted&pageSize=50"));
            }
        }

        Task Everyone(int rounds) => Task.WhenAll(Enumerable.Range(0, officerConnections).Select(w => Task.Run(() => Officer(w, rounds)))
            .Concat(Enumerable.Range(0, secretariatConnections).Select(w => Task.Run(() => Secretariat(w, rounds))))
            .Concat(Enumerable.Range(0, steeringConnections).Select(w => Task.Run(() => Steering(w, rounds)))));

        // Warm-up, not measured: every connection's first round, so the figures are of a running app
        // (JIT, EF Core's compiled queries, the connection pools), not of its first minute.
        var measured = latencies;
        latencies = new Latencies();
        var warm = Stopwatch.StartNew();
        await Everyone(rounds: 1);
        log.WriteLine($"  warm-up: every connection's first round, {latencies.Total:N0} requests in {warm.Elapsed.TotalSeconds:N0} s (not counted)");
        if (!errors.IsEmpty) throw new InvalidOperationException($"Errors in the warm-up: {string.Join("; ", firstError.Select(e => $"{e.Key}: {e.Value}"))}");
        latencies = measured;
        stop = new CancellationTokenSource(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peakSampled = Math.Max(peakSampled, app.Memory().Resident);
                try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { /* the run has ended: stop sampling */ }
            }
        });

        var wall = Stopwatch.StartNew();
        var cpuBefore = app.CpuTime();
        await Everyone(rounds: int.MaxValue);
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuPerRequest = (app.CpuTime() - cpuBefore).TotalMilliseconds / Math.Max(1, latencies.Total);
        await sampler;
        var (resident, peak) = app.Memory();
        peak = Math.Max(peak, peakSampled);

        var errorCount = errors.Values.Sum();
        var figures = new List<Figure>();
        log.WriteLine($"Load run: {latencies.Total:N0} requests in {seconds:N0} s ({latencies.Total / seconds:N0} req/s), {errorCount} errors; " +
            $"all requests {Describe(latencies, null)}; app CPU {cpuPerRequest:N1} ms per request; app RSS now {resident / 1048576:N0} MB, peak {peak / 1048576:N0} MB");
        foreach (var kind in latencies.Kinds)
        {
            var failed = errors.GetValueOrDefault(kind);
            log.WriteLine($"  {kind}: {latencies.Count(kind):N0} ({latencies.Count(kind) / seconds:N1}/s), {latencies.Describe(kind, 50, 95, 99)}" +
                (failed > 0 ? $", {failed} errors, first: {firstError[kind]}" : ""));
            figures.Add(new Figure($"load, {connections} connections, {duration.TotalMinutes:0.#} min: {kind}", "per request", latencies.Describe(kind, 50, 95, 99),
                "—", "—", "—", "zero errors", failed == 0, $"{latencies.Count(kind):N0} requests ({latencies.Count(kind) / seconds:N1}/s){(failed > 0 ? $"; {failed} errors: {firstError[kind]}" : "")}"));
        }
        figures.Insert(0, new Figure($"load, {connections} connections, {duration.TotalMinutes:0.#} min, {dataset.Plans.Tasks:N0}-task dataset: all requests",
            "throughput", $"{latencies.Total / seconds:N0} req/s, {Describe(latencies, null)}", "—", "—", "—", "zero errors", errorCount == 0,
            $"{latencies.Total:N0} requests, {errorCount} errors; app CPU {cpuPerRequest:N1} ms per request; load client and app share the machine's {Environment.ProcessorCount} cores"));
        figures.Insert(1, new Figure("load: web process peak resident memory (VmHWM of /proc/<pid>/status, and VmRSS sampled each second)",
            "peak RSS", $"{peak / 1048576:N0} MB", "—", "—", "—", "< 500 MB", peak < TargetResidentBytes, $"RSS at the end {resident / 1048576:N0} MB"));
        return figures;
    }

    private static string Describe(Latencies latencies, string? kind) =>
        kind is null
            ? $"p50 {Figure.Ms(latencies.Percentile(50))}, p95 {Figure.Ms(latencies.Percentile(95))}, p99 {Figure.Ms(latencies.Percentile(99))}"
            : latencies.Describe(kind, 50, 95, 99);

    /// <summary>The agencies a steering member oversees, the ones their drill-down may open.</summary>
    private static async Task<List<long>> OverseenAsync(BenchDatabase database, string email)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT s.agency_id FROM steering_assignments s JOIN users u ON u.id = s.user_id WHERE u.email = $1 ORDER BY s.agency_id", connection);
        cmd.Parameters.AddWithValue(email);
        var agencies = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) agencies.Add(reader.GetInt64(0));
        return agencies.Count > 0 ? agencies : throw new InvalidOperationException($"{email} oversees no agency.");
    }

    /// <summary>The published plans of the secretariat's province, a secretariat user and the steering member overseeing most agencies.</summary>
    private static async Task<(List<long> Plans, string Steering, string Secretariat)> PeopleAndPlansAsync(BenchDatabase database)
    {
        await using var connection = await database.OpenConnectionAsync();
        async Task<string> Email(string role)
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT u.email FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id AND r.name = $1
                LEFT JOIN steering_assignments s ON s.user_id = u.id
                WHERE u.lockout_end IS NULL OR u.lockout_end < now()
                GROUP BY u.id, u.email ORDER BY count(s.agency_id) DESC, u.id LIMIT 1
                """, connection);
            cmd.Parameters.AddWithValue(role);
            return (string?)await cmd.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No active {role} in the dataset.");
        }
        var secretariat = await Email("Secretariat");
        var steering = await Email("SteeringMember");
        var plans = new List<long>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT p.id FROM plans p JOIN users u ON u.email = $1 JOIN agencies a ON a.id = u.agency_id
            WHERE p.status = 'Published' AND p.province_id = a.province_id ORDER BY p.id
            """, connection))
        {
            cmd.Parameters.AddWithValue(secretariat);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) plans.Add(reader.GetInt64(0));
        }
        if (plans.Count == 0) throw new InvalidOperationException("No published plan in the secretariat's province.");
        return (plans, steering, secretariat);
    }
}
