using System.Linq.Expressions;
using PlanTracker.Core.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Jobs;

/// <summary>One recorded run as the Jobs page and the API show it.</summary>
public sealed record JobRunView(long Id, string Job, DateOnly AsOf, JobTrigger Trigger, DateTimeOffset? ScheduledFor,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, bool? Succeeded, string? Outcome, string? Error, string Node, string? StartedBy)
{
    public long? DurationMs => FinishedAt is { } end ? (long)(end - StartedAt).TotalMilliseconds : null;

    public static Expression<Func<JobRun, JobRunView>> From(PlanTrackerDbContext db) => r => new JobRunView(r.Id, r.Job, r.AsOf, r.Trigger,
        r.ScheduledFor, r.StartedAt, r.FinishedAt, r.Succeeded, r.Outcome, r.Error, r.Node,
        db.Users.Where(u => u.Id == r.UserId).Select(u => u.Email).FirstOrDefault());
}
