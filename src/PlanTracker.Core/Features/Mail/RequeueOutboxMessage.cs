using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Email;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Mail;

/// <summary>
/// An administrator gives a dead message (set aside after its last attempt) a fresh set of
/// attempts, once the cause is fixed. It keeps its Message-ID: it is the same message.
/// </summary>
public static class RequeueOutboxMessage
{
    public sealed record Command(long Id) : IRequest<Unit>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, Unit>
    {
        public async Task<Unit> Handle(Command c, CancellationToken ct)
        {
            if (!access.IsAdmin) throw new ForbiddenException(Wording.Pick("Chỉ quản trị viên đưa thư gửi hỏng vào hàng đợi lại.", "Only administrators requeue dead messages."));
            var now = time.GetUtcNow();
            var requeued = await db.OutboxMessages.Where(m => m.Id == c.Id && m.State == OutboxState.Dead)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Pending).SetProperty(m => m.Attempts, 0)
                    .SetProperty(m => m.NextAttemptAt, now), ct);
            if (requeued == 0)
            {
                var state = await db.OutboxMessages.Where(m => m.Id == c.Id).Select(m => (OutboxState?)m.State).SingleOrDefaultAsync(ct)
                    ?? throw new NotFoundException(Wording.Pick($"Không có thư {c.Id} trong hộp thư đi.", $"There is no outbox message {c.Id}."));
                throw new RuleViolationException("id", Wording.Pick($"Chỉ thư gửi thất bại hẳn mới được đưa lại vào hàng đợi; thư này đang ở trạng thái {state}.", $"Only a dead message can be requeued; this one is {state}."));
            }
            db.Record(now, access.UserId, "outbox.requeued", nameof(OutboxMessage), c.Id, new { State = OutboxState.Dead }, new { State = OutboxState.Pending });
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }
}
