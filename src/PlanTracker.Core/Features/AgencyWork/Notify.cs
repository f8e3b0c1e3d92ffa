using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.AgencyWork;

/// <summary>Adds bell notifications to the command's unit of work: saved with the change or not at all.</summary>
public static class Notify
{
    public static void NotifyUsers(this PlanTrackerDbContext db, IEnumerable<long> userIds, long exceptUserId, NotificationKind kind,
        PlanTask task, string actorName, string? excerpt, DateTimeOffset at)
    {
        foreach (var userId in userIds.Distinct().Where(u => u != exceptUserId))
            db.Notifications.Add(new Notification(userId, kind, task.Id, task.Code, actorName, excerpt, at));
    }

    /// <summary>The user's display name, for what they write and do (kept as it was then).</summary>
    public static Task<string> NameOfAsync(this PlanTrackerDbContext db, long userId, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName == "" ? u.Email! : u.DisplayName), ct);
}
