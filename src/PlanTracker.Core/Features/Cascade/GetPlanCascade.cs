using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>A plan's parents (what it implements) and, among the plans the reader may read, those that implement it.</summary>
public static class GetPlanCascade
{
    public sealed record Query(long PlanId) : IRequest<Result>;

    public sealed record PlanRef(long PlanId, string Title, string? Province, bool IsPartial, bool IsDemonstration);

    public sealed record Result(bool IsPartial, string? PartialNote, bool IsDemonstration, IReadOnlyList<PlanRef> Implements,
        IReadOnlyList<PlanRef> ImplementedBy, int ImplementingProvinces, bool CanEdit);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadPlanAsync(db, q.PlanId, ct);
            var plan = await db.Plans.Where(p => p.Id == q.PlanId).Select(p => new { p.IsPartial, p.PartialNote, p.IsDemonstration, p.ProvinceId })
                .SingleOrDefaultAsync(ct) ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {q.PlanId}.", $"Plan {q.PlanId} does not exist."));
            var scope = await access.ReadScopeAsync(db, ct);
            var readable = db.Plans.Readable(scope, db);
            var up = await (from l in db.PlanParents where l.PlanId == q.PlanId
                            join p in readable on l.ParentPlanId equals p.Id
                            orderby p.Title
                            select new PlanRef(p.Id, p.Title, db.Provinces.Where(x => x.Id == p.ProvinceId).Select(x => x.Name).FirstOrDefault(), p.IsPartial, p.IsDemonstration))
                .ToListAsync(ct);
            var down = await (from l in db.PlanParents where l.ParentPlanId == q.PlanId
                              join p in readable on l.PlanId equals p.Id
                              orderby p.Title
                              select new PlanRef(p.Id, p.Title, db.Provinces.Where(x => x.Id == p.ProvinceId).Select(x => x.Name).FirstOrDefault(), p.IsPartial, p.IsDemonstration))
                .ToListAsync(ct);
            // A count of provinces is not another province's tasks: everyone who reads the plan sees how widely it is implemented.
            var provinces = await db.PlanParents.Where(l => l.ParentPlanId == q.PlanId)
                .Select(l => db.Plans.Where(p => p.Id == l.PlanId).Select(p => p.ProvinceId).FirstOrDefault()).Distinct().CountAsync(ct);
            var canEdit = await access.ManagesProvinceAsync(plan.ProvinceId, ct);
            return new Result(plan.IsPartial, plan.PartialNote, plan.IsDemonstration, up, down, provinces, canEdit);
        }
    }
}
