using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Everything the dashboard shows for one filter, some parts at the same time (<see cref="ConcurrentParts"/>). Each part is
/// its own use case in this folder; this one only puts them together (for the page, the API, the
/// export and the benchmarks, which call <see cref="ComputeAsync"/> with a DbContext of their own).
/// </summary>
public static class GetDashboard
{
    /// <param name="Complete">Every overdue and at-risk task and every target instead of the first rows (the export).</param>
    public sealed record Query(DashboardFilter Filter, TaskSort Sort = TaskSort.Delay, bool Descending = false, bool Complete = false)
        : IRequest<Result>;

    /// <summary>Rows an export carries at most per list.</summary>
    public const int ExportRows = 50_000;

    public sealed record Result(
        DateOnly Today,
        DashboardFilter Filter,
        GetTimelinessCounts.Result Counts,
        Paged<ListOverdueTasks.Row> Overdue,
        ListAtRiskTasks.Result AtRisk,
        GetAgencyRanking.Result Ranking,
        GetComplianceHeatmap.Result Compliance,
        GetTargetAttainment.Result Targets,
        GetQuarterlyTrends.Result Trends);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, ReportingCalendar calendar,
        DashboardOptions options) : IRequestHandler<Query, Result>
    {
        public Task<Result> Handle(Query q, CancellationToken ct)
        {
            DashboardAccess.Demand(access);
            return ComputeAsync(db, calendar, options, q, clock.Today, ct);
        }
    }

    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, ReportingCalendar calendar, DashboardOptions options,
        Query q, DateOnly today, CancellationToken ct)
    {
        _ = q.Filter.ParsedPeriod; // an unreadable period is refused before any query runs
        var filter = await q.Filter.ResolveAgenciesAsync(db, ct);
        var rows = q.Complete ? ExportRows : options.ListRows;
        var window = await ReportingWindow.QuartersAsync(calendar, filter, today, options.Quarters, ct);

        // Three parts on connections of their own while this one counts, lists and reads the targets:
        // a province-wide dashboard is several reads of some 30,000 rows each (docs/PERFORMANCE.md).
        await using var parts = new ConcurrentParts(db);
        var heatmap = parts.Run(c => GetComplianceHeatmap.ComputeAsync(c, filter, window, ct));
        var ranking = parts.Run(c => GetAgencyRanking.ComputeAsync(c, filter, today, window, ct, heatmap));
        var atRisk = parts.Run(c => ListAtRiskTasks.ComputeAsync(c, new ListAtRiskTasks.Query(filter, 1, rows), today, options.AtRiskMargin, ct));

        var counts = await GetTimelinessCounts.ComputeAsync(db, filter, today, ct);
        // The overdue count is one of the counts: the list and the trends' today point reuse it.
        var overdue = counts.ByTimeliness.GetValueOrDefault(Timeliness.InProgressOverdue);
        var overdueList = await ListOverdueTasks.ComputeAsync(db, new ListOverdueTasks.Query(filter, q.Sort, q.Descending, 1, rows), today, ct, overdue);
        var targets = await GetTargetAttainment.ComputeAsync(db, new GetTargetAttainment.Query(filter, AllTargets: q.Complete), ct);
        var trends = await GetQuarterlyTrends.ComputeAsync(db, filter, today, window, ct, overdue, (await heatmap).Quarters);
        return new Result(
            today,
            q.Filter, // as asked: links built from it with `with` must not carry the ids read for this view
            counts, overdueList, await atRisk, await ranking, await heatmap, targets, trends);
    }
}
