using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Notifications;

/// <summary>The bell's number in the header of every page: one indexed count (ix_notifications_unread), no other read.</summary>
public static class CountUnreadNotifications
{
    public sealed record Query : IRequest<int>;

    public sealed class Handler(PlanTrackerDbContext db, ICurrentUser user) : IRequestHandler<Query, int>
    {
        public async Task<int> Handle(Query q, CancellationToken ct) =>
            user.UserId is { } me ? await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct) : 0;
    }
}
