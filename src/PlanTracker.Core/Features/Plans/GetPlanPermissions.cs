using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>Whether the current user manages a plan (its province's secretariat): the page shows the editing forms only then.</summary>
public static class GetPlanPermissions
{
    public sealed record Query(long PlanId) : IRequest<bool>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, bool>
    {
        public async Task<bool> Handle(Query q, CancellationToken ct) =>
            await access.ManagesProvinceAsync(await db.Plans.Where(p => p.Id == q.PlanId).Select(p => p.ProvinceId).SingleOrDefaultAsync(ct), ct);
    }
}
