using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// The secretariat records that a task of its plan carries out a parent plan's task, optionally one of
/// the parent's targets measured by one of the task's own targets. The plan's parent link follows: a
/// task cannot carry out a plan its plan does not implement.
/// </summary>
public static class LinkTask
{
    public sealed record Command([property: JsonIgnore] long TaskId, long ParentTaskId, long? ParentTargetId = null, long? TargetId = null)
        : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ParentTaskId).GreaterThan(0);
            RuleFor(c => c.TargetId).Null().When(c => c.ParentTargetId is null)
                .WithMessage(_ => Wording.Pick("Chỉ chọn chỉ tiêu của nhiệm vụ khi đã chọn chỉ tiêu cấp trên mà nó đo.", "Choose the task's own target only with the parent target it measures."));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.Where(t => t.Id == c.TaskId).Select(t => new { t.Id, t.PlanId, t.Code }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            var province = await access.DemandManagesPlanAsync(db, task.PlanId, ct);
            var parent = await db.Tasks.Where(t => t.Id == c.ParentTaskId).Select(t => new { t.Id, t.PlanId, t.Code }).SingleOrDefaultAsync(ct)
                ?? throw new RuleViolationException("parentTaskId", Wording.Pick($"Không có nhiệm vụ cấp trên {c.ParentTaskId}.", $"Parent task {c.ParentTaskId} does not exist."));
            await CascadeAccess.DemandCanBeParentAsync(db, task.PlanId, parent.PlanId, province, "parentTaskId", ct);
            if (c.ParentTargetId is { } pt && !await db.Targets.AnyAsync(x => x.Id == pt && x.TaskId == parent.Id, ct))
                throw new RuleViolationException("parentTargetId", Wording.Pick($"Chỉ tiêu {pt} không thuộc nhiệm vụ cấp trên '{parent.Code}'.", $"Target {pt} is not a target of parent task '{parent.Code}'."));
            if (c.TargetId is { } own && !await db.Targets.AnyAsync(x => x.Id == own && x.TaskId == task.Id, ct))
                throw new RuleViolationException("targetId", Wording.Pick($"Chỉ tiêu {own} không thuộc nhiệm vụ '{task.Code}'.", $"Target {own} is not a target of task '{task.Code}'."));

            var now = time.GetUtcNow();
            if (!await db.PlanParents.AnyAsync(p => p.PlanId == task.PlanId && p.ParentPlanId == parent.PlanId, ct))
                db.PlanParents.Add(new PlanParent(task.PlanId, parent.PlanId, now));
            var link = new TaskLink(task.Id, parent.Id, c.ParentTargetId, c.TargetId, access.UserId, now);
            db.TaskLinks.Add(link);
            await db.SaveChangesAsync(ct);
            db.Record(now, access.UserId, "task.link.added", nameof(PlanTask), task.Id, null, new { c.ParentTaskId, c.ParentTargetId, c.TargetId });
            await db.SaveChangesAsync(ct);
            return link.Id;
        }
    }
}
