using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Audit;

/// <summary>
/// The audit trail of one item (a plan, a task, a report…), newest first, a page at a time. A plan's trail
/// holds what was done to its tasks as well (a task added, progress recorded), each with the task's number.
/// </summary>
public static class GetAuditTrail
{
    public sealed record Query(string EntityType, long EntityId, int Page = 1, int PageSize = 50) : IRequest<Common.Paged<Entry>>;

    /// <param name="UserAgency">The agency of who did it, as they are now: "Nguyễn Văn A (Sở Nội vụ)".</param>
    /// <param name="TaskCode">On a plan's trail, the number of the task the entry is about.</param>
    public sealed record Entry(DateTimeOffset At, string Action, string? User, string? Data, string? UserAgency = null, string? TaskCode = null);

    public sealed class Handler(PlanTrackerDbContext db, Authorization.AccessContext access) : IRequestHandler<Query, Common.Paged<Entry>>
    {
        public async Task<Common.Paged<Entry>> Handle(Query q, CancellationToken ct)
        {
            // A plan's or a task's trail is read as the plan or task is; any other record's only by administrators.
            if (q.EntityType == nameof(Domain.Plan)) await Authorization.ReadScopes.DemandReadPlanAsync(access, db, q.EntityId, ct);
            else if (q.EntityType == nameof(Domain.PlanTask)) await Authorization.ReadScopes.DemandReadTaskAsync(access, db, q.EntityId, ct);
            else if (!access.IsAdmin) throw new Common.ForbiddenException(Common.Wording.Pick(
                "Chỉ quản trị viên được xem nhật ký này.", "Only administrators read this audit trail."));
            return await Common.PagedQueries.ToPagedAsync(Entries(db, q.EntityType, q.EntityId), q.Page, q.PageSize, ct);
        }
    }

    public static async Task<IReadOnlyList<Entry>> Read(PlanTrackerDbContext db, string entityType, long entityId, CancellationToken ct) =>
        await Entries(db, entityType, entityId).ToListAsync(ct);

    private static IQueryable<Entry> Entries(PlanTrackerDbContext db, string entityType, long entityId)
    {
        var events = db.AuditEvents.AsNoTracking().Where(e => e.EntityType == entityType && e.EntityId == entityId);
        if (entityType == nameof(Domain.Plan))
        {
            var tasks = db.Tasks.Where(t => t.PlanId == entityId).Select(t => (long?)t.Id);
            events = db.AuditEvents.AsNoTracking().Where(e => (e.EntityType == entityType && e.EntityId == entityId)
                || (e.EntityType == nameof(Domain.PlanTask) && tasks.Contains(e.EntityId)));
        }
        return events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new Entry(e.OccurredAt, e.Action,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(), e.Data,
                db.Users.Where(u => u.Id == e.UserId && u.Agency != null).Select(u => u.Agency!.ShortName ?? u.Agency.Name).FirstOrDefault(),
                e.EntityType == nameof(Domain.PlanTask) && entityType != nameof(Domain.PlanTask)
                    ? db.Tasks.Where(t => t.Id == e.EntityId).Select(t => t.Code).FirstOrDefault() : null));
    }
}
