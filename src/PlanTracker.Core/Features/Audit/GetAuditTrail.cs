using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Audit;

/// <summary>The audit trail of one item (a plan, a task, a report…), newest first.</summary>
public static class GetAuditTrail
{
    public sealed record Query(string EntityType, long EntityId) : IRequest<IReadOnlyList<Entry>>;

    public sealed record Entry(DateTimeOffset At, string Action, string? User, string? Data);

    public sealed class Handler(PlanTrackerDbContext db, Authorization.AccessContext access) : IRequestHandler<Query, IReadOnlyList<Entry>>
    {
        public async Task<IReadOnlyList<Entry>> Handle(Query q, CancellationToken ct)
        {
            // A plan's or a task's trail is read as the plan or task is; any other record's only by administrators.
            if (q.EntityType == nameof(Domain.Plan)) await Authorization.ReadScopes.DemandReadPlanAsync(access, db, q.EntityId, ct);
            else if (q.EntityType == nameof(Domain.PlanTask)) await Authorization.ReadScopes.DemandReadTaskAsync(access, db, q.EntityId, ct);
            else if (!access.IsAdmin) throw new Common.ForbiddenException("Only administrators read this audit trail.");
            return await Read(db, q.EntityType, q.EntityId, ct);
        }
    }

    public static async Task<IReadOnlyList<Entry>> Read(PlanTrackerDbContext db, string entityType, long entityId, CancellationToken ct) =>
        await db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new Entry(e.OccurredAt, e.Action, db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(), e.Data))
            .ToListAsync(ct);
}
