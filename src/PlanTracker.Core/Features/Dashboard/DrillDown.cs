using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// The tasks behind a number of the dashboard: its filter plus what the number counts (timeliness
/// states, at risk, done in a quarter, overdue on a day, targets met or not). Each condition is the
/// one the number was counted with, taken from the same use case.
/// </summary>
public sealed record DrillDown(
    DashboardFilter Filter,
    IReadOnlyList<Timeliness>? Timeliness = null,
    bool AtRisk = false,
    string? CompletedIn = null,
    DateOnly? OverdueOn = null,
    Attainment? Targets = null)
{
    public IQueryable<PlanTask> Tasks(PlanTrackerDbContext db, DateOnly today, int atRiskMargin)
    {
        var tasks = Filter.Tasks(db);
        // "Overdue" alone (the overdue list over the API): its open-status and due-date conditions spelled
        // out, so that the partial index on open tasks by due date serves the count and the first page
        // instead of a scan of every task through task_timeliness() (issue 17).
        if (Timeliness is { Count: > 0 } overdue && overdue.All(s => s == Domain.Timeliness.InProgressOverdue))
            tasks = ListOverdueTasks.Overdue(tasks, today);
        else if (Timeliness is { Count: > 0 } states)
        {
            var names = states.Distinct().Select(s => s.ToString()).ToList();
            tasks = tasks.Where(t => names.Contains(
                PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today)));
        }
        if (AtRisk) tasks = tasks.Where(AtRiskRule.On(today, atRiskMargin));
        if (!string.IsNullOrWhiteSpace(CompletedIn)) tasks = GetQuarterlyTrends.DoneIn(tasks, Quarter.Parse(CompletedIn, "completedIn"));
        if (OverdueOn is { } day) tasks = GetQuarterlyTrends.OverdueOn(tasks, day);
        if (Targets is { } state) tasks = GetTargetAttainment.WithTargets(tasks, state);
        return tasks;
    }

    /// <summary>Query-string pairs of this drill-down (the names the task list and the API read).</summary>
    public IEnumerable<KeyValuePair<string, string>> QueryPairs()
    {
        foreach (var pair in Filter.QueryPairs()) yield return pair;
        foreach (var state in Timeliness ?? []) yield return new("timeliness", state.ToString());
        if (AtRisk) yield return new("atRisk", "true");
        if (!string.IsNullOrWhiteSpace(CompletedIn)) yield return new("completedIn", CompletedIn);
        if (OverdueOn is { } day) yield return new("overdueOn", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (Targets is { } targets) yield return new("targets", targets.ToString());
    }
}
