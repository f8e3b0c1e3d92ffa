using System.ComponentModel;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Jobs;

/// <summary>
/// What Hangfire runs for a <see cref="JobCatalog"/> entry's recurring job: the entry, as of the
/// province's today, through the same <see cref="JobRunner"/> as a manual run, recorded in job_runs
/// with the occurrence it stands for. Not retried by Hangfire (a failed run is recorded, shows as
/// failed on the Jobs page and in the dashboard, and the next occurrence runs as usual); a run killed
/// with its node is fetched again by another node after the invisibility timeout, and the jobs'
/// idempotency keys make that second execution send nothing twice.
/// </summary>
public sealed class CatalogJob(JobRunner runner, ProvinceClock clock, IConfiguration configuration)
{
    [AutomaticRetry(Attempts = 0)]
    [DisplayName("{0}")]
    public async Task RunAsync(string name, PerformContext? context, CancellationToken ct)
    {
        var job = JobCatalog.Find(name) ?? throw new InvalidOperationException($"No job named '{name}' in the catalog.");
        await runner.RunAsync(job, clock.Today, JobTrigger.Schedule, Occurrence(job, context), ct: ct);
    }

    /// <summary>
    /// Hangfire's "Time" parameter is when its scheduler enqueued the run (in whole seconds); the
    /// occurrence is the schedule's latest fire time at or before it.
    /// </summary>
    private DateTimeOffset? Occurrence(JobDefinition job, PerformContext? context)
    {
        if (context?.GetJobParameter<long?>("Time") is not { } seconds) return null;
        var enqueued = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return JobSchedule.LatestAtOrBefore(JobSchedule.CronOf(job, configuration), enqueued) ?? enqueued;
    }
}
