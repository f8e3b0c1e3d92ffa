using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Notifications;

/// <summary>An open task as a notification lists it; <see cref="DueOn"/> is the effective (extended) due date.</summary>
public sealed record OpenTask(long Id, string Code, string Title, string Document, long? ProvinceId, DateOnly DueOn, long LeadAgencyId, string LeadAgency);

public static class OpenTasks
{
    /// <summary>
    /// Actionable tasks of published plans, not finished, with a fixed due date (an extension moves it)
    /// on one of <paramref name="dates"/>. Uses the open-by-due-date index.
    /// </summary>
    public static Task<List<OpenTask>> DueOnAsync(this PlanTrackerDbContext db, IReadOnlyCollection<DateOnly> dates, CancellationToken ct) =>
        db.Tasks.AsNoTracking()
            .Where(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published
                && (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)
                && !Deadline.OngoingKinds.Contains(t.Deadline.Kind)
                && dates.Contains((t.ExtendedDueOn ?? t.Deadline.DueOn)!.Value))
            .OrderBy(t => t.ExtendedDueOn ?? t.Deadline.DueOn).ThenBy(t => t.PlanId).ThenBy(t => t.SortOrder)
            .Select(t => new OpenTask(t.Id, t.Code, t.Title, t.Plan.Document.Number ?? t.Plan.Document.Title,
                t.Plan.ProvinceId ?? t.LeadAgency!.ProvinceId, (t.ExtendedDueOn ?? t.Deadline.DueOn)!.Value,
                t.LeadAgencyId!.Value, t.LeadAgency!.ShortName ?? t.LeadAgency.Name))
            .ToListAsync(ct);
}
