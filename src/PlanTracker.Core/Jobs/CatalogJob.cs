using PlanTracker.Core.Common;
using Quartz;

namespace PlanTracker.Core.Jobs;

/// <summary>
/// Runs one <see cref="JobCatalog"/> entry when its trigger fires, as of the province's today,
/// through the same <see cref="JobRunner"/> as a manual run. One execution at a time per job
/// across the cluster; a failure is recorded in job_runs and then reaches Quartz and the log.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CatalogJob(JobRunner runner, ProvinceClock clock) : IJob
{
    public const string NameKey = "job";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var name = context.MergedJobDataMap.GetString(NameKey) ?? context.JobDetail.Key.Name;
        var job = JobCatalog.Find(name) ?? throw new JobExecutionException($"No job named '{name}' in the catalog.");
        var run = await runner.RunAsync(job, clock.Today, JobTrigger.Schedule, context.ScheduledFireTimeUtc, ct: ct);
        context.Result = run.Outcome;
    }
}
