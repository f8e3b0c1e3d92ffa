using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// At risk: a task not yet overdue whose progress trails the time gone by. Time gone by is the
/// share of the days from the task's start to its due date that have passed, where the start is
/// the deadline's own start (a quarter, a year, a 2016–2020 period start on their first day) or,
/// for a deadline given as one date, the day the plan was published. At risk when
/// <c>elapsed% − percent complete &gt; margin</c> (25 points by default; setting
/// <c>Dashboard__AtRiskMargin</c>). Tasks without a due date or a start are never at risk;
/// continuous and recurring ones are reported every period instead.
/// </summary>
public static class AtRiskRule
{
    public static Expression<Func<PlanTask, bool>> On(DateOnly today, int margin) => t =>
        (t.Status == PlanTaskStatus.NotStarted || t.Status == PlanTaskStatus.InProgress)
        && (t.ExtendedDueOn ?? t.Deadline.DueOn) >= today
        && PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) != "Continuous"
        && SqlFunctions.ElapsedPercent(t.Deadline.StartOn ?? SqlFunctions.ProvinceDate(t.Plan.PublishedAt!.Value),
            t.ExtendedDueOn ?? t.Deadline.DueOn, today) - t.PercentComplete > margin;

    /// <summary>
    /// The same rule through the first at-risk day the database keeps per task (migration 0017,
    /// computed with the stored margin): at risk while that day &lt;= today &lt;= due.
    /// </summary>
    public static Expression<Func<PlanTask, bool>> Stored(DateOnly today) => t =>
        SqlFunctions.AtRiskOn(EF.Property<DateOnly?>(t, PlanTask.AtRiskFromColumn), t.ExtendedDueOn ?? t.Deadline.DueOn, today);

    /// <summary>The same share of time, for display: 0-100, or null without a start.</summary>
    public static int? ElapsedPercent(DateOnly? start, DateOnly? due, DateOnly today) =>
        start is not { } s || due is not { } d || d <= s ? null
            : Math.Clamp(100 * (today.DayNumber - s.DayNumber) / (d.DayNumber - s.DayNumber), 0, 100);
}
