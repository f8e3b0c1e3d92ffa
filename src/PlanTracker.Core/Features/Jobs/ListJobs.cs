using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;
using Hangfire;
using Hangfire.Storage;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>
/// Every job of the catalog with its schedule, its next and previous fire times and its last
/// recorded run (admins and the secretariat). The schedule and its times come from the recurring
/// job in Hangfire's shared storage (any node reads them, a web-only one too); before a scheduling
/// node has registered it, the next time is worked out from the configured cron.
/// </summary>
public static class ListJobs
{
    public sealed record Query : IRequest<IReadOnlyList<Item>>;

    /// <param name="FromScheduler">False when Hangfire's storage holds no such recurring job yet: the cron is this node's configured one and there is no previous time.</param>
    public sealed record Item(string Name, string Cron, string TimeZone, DateTimeOffset? NextFireTime, DateTimeOffset? PreviousFireTime,
        bool FromScheduler, JobRunView? LastRun);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time,
        IConfiguration? configuration = null, JobStorage? storage = null) : IRequestHandler<Query, IReadOnlyList<Item>>
    {
        public async Task<IReadOnlyList<Item>> Handle(Query q, CancellationToken ct)
        {
            JobAccess.Demand(access);
            var stored = Stored(storage);
            var items = new List<Item>();
            foreach (var job in JobCatalog.All)
            {
                // One index range per job (ix_job_runs_job_id), however long the history.
                var last = await db.JobRuns.AsNoTracking().Where(r => r.Job == job.Name).OrderByDescending(r => r.Id)
                    .Select(JobRunView.From(db)).FirstOrDefaultAsync(ct);
                if (stored.TryGetValue(job.Name, out var recurring) && recurring.Cron is { } storedCron)
                {
                    items.Add(new Item(job.Name, storedCron, recurring.TimeZoneId ?? ProvinceClock.Zone.Id,
                        Utc(recurring.NextExecution), Utc(recurring.LastExecution), true, last));
                    continue;
                }
                var cron = JobSchedule.CronOf(job, configuration);
                items.Add(new Item(job.Name, cron, ProvinceClock.Zone.Id, JobSchedule.NextFireAfter(cron, time.GetUtcNow()), null, false, last));
            }
            return items;
        }

        private static Dictionary<string, RecurringJobDto> Stored(JobStorage? storage)
        {
            if (storage is null) return [];
            using var connection = storage.GetConnection();
            return connection.GetRecurringJobs(JobCatalog.All.Select(j => j.Name).ToList())
                .Where(r => !r.Removed).ToDictionary(r => r.Id);
        }

        /// <summary>Hangfire keeps its instants as UTC DateTimes.</summary>
        private static DateTimeOffset? Utc(DateTime? at) => at is { } value ? new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
    }
}

/// <summary>Who operates the jobs and sees the outbox: administrators and the secretariat.</summary>
public static class JobAccess
{
    public static void Demand(AccessContext access)
    {
        if (!access.IsAdmin && !access.IsSecretariat)
            throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên và cơ quan thường trực vận hành các tác vụ và hộp thư đi.", "Only administrators and the secretariat operate the jobs and the outbox."));
    }
}
