using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;

namespace PlanTracker.Core.Reports;

/// <summary>
/// What one provincial quarterly report covers: the province, the quarter and its reporting
/// period, the day timeliness is judged on (<see cref="AsOf"/>) and the day the report is dated.
/// </summary>
public sealed record QuarterlyReportScope(
    long ProvinceId, string ProvinceName, string? SecretariatName, int Year, int Quarter,
    long? PeriodId, DateOnly SubmissionDueOn, DateOnly AsOf, DateOnly IssuedOn)
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    /// <summary>Who signs the report (title and name), from configuration ("Reporting:Signer").</summary>
    public ReportSigner Signer { get; init; } = new();

    public DateOnly StartOn => new(Year, Quarter * 3 - 2, 1);
    public DateOnly EndOn => StartOn.AddMonths(3).AddDays(-1);
    public DateOnly NextStartOn => EndOn.AddDays(1);
    public DateOnly NextEndOn => NextStartOn.AddMonths(3).AddDays(-1);

    /// <summary>"Quý III/2026".</summary>
    public string Label => Name(Year, Quarter, Vietnamese);

    public string NextLabel => Name(NextStartOn.Year, (NextStartOn.Month + 2) / 3, Vietnamese);

    /// <summary>"Quý III/2026" in Vietnamese, "Q3 2026" in English.</summary>
    public static string Name(int year, int quarter, CultureInfo culture) =>
        DeadlineDisplay.Format(DeadlineKind.Quarter, null, new DateOnly(year, quarter * 3, 1), culture);

    /// <summary>
    /// The day a report judges timeliness on: the day it is compiled, or the quarter's last day
    /// once the quarter is over (a past quarter is reported as it stood when it ended).
    /// </summary>
    public static DateOnly DataDay(int year, int quarter, DateOnly today)
    {
        var end = new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1);
        return today < end ? today : end;
    }

    /// <summary>The scope of a stored period, for the compiler.</summary>
    public static async Task<QuarterlyReportScope> ForAsync(PlanTrackerDbContext db, long provinceId, ReportingPeriod period,
        DateOnly asOf, DateOnly issuedOn, CancellationToken ct)
    {
        var province = await db.Provinces.AsNoTracking().Where(p => p.Id == provinceId).Select(p => p.Name).SingleAsync(ct);
        var secretariat = await db.Agencies.AsNoTracking().Where(a => a.ProvinceId == provinceId && a.IsSecretariat)
            .Select(a => a.Name).FirstOrDefaultAsync(ct);
        return new QuarterlyReportScope(provinceId, province, secretariat, period.Year, period.Number,
            period.Id == 0 ? null : period.Id, period.SubmissionDueOn, asOf, issuedOn);
    }

    /// <summary>
    /// The scope of any quarter without storing anything (for benchmarks and previews): the stored
    /// period when there is one, otherwise the default calendar's dates; data as of the quarter's end.
    /// </summary>
    public static async Task<QuarterlyReportScope> ForAsync(PlanTrackerDbContext db, long provinceId, int year, int quarter, CancellationToken ct = default)
    {
        var period = await db.ReportingPeriods.AsNoTracking()
                .SingleOrDefaultAsync(p => p.Regime == ReportingRegime.Quarterly && p.Year == year && p.Number == quarter, ct)
            ?? ReportingCalendar.NewPeriod(ReportingRegime.Quarterly, year, quarter, new RegimeDays());
        return await ForAsync(db, provinceId, period, period.EndOn, period.EndOn, ct);
    }
}
