using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>The secretariat corrects a task: numbering, text, agencies, deadline, targets.</summary>
public static class EditTask
{
    public sealed record Command([property: JsonIgnore] long TaskId, int Version, string Code, string Title, [MultiLine] string? Description, [MultiLine] string? ExpectedOutput,
        long? LeadAgencyId, IReadOnlyList<long>? CoordinatingAgencyIds, string? DeadlineText,
        IReadOnlyList<AddTask.TargetInput>? Targets = null) : IRequest<int>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Code).NotEmpty().MaximumLength(50);
            RuleFor(c => c.Title).NotEmpty().MaximumLength(1000);
            RuleFor(c => c.Description).MaximumLength(10000);
            RuleFor(c => c.DeadlineText).MaximumLength(300);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (plan, task) = await PlanEditing.LoadForEditAsync(db, access, c.TaskId, c.Version, ct);
            if (plan.Tasks.Any(t => t != task && t.Code == c.Code)) throw new RuleViolationException("code", Wording.Pick($"Kế hoạch đã có nhiệm vụ mục '{c.Code}'.", $"This plan already has a task numbered '{c.Code}'."));
            if (!task.IsGroup && c.LeadAgencyId is null) throw new RuleViolationException("leadAgencyId", Wording.Pick("Hãy chọn cơ quan chủ trì: chỉ mục tiêu đề (nhóm nhiệm vụ) mới không có cơ quan chủ trì.", "Choose the lead agency: only a group heading has none."));
            var ids = (c.CoordinatingAgencyIds ?? []).Append(c.LeadAgencyId ?? 0).Where(id => id != 0).Distinct().ToList();
            var agencies = await db.Agencies.Where(a => ids.Contains(a.Id) && a.ProvinceId == plan.ProvinceId).ToDictionaryAsync(a => a.Id, ct);
            foreach (var id in ids.Where(id => !agencies.ContainsKey(id)))
                throw new RuleViolationException(id == c.LeadAgencyId ? "leadAgencyId" : "coordinatingAgencyIds", Wording.Pick($"Cơ quan {id} không thuộc tỉnh này.", $"Agency {id} is not an agency of this province."));
            var deadline = DeadlineText.ParseOrRefuse(c.DeadlineText, await db.WorkingDayCalendarAsync(ct));

            var before = new { task.Code, task.Title, task.LeadAgencyId, Deadline = task.Deadline.Text, Targets = task.Targets.Count };
            task.Retitle(c.Code, c.Title);
            task.Describe(c.Description, c.ExpectedOutput);
            task.Assign(c.LeadAgencyId is { } lead ? agencies[lead] : null, (c.CoordinatingAgencyIds ?? []).Select(id => agencies[id]));
            task.SetDeadline(deadline);
            if (c.Targets is { } targets)
            {
                foreach (var old in task.Targets.ToList()) task.RemoveTarget(old);
                foreach (var t in targets) task.AddTarget(t.Indicator, t.Unit, t.UnitText, t.Comparison, t.Value, t.DueOn, t.Baseline, null);
            }
            db.Record(time.GetUtcNow(), access.UserId, "task.edited", nameof(PlanTask), task.Id, before,
                new { c.Code, c.Title, c.LeadAgencyId, Deadline = c.DeadlineText, Targets = task.Targets.Count });
            await db.SaveChangesAsync(ct);
            return task.Version;
        }
    }
}
