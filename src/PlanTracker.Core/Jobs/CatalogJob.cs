using MediatR;
using Microsoft.Extensions.Logging;
using PlanTracker.Core.Common;
using Quartz;

namespace PlanTracker.Core.Jobs;

/// <summary>
/// Runs one <see cref="JobCatalog"/> entry. The as-of date is the province's today unless the run
/// names one (a manual run "as of" a past or future day). One execution at a time per job across
/// the cluster; exceptions reach Quartz and the log.
/// </summary>
[DisallowConcurrentExecution]
public sealed class CatalogJob(IMediator mediator, ProvinceClock clock, ILogger<CatalogJob> logger) : IJob
{
    public const string NameKey = "job";
    public const string AsOfKey = "asOf";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        var name = context.MergedJobDataMap.GetString(NameKey) ?? context.JobDetail.Key.Name;
        var job = JobCatalog.Find(name) ?? throw new JobExecutionException($"No job named '{name}' in the catalog.");
        var asOf = context.MergedJobDataMap.GetString(AsOfKey) is { } given ? DateOnly.Parse(given, System.Globalization.CultureInfo.InvariantCulture) : clock.Today;
        var outcome = await job.Run(mediator, asOf, ct);
        context.Result = outcome;
        // Debug: the outbox job runs every few seconds; the Jobs page (issue 4) keeps the run history.
        logger.LogDebug("Job {Job} as of {AsOf}: {Outcome}", name, asOf.ToString("yyyy-MM-dd"), outcome);
    }
}
