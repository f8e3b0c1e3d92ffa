using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>
/// The agency's head (or a deputy) hands a task of the agency to one or more of its officers (giao việc),
/// with a due date inside the task's deadline and directions (ý kiến chỉ đạo). Handing it again to the
/// same officer changes the due date and directions; the audit keeps what they were.
/// </summary>
public static class AssignTask
{
    public sealed record Command(long TaskId, IReadOnlyList<long> AssigneeUserIds, DateOnly DueOn, [MultiLine] string Directions) : IRequest<Result>;

    public sealed record Result(IReadOnlyList<long> AssignmentIds);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.AssigneeUserIds).NotEmpty().Must(ids => ids is null || ids.Count <= 50)
                .WithMessage(_ => Wording.Pick("Giao cho nhiều nhất 50 người một lần.", "Assign to at most 50 people at once."));
            RuleFor(c => c.DueOn).NotEmpty();
            RuleFor(c => c.Directions).NotEmpty().MaximumLength(4000);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, AgencyWorkAccess work, ProvinceClock clock, TimeProvider time)
        : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.TaskId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            var agencyId = await work.DemandDirectsAsync($"giao nhiệm vụ '{task.Code}'", $"assign task '{task.Code}'", ct);
            await access.DemandAsync(work.InvolvedInAsync(task.Id, ct),
                $"giao nhiệm vụ '{task.Code}' (không phải nhiệm vụ của cơ quan bạn)", $"assign task '{task.Code}' (not a task of your agency)");
            var today = clock.Today;
            if (task.EffectiveDueOn is { } deadline && c.DueOn > deadline)
                throw new RuleViolationException("dueOn", Wording.Pick(
                    $"Hạn xử lý ({c.DueOn:dd/MM/yyyy}) phải trong thời hạn của nhiệm vụ ({deadline:dd/MM/yyyy}).",
                    $"The due date ({c.DueOn:dd/MM/yyyy}) must be within the task's deadline ({deadline:dd/MM/yyyy})."));
            if (c.DueOn < today)
                throw new RuleViolationException("dueOn", Wording.Pick(
                    $"Hạn xử lý ({c.DueOn:dd/MM/yyyy}) đã qua; hãy chọn từ hôm nay ({today:dd/MM/yyyy}) trở đi.",
                    $"The due date ({c.DueOn:dd/MM/yyyy}) has passed; choose today ({today:dd/MM/yyyy}) or later."));

            var ids = c.AssigneeUserIds.Distinct().ToList();
            var staff = await work.StaffOf(agencyId).Where(u => ids.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
            var agencyName = (await access.AgencyAsync(ct))!.Value.Name;
            foreach (var (id, i) in c.AssigneeUserIds.Select((x, i) => (x, i)))
                if (!staff.Contains(id))
                    throw new RuleViolationException($"assigneeUserIds[{i}]", Wording.Pick(
                        $"Người được giao: tài khoản {id} không phải cán bộ của {agencyName}.",
                        $"Assignee: account {id} is not an officer of {agencyName}."));

            var now = time.GetUtcNow();
            var me = access.UserId;
            var myName = await db.NameOfAsync(me, ct);
            var existing = await db.TaskAssignments.Where(a => a.TaskId == task.Id && ids.Contains(a.AssigneeUserId)).ToListAsync(ct);
            var saved = new List<TaskAssignment>();
            foreach (var userId in ids)
            {
                var assignment = existing.SingleOrDefault(a => a.AssigneeUserId == userId);
                var before = assignment is null ? null : new { assignment.AssigneeUserId, assignment.DueOn, assignment.Directions };
                if (assignment is null) db.TaskAssignments.Add(assignment = new TaskAssignment(task.Id, agencyId, userId));
                assignment.Give(c.DueOn, c.Directions, me, myName, now);
                db.Record(now, me, "task.assigned", nameof(PlanTask), task.Id, before, new { AssigneeUserId = userId, c.DueOn, c.Directions });
                saved.Add(assignment);
            }
            db.NotifyUsers(ids, me, NotificationKind.Assigned, task, myName, c.Directions, now);
            await db.SaveChangesAsync(ct);
            return new Result(saved.Select(a => a.Id).ToList());
        }
    }
}
