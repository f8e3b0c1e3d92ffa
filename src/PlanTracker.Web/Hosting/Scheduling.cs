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
                q.AddTrigger(t => t.ForJob(job.Name).WithIdentity(job.Name)
                    .WithCronSchedule(configuration[$"Jobs:{job.Name}:Cron"] ?? job.DefaultCron, c => c.InTimeZone(ProvinceClock.Zone)));
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
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
    }
}
