using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Tasks;

/// <param name="Province">The agency's province name (null for central bodies); shown through <see cref="Common.AgencyDisplay"/>.</param>
public sealed record AgencyRef(long Id, string Name, string? Province = null)
{
    public string Display(bool manyProvinces) => Common.AgencyDisplay.Name(Name, Province, manyProvinces);
}

public sealed record DeadlineView(DeadlineKind Kind, string Text, DateOnly? StartOn, DateOnly? DueOn, DateOnly? ExtendedDueOn, bool Inherited);

public sealed record TargetView(long Id, string Indicator, TargetUnit Unit, string? UnitText, TargetComparison Comparison,
    decimal Value, DateOnly? DueOn, decimal? Baseline, string? Text, decimal? LatestActual);

/// <summary>A task as lists, the tree and the API show it.</summary>
public sealed record TaskView(
    long Id, long PlanId, long? ParentId, string Code, string Title, bool IsGroup,
    AgencyRef? LeadAgency, IReadOnlyList<AgencyRef> CoordinatingAgencies,
    DeadlineView Deadline, Timeliness Timeliness, PlanTaskStatus Status, int PercentComplete,
    IReadOnlyList<TargetView> Targets, int Version);

public static class TaskViews
{
    /// <summary>
    /// One SQL query: timeliness comes from the database function, so a filter on it and the
    /// value shown can never disagree. It loads two collections (coordinating agencies, targets),
    /// so each caller says how (EF Core warns at every new query shape otherwise): a page of a list
    /// or one task <c>AsSingleQuery()</c> (one round trip, one snapshot; a page multiplies a few
    /// agencies by a few targets), a whole plan's tree <c>AsSplitQuery()</c>.
    /// </summary>
    public static IQueryable<TaskView> Project(this IQueryable<PlanTask> tasks, DateOnly today) => tasks.Select(Shape(today));

    /// <summary><see cref="Project"/>'s projection itself, for a query that reads more beside each task (a page's total).</summary>
    public static System.Linq.Expressions.Expression<Func<PlanTask, TaskView>> Shape(DateOnly today) =>
        t => new TaskView(
            t.Id, t.PlanId, t.ParentId, t.Code, t.Title, t.IsGroup,
            t.LeadAgency == null ? null : new AgencyRef(t.LeadAgency.Id, t.LeadAgency.ShortName ?? t.LeadAgency.Name,
                t.LeadAgency.Province == null ? null : t.LeadAgency.Province.Name),
            t.CoordinatingAgencies.Select(c => new AgencyRef(c.Agency.Id, c.Agency.ShortName ?? c.Agency.Name,
                c.Agency.Province == null ? null : c.Agency.Province.Name)).ToList(),
            new DeadlineView(t.Deadline.Kind, t.Deadline.Text, t.Deadline.StartOn, t.Deadline.DueOn, t.ExtendedDueOn, t.Deadline.Inherited),
            Enum.Parse<Timeliness>(PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today)),
            t.Status, t.PercentComplete,
            t.Targets.OrderBy(x => x.SortOrder).Select(x => new TargetView(x.Id, x.Indicator, x.Unit, x.UnitText, x.Comparison, x.Value, x.DueOn, x.Baseline, x.Text,
                x.Actuals.OrderByDescending(a => a.RecordedAt).Select(a => (decimal?)a.Value).FirstOrDefault())).ToList(),
            t.Version);

    public static IQueryable<PlanTask> WithTimeliness(this IQueryable<PlanTask> tasks, Timeliness timeliness, DateOnly today)
    {
        var name = timeliness.ToString();
        return tasks.Where(t => PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) == name);
    }
}
