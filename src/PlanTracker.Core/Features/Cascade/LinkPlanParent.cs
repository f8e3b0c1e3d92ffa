using System.Text.Json.Serialization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>The secretariat records that its plan implements a parent plan (national, or its own province's).</summary>
public static class LinkPlanParent
{
    public sealed record Command([property: JsonIgnore] long PlanId, long ParentPlanId) : IRequest<bool>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, bool>
    {
        /// <returns>False when the plan already implements the parent (nothing changes).</returns>
        public async Task<bool> Handle(Command c, CancellationToken ct)
        {
            var province = await access.DemandManagesPlanAsync(db, c.PlanId, ct);
            await CascadeAccess.DemandCanBeParentAsync(db, c.PlanId, c.ParentPlanId, province, "parentPlanId", ct);
            if (await db.PlanParents.AnyAsync(p => p.PlanId == c.PlanId && p.ParentPlanId == c.ParentPlanId, ct)) return false;
            db.PlanParents.Add(new PlanParent(c.PlanId, c.ParentPlanId, time.GetUtcNow()));
            db.Record(time.GetUtcNow(), access.UserId, "plan.parent.linked", nameof(Plan), c.PlanId, null, new { c.ParentPlanId });
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
