using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

public enum HeatCell { OnTime, Late, Missing, NotDueYet }

/// <summary>
/// Reporting compliance, agencies × quarters: on time, late, missing, or not due yet. The agencies
/// are those in view that must report (<see cref="ReportingObligations"/>); on time or late is the
/// rule of <see cref="ReportingObligations.Submissions"/>, the one the reports page uses.
/// </summary>
public static class GetComplianceHeatmap
{
    public sealed record Query(DashboardFilter Filter) : IRequest<Result>;

    public sealed record AgencyRow(long AgencyId, string Agency, AgencyLevel Level, IReadOnlyList<HeatCell> Cells);

    public sealed record QuarterCount(Quarter Quarter, DateOnly SubmissionDueOn, bool Closed, int Expected, int OnTime, int Late)
    {
        public int Missing => Closed ? Expected - OnTime - Late : 0;
        /// <summary>Share of the agencies that reported on time; null while the quarter is open.</summary>
        public double? OnTimeShare => Closed && Expected > 0 ? (double)OnTime / Expected : null;
    }

    public sealed record Result(IReadOnlyList<QuarterCount> Quarters, IReadOnlyList<AgencyRow> Agencies);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, ReportingCalendar calendar,
        DashboardOptions options) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct);
            var window = await ReportingWindow.QuartersAsync(calendar, filter, clock.Today, options.Quarters, ct);
            return await ComputeAsync(db, filter, window, ct);
        }
    }

    /// <summary>
    /// One read of the agencies and one of their submissions in the window (an index-only scan,
    /// migration 0021); the quarters' counts and the ranking's compliance are taken from these cells.
    /// </summary>
    /// <param name="counted">Province-wide, the stored agency counts when the caller reads them (the dashboard), else read
    /// here: the agencies with a task are those expected to report.</param>
    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, DashboardFilter filter, IReadOnlyList<WindowQuarter> window,
        CancellationToken ct, Task<List<DashboardAggregates.AgencyTimeliness>>? counted = null)
    {
        IQueryable<Agency> expected;
        List<(long Id, string Name, AgencyLevel Level)> agencies;
        if (filter.IsProvinceWide)
        {
            agencies = (await (counted ?? DashboardAggregates.AgencyCountsAsync(db, null, ct))).Select(a => (a.Id, a.Name, a.ParsedLevel)).ToList();
            var ids = agencies.Select(a => a.Id).ToArray();
            expected = db.Agencies.Where(a => ids.Contains(a.Id));
        }
        else
        {
            expected = filter.AgenciesExpectedToReport(db);
            agencies = (await expected.AsNoTracking()
                .OrderBy(a => a.ShortName ?? a.Name).ThenBy(a => a.Id)
                .Select(a => new { a.Id, Name = a.ShortName ?? a.Name, a.Level })
                .ToListAsync(ct)).Select(a => (a.Id, a.Name, a.Level)).ToList();
        }
        var submitted = await InWindow(db, expected, window)
            .Select(s => new { s.AgencyId, s.Year, s.Number, s.OnTime })
            .ToListAsync(ct);
        var cells = submitted.ToDictionary(s => (s.AgencyId, new Quarter(s.Year, s.Number)), s => s.OnTime ? HeatCell.OnTime : HeatCell.Late);
        var rows = agencies.Select(a => new AgencyRow(a.Id, a.Name, a.Level, window
            .Select(w => cells.TryGetValue((a.Id, w.Quarter), out var c) ? c : w.Closed ? HeatCell.Missing : HeatCell.NotDueYet)
            .ToList())).ToList();
        var quarters = window.Select((w, i) => new QuarterCount(w.Quarter, w.SubmissionDueOn, w.Closed, rows.Count,
            rows.Count(r => r.Cells[i] == HeatCell.OnTime), rows.Count(r => r.Cells[i] == HeatCell.Late))).ToList();
        return new Result(quarters, rows);
    }

    /// <summary>Quarters of the window closed and reported on time, per agency (the ranking's compliance).</summary>
    public static IReadOnlyDictionary<long, int> ReportedOnTime(Result heatmap) =>
        heatmap.Agencies.ToDictionary(a => a.AgencyId,
            a => a.Cells.Where((c, i) => c == HeatCell.OnTime && heatmap.Quarters[i].Closed).Count());

    /// <summary>Submissions of the expected agencies for the window's quarters.</summary>
    public static IQueryable<Submission> InWindow(PlanTrackerDbContext db, IQueryable<Agency> expected, IReadOnlyList<WindowQuarter> window)
    {
        var keys = ReportingWindow.Keys(window);
        var ids = expected.Select(a => a.Id);
        return db.Submissions().AsNoTracking()
            .Where(s => s.Regime == ReportingRegime.Quarterly && keys.Contains(s.Year * 10 + s.Number) && ids.Contains(s.AgencyId));
    }
}
