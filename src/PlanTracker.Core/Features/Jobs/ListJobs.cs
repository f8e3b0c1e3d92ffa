using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;
using Quartz;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>
/// Every job of the catalog with its schedule, its next and previous fire times and its last
/// recorded run (admins and the secretariat). The times come from the Quartz trigger in the
/// shared store; on a node that runs no scheduler the next time is worked out from the cron.
/// </summary>
public static class ListJobs
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    /// <param name="FromScheduler">False when this node runs no scheduler: the cron is the configured one and there is no previous time.</param>
    public sealed record Item(string Name, string Cron, string TimeZone, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime,
        bool FromScheduler, JobRunView? LastRun);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time,
        IConfiguration? configuration = null, ISchedulerFactory? schedulers = null) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            JobAccess.Demand(access);
            var scheduler = schedulers is null ? null : await schedulers.GetScheduler(ct);
            var items = new List<Item>();
            foreach (var job in JobCatalog.All)
            {
                // One index range per job (ix_job_runs_job_id), however long the history.
                var last = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name).OrderByDescending(r => r.Id)
                    .Select(JobRunView.From(db)).FirstOrDefaultAsync(ct);
                var trigger = scheduler is null ? null : await scheduler.GetTrigger(new TriggerKey(job.Name), ct) as ICronTrigger;
                if (trigger is not null)
                {
                    items.Add(new Item(job.Name, trigger.CronExpressionString ?? job.DefaultCron, trigger.TimeZone.Id,
                        trigger.NextFireTimeUtc, trigger.PreviousFireTimeUtc, true, last));
                    continue;
                }
                var cron = JobCatalog.CronOf(job, configuration);
                items.Add(new Item(job.Name, cron, ProvinceClock.Zone.Id, JobCatalog.NextFireAfter(cron, time.GetUtcNow()), null, false, last));
            }
            return items;
        }
    }
}

/// <summary>Who operates the jobs and sees the outbox: administrators and the secretariat.</summary>
public static class JobAccess
{
    public static void Demand(AccessContext access)
    {
        if (!access.IsAdmin && !access.IsSecretariat)
            throw new ForbiddenException("Only administrators and the secretariat operate the jobs and the outbox.");
    }
}
