using PlanTracker.Core.Domain;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// Deadlines of every kind the documents use, built through the domain's own constructors so each
/// one is valid for its kind (a quarter ends on its last day, working days skip holidays…), with
/// the text a document would print. The mix follows the seed plans: most tasks name a date or a
/// period, a tenth are recurring or continuous.
/// </summary>
public sealed class DeadlineMaker(WorkingDayCalendar calendar)
{
    private static readonly (DeadlineKind Kind, double Weight)[] Mix =
    [
        (DeadlineKind.Date, 40), (DeadlineKind.Month, 9), (DeadlineKind.Quarter, 10), (DeadlineKind.HalfYear, 3),
        (DeadlineKind.Year, 8), (DeadlineKind.Period, 2), (DeadlineKind.WorkingDays, 8),
        (DeadlineKind.RecurringMonthly, 2), (DeadlineKind.RecurringQuarterly, 3), (DeadlineKind.RecurringHalfYearly, 1),
        (DeadlineKind.RecurringYearly, 2), (DeadlineKind.Continuous, 6), (DeadlineKind.AdHoc, 2), (DeadlineKind.Unspecified, 4),
    ];

    private static readonly int[] WorkingDayCounts = [5, 7, 10, 15, 20, 30];

    /// <summary>A deadline for a task of a document issued on <paramref name="issued"/>: due up to three years after it.</summary>
    public Deadline Make(StableRandom r, DateOnly issued)
    {
        var on = issued.AddDays(r.Between(10, 1100));
        var (y, m) = (on.Year, on.Month);
        var deadline = r.Weighted(Mix) switch
        {
            DeadlineKind.Date => Deadline.OnDate(on, r.Pick(DateTexts)(on)),
            DeadlineKind.Month => Deadline.InMonth(y, m, $"Tháng {m}/{y}"),
            DeadlineKind.Quarter => Deadline.InQuarter(y, (m - 1) / 3 + 1, r.Chance(0.5) ? $"Quý {VietnameseNames.Roman((m - 1) / 3 + 1)}/{y}" : $"Quý {VietnameseNames.Roman((m - 1) / 3 + 1)} năm {y}"),
            DeadlineKind.HalfYear => Deadline.InHalfYear(y, m <= 6 ? 1 : 2, m <= 6 ? $"6 tháng đầu năm {y}" : $"6 tháng cuối năm {y}"),
            DeadlineKind.Year => Deadline.InYear(y, r.Chance(0.5) ? $"Năm {y}" : $"Trong năm {y}"),
            DeadlineKind.Period => Period(r, issued.Year),
            DeadlineKind.WorkingDays => WorkingDays(r, on),
            DeadlineKind.RecurringMonthly => Recurring(r, DeadlineKind.RecurringMonthly, "Hằng tháng", issued, on),
            DeadlineKind.RecurringQuarterly => Recurring(r, DeadlineKind.RecurringQuarterly, "Hằng quý", issued, on),
            DeadlineKind.RecurringHalfYearly => Recurring(r, DeadlineKind.RecurringHalfYearly, "Định kỳ 6 tháng", issued, on),
            DeadlineKind.RecurringYearly => Recurring(r, DeadlineKind.RecurringYearly, "Hằng năm", issued, on),
            DeadlineKind.Continuous => Deadline.Continuous(r.Chance(0.7) ? "Thường xuyên" : "Thường xuyên, liên tục"),
            DeadlineKind.AdHoc => Deadline.AdHoc(r.Chance(0.5) ? "Khi có yêu cầu" : "Đột xuất"),
            _ => Deadline.Unspecified(),
        };
        // Some deadlines are stated once in the section heading and hold for every item under it.
        return r.Chance(0.08) ? deadline.AsInherited() : deadline;
    }

    private static readonly Func<DateOnly, string>[] DateTexts =
    [
        d => $"Trước ngày {d:dd/MM/yyyy}", d => $"Hoàn thành trước {d:dd/MM/yyyy}", d => $"{d:dd/MM/yyyy}", d => $"Trước {d:dd/MM/yyyy}",
    ];

    private static Deadline Period(StableRandom r, int year)
    {
        var last = year + r.Between(1, 4);
        return Deadline.ForPeriod(year, last, $"Giai đoạn {year}-{last}");
    }

    private Deadline WorkingDays(StableRandom r, DateOnly due)
    {
        var count = r.Pick(WorkingDayCounts);
        // Start far enough back that the due date lands near the drawn one.
        var from = due.AddDays(-count * 7 / 5);
        return Deadline.InWorkingDays(count, from, calendar, $"Trong {count} ngày làm việc kể từ ngày {from:dd/MM/yyyy}");
    }

    private static Deadline Recurring(StableRandom r, DeadlineKind kind, string text, DateOnly issued, DateOnly until) =>
        Deadline.Recurring(kind, text, r.Chance(0.5) ? issued : null, r.Chance(0.5) ? new DateOnly(until.Year, 12, 31) : null);
}
