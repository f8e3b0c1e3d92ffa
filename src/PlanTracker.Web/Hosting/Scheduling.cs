using Quartz;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Quartz.NET 4 (Hangfire is not in the registry) on a clustered PostgreSQL store: several
/// nodes share the database and each trigger fires once. Jobs and triggers arrive with the
/// automation issue and are declared in one place here.
/// </summary>
public static class Scheduling
{
    public static void AddPlanTrackerScheduler(this IServiceCollection services, string connectionString)
    {
        services.AddQuartz(q =>
        {
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
