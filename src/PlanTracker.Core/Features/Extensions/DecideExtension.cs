using System.Globalization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Extensions;

/// <summary>
/// The secretariat approves (the task's due date moves) or rejects with a comment. A request is decided
/// exactly once: the decision and the task's new due date are saved together, and the UPDATE names the
/// version that was read, so of two simultaneous decisions one lands and the other answers 409 naming the first
/// (decision 0014). <c>Version</c>, when sent, is the request's version the client read.
/// </summary>
public static class DecideExtension
{
    public sealed record Command(long ExtensionRequestId, bool Approve, [MultiLine] string? Comment, int? Version = null) : IRequest<ExtensionState>;

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, ExtensionState>
    {
        public async Task<ExtensionState> Handle(Command c, CancellationToken ct)
        {
            var request = await db.ExtensionRequests.SingleOrDefaultAsync(e => e.Id == c.ExtensionRequestId, ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có đề nghị gia hạn {c.ExtensionRequestId}.", $"Extension request {c.ExtensionRequestId} does not exist."));
            await access.DemandAsync(access.ManagesPlanOfTaskAsync(request.TaskId, ct),
                "quyết định đề nghị gia hạn (chỉ thường trực của tỉnh được quyết định)", "decide on extension requests (only the secretariat of the province may)");
            if (request.State != ExtensionState.Pending) throw (await AlreadyDecidedAsync(request.Id, ct))!;
            if (c.Version is { } v && v != request.Version)
                throw new ConflictException(await ConflictMessages.StaleAsync(db, ConflictMessages.Describe(request)!.Value.What, nameof(PlanTask), request.TaskId, ct));
            var task = await db.Tasks.SingleAsync(t => t.Id == request.TaskId, ct);

            var now = time.GetUtcNow();
            request.Decide(c.Approve, c.Comment, access.UserId, now);
            if (c.Approve) task.ExtendTo(request.RequestedDueOn);
            db.Record(now, access.UserId, c.Approve ? "extension.approved" : "extension.rejected", nameof(PlanTask), task.Id,
                new { task.Deadline.DueOn }, new { ExtendedDueOn = c.Approve ? request.RequestedDueOn : (DateOnly?)null, c.Comment });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (ConflictException e)
            {
                // Nothing was saved; say what the other person decided when it was this request they decided.
                throw await AlreadyDecidedAsync(request.Id, ct) ?? e;
            }
            return request.State;
        }

        /// <summary>"… đã được Nguyễn Văn A chấp thuận lúc 09:15 22/11/2026": who decided first; null while it is still pending.</summary>
        private async Task<ConflictException?> AlreadyDecidedAsync(long id, CancellationToken ct)
        {
            var now = await db.ExtensionRequests.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new { e.State, e.DecidedAt, Who = db.Users.Where(u => u.Id == e.DecidedByUserId).Select(u => u.DisplayName).FirstOrDefault() })
                .SingleAsync(ct);
            var english = Wording.English;
            var when = now.DecidedAt is { } at ? TimeZoneInfo.ConvertTime(at, ProvinceClock.Zone).ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
            if (now.State == ExtensionState.Pending) return null;
            var verdict = (now.State, english) switch
            {
                (ExtensionState.Approved, true) => "approved",
                (ExtensionState.Rejected, true) => "rejected",
                (ExtensionState.Approved, false) => "chấp thuận",
                _ => "từ chối",
            };
            return new ConflictException(english
                ? $"This extension request was already {verdict} by {now.Who ?? "someone else"} at {when}; it is decided once."
                : $"Đề nghị gia hạn này đã được {now.Who ?? "người khác"} {verdict} lúc {when}; mỗi đề nghị chỉ được quyết định một lần.");
        }
    }
}
