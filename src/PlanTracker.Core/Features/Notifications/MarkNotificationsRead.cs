using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Notifications;

/// <summary>Marks the user's own notifications read: the ones named, or all when none are named. Others' are never touched.</summary>
public static class MarkNotificationsRead
{
    public sealed record Command(IReadOnlyList<long>? Ids = null, bool Unread = false) : IRequest<int>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ids).Must(ids => ids is null || ids.Count <= 200);
            RuleForEach(c => c.Ids).GreaterThan(0);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var me = access.UserId;
            var rows = db.Notifications.Where(n => n.UserId == me);
            if (c.Ids is { Count: > 0 } ids)
            {
                rows = rows.Where(n => ids.Contains(n.Id));
                // A named id that is not one of the user's own is refused, whoever it belongs to (nothing leaks).
                var own = await rows.Select(n => n.Id).ToListAsync(ct);
                for (var i = 0; i < ids.Count; i++)
                    if (!own.Contains(ids[i]))
                        throw new RuleViolationException($"ids[{i}]", Wording.Pick(
                            $"Thông báo {ids[i]} không có trong danh sách thông báo của bạn.", $"Notification {ids[i]} is not one of yours."));
            }
            // Reading is not audited: it changes nothing anyone else sees.
            return c.Unread
                ? await rows.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, (DateTimeOffset?)null), ct)
                : await rows.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, time.GetUtcNow()), ct);
        }
    }
}
