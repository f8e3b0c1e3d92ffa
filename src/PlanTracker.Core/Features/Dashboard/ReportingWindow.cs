using PlanTracker.Core.Domain;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>A quarter of the dashboard's window with its reporting period (stored or not yet) and due date.</summary>
public sealed record WindowQuarter(Quarter Quarter, long PeriodId, DateOnly SubmissionDueOn, bool Closed);

/// <summary>The quarters the heatmap, the ranking's compliance and the trends look at.</summary>
public static class ReportingWindow
{
    /// <summary>
    /// The configured number of quarters ending with the period chosen (its last quarter) or with
    /// today's. Due dates come from the reporting calendar (Decree 09 days per regime); a quarter is
    /// closed once its submission day has passed, and only closed quarters count as missing.
    /// </summary>
    public static async Task<IReadOnlyList<WindowQuarter>> QuartersAsync(ReportingCalendar calendar, DashboardFilter filter,
        DateOnly today, int count, CancellationToken ct)
    {
        var last = filter.ParsedPeriod?.LastQuarter ?? Quarter.Of(today);
        var quarters = Quarter.Ending(last, Math.Clamp(count, 1, 40)).ToList();
        // One query for the stored periods; the others are not saved: a period the dashboard merely
        // looks at is created by the first report of it.
        var periods = await calendar.PeriodNumbersAsync(ReportingRegime.Quarterly, quarters.Select(q => (q.Year, q.Number)).ToList(), ct);
        return quarters.Select((q, i) => new WindowQuarter(q, periods[i].Id, periods[i].SubmissionDueOn, periods[i].SubmissionDueOn < today)).ToList();
    }

    /// <summary>Year*10+quarter: how the window's quarters are matched in SQL.</summary>
    public static int[] Keys(IEnumerable<WindowQuarter> quarters) => quarters.Select(q => q.Quarter.Year * 10 + q.Quarter.Number).ToArray();
}
