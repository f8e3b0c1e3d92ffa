using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Reporting;

/// <summary>
/// The days of a reporting regime, counted in the period's last month: data are cut off on one,
/// the report is due on the other (Decree 09/2019/NĐ-CP leaves both to each regime).
/// </summary>
public sealed class RegimeDays
{
    public int CutOffDay { get; set; } = 14;
    public int SubmissionDay { get; set; } = 20;
}

/// <summary>
/// The signer of the secretariat's quarterly report: a title of one or more lines ("KT. GIÁM ĐỐC",
/// "PHÓ GIÁM ĐỐC") and a name; an empty name leaves the space for a hand-written one.
/// </summary>
public sealed class ReportSigner
{
    public string Title { get; set; } = "GIÁM ĐỐC";
    public string? Name { get; set; }
}

public sealed class ReportingOptions
{
    public RegimeDays Quarterly { get; set; } = new();
    public RegimeDays HalfYearly { get; set; } = new();
    public RegimeDays Yearly { get; set; } = new();
    /// <summary>The signature block of the compiled quarterly report.</summary>
    public ReportSigner Signer { get; set; } = new();

    public RegimeDays For(ReportingRegime regime) => regime switch
    {
        ReportingRegime.Quarterly => Quarterly,
        ReportingRegime.HalfYearly => HalfYearly,
        ReportingRegime.Yearly => Yearly,
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "Ad hoc periods are set one by one."),
    };
}

public sealed class ReportingCalendar(PlanTrackerDbContext db, ReportingOptions options)
{
    /// <summary>The quarter that <paramref name="day"/> falls in, created the first time it is needed.</summary>
    public Task<ReportingPeriod> QuarterOfAsync(DateOnly day, CancellationToken ct) => PeriodOfAsync(ReportingRegime.Quarterly, day, ct);

    /// <summary>Months in a period of a regular regime; ad hoc periods have no fixed length.</summary>
    public static int MonthsOf(ReportingRegime regime) => regime switch
    {
        ReportingRegime.Quarterly => 3, ReportingRegime.HalfYearly => 6, ReportingRegime.Yearly => 12,
        _ => throw new Common.RuleViolationException("regime", "An ad hoc period is chosen by its id or number, not by a day."),
    };

    /// <summary>
    /// Period <paramref name="number"/> of a year (quarter 1-4, half 1-2, year 1), or the year's ad hoc period of that
    /// number of <paramref name="provinceId"/> (ad hoc periods are numbered per province).
    /// </summary>
    public async Task<ReportingPeriod> PeriodNumberAsync(ReportingRegime regime, int year, int number, CancellationToken ct, long? provinceId = null)
    {
        if (regime == ReportingRegime.AdHoc)
            return await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Regime == regime && p.Year == year && p.Number == number && p.ProvinceId == provinceId, ct)
                ?? throw new Common.RuleViolationException("number", $"There is no ad hoc period {number}/{year}.");
        CheckNumber(regime, number);
        return await PeriodOfAsync(regime, new DateOnly(year, number * MonthsOf(regime), 1), ct);
    }

    private static void CheckNumber(ReportingRegime regime, int number)
    {
        var months = MonthsOf(regime);
        if (number < 1 || number > 12 / months) throw new Common.RuleViolationException("number", $"A {regime} period is numbered 1 to {12 / months}.");
    }

    /// <summary>
    /// Several periods of a regular regime at once, as <see cref="PeriodNumberAsync"/> gives them: the
    /// stored ones read in one query (the dashboard's window of quarters), the others made (not saved).
    /// </summary>
    public async Task<IReadOnlyList<ReportingPeriod>> PeriodNumbersAsync(ReportingRegime regime, IReadOnlyList<(int Year, int Number)> wanted,
        CancellationToken ct)
    {
        var keys = wanted.Select(w => w.Year * 100 + w.Number).ToArray();
        var stored = await db.ReportingPeriods.Where(p => p.Regime == regime && keys.Contains(p.Year * 100 + p.Number)).ToListAsync(ct);
        var periods = new List<ReportingPeriod>();
        foreach (var (year, number) in wanted)
        {
            CheckNumber(regime, number);
            periods.Add(stored.SingleOrDefault(p => p.Year == year && p.Number == number) ?? NewPeriod(regime, year, number, options.For(regime)));
        }
        return periods;
    }

    /// <summary>The period of a regular regime that <paramref name="day"/> falls in, created the first time it is needed.</summary>
    public async Task<ReportingPeriod> PeriodOfAsync(ReportingRegime regime, DateOnly day, CancellationToken ct)
    {
        var months = MonthsOf(regime);
        var number = (day.Month - 1) / months + 1;
        var existing = db.ReportingPeriods.Local.SingleOrDefault(p => p.Regime == regime && p.Year == day.Year && p.Number == number)
            ?? await db.ReportingPeriods.SingleOrDefaultAsync(p => p.Regime == regime && p.Year == day.Year && p.Number == number, ct);
        if (existing is not null) return existing;
        var period = NewPeriod(regime, day.Year, number, options.For(regime));
        db.ReportingPeriods.Add(period);
        return period;
    }

    /// <summary>Period <paramref name="number"/> of a regular regime with its cut-off and deadline, not yet stored.</summary>
    public static ReportingPeriod NewPeriod(ReportingRegime regime, int year, int number, RegimeDays days)
    {
        var months = MonthsOf(regime);
        var start = new DateOnly(year, (number - 1) * months + 1, 1);
        var end = start.AddMonths(months).AddDays(-1);
        var lastMonth = new DateOnly(end.Year, end.Month, 1);
        return new ReportingPeriod(regime, year, number, start, end,
            lastMonth.AddDays(days.CutOffDay - 1), lastMonth.AddDays(days.SubmissionDay - 1));
    }
}
