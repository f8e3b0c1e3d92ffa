using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reporting;

/// <summary>
/// Cut-off and submission days of the quarterly regime, as configuration (Decree 09/2019/NĐ-CP
/// leaves them to each regime). Defaults: data to the 14th of the quarter's last month, report
/// due on the 20th.
/// </summary>
public sealed class ReportingOptions
{
    public int QuarterlyCutOffDay { get; set; } = 14;
    public int QuarterlySubmissionDay { get; set; } = 20;
}

public sealed class ReportingCalendar(PlanTrackerDbContext db, ReportingOptions options)
{
    /// <summary>The quarter that <paramref name="day"/> falls in, created the first time it is needed.</summary>
    public async Task<ReportingPeriod> QuarterOfAsync(DateOnly day, CancellationToken ct)
    {
        var quarter = (day.Month + 2) / 3;
        var existing = await db.ReportingPeriods.SingleOrDefaultAsync(
            p => p.Regime == ReportingRegime.Quarterly && p.Year == day.Year && p.Number == quarter, ct);
        if (existing is not null) return existing;
        var start = new DateOnly(day.Year, (quarter - 1) * 3 + 1, 1);
        var end = start.AddMonths(3).AddDays(-1);
        var lastMonth = new DateOnly(end.Year, end.Month, 1);
        var period = new ReportingPeriod(ReportingRegime.Quarterly, day.Year, quarter, start, end,
            lastMonth.AddDays(options.QuarterlyCutOffDay - 1), lastMonth.AddDays(options.QuarterlySubmissionDay - 1));
        db.ReportingPeriods.Add(period);
        return period;
    }
}
