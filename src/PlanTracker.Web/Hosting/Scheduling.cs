using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;
using Quartz;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Quartz.NET 4 (Hangfire is not in the registry) on a clustered PostgreSQL store: several
/// nodes share the database and each trigger fires once. The jobs are those of
/// <see cref="JobCatalog"/>; a schedule can be overridden with Jobs__&lt;name&gt;__Cron.
/// </summary>
public static class Scheduling
{
    public static void AddPlanTrackerScheduler(this IServiceCollection services, string connectionString, IConfiguration configuration)
    {
        services.AddQuartz(q =>
        {
            foreach (var job in JobCatalog.All)
            {
                q.AddJob<CatalogJob>(j => j.WithIdentity(job.Name).StoreDurably().UsingJobData(CatalogJob.NameKey, job.Name));
                q.AddTrigger(t => Schedule(t, job, configuration));
            }
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "PlanTracker";
                s.GenerateInstanceId = true;
                s.DefaultTimeZone = Core.Common.ProvinceClock.Zone;
            });
            q.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                store.UseSystemTextJsonSerializer();
                store.UseClustering(c =>
                {
                    c.CheckinInterval = TimeSpan.FromSeconds(2);
                    c.CheckinMisfireThreshold = TimeSpan.FromSeconds(5);
                });
                store.ProvisionSchema();
            });
        });
        // A node that starts must not replace the triggers the running nodes fire from: a replaced
        // trigger's next fire time is recomputed from the new one's start, which re-fires or skips
        // fire times. Stored triggers are kept; only a changed schedule is replaced (ScheduleSync).
        services.Configure<QuartzOptions>(o => o.Scheduling.IgnoreDuplicates = true);
        services.AddHostedService(sp => new ScheduleSync(sp.GetRequiredService<ISchedulerFactory>(), configuration,
            sp.GetRequiredService<ILogger<ScheduleSync>>()));
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }

    private static void Schedule(ITriggerConfigurator<IJob> t, JobDefinition job, IConfiguration configuration) =>
        t.ForJob(job.Name).WithIdentity(job.Name)
            .WithCronSchedule(JobCatalog.CronOf(job, configuration), c => c.InTimeZone(ProvinceClock.Zone));

    /// <summary>
    /// Before the scheduler starts: a stored trigger whose cron or time zone differs from the
    /// configuration is rescheduled, so a changed Jobs__&lt;name&gt;__Cron takes effect; an
    /// unchanged one is left alone.
    /// </summary>
    private sealed class ScheduleSync(ISchedulerFactory factory, IConfiguration configuration, ILogger<ScheduleSync> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken ct)
        {
            var scheduler = await factory.GetScheduler(ct);
            foreach (var job in JobCatalog.All)
            {
                var key = new TriggerKey(job.Name);
                var cron = JobCatalog.CronOf(job, configuration);
                if (await scheduler.GetTrigger(key, ct) is not ICronTrigger stored) continue; // new: Quartz adds it
                if (stored.CronExpressionString == cron && stored.TimeZone.Id == ProvinceClock.Zone.Id) continue;
                logger.LogInformation("Job {Job}: schedule changed from '{Old}' to '{New}'", job.Name, stored.CronExpressionString, cron);
                var trigger = TriggerBuilder.Create();
                Schedule(trigger, job, configuration);
                await scheduler.RescheduleJob(key, trigger.Build(), ct);
            }
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
