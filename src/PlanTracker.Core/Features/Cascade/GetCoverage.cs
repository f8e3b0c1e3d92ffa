using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// Coverage for the province (issue 18, item 3): for each parent plan its province's plans implement,
/// the parent's tasks and targets that no task of the province carries out yet.
/// </summary>
public static class GetCoverage
{
    public sealed record Query : IRequest<Result>;

    public sealed record OwnPlan(long PlanId, string Title);
    public sealed record Gap(long TaskId, string Code, string Title, string DeadlineText, bool Uncovered, IReadOnlyList<GapTarget> UncoveredTargets);
    public sealed record GapTarget(long TargetId, string Text);
    public sealed record ParentPlan(long PlanId, string Title, bool IsPartial, string? PartialNote, bool IsDemonstration,
        IReadOnlyList<OwnPlan> ImplementedBy, int Tasks, int Covered, IReadOnlyList<Gap> Gaps);
    public sealed record Result(long ProvinceId, IReadOnlyList<ParentPlan> Parents);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var province = await access.SecretariatProvinceAsync(db, ct);
            var links = await (from l in db.PlanParents
                               join p in db.Plans on l.PlanId equals p.Id
                               where p.ProvinceId == province
                               select new { l.ParentPlanId, p.Id, p.Title }).ToListAsync(ct);
            var parents = new List<ParentPlan>();
            foreach (var group in links.GroupBy(l => l.ParentPlanId))
            {
                var parent = await db.Plans.Where(p => p.Id == group.Key)
                    .Select(p => new { p.Id, p.Title, p.IsPartial, p.PartialNote, p.IsDemonstration }).SingleAsync(ct);
                // The province's links into this parent: by parent task, and by parent target.
                var ownLinks = db.TaskLinks.Where(l => db.Tasks.Any(t => t.Id == l.TaskId && t.Plan.ProvinceId == province));
                var tasks = await db.Tasks.Where(t => t.PlanId == parent.Id && !t.IsGroup).OrderBy(t => t.SortOrder)
                    .Select(t => new
                    {
                        t.Id, t.Code, t.Title, t.Deadline.Text,
                        Covered = ownLinks.Any(l => l.ParentTaskId == t.Id),
                        Targets = t.Targets.OrderBy(x => x.SortOrder)
                            .Where(x => !ownLinks.Any(l => l.ParentTargetId == x.Id))
                            .Select(x => new GapTarget(x.Id, x.Text ?? x.Indicator)).ToList(),
                    })
                    .ToListAsync(ct);
                var gaps = tasks.Where(t => !t.Covered || t.Targets.Count > 0)
                    .Select(t => new Gap(t.Id, t.Code, t.Title, t.Text, !t.Covered, t.Targets)).ToList();
                parents.Add(new ParentPlan(parent.Id, parent.Title, parent.IsPartial, parent.PartialNote, parent.IsDemonstration,
                    group.Select(g => new OwnPlan(g.Id, g.Title)).ToList(), tasks.Count, tasks.Count(t => t.Covered), gaps));
            }
            return new Result(province, parents.OrderBy(p => p.Title).ToList());
        }
    }
}
