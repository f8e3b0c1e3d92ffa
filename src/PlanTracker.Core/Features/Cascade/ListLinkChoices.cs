using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// What the secretariat may link a plan or a task to: national plans and its own province's other
/// plans; for a task, the tasks (with their targets) of the plans its plan implements.
/// </summary>
public static class ListLinkChoices
{
    public sealed record Query(long PlanId, long? TaskId = null) : IRequest<Result>;

    public sealed record PlanChoice(long PlanId, string Title, bool IsParent);
    public sealed record TargetChoice(long TargetId, string Text);
    public sealed record TaskChoice(long TaskId, string PlanTitle, string Code, string Title, IReadOnlyList<TargetChoice> Targets);
    public sealed record Result(IReadOnlyList<PlanChoice> Plans, IReadOnlyList<TaskChoice> ParentTasks, IReadOnlyList<TargetChoice> OwnTargets);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var province = await access.DemandManagesPlanAsync(db, q.PlanId, ct);
            var parents = db.PlanParents.Where(p => p.PlanId == q.PlanId).Select(p => p.ParentPlanId);
            var plans = await db.Plans.Where(p => p.Id != q.PlanId && (p.ProvinceId == null || p.ProvinceId == province))
                .OrderBy(p => p.ProvinceId != null).ThenBy(p => p.Title)
                .Select(p => new PlanChoice(p.Id, p.Title, parents.Contains(p.Id))).ToListAsync(ct);
            if (q.TaskId is not { } taskId) return new Result(plans, [], []);
            var tasks = await db.Tasks.Where(t => parents.Contains(t.PlanId) && !t.IsGroup)
                .OrderBy(t => t.Plan.Title).ThenBy(t => t.SortOrder)
                .Select(t => new TaskChoice(t.Id, t.Plan.Title, t.Code, t.Title,
                    t.Targets.OrderBy(x => x.SortOrder).Select(x => new TargetChoice(x.Id, x.Text ?? x.Indicator)).ToList()))
                .ToListAsync(ct);
            var own = await db.Targets.Where(x => x.TaskId == taskId && db.Tasks.Any(t => t.Id == taskId && t.PlanId == q.PlanId))
                .OrderBy(x => x.SortOrder).Select(x => new TargetChoice(x.Id, x.Text ?? x.Indicator)).ToListAsync(ct);
            return new Result(plans, tasks, own);
        }
    }
}
