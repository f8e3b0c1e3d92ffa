using System.Diagnostics;
using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Tests.Infrastructure;
using PlanTracker.Tests.Reliability;

namespace PlanTracker.Tests.Jobs;

/// <summary>
/// A node killed while its recurring-job scheduler held a job's Hangfire lock leaves the lock's row
/// behind; Hangfire.PostgreSql deletes it only once it is older than the storage's lock expiry
/// (Scheduler__DistributedLockTimeout). A node restarted before then must still start, and the job
/// must get the restarted node's cron once the row has expired — not before: the lock is honoured.
/// (The failure this guards against: KilledWriterTests' restarted node exited during host start with
/// a distributed-lock timeout on 'lock:recurring-job:outbox-dispatch'.)
/// Alone: Hangfire's log provider is process-wide, set by the last app to configure Hangfire, and an
/// app of another test disposed during this node's 15 s start left it on a disposed logger factory
/// (the node's Hangfire server then failed to start).
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class StaleRecurringJobLockTests
{
    // Hangfire takes "lock:recurring-job:<id>"; Hangfire.PostgreSql stores it in <schema>.lock as "<schema>:<resource>".
    private const string DeadNodesLock = "hangfire:lock:recurring-job:outbox-dispatch";
    private const string CatalogCron = "*/10 * * * * *";
    private const string RestartedNodesCron = "*/20 * * * * *";
    // Longer than Hangfire's own 15 s wait for a recurring job's lock, so the first registration at start
    // cannot outwait the row: the old code failed its start here.
    private static readonly TimeSpan LockExpiry = TimeSpan.FromSeconds(25);

    [Fact]
    public async Task Should_start_beside_a_dead_nodes_recurring_job_lock_and_apply_its_cron_once_the_lock_expires()
    {
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        await using (var first = Node(connectionString)) // creates Hangfire's schema and registers the catalog's crons
            Assert.Equal(CatalogCron, Cron(first));

        // What a node killed inside its scheduler's lock leaves: a fresh row that no live node will release.
        await OneShotSql.ScalarAsync(connectionString,
            $"INSERT INTO hangfire.lock (resource, acquired) VALUES ('{DeadNodesLock}', now() AT TIME ZONE 'UTC') RETURNING 1");
        var sinceLock = Stopwatch.StartNew();

        await using var restarted = Node(connectionString, new()
        {
            ["Jobs:outbox-dispatch:Cron"] = RestartedNodesCron,
            ["Scheduler:DistributedLockTimeout"] = LockExpiry.ToString(),
        });
        var client = restarted.CreateClient(); // starts the host: the old code threw here
        await Poll.UntilAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30), () => "the restarted node to be ready", intervalMs: 200);

        await Poll.UntilAsync(() => Cron(restarted) == RestartedNodesCron, TimeSpan.FromSeconds(60),
            () => $"outbox-dispatch to carry the restarted node's cron (it has '{Cron(restarted)}')", intervalMs: 200);
        // While the row stood nobody wrote past it: the cron changed only once the row had expired.
        Assert.True(sinceLock.Elapsed >= LockExpiry - TimeSpan.FromSeconds(1),
            $"the cron changed {sinceLock.Elapsed.TotalSeconds:0.0} s after the dead node's lock, before its expiry");
    }

    private static AppFactory Node(string connectionString, Dictionary<string, string>? settings = null)
    {
        var node = new AppFactory();
        node.Settings["ConnectionStrings:PlanTracker"] = connectionString;
        foreach (var (key, value) in settings ?? []) node.Settings[key] = value;
        return node;
    }

    private static string Cron(AppFactory node)
    {
        using var connection = node.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Single(r => r.Id == "outbox-dispatch").Cron;
    }
}
