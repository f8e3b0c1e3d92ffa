using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// PlanTracker behind Debian's pgbouncer in TRANSACTION pooling (4 server connections for the
/// app's many): the requests' connection string goes through it with the Npgsql settings of decision
/// 0026, and ConnectionStrings__PlanTrackerDirect goes around it for what needs a session (the
/// migrator's and the jobs' advisory locks, Hangfire's LISTEN/NOTIFY). Officers write at once, the
/// secretariat reads the dashboard, searches and compiles the quarterly report (a session lock held
/// across a transaction), the administrator runs a job; every answer is a success, and pgbouncer's own
/// statistics show the transactions went through it.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class PgBouncerTests(ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int WritesEach = 10;

    [Fact]
    public async Task Should_work_through_pgbouncer_in_transaction_pooling_with_session_work_on_the_direct_connection()
    {
        var direct = await TestDatabases.CreateAsync(seeded: true);
        var database = new NpgsqlConnectionStringBuilder(direct).Database!;
        using var bouncer = await PgBouncer.StartAsync(direct, poolSize: 4);
        await using var app = new AppFactory();
        app.Settings["ConnectionStrings:PlanTracker"] = bouncer.ConnectionString(database);
        app.Settings["ConnectionStrings:PlanTrackerDirect"] = direct;
        await app.InitializeAsync();
        var before = bouncer.Transactions(database);

        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        // Tasks already in progress (late or not), so recording "in progress" again is a plain update.
        var tasks = new List<long>();
        foreach (var timeliness in new[] { "inProgressOverdue", "inProgressWithinDeadline" })
        {
            var mine = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/my/tasks?involvement=lead&timeliness={timeliness}&pageSize=50");
            tasks.AddRange(mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()));
        }
        tasks = tasks.Take(Writers).ToList();
        Assert.True(tasks.Count >= 3, $"only {tasks.Count} tasks to write to");
        var watch = Stopwatch.StartNew();
        var statuses = await Task.WhenAll(tasks.Select(id => WriteAsync(app, id)));
        watch.Stop();
        Assert.All(statuses.SelectMany(s => s), s => Assert.Equal(HttpStatusCode.OK, s));
        output.WriteLine($"{tasks.Count * WritesEach} progress updates by {tasks.Count} clients through pgbouncer (4 server connections) in {watch.ElapsedMilliseconds} ms");

        // Connections per node (docs/SCALING.md): the app's many clients share the pool's few server connections;
        // the direct ones (Hangfire, lock guards) are the cluster's other backends in this database.
        var (clients, servers) = bouncer.Connections(database);
        var backends = await OneShotSql.ScalarAsync(direct, "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()");
        output.WriteLine($"after the writes: {clients} client connections to pgbouncer on {servers} server connections; " +
            $"{backends - servers} direct connections (Hangfire, locks); {backends} backends in all");
        Assert.InRange(servers, 1, 4);

        var last = (await officer.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{tasks[0]}")).GetProperty("task");
        Assert.Equal(WritesEach, last.GetProperty("percentComplete").GetInt32());

        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/v1/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await secretariat.GetAsync("/api/v1/search?q=chu%20ky%20so")).StatusCode);
        var compiled = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2026, quarter = 3 });
        Assert.True(compiled.IsSuccessStatusCode, await compiled.Content.ReadAsStringAsync());
        var again = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2026, quarter = 3 });
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var job = await admin.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2026-11-22" });
        Assert.True(job.IsSuccessStatusCode, await job.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/health/ready")).StatusCode);

        var through = bouncer.Transactions(database) - before;
        output.WriteLine($"pgbouncer passed {through} transactions to {database}");
        Assert.True(through >= tasks.Count * WritesEach, $"only {through} transactions went through pgbouncer");
        // No session is left holding an advisory lock (one taken and released on different server connections would
        // stay); a scheduled run of this app may hold its job's lock for a moment.
        await Poll.UntilAsync(async () => await OneShotSql.ScalarAsync(direct, """
            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
            """) == 0, TimeSpan.FromSeconds(20), () => "an advisory lock stayed held", intervalMs: 250);
    }

    /// <summary>One officer's client: progress 1 %, 2 % … on one task, each with the version the last answer gave.</summary>
    private static async Task<List<HttpStatusCode>> WriteAsync(AppFactory app, long taskId)
    {
        var http = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var version = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task").GetProperty("version").GetInt32();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= WritesEach; i++)
        {
            var response = await http.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
                new { version, status = "inProgress", percentComplete = i, note = $"pgbouncer {i}" });
            statuses.Add(response.StatusCode);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException(await response.Content.ReadAsStringAsync());
            version = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32();
        }
        return statuses;
    }
}
