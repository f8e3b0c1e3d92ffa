using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// Everything the dashboard shows for one filter, province-wide in three lanes at once (<see cref="QueryLanes"/>). Each part is
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

    public sealed class Handler(PlanTrackerDbContext db, LaggingReads reads, AccessContext access, ProvinceClock clock, ReportingCalendar calendar,
        DashboardOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            // Who may see what is the primary's word; the numbers may lag by seconds (the replica, when there is one).
            var scoped = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct);
            // Links keep the filter as asked: the scope is applied again to every request they make.
            return await reads.RunAsync(source => ComputeAsync(source, calendar, options, q with { Filter = scoped }, clock.Today, ct), ct)
                with { Filter = q.Filter };
        }
    }

    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, ReportingCalendar calendar, DashboardOptions options,
        Query q, DateOnly today, CancellationToken ct)
    {
        _ = q.Filter.ParsedPeriod; // an unreadable period is refused before any query runs
        var filter = await q.Filter.ResolveAgenciesAsync(db, ct);
        var rows = q.Complete ? ExportRows : options.ListRows;
        var window = await ReportingWindow.QuartersAsync(calendar, filter, today, options.Quarters, ct);

        // Province-wide the parts each read some 30,000 stored rows: three lanes (connections) at once
        // halve the time on two cores. A narrowed view's parts are small: one lane, no contention.
        await using var lanes = new QueryLanes(db, filter.IsProvinceWide ? 3 : 1);
        // Province-wide, the agencies' stored counts serve the ranking and name the agencies the heatmap shows.
        var agencies = filter.IsProvinceWide ? lanes.Run(1, c => DashboardAggregates.AgencyCountsAsync(c, today, ct)) : null;
        var heatmap = lanes.Run(1, c => GetComplianceHeatmap.ComputeAsync(c, filter, window, ct, agencies));
        var ranking = lanes.Run(1, c => GetAgencyRanking.ComputeAsync(c, filter, today, window, ct, heatmap, agencies));
        var atRisk = lanes.Run(2, c => ListAtRiskTasks.ComputeAsync(c, new ListAtRiskTasks.Query(filter, 1, rows), today, options.AtRiskMargin, ct));
        var counts = lanes.Run(0, c => GetTimelinessCounts.ComputeAsync(c, filter, today, ct));
        // The overdue count is one of the counts: the list and the trends' today point reuse it.
        var overdueList = lanes.Run(0, async c => await ListOverdueTasks.ComputeAsync(c, new ListOverdueTasks.Query(filter, q.Sort, q.Descending, 1, rows),
            today, ct, Overdue(await counts)));
        var targets = lanes.Run(0, c => GetTargetAttainment.ComputeAsync(c, new GetTargetAttainment.Query(filter, AllTargets: q.Complete), ct));
        var trends = lanes.Run(0, async c => await GetQuarterlyTrends.ComputeAsync(c, filter, today, window, ct, Overdue(await counts), (await heatmap).Quarters));
        return new Result(
            today,
            q.Filter, // as asked: links built from it with `with` must not carry the ids read for this view
            await counts, await overdueList, await atRisk, await ranking, await heatmap, await targets, await trends);
    }

    private static int Overdue(GetTimelinessCounts.Result counts) => counts.ByTimeliness.GetValueOrDefault(Timeliness.InProgressOverdue);
}
