using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Cascade;

/// <summary>
/// Coverage in one step: the secretariat adds a task to its plan for a parent task it does not yet
/// cover, prefilled from the parent (title, text, deadline, expected output, targets), and linked to it
/// target by target. Only the code and the lead agency are the province's to choose.
/// </summary>
public static class DraftFromParentTask
{
    public sealed record Command([property: JsonIgnore] long PlanId, long ParentTaskId, string Code, long? LeadAgencyId, long? ParentId = null)
        : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(long TaskId, int LinkedTargets);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(50);
            RuleFor(c => c.LeadAgencyId).NotNull().WithMessage(_ => Wording.Pick("Hãy chọn cơ quan chủ trì của tỉnh cho nhiệm vụ.", "Choose the province's lead agency for the task."));
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var province = await access.DemandManagesPlanAsync(db, c.PlanId, ct);
            var parent = await db.Tasks.Where(t => t.Id == c.ParentTaskId)
                .Select(t => new
                {
                    t.PlanId, t.Title, t.Description, t.ExpectedOutput, t.IsGroup, t.Deadline,
                    Targets = t.Targets.OrderBy(x => x.SortOrder).Select(x => new { x.Id, x.Indicator, x.Unit, x.Comparison, x.Value, x.DueOn, x.Baseline, x.UnitText, x.Text }).ToList(),
                })
                .SingleOrDefaultAsync(ct)
                ?? throw new RuleViolationException("parentTaskId", Wording.Pick($"Không có nhiệm vụ cấp trên {c.ParentTaskId}.", $"Parent task {c.ParentTaskId} does not exist."));
            if (parent.IsGroup)
                throw new RuleViolationException("parentTaskId", Wording.Pick("Hãy chọn một nhiệm vụ, không phải mục tiêu đề.", "Choose a task, not a group heading."));
            await CascadeAccess.DemandCanBeParentAsync(db, c.PlanId, parent.PlanId, province, "parentTaskId", ct);
            var d = parent.Deadline;
            var added = await mediator.Send(new AddTask.Command(c.PlanId, c.Code, parent.Title, c.LeadAgencyId, c.ParentId, parent.Description,
                DeadlineText: d.Text, ExpectedOutput: parent.ExpectedOutput,
                Targets: parent.Targets.Select(x => new AddTask.TargetInput(x.Indicator, x.Unit, x.Comparison, x.Value, x.DueOn, x.Baseline, x.UnitText, x.Text)).ToList(),
                Deadline: new AddTask.DeadlineDetail(d.Kind, d.StartOn, d.DueOn, d.WorkingDays, d.Inherited)), ct);
            // A group lead fans the task out: each member's task carries the parent out, the heading does not.
            var carriers = added.FannedOutTaskIds.Count > 0 ? added.FannedOutTaskIds : [added.TaskId];
            var linkedTargets = 0;
            foreach (var taskId in carriers)
            {
                var own = await db.Targets.Where(x => x.TaskId == taskId).OrderBy(x => x.SortOrder).Select(x => x.Id).ToListAsync(ct);
                if (parent.Targets.Count == 0) await mediator.Send(new LinkTask.Command(taskId, c.ParentTaskId), ct);
                for (var i = 0; i < parent.Targets.Count && i < own.Count; i++)
                {
                    await mediator.Send(new LinkTask.Command(taskId, c.ParentTaskId, parent.Targets[i].Id, own[i]), ct);
                    linkedTargets++;
                }
            }
            return new Result(added.TaskId, linkedTargets);
        }
    }
}
