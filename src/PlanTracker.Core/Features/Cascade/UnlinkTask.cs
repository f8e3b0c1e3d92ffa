using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>The secretariat removes a link of its plan's task; the plan keeps implementing the parent plan.</summary>
public static class UnlinkTask
{
    public sealed record Command(long LinkId) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            var link = await db.TaskLinks.SingleOrDefaultAsync(l => l.Id == c.LinkId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có liên kết {c.LinkId}.", $"Link {c.LinkId} does not exist."));
            var planId = await db.Tasks.Where(t => t.Id == link.TaskId).Select(t => t.PlanId).SingleAsync(ct);
            await access.DemandManagesPlanAsync(db, planId, ct);
            db.TaskLinks.Remove(link);
            db.Record(time.GetUtcNow(), access.UserId, "task.link.removed", nameof(PlanTask), link.TaskId,
                new { link.ParentTaskId, link.ParentTargetId, link.TargetId }, null);
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
