using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// A real streaming replica (pg_basebackup -R, a hot standby started with pg_ctl) behind
/// ConnectionStrings__PlanTrackerReadOnly: the dashboard is read from it while the primary takes a
/// write it has not replayed yet (replay paused: the dashboard shows the old numbers, the task page,
/// read right after the write, the new state); once replay resumes the dashboard catches up; when
/// the replica is stopped the same requests answer 200 from the primary with the same numbers.
/// Also measures the PostgreSQL CPU the dashboard costs each cluster (docs/SCALING.md).
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class ReadReplicaTests(ITestOutputHelper output)
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const int Measured = 30;

    [Fact]
    public async Task Should_serve_the_dashboard_from_the_replica_while_the_primary_takes_writes_and_fall_back_when_it_stops()
    {
        var watch = Stopwatch.StartNew();
        using var primary = await PrivateCluster.StartAsync(seeded: true);
        using var standby = StandbyCluster.Start(primary.ConnectionString);
        output.WriteLine($"primary and standby up {watch.Elapsed}");
        await using var app = new AppFactory();
        app.Settings["ConnectionStrings:PlanTracker"] = primary.ConnectionString;
        app.Settings["ConnectionStrings:PlanTrackerReadOnly"] = standby.ConnectionString;
        app.Settings["Scheduler:Enabled"] = "false";
        await app.InitializeAsync();
        var replica = app.Services.GetRequiredService<ReadReplica>();
        var client = await app.ClientForAsync(Secretariat);

        var before = await Counts(client);
        Assert.True(replica.Served >= 1, "the dashboard did not go to the replica");
        Assert.Equal(0, replica.FellBack);
        Assert.True(await OneShotSql.ScalarAsync(standby.ConnectionString, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'PlanTracker (replica reads)'") > 0,
            "the standby has no connection of the app's replica reads");
        var cpu = await MeasureAsync(client, primary, standby, "replica up");

        // The primary takes a write the replica has not replayed.
        await OneShotSql.ScalarAsync(standby.ConnectionString, "SELECT count(*) FROM (SELECT pg_wal_replay_pause()) p");
        var drill = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks/drilldown?timeliness=inProgressOverdue&pageSize=1");
        var taskId = drill.GetProperty("items")[0].GetProperty("id").GetInt64();
        var version = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task").GetProperty("version").GetInt32();
        var done = await client.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "done", percentComplete = 100, note = "Hoàn thành (bản sao đang trễ)", completedOn = "2026-11-20" });
        Assert.True(done.IsSuccessStatusCode, await done.Content.ReadAsStringAsync());

        // Read right after the write: the primary's, so the writer sees it at once.
        var task = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{taskId}")).GetProperty("task");
        Assert.Equal("done", task.GetProperty("status").GetString());
        // The dashboard may lag: served by the replica, it does not count the write yet.
        Assert.Equal(before, await Counts(client));

        await OneShotSql.ScalarAsync(standby.ConnectionString, "SELECT count(*) FROM (SELECT pg_wal_replay_resume()) p");
        string after = before;
        var catchUp = Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (after = await Counts(client)) != before, TimeSpan.FromSeconds(20),
            () => "the dashboard never showed the write after replay resumed", intervalMs: 200);
        output.WriteLine($"the replica's dashboard showed the write {catchUp.ElapsedMilliseconds} ms after replay resumed");
        var fellBackBefore = replica.FellBack;

        standby.Stop("fast");
        var first = Stopwatch.StartNew();
        var fallback = await client.GetAsync(Dashboard);
        first.Stop();
        Assert.Equal(HttpStatusCode.OK, fallback.StatusCode);
        Assert.Equal(after, Count(await fallback.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.True(replica.FellBack > fellBackBefore, "the request did not fall back from the dead replica");
        var next = Stopwatch.StartNew();
        Assert.Equal(after, await Counts(client)); // marked down: straight to the primary, no second failure
        next.Stop();
        Assert.Equal(fellBackBefore + 1, replica.FellBack);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/tasks/drilldown?timeliness=inProgressOverdue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=chu%20ky%20so")).StatusCode);
        output.WriteLine($"replica stopped: first dashboard {first.ElapsedMilliseconds} ms (failed on the replica, served by the primary), " +
            $"next {next.ElapsedMilliseconds} ms; {watch.Elapsed} in all");
        var alone = await MeasureAsync(client, primary, null, "replica down");
        output.WriteLine($"primary CPU per dashboard: {cpu.Primary:0.0} ms with the replica, {alone.Primary:0.0} ms without; replica {cpu.Replica:0.0} ms");
        Assert.True(cpu.Primary < alone.Primary, "the replica took nothing off the primary");
    }

    private const string Dashboard = "/api/v1/dashboard";

    private static async Task<string> Counts(HttpClient client) => Count(await client.GetFromJsonAsync<JsonElement>(Dashboard));

    private static string Count(JsonElement dashboard) => dashboard.GetProperty("counts").GetRawText();

    /// <summary>PostgreSQL CPU (ms of all the cluster's processes, from /proc) per dashboard request.</summary>
    private async Task<(double Primary, double Replica)> MeasureAsync(HttpClient client, PrivateCluster primary, StandbyCluster? standby, string what)
    {
        var primaryPid = await PostmasterAsync(primary.ConnectionString);
        var standbyPid = standby is null ? 0 : await PostmasterAsync(standby.ConnectionString);
        var (p0, s0) = (ClusterTicks(primaryPid), ClusterTicks(standbyPid));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Measured; i++) await Counts(client);
        var (p, s) = ((ClusterTicks(primaryPid) - p0) * 10.0 / Measured, (ClusterTicks(standbyPid) - s0) * 10.0 / Measured);
        output.WriteLine($"{what}: {Measured} dashboards in {watch.ElapsedMilliseconds} ms; PostgreSQL CPU per request: primary {p:0.0} ms, replica {s:0.0} ms");
        return (p, s);
    }

    private static async Task<int> PostmasterAsync(string connectionString)
    {
        var backend = (int)await OneShotSql.ScalarAsync(connectionString, "SELECT pg_backend_pid()");
        return Stat(backend) is { } stat ? int.Parse(stat[1]) : 0;
    }

    /// <summary>utime + stime (clock ticks of 10 ms) of the postmaster and its children.</summary>
    private static long ClusterTicks(int postmaster)
    {
        if (postmaster == 0) return 0;
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && (pid == postmaster || s[1] == postmaster.ToString()))
                ticks += long.Parse(s[11]) + long.Parse(s[12]);
        return ticks;
    }

    /// <summary>/proc/pid/stat from the state field on (index 0 = state, 1 = ppid, 11 = utime, 12 = stime); null when gone.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
    }
}
