using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// A task's place in the cascade: the parent tasks it carries out, and the tasks that carry it out
/// that the reader may read (decision 0013): a province never sees another province's tasks here.
/// </summary>
public static class GetTaskLinks
{
    public sealed record Query(long TaskId) : IRequest<Result>;

    public sealed record Up(long LinkId, long ParentTaskId, string ParentCode, string ParentTitle, long ParentPlanId, string ParentPlanTitle,
        bool ParentPlanIsPartial, bool ParentPlanIsDemonstration, string? ParentTarget, string? OwnTarget);

    public sealed record Down(long TaskId, string Code, string Title, long PlanId, string PlanTitle, string? Province, bool IsDemonstration);

    public sealed record Result(IReadOnlyList<Up> CarriesOut, IReadOnlyList<Down> CarriedOutBy, bool CanEdit);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            await access.DemandReadTaskAsync(db, q.TaskId, ct);
            if (!await db.Tasks.AnyAsync(t => t.Id == q.TaskId, ct))
                throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {q.TaskId}.", $"Task {q.TaskId} does not exist."));
            var up = await (from l in db.TaskLinks
                            where l.TaskId == q.TaskId
                            join p in db.Tasks on l.ParentTaskId equals p.Id
                            orderby p.Plan.Title, p.SortOrder
                            select new Up(l.Id, p.Id, p.Code, p.Title, p.PlanId, p.Plan.Title, p.Plan.IsPartial, p.Plan.IsDemonstration,
                                db.Targets.Where(x => x.Id == l.ParentTargetId).Select(x => x.Text ?? x.Indicator).FirstOrDefault(),
                                db.Targets.Where(x => x.Id == l.TargetId).Select(x => x.Text ?? x.Indicator).FirstOrDefault()))
                .ToListAsync(ct);
            var scope = await access.ReadScopeAsync(db, ct);
            var readable = db.Tasks.Readable(scope, db);
            // A task linked to this one twice (by two targets) is listed once: distinct first, then ordered
            // (an ordering before DISTINCT is not kept).
            var down = (await (from l in db.TaskLinks
                               where l.ParentTaskId == q.TaskId
                               join t in readable on l.TaskId equals t.Id
                               select new
                               {
                                   t.Id, t.Code, t.Title, t.PlanId, PlanTitle = t.Plan.Title, t.SortOrder, t.Plan.IsDemonstration,
                                   Province = db.Provinces.Where(p => p.Id == t.Plan.ProvinceId).Select(p => p.Name).FirstOrDefault(),
                               })
                    .Distinct().OrderBy(x => x.PlanTitle).ThenBy(x => x.SortOrder).ToListAsync(ct))
                .Select(x => new Down(x.Id, x.Code, x.Title, x.PlanId, x.PlanTitle, x.Province, x.IsDemonstration)).ToList();
            var canEdit = await access.ManagesPlanOfTaskAsync(q.TaskId, ct);
            return new Result(up, down, canEdit);
        }
    }
}
