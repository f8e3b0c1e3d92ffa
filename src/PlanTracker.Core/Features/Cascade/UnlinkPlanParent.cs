using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>The plan no longer implements the parent: its tasks' links to the parent's tasks go with it.</summary>
public static class UnlinkPlanParent
{
    public sealed record Command(long PlanId, long ParentPlanId) : IRequest<int>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        /// <returns>How many task links were removed with it.</returns>
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            await access.DemandManagesPlanAsync(db, c.PlanId, ct);
            var link = await db.PlanParents.SingleOrDefaultAsync(p => p.PlanId == c.PlanId && p.ParentPlanId == c.ParentPlanId, ct)
                ?? throw new NotFoundException(Wording.Pick("Kế hoạch này không thực hiện kế hoạch đó.", "This plan does not implement that plan."));
            var taskLinks = await db.TaskLinks
                .Where(l => db.Tasks.Any(t => t.Id == l.TaskId && t.PlanId == c.PlanId) && db.Tasks.Any(t => t.Id == l.ParentTaskId && t.PlanId == c.ParentPlanId))
                .ToListAsync(ct);
            db.TaskLinks.RemoveRange(taskLinks);
            db.PlanParents.Remove(link);
            db.Record(time.GetUtcNow(), access.UserId, "plan.parent.unlinked", nameof(Plan), c.PlanId,
                new { c.ParentPlanId, TaskLinks = taskLinks.Select(l => new { l.TaskId, l.ParentTaskId, l.ParentTargetId }) }, null);
            await db.SaveChangesAsync(ct);
            return taskLinks.Count;
        }
    }
}
