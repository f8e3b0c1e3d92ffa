using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using PlanTracker.Core.Jobs;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Hangfire on Hangfire.PostgreSql (decision 0017): every node shares the storage (schema "hangfire"
/// of the app's database), so any node shows the jobs and the dashboard; a node with the scheduler
/// (Scheduler__Enabled, the default) also runs a Hangfire server. Each <see cref="JobCatalog"/> entry
/// is a recurring job of the same name, in Asia/Ho_Chi_Minh; Jobs__&lt;name&gt;__Cron overrides its
/// schedule (<see cref="JobSchedule"/>).
/// </summary>
public static class Scheduling
{
    /// <summary>Hangfire's storage on every node; the server, the recurring jobs and its readiness check only with the scheduler.</summary>
    public static void AddPlanTrackerJobs(this IServiceCollection services, string connectionString, IConfiguration configuration, bool runsScheduler)
    {
        var section = configuration.GetSection("Scheduler");
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire", // its own tables, apart from the migrations'
            PrepareSchemaIfNecessary = true,
            // A fetched job is kept invisible to the other nodes by a heartbeat every timeout / 5 while
            // its node lives; a killed node's job is fetched again this long after its last heartbeat.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = section.GetValue("InvisibilityTimeout", TimeSpan.FromSeconds(30)),
            // LISTEN/NOTIFY: an enqueued job starts at once; the poll only finds jobs made visible again.
            EnableLongPolling = true,
            QueuePollInterval = section.GetValue("QueuePollInterval", TimeSpan.FromSeconds(5)),
            // Hangfire's locks are rows that nothing renews: a node killed while holding one leaves it,
            // and any node deletes it once it is older than this. Hangfire's own holds are short (a
            // recurring job's lasts while its scheduler enqueues it); below the longest hold, two nodes
            // could hold one lock. Tests shorten it to outlive a dead node's lock quickly.
            DistributedLockTimeout = section.GetValue("DistributedLockTimeout", TimeSpan.FromMinutes(1)),
        };
        // The storage and the job activator are this app's own singletons. Hangfire's defaults are the
        // process-wide JobStorage.Current and JobActivator.Current, which the last app to configure itself
        // sets: with two apps in one process (the tests), an app starting while another configured could
        // take the other's storage and trigger or run its jobs in the other's database.
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, c) => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        if (!runsScheduler) return;

        services.AddSingleton<SchedulerIdentity>();
        // Before the server's hosted service, so that the first schedule pass sees this node's crons
        // (but for a job whose lock a dead node left: its change follows once the lock expires).
        services.AddHostedService<RecurringJobRegistration>();
        services.AddHangfireServer((sp, o) =>
        {
            o.ServerName = sp.GetRequiredService<SchedulerIdentity>().ServerName;
            o.WorkerCount = section.GetValue("WorkerCount", 4);
            // The recurring and delayed job schedulers look every second: outbox-dispatch runs every 10 s.
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
            o.HeartbeatInterval = TimeSpan.FromSeconds(5);
            o.ServerCheckInterval = TimeSpan.FromSeconds(30);
            o.ServerTimeout = TimeSpan.FromMinutes(1);
            o.ShutdownTimeout = TimeSpan.FromSeconds(15);
        });
    }
}

/// <summary>
/// This app's Hangfire server name: host, process and a per-app suffix (tests run several apps in one
/// process), so the readiness check finds its own server's heartbeat among the cluster's.
/// </summary>
public sealed class SchedulerIdentity
{
    public string ServerName { get; } = $"{JobRunner.Node}:{Guid.NewGuid().ToString("N")[..8]}".ToLowerInvariant();
}
