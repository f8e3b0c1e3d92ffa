using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Audit;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

/// <summary>A task's audit trail and progress reports, newest first, with who did them.</summary>
public static class GetTaskHistory
{
    public sealed record Query(long TaskId) : IRequest<Result>;

    public sealed record ProgressEntry(long Id, DateTimeOffset At, string Agency, string? User, bool IsContribution,
        PlanTaskStatus? Status, int? PercentComplete, string Note);

    public sealed record Result(IReadOnlyList<GetAuditTrail.Entry> Audit, IReadOnlyList<ProgressEntry> Progress);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadTaskAsync(db, q.TaskId, ct);
            var audit = await GetAuditTrail.Read(db, nameof(PlanTask), q.TaskId, ct);
            // A deleted task keeps its audit trail; an id that never was a task is not found.
            if (audit.Count == 0 && !await db.Tasks.AnyAsync(t => t.Id == q.TaskId, ct))
                throw new Common.NotFoundException($"Task {q.TaskId} does not exist.");
            var progress = await db.ProgressUpdates.AsNoTracking()
                .Where(p => p.TaskId == q.TaskId)
                .OrderByDescending(p => p.RecordedAt).ThenByDescending(p => p.Id)
                .Select(p => new ProgressEntry(p.Id, p.RecordedAt,
                    p.AgencyName,
                    db.Users.Where(u => u.Id == p.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                    p.IsContribution, p.Status, p.PercentComplete, p.Note))
                .ToListAsync(ct);
            return new Result(audit, progress);
        }
    }
}
