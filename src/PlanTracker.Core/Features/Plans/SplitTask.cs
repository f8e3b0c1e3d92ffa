using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Plans;

/// <summary>
/// The secretariat splits an item into parts: it becomes a heading and each part is a new task
/// under it (numbered "code.1", "code.2"…), keeping the item's agencies and deadline.
/// </summary>
public static class SplitTask
{
    public sealed record Command([property: JsonIgnore] long TaskId, int Version, IReadOnlyList<string> PartTitles) : IRequest<IReadOnlyList<long>>, ITransactionalCommand;

    public const int MaxParts = 50;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.PartTitles).Must(p => p.Count >= 2).WithMessage(_ => Wording.Pick("Cần ít nhất hai phần để tách nhiệm vụ.", "A split needs at least two parts."));
            // A task split into thousands of parts is a mistake (or an attack), not a plan: each part is a task to report on.
            RuleFor(c => c.PartTitles).Must(p => p.Count <= MaxParts)
                .WithMessage(_ => Wording.Pick($"Chỉ chia một nhiệm vụ thành tối đa {MaxParts} phần.", $"A task splits into {MaxParts} parts at most."));
            RuleForEach(c => c.PartTitles).NotEmpty().MaximumLength(1000);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, IReadOnlyList<long>>
    {
        public async Task<IReadOnlyList<long>> Handle(Command c, CancellationToken ct)
        {
            var (plan, task) = await PlanEditing.LoadForEditAsync(db, access, c.TaskId, c.Version, ct);
            if (task.IsGroup) throw new RuleViolationException("taskId", Wording.Pick($"'{task.Code}' đã là mục tiêu đề; hãy thêm nhiệm vụ bên dưới.", $"'{task.Code}' is already a heading; add tasks under it."));
            var taken = Enumerable.Range(1, c.PartTitles.Count).Select(i => $"{task.Code}.{i}").Intersect(plan.Tasks.Select(t => t.Code)).FirstOrDefault();
            if (taken is not null)
                throw new RuleViolationException("partTitles", Wording.Pick($"Kế hoạch đã có nhiệm vụ số '{taken}'; hãy đánh số lại trước khi tách '{task.Code}'.", $"This plan already has a task numbered '{taken}'; renumber it before splitting '{task.Code}'."));
            var lead = task.LeadAgency ?? await db.Agencies.FindAsync([task.LeadAgencyId], ct);
            var coordinating = task.CoordinatingAgencies.Select(x => db.Agencies.Find(x.AgencyId)!).ToList();
            var deadline = task.Deadline;
            task.BecomeGroup();
            var parts = c.PartTitles.Select((title, i) =>
            {
                var part = plan.AddTask(task, $"{task.Code}.{i + 1}", title, isGroup: false);
                part.Assign(lead, coordinating);
                part.SetDeadline(deadline);
                return part;
            }).ToList();
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "task.split", nameof(PlanTask), task.Id, null, new { Parts = c.PartTitles });
            await db.SaveChangesAsync(ct);
            return parts.Select(p => p.Id).ToList();
        }
    }
}
