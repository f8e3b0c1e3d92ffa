using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Quarter by quarter: tasks done (completed in the quarter, on time or late), tasks overdue at
/// the quarter's end (today for the current quarter) and the share of agencies that reported on
/// time. PlanTracker keeps no daily snapshots: "overdue then" is rebuilt from today's deadlines
/// and the completion dates (<see cref="SqlFunctions.TimelinessOn"/>).
/// </summary>
public static class GetQuarterlyTrends
{
    public sealed record Query(DashboardFilter Filter) : IRequest<Result>;

    public sealed record Point(Quarter Quarter, DateOnly AsOf, int DoneOnTime, int DoneLate, int Overdue, double? ReportedOnTimeShare)
    {
        public int Done => DoneOnTime + DoneLate;
    }

    public sealed record Result(IReadOnlyList<Point> Quarters);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, ReportingCalendar calendar,
        DashboardOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct);
            var window = await ReportingWindow.QuartersAsync(calendar, filter, clock.Today, options.Quarters, ct);
            return await ComputeAsync(db, filter, clock.Today, window, ct);
        }
    }

    /// <summary>The day a quarter's overdue count is taken: its last day, or today while it runs.</summary>
    public static DateOnly AsOf(Quarter quarter, DateOnly today) => quarter.End < today ? quarter.End : today;

    /// <param name="overdueToday">Today's overdue count in view when the caller has it (the dashboard).</param>
    /// <param name="compliance">The window's compliance counts when the caller has them (the dashboard, from its heatmap).</param>
    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, DashboardFilter filter, DateOnly today,
        IReadOnlyList<WindowQuarter> window, CancellationToken ct, int? overdueToday = null,
        IReadOnlyList<GetComplianceHeatmap.QuarterCount>? compliance = null)
    {
        compliance ??= (await GetComplianceHeatmap.ComputeAsync(db, filter, window, ct)).Quarters;
        if (filter.IsProvinceWide) return await FromStoredCountsAsync(db, today, window, compliance, overdueToday, ct);
        var tasks = filter.Tasks(db).AsNoTracking();
        var first = window[0].Quarter.Start;
        var last = window[^1].Quarter.End;
        var done = await tasks
            .Where(t => t.Status == PlanTaskStatus.Done && t.CompletedOn >= first && t.CompletedOn <= last)
            .GroupBy(t => new
            {
                t.CompletedOn!.Value.Year,
                Quarter = (t.CompletedOn!.Value.Month + 2) / 3,
                Late = PlanTrackerDbContext.TaskTimeliness(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, today) == "DoneLate",
            })
            .Select(g => new { g.Key.Year, g.Key.Quarter, g.Key.Late, Count = g.Count() })
            .ToListAsync(ct);

        // One pass over the tasks for every quarter: the tasks that could have been overdue on one of
        // the days (due before the last of them, not done before the first) joined with the days.
        var days = window.Select(w => AsOf(w.Quarter, today)).Distinct().ToArray();
        var lastDay = days.Max();
        var firstDay = days.Min();
        var overdue = await tasks
            .Where(t => (t.ExtendedDueOn ?? t.Deadline.DueOn) < lastDay && (t.CompletedOn == null || t.CompletedOn > firstDay))
            .SelectMany(t => days.Where(d =>
                SqlFunctions.TimelinessOn(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, d) == "InProgressOverdue"))
            .GroupBy(d => d)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(ct);

        return new Result(window.Select((w, i) => new Point(w.Quarter, AsOf(w.Quarter, today),
            done.Where(x => x.Year == w.Quarter.Year && x.Quarter == w.Quarter.Number && !x.Late).Sum(x => x.Count),
            done.Where(x => x.Year == w.Quarter.Year && x.Quarter == w.Quarter.Number && x.Late).Sum(x => x.Count),
            overdue.Where(x => x.Day == AsOf(w.Quarter, today)).Sum(x => x.Count),
            compliance[i].OnTimeShare)).ToList());
    }

    /// <summary>
    /// The province-wide trends from the stored counts: done per completion quarter and overdue on
    /// each past quarter end do not depend on today; today's point is today's overdue count plus the
    /// tasks recorded as done on a later day.
    /// </summary>
    private static async Task<Result> FromStoredCountsAsync(PlanTrackerDbContext db, DateOnly today, IReadOnlyList<WindowQuarter> window,
        IReadOnlyList<GetComplianceHeatmap.QuarterCount> compliance, int? overdueToday, CancellationToken ct)
    {
        var done = await DashboardAggregates.DoneAsync(db, window.Select(w => w.Quarter.Start).ToList(), ct);
        var pastEnds = window.Select(w => AsOf(w.Quarter, today)).Where(d => d < today).Distinct().ToList();
        var overdue = (await DashboardAggregates.OverdueOnQuarterEndsAsync(db, pastEnds, ct)).ToDictionary(x => x.Day, x => x.N);
        if (window.Any(w => AsOf(w.Quarter, today) >= today))
            overdue[today] = (overdueToday ?? await DashboardAggregates.OverdueAsync(db, today, ct))
                + await DashboardAggregates.DoneLaterButOverdueAsync(db, today, ct);
        return new Result(window.Select((w, i) => new Point(w.Quarter, AsOf(w.Quarter, today),
            done.Where(x => x.Quarter == w.Quarter.Start && !x.Late).Sum(x => x.N),
            done.Where(x => x.Quarter == w.Quarter.Start && x.Late).Sum(x => x.N),
            overdue.GetValueOrDefault(AsOf(w.Quarter, today)),
            compliance[i].OnTimeShare)).ToList());
    }

    /// <summary>The drill-down of a point: tasks done in the quarter.</summary>
    public static IQueryable<PlanTask> DoneIn(IQueryable<PlanTask> tasks, Quarter q) =>
        tasks.Where(t => t.Status == PlanTaskStatus.Done && t.CompletedOn >= q.Start && t.CompletedOn <= q.End);

    /// <summary>The drill-down of a point: tasks overdue on that day.</summary>
    public static IQueryable<PlanTask> OverdueOn(IQueryable<PlanTask> tasks, DateOnly day) =>
        tasks.Where(t => SqlFunctions.TimelinessOn(t.Status, t.CompletedOn, t.Deadline.Kind, t.ExtendedDueOn ?? t.Deadline.DueOn, day) == "InProgressOverdue");
}
