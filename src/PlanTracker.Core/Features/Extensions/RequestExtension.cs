using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Extensions;

/// <summary>The lead agency asks for a later deadline, with a reason.</summary>
public static class RequestExtension
{
    public sealed record Command(long TaskId, DateOnly RequestedDueOn, [MultiLine] string Reason) : IRequest<long>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(2000);
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == c.TaskId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            await access.DemandAsync(access.LeadsAsync(task.Id, ct),
                $"đề nghị gia hạn nhiệm vụ '{task.Code}' (chỉ cơ quan chủ trì được đề nghị)", $"ask for an extension of task '{task.Code}' (only its lead agency may)");
            if (!task.Deadline.HasDueDate)
                throw new RuleViolationException("taskId", Wording.Pick($"Nhiệm vụ '{task.Code}' không có thời hạn để gia hạn.", $"Task '{task.Code}' has no due date to extend."));
            var current = task.EffectiveDueOn!.Value;
            if (c.RequestedDueOn <= current)
                throw new RuleViolationException("requestedDueOn", Wording.Pick($"Thời hạn mới phải sau thời hạn hiện tại ({current:dd/MM/yyyy}).", $"The new deadline must be after the current one ({current:dd/MM/yyyy})."));
            if (await db.ExtensionRequests.AnyAsync(e => e.TaskId == task.Id && e.State == ExtensionState.Pending, ct))
                throw new RuleViolationException("taskId", Wording.Pick($"Nhiệm vụ '{task.Code}' đã có đề nghị gia hạn đang chờ quyết định.", $"Task '{task.Code}' already has an extension request waiting for a decision."));

            var now = time.GetUtcNow();
            var request = new ExtensionRequest(task.Id, current, c.RequestedDueOn, c.Reason, access.UserId, now);
            db.ExtensionRequests.Add(request);
            db.Record(now, access.UserId, "extension.requested", nameof(PlanTask), task.Id, null,
                new { OriginalDueOn = current, c.RequestedDueOn, c.Reason });
            await db.SaveChangesAsync(ct);
            return request.Id;
        }
    }
}
