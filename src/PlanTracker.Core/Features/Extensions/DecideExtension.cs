using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Extensions;

/// <summary>The secretariat approves (the task's due date moves) or rejects with a comment.</summary>
public static class DecideExtension
{
    public sealed record Command(long ExtensionRequestId, bool Approve, [MultiLine] string? Comment) : IRequest<ExtensionState>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, ExtensionState>
    {
        public async Task<ExtensionState> Handle(Command c, CancellationToken ct)
        {
            var request = await db.ExtensionRequests.SingleOrDefaultAsync(e => e.Id == c.ExtensionRequestId, ct)
                ?? throw new NotFoundException($"Extension request {c.ExtensionRequestId} does not exist.");
            await access.DemandAsync(access.ManagesPlanOfTaskAsync(request.TaskId, ct), "decide on extension requests (only the secretariat of the province may)");
            var task = await db.Tasks.SingleAsync(t => t.Id == request.TaskId, ct);

            var now = time.GetUtcNow();
            request.Decide(c.Approve, c.Comment, access.UserId, now);
            if (c.Approve) task.ExtendTo(request.RequestedDueOn);
            db.Record(now, access.UserId, c.Approve ? "extension.approved" : "extension.rejected", nameof(PlanTask), task.Id,
                new { task.Deadline.DueOn }, new { ExtendedDueOn = c.Approve ? request.RequestedDueOn : (DateOnly?)null, c.Comment });
            await db.SaveChangesAsync(ct);
            return request.State;
        }
    }
}
