using System.Globalization;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Localization;

/// <summary>A reporting period as people name it: "Quý III/2026", "6 tháng đầu năm 2026", "Năm 2026".</summary>
public static class PeriodDisplay
{
    public static string Label(ReportingPeriod p, CultureInfo culture) =>
        p.Regime == ReportingRegime.AdHoc
            ? $"{DeadlineDisplay.Day(p.StartOn)}–{DeadlineDisplay.Day(p.EndOn)}"
            : DeadlineDisplay.Format(p.Regime switch
            {
                ReportingRegime.Quarterly => DeadlineKind.Quarter,
                ReportingRegime.HalfYearly => DeadlineKind.HalfYear,
                _ => DeadlineKind.Year,
            }, p.StartOn, p.EndOn, culture);
}
