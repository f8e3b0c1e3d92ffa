using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Mail;

/// <summary>
/// The outbox, newest first, optionally of one state, a page at a time (admins all of it, the
/// secretariat its own province's: <see cref="OutboxAccess"/>). Pages are keyset on the id, so each is one range of ix_outbox_messages_state_id
/// (or of the primary key when no state is chosen), however many messages were ever sent.
/// </summary>
public static class ListOutbox
{
    /// <param name="Before">The id of the last message of the previous page; null for the first page.</param>
    public sealed record Query(OutboxState? State, long? Before, int PageSize = 50) : IRequest<Result>;

    public sealed record Item(long Id, DateTimeOffset CreatedAt, string Kind, string ToAddress, string Subject, OutboxState State,
        int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed record Result(IReadOnlyList<Item> Items, long? NextBefore, int Pending, int Sent, int Dead);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var visible = await OutboxAccess.VisibleAsync(access, db, ct);
            if (q.PageSize is < 1 or > 200) throw new RuleViolationException("pageSize", Wording.Pick("Số dòng mỗi trang từ 1 đến 200.", "The page size is between 1 and 200."));
            var messages = visible.AsNoTracking();
            if (q.State is { } state) messages = messages.Where(m => m.State == state);
            if (q.Before is { } before) messages = messages.Where(m => m.Id < before);
            var items = await messages.OrderByDescending(m => m.Id).Take(q.PageSize + 1)
                .Select(m => new Item(m.Id, m.CreatedAt, m.Kind, m.ToAddress, m.Subject, m.State, m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError))
                .ToListAsync(ct);
            var counts = await visible.GroupBy(m => m.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var next = items.Count > q.PageSize ? items[q.PageSize - 1].Id : (long?)null;
            return new Result(next is null ? items : items[..q.PageSize], next,
                counts.GetValueOrDefault(OutboxState.Pending), counts.GetValueOrDefault(OutboxState.Sent), counts.GetValueOrDefault(OutboxState.Dead));
        }
    }
}
