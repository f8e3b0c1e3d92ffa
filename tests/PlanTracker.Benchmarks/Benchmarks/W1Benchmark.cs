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
/// Issue 6 item 3, the peer workload W1, on the real app (its own process, Release build, Kestrel
/// on 127.0.0.1) in a fresh database "plantracker_w1" beside the benchmark's: create 20,000 tasks
/// through the API with 8 concurrent clients; 200 requests for the open overdue tasks sorted by due
/// date, first 100; the daily reminder job for a 7-day horizon (the plans' offsets 0..7) end to end, its mails
/// delivered to aiosmtpd on 127.0.0.1; 2,000 progress updates with 8 concurrent clients. Between
/// the creation and the reads, officers close 40% of the tasks through the API, so about 60% stay open.
/// </summary>
public sealed class W1Benchmark : IBenchmark
{
    public string Name => "w1";
    public string Description => "peer workload W1: 20,000 tasks created through the API, overdue list, 7-day reminders to SMTP, 2,000 progress updates";

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchContext context)
    {
        var (mainDatabase, options, log) = context;
        var clients = options.Concurrency ?? 8;
        var seed = options.Seed ?? 20_261_122;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ProvinceClock.Zone).DateTime);
        var database = await mainDatabase.FreshSiblingAsync("plantracker_w1");
        await using (var connection = await database.OpenConnectionAsync()) await W1Workload.WritePeopleAsync(connection);
        var tasks = W1Workload.Describe(seed, today);
        log.WriteLine($"W1 in {database.Where}: {W1Workload.Agencies} agencies × {W1Workload.UsersPerAgency} users, {tasks.Count:N0} tasks in " +
            $"{W1Workload.Plans} plans, seed {seed}, today {today:yyyy-MM-dd}; {tasks.Count(t => t.CompletedOn is null):N0} to stay open");

        using var smtp = new LocalSmtpServer();
        var settings = new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = smtp.Host, ["Mail__Smtp__Port"] = smtp.Port.ToString(),
            ["Mail__PublicUrl"] = "http://127.0.0.1",
        };
        await using var app = await WebAppProcess.StartAsync(database.ConnectionString, settings);
        using var http = ApiClient.Pool(app.BaseAddress, clients);
        var secretariat = await ApiClient.SignInAsync(http, W1Workload.SecretariatEmail, W1Workload.Password);
        var admin = await ApiClient.SignInAsync(http, W1Workload.AdminEmail, W1Workload.Password); // only administrators run jobs by hand
        var figures = new List<Figure>();
        var load = MachineInfo.Load();

        // Documents and plans: set-up, not measured.
        var plans = new long[W1Workload.Plans];
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

        // 1. Create all 20,000 tasks: each client enters its own plans (two clerks never number the same plan at once).
        var created = new long[tasks.Count];
        var createTimes = new ConcurrentBag<double>();
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
        var createRate = tasks.Count / createSeconds;
        log.WriteLine($"  created {tasks.Count:N0} tasks in {createSeconds:N1} s: {createRate:N0} tasks/s, per request " +
            $"p50 {Figure.Ms(Latencies.Percentile(createTimes, 50))}, p95 {Figure.Ms(Latencies.Percentile(createTimes, 95))}");
        figures.Add(new Figure("W1: create 20,000 tasks through POST /api/v1/plans/{id}/tasks, 8 concurrent clients",
            "wall time", $"{createSeconds:N1} s, {createRate:N0} tasks/s (p50 {Figure.Ms(Latencies.Percentile(createTimes, 50))}, p95 {Figure.Ms(Latencies.Percentile(createTimes, 95))})",
            "—", "—", "—", "reported (peer comparison)", null, $"40 plans of 500 tasks, each client entering 5 plans; load average {load}"));

        // Publication: marked in SQL. Publishing through the API would queue the publication notice
        // (one mail per user of every assigned agency: 40 × 1,800 mails), which is not W1's work.
        // The 7-day horizon is each plan's own reminder offsets, 0..7 days before: Reminders__DaysBefore__N
        // settings would be added to the default offsets (14, 7, 3, 1, 0), not replace them.
        await using (var connection = await database.OpenConnectionAsync())
        await using (var publish = new NpgsqlCommand(
            "UPDATE plans SET status = 'Published', published_at = now(), reminder_days = '{0,1,2,3,4,5,6,7}'", connection))
            await publish.ExecuteNonQueryAsync();

        // ~60% open: officers of each lead agency record the other 40% as done, through the API.
        var closeTimes = await CloseAsync(database, http, tasks, created, clients);
        log.WriteLine($"  closed {closeTimes.Count:N0} tasks through the API ({closeTimes.Sum() / 1000 / clients:N0} s of client time per client)");

        // 2. 200 requests for the open overdue tasks sorted by due date, first 100.
        var overdueTimes = new List<double>();
        var overdueTotal = 0;
        for (var i = 0; i < 200; i++)
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
        var expectedOverdue = tasks.Count(t => t.CompletedOn is null && t.DueOn < today);
        if (overdueTotal != expectedOverdue) throw new InvalidOperationException($"{overdueTotal} overdue tasks listed, {expectedOverdue} expected");
        string P3(IEnumerable<double> t) => $"p50 {Figure.Ms(Latencies.Percentile(t, 50))}, p95 {Figure.Ms(Latencies.Percentile(t, 95))}, p99 {Figure.Ms(Latencies.Percentile(t, 99))}";
        log.WriteLine($"  overdue list ({overdueTotal:N0} open overdue): {P3(overdueTimes)}");
        figures.Add(new Figure($"W1: open overdue tasks by due date, first 100 (GET /api/v1/tasks/drilldown), 200 requests, one client",
            "per request", P3(overdueTimes), "—", "—", "—", "reported (peer comparison)", null, $"{overdueTotal:N0} open overdue of {tasks.Count:N0}"));

        // 3. The reminder job for the 7-day horizon, end to end: run, then the outbox dispatched to aiosmtpd.
        smtp.Clear();
        var reminder = Stopwatch.StartNew();
        var run = (await admin.PostAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = today })).Expect("reminder run").Node;
        var jobMs = reminder.Elapsed.TotalMilliseconds;
        var outcome = run["outcome"]!.GetValue<string>();
        var mails = int.Parse(outcome.Split(' ')[0]);
        // The dispatcher sends 200 per run; the schedule fires it every 10 s, here it is run at once until all are out.
        while (smtp.Received < mails)
        {
            (await admin.PostAsync("/api/v1/jobs/outbox-dispatch/runs", new { asOf = today })).Expect("dispatch run");
            if (reminder.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException($"{smtp.Received} of {mails} reminders delivered after 10 minutes");
        }
        var endToEnd = reminder.Elapsed.TotalSeconds;
        int covered, expectedCovered;
        await using (var connection = await database.OpenConnectionAsync())
        {
            await using (var cmd = new NpgsqlCommand("SELECT count(DISTINCT item)::int FROM notification_log WHERE job = 'deadline-reminders' AND as_of = $1", connection))
            {
                cmd.Parameters.AddWithValue(today);
                covered = (int)(await cmd.ExecuteScalarAsync())!;
            }
            await using (var cmd = new NpgsqlCommand("""
                SELECT count(*)::int FROM plan_tasks WHERE NOT is_group AND status IN ('NotStarted', 'InProgress') AND deadline_due_on BETWEEN $1 AND $1 + 7
                """, connection))
            {
                cmd.Parameters.AddWithValue(today);
                expectedCovered = (int)(await cmd.ExecuteScalarAsync())!;
            }
        }
        if (covered != expectedCovered) throw new InvalidOperationException($"Reminders covered {covered} tasks; {expectedCovered} are open and due within 7 days");
        log.WriteLine($"  reminders: {outcome}, {covered} tasks covered; job {Figure.Ms(jobMs)}, all {smtp.Received:N0} mails at the SMTP server after {endToEnd:N1} s");
        figures.Add(new Figure("W1: daily reminder job, 7-day horizon (offsets 0..7), end to end to aiosmtpd on 127.0.0.1",
            "run + dispatch until the last mail arrived", $"{endToEnd:N1} s ({mails:N0} mails, {covered} tasks covered; job alone {Figure.Ms(jobMs)})",
            "—", "—", "—", "reported (peer comparison)", null,
            $"{mails / endToEnd:N0} mails/s end to end; one mail per officer of each agency with items; dispatcher run back to back (scheduled: 200 every 10 s)"));

        // 4. 2,000 progress updates, 8 concurrent clients: officers of 8 agencies, each on its agency's open tasks.
        var officers = await OfficerTasks.FindAsync(database, officers: clients, clientsEach: 1);
        var officerClients = await Task.WhenAll(officers.Select(o => ApiClient.SignInAsync(http, o.Email, W1Workload.Password)));
        var updateTimes = new ConcurrentBag<double>();
        var sequence = 0;
        wall.Restart();
        await Concurrently.RunAsync(2_000, clients, async (c, _) =>
        {
            var (taskId, version, slot) = officers[c].Next(0);
            var clock = Stopwatch.StartNew();
            var answer = await officerClients[c].PostAsync($"/api/v1/tasks/{taskId}/progress", OfficerTasks.Body(version, Interlocked.Increment(ref sequence)));
            updateTimes.Add(clock.Elapsed.TotalMilliseconds);
            officers[c].Saw(0, slot, answer.Expect($"progress on task {taskId}").Node["version"]!.GetValue<int>());
        });
        var updateRate = 2_000 / wall.Elapsed.TotalSeconds;
        log.WriteLine($"  2,000 progress updates: {updateRate:N0} updates/s, p50 {Figure.Ms(Latencies.Percentile(updateTimes, 50))}, p95 {Figure.Ms(Latencies.Percentile(updateTimes, 95))}");
        var (_, peak) = app.Memory();
        figures.Add(new Figure("W1: 2,000 progress updates (POST /api/v1/tasks/{id}/progress), 8 concurrent clients",
            "throughput and per request", $"{updateRate:N0} updates/s, p50 {Figure.Ms(Latencies.Percentile(updateTimes, 50))}, p95 {Figure.Ms(Latencies.Percentile(updateTimes, 95))}",
            "—", "—", "—", "reported (peer comparison)", null, $"8 officers of 8 agencies; app peak RSS over all of W1 {peak / 1048576:N0} MB"));
        return figures;
    }

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
