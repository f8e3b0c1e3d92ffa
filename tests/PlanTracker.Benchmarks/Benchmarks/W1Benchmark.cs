using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using PlanTracker.Benchmarks.Benchmarks.W1;
using PlanTracker.Benchmarks.Harness;
using PlanTracker.Benchmarks.Http;
using PlanTracker.Benchmarks.Infrastructure;
using PlanTracker.Core.Common;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// The peer workload W1 (issue 6 item 3; issue 17 made it match Redmine's where the product allows),
/// on the real app (its own process, Release build, Kestrel on 127.0.0.1) in a fresh database beside
/// the benchmark's: create 20,000 tasks through the API with 8 concurrent clients; 200 requests for
/// the open overdue tasks sorted by due date, first 100; the daily jobs over both of Redmine's
/// reminder scopes, end to end to aiosmtpd on 127.0.0.1 — the reminders (open tasks due within 7
/// days) and the escalations (every open overdue task: Redmine's reminder covers those too);
/// 2,000 progress updates with 8 concurrent clients. Between the creation and the reads, officers
/// close 40% of the tasks through the API, so about 60% stay open. Each measured step prints its
/// p50/p95/p99, the app's and PostgreSQL's CPU per request and the share others took.
/// </summary>
public sealed class W1Benchmark : IBenchmark
{
    // Issue 17's targets for W1 (8 clients, idle machine).
    public const double TargetCreateRate = 550, TargetUpdateRate = 550, TargetOverdueP50Ms = 10;
    public const long TargetResidentBytes = 300L * 1024 * 1024;

    public string Name => "w1";
    public string Description => "peer workload W1: 20,000 tasks created through the API, overdue list, reminders and escalations to SMTP, 2,000 progress updates";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (mainDatabase, options, log) = context;
        var clients = options.Concurrency ?? 8;
        var seed = options.Seed ?? 20_261_122;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ProvinceClock.Zone).DateTime);
        var database = await mainDatabase.FreshSiblingAsync("plantracker_w1");
        var serverPid = await database.ServerProcessIdAsync();
        await using (var connection = await database.OpenConnectionAsync()) await W1Workload.WritePeopleAsync(connection);
        var planCount = options.Smaller(W1Workload.Plans, W1Workload.SmokePlans);
        var tasks = W1Workload.Describe(seed, today, options.Tasks ?? options.Smaller(W1Workload.Tasks, 160), planCount);
        var overdueRequests = options.Smaller(200, 10);
        var updates = options.Smaller(2_000, 24);
        log.WriteLine($"W1 in {database.Where}: {W1Workload.Agencies} agencies × {W1Workload.UsersPerAgency} users (a head and an officer), {tasks.Count:N0} tasks in " +
            $"{planCount} plans, seed {seed}, today {today:yyyy-MM-dd}; {tasks.Count(t => t.CompletedOn is null):N0} to stay open");

        using var smtp = new LocalSmtpServer();
        await using var app = await WebAppProcess.StartAsync(database.ConnectionString, W1Jobs.Settings(smtp, today));
        using var http = ApiClient.Pool(app.BaseAddress, clients);
        var secretariat = await ApiClient.SignInAsync(http, W1Workload.SecretariatEmail, W1Workload.Password);
        var admin = await ApiClient.SignInAsync(http, W1Workload.AdminEmail, W1Workload.Password); // only administrators run jobs by hand
        var figures = new List<Figure>();

        // Documents and plans: set-up, not measured.
        var plans = new long[planCount];
        for (var p = 0; p < plans.Length; p++)
        {
            var document = (await secretariat.PostAsync("/api/v1/documents", new
            {
                number = $"{100 + p}/KH-UBND", kind = "plan", issuer = "UBND tỉnh W1", issuedOn = new DateOnly(2024, 12, 1).AddDays(p),
                signer = "Chủ tịch UBND tỉnh", title = $"Kế hoạch số {100 + p} triển khai nhiệm vụ chuyển đổi số", implementsDocumentIds = (long[]?)null,
            })).Expect("register document").Node["id"]!.GetValue<long>();
            plans[p] = (await secretariat.PostAsync("/api/v1/plans", new { documentId = document, title = $"Kế hoạch {100 + p}/KH-UBND" }))
                .Expect("create plan").Node["id"]!.GetValue<long>();
        }

        // 1. Create every task: each client enters its own plans (two clerks never number the same plan at once).
        var created = new long[tasks.Count];
        var createTimes = new ConcurrentBag<double>();
        var cpu = CpuSplit.Start(app, serverPid);
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < tasks.Count; i++)
            {
                var t = tasks[i];
                if (t.Plan % clients != c) continue;
                var clock = Stopwatch.StartNew();
                var answer = await secretariat.PostAsync($"/api/v1/plans/{plans[t.Plan]}/tasks", new
                {
                    code = t.Code, title = t.Title, leadAgencyId = t.LeadAgencyId, parentId = (long?)null, description = (string?)null,
                    coordinatingAgencyIds = (long[]?)null, deadlineText = $"Từ ngày {t.StartOn:dd/MM/yyyy} đến ngày {t.DueOn:dd/MM/yyyy}",
                    expectedOutput = (string?)null, isGroup = false, targets = (object[]?)null,
                    deadline = new { kind = "date", startOn = t.StartOn, dueOn = t.DueOn, workingDays = (int?)null, inherited = false },
                });
                createTimes.Add(clock.Elapsed.TotalMilliseconds);
                created[i] = answer.Expect($"add task {t.Code} to plan {t.Plan}").Node["taskId"]!.GetValue<long>();
            }
        })));
        var createSeconds = wall.Elapsed.TotalSeconds;
        var createCpu = cpu.Stop(tasks.Count);
        var createRate = tasks.Count / createSeconds;
        log.WriteLine($"  created {tasks.Count:N0} tasks in {createSeconds:N1} s: {createRate:N0} tasks/s, per request {Latencies.Summary(createTimes)}; {createCpu}");
        figures.Add(Step($"W1: create {tasks.Count:N0} tasks through POST /api/v1/plans/{{id}}/tasks, {clients} concurrent clients", "throughput",
            $"{createRate:N0} tasks/s in {createSeconds:N1} s ({Latencies.Summary(createTimes)})", $"≥ {TargetCreateRate} tasks/s", createRate >= TargetCreateRate,
            createCpu, $"{planCount} plans, each client entering its own; no mail per task (Redmine mails the assignee)"));

        // Publication: marked in SQL. Publishing through the API would queue the publication notice to
        // every user of every assigned agency, which is not W1's work. The 7-day horizon is each plan's
        // own reminder offsets 0..7 (the default offsets are 14, 7, 3, 1, 0).
        await using (var connection = await database.OpenConnectionAsync())
        await using (var publish = new NpgsqlCommand(
            "UPDATE plans SET status = 'Published', published_at = now(), reminder_days = '{0,1,2,3,4,5,6,7}'", connection))
            await publish.ExecuteNonQueryAsync();

        // ~60% open: the officer of each lead agency records the other 40% as done, through the API.
        var closeTimes = await CloseAsync(database, http, tasks, created, clients);
        log.WriteLine($"  closed {closeTimes.Count:N0} tasks through the API ({Latencies.Summary(closeTimes)}; set-up, not a W1 figure)");

        // 2. Requests for the open overdue tasks sorted by due date, first 100 (and the total).
        var overdueTimes = new List<double>();
        var overdueTotal = 0;
        cpu = CpuSplit.Start(app, serverPid);
        for (var i = 0; i < overdueRequests; i++)
        {
            var clock = Stopwatch.StartNew();
            var answer = await secretariat.GetAsync("/api/v1/tasks/drilldown?timeliness=inProgressOverdue&sort=delay&pageSize=100");
            overdueTimes.Add(clock.Elapsed.TotalMilliseconds);
            var node = answer.Expect("overdue list").Node;
            overdueTotal = node["total"]!.GetValue<int>();
            var dues = node["items"]!.AsArray().Select(x => x!["deadline"]!["dueOn"]!.GetValue<string>()).ToList();
            if (dues.Count != Math.Min(100, overdueTotal) || !dues.SequenceEqual(dues.Order(StringComparer.Ordinal)))
                throw new InvalidOperationException($"The overdue list is not the first 100 by due date: {dues.Count} items");
        }
        var overdueCpu = cpu.Stop(overdueRequests);
        var expectedOverdue = tasks.Count(t => t.CompletedOn is null && t.DueOn < today);
        if (overdueTotal != expectedOverdue) throw new InvalidOperationException($"{overdueTotal} overdue tasks listed, {expectedOverdue} expected");
        var overdueP50 = Latencies.Percentile(overdueTimes, 50);
        log.WriteLine($"  overdue list ({overdueTotal:N0} open overdue): {Latencies.Summary(overdueTimes)}; {overdueCpu}");
        figures.Add(Step($"W1: open overdue tasks by due date, first 100 with the total (GET /api/v1/tasks/drilldown), {overdueRequests} requests, one client",
            "per request", Latencies.Summary(overdueTimes), $"p50 ≤ {TargetOverdueP50Ms} ms", overdueP50 <= TargetOverdueP50Ms, overdueCpu,
            $"{overdueTotal:N0} open overdue of {tasks.Count:N0}"));

        // 3. The daily jobs over Redmine's reminder scopes, each end to end to aiosmtpd.
        figures.AddRange(await W1Jobs.RunAsync(database, admin, smtp, today, log));

        // 4. Progress updates, 8 concurrent clients: the officers of 8 agencies, each on its agency's open tasks.
        var officers = await OfficerTasks.FindAsync(database, officers: clients, clientsEach: 1);
        var officerClients = await Task.WhenAll(officers.Select(o => ApiClient.SignInAsync(http, o.Email, W1Workload.Password)));
        var updateTimes = new ConcurrentBag<double>();
        var sequence = 0;
        cpu = CpuSplit.Start(app, serverPid);
        wall.Restart();
        await Concurrently.RunAsync(updates, clients, async (c, _) =>
        {
            var (taskId, version, slot) = officers[c].Next(0);
            var clock = Stopwatch.StartNew();
            var answer = await officerClients[c].PostAsync($"/api/v1/tasks/{taskId}/progress", OfficerTasks.Body(version, Interlocked.Increment(ref sequence)));
            updateTimes.Add(clock.Elapsed.TotalMilliseconds);
            officers[c].Saw(0, slot, answer.Expect($"progress on task {taskId}").Node["version"]!.GetValue<int>());
        });
        var updateRate = updates / wall.Elapsed.TotalSeconds;
        var updateCpu = cpu.Stop(updates);
        log.WriteLine($"  {updates:N0} progress updates: {updateRate:N0} updates/s, {Latencies.Summary(updateTimes)}; {updateCpu}");
        figures.Add(Step($"W1: {updates:N0} progress updates (POST /api/v1/tasks/{{id}}/progress), {clients} concurrent clients", "throughput",
            $"{updateRate:N0} updates/s ({Latencies.Summary(updateTimes)})", $"≥ {TargetUpdateRate} updates/s", updateRate >= TargetUpdateRate, updateCpu,
            $"officers of {clients} agencies; no mail per update (Redmine mails the assignee)"));

        var (resident, peak) = app.Memory();
        log.WriteLine($"  app RSS at the end {resident / 1048576:N0} MB, peak over all of W1 {peak / 1048576:N0} MB");
        figures.Add(new Figure("W1: web process peak resident memory over the whole run (VmHWM)", "peak RSS", $"{peak / 1048576:N0} MB",
            "—", "—", "—", "≤ 300 MB", peak <= TargetResidentBytes, $"RSS at the end {resident / 1048576:N0} MB"));
        return figures;
    }

    /// <summary>A measured step's figure, with its CPU per request; no verdict when others took the machine during that step.</summary>
    private static Figure Step(string what, string candidate, string value, string target, bool met, CpuPerRequest cpu, string notes) =>
        new(what, candidate, value, "—", "—", "—", target, met,
            $"{notes}; app CPU {cpu.AppMs:N1} ms and PostgreSQL CPU {cpu.ServerMs:N1} ms per request; others used {cpu.Machine.OthersShare:P0} of the CPU")
        {
            Refusal = cpu.Machine.Refusal,
        };

    /// <summary>Each lead agency's officer records its tasks to close as done; client c takes the agencies c, c + 8, …</summary>
    private static async Task<List<double>> CloseAsync(BenchDatabase database, HttpClient http, IReadOnlyList<W1Task> tasks, long[] created, int clients)
    {
        var versions = new Dictionary<long, int>();
        await using (var connection = await database.OpenConnectionAsync())
        await using (var cmd = new NpgsqlCommand("SELECT id, version FROM plan_tasks", connection))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) versions[reader.GetInt64(0)] = reader.GetInt32(1);
        var times = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            for (var a = c; a < W1Workload.Agencies; a += clients)
            {
                var officer = await ApiClient.SignInAsync(http, W1Workload.OfficerEmail(a), W1Workload.Password);
                for (var i = 0; i < tasks.Count; i++)
                {
                    if (tasks[i].LeadAgencyId != W1Workload.AgencyId(a) || tasks[i].CompletedOn is not { } done) continue;
                    var clock = Stopwatch.StartNew();
                    (await officer.PostAsync($"/api/v1/tasks/{created[i]}/progress", new
                    {
                        version = versions[created[i]], status = "done", percentComplete = 100, note = "Đã hoàn thành, có báo cáo kết quả kèm theo.",
                        completedOn = done, targetActuals = (object[]?)null,
                    })).Expect($"close task {created[i]}");
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        })));
        return times.ToList();
    }
}
