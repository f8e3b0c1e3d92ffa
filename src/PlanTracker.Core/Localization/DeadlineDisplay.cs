using System.Globalization;
using Humanizer;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Localization;

/// <summary>Deadlines and distances as people read them: "Quý III/2018", "31/12/2016", "quá hạn 7 năm".</summary>
public static class DeadlineDisplay
{
    private static bool IsVietnamese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "vi";

    public static string Format(DeadlineKind kind, DateOnly? startOn, DateOnly? dueOn, CultureInfo culture)
    {
        var vi = IsVietnamese(culture);
        var due = dueOn ?? default;
        return kind switch
        {
            DeadlineKind.Date or DeadlineKind.WorkingDays when dueOn is not null => Day(due),
            DeadlineKind.Month when dueOn is not null => vi ? $"Tháng {due.Month:00}/{due.Year}" : $"{due:MM/yyyy}",
            DeadlineKind.Quarter when dueOn is not null => vi ? $"Quý {((due.Month + 2) / 3).ToRoman()}/{due.Year}" : $"Q{(due.Month + 2) / 3} {due.Year}",
            DeadlineKind.HalfYear when dueOn is not null => vi
                ? $"6 tháng {(due.Month <= 6 ? "đầu" : "cuối")} năm {due.Year}"
                : $"H{(due.Month <= 6 ? 1 : 2)} {due.Year}",
            DeadlineKind.Year when dueOn is not null => vi ? $"Năm {due.Year}" : $"{due.Year}",
            DeadlineKind.Period when startOn is not null && dueOn is not null => $"{startOn.Value.Year}–{due.Year}",
            DeadlineKind.RecurringMonthly => vi ? "Hằng tháng" : "Monthly",
            DeadlineKind.RecurringQuarterly => vi ? "Hằng quý" : "Quarterly",
            DeadlineKind.RecurringHalfYearly => vi ? "Định kỳ 6 tháng" : "Half-yearly",
            DeadlineKind.RecurringYearly => vi ? "Hằng năm" : "Yearly",
            DeadlineKind.Continuous => vi ? "Thường xuyên" : "Continuous",
            DeadlineKind.AdHoc => vi ? "Đột xuất" : "Ad hoc",
            _ => vi ? "Không xác định" : "Not specified",
        };
    }

    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"quá hạn 7 năm" / "còn 12 ngày" / "đến hạn hôm nay"; null when the task has no due date or is finished.</summary>
    public static string? Distance(DateOnly? dueOn, Timeliness timeliness, DateOnly today, CultureInfo culture)
    {
        if (dueOn is not { } due || timeliness is not (Timeliness.NotStarted or Timeliness.InProgressWithinDeadline or Timeliness.InProgressOverdue))
            return null;
        var vi = IsVietnamese(culture);
        var days = today.DayNumber - due.DayNumber;
        if (days == 0) return vi ? "đến hạn hôm nay" : "due today";
        // Under a month, days say more than Humanizer's weeks ("còn 12 ngày", not "còn 1 tuần").
        var maxUnit = Math.Abs(days) < 30 ? TimeUnit.Day : TimeUnit.Year;
        var span = TimeSpan.FromDays(Math.Abs(days)).Humanize(precision: 1, culture: culture, maxUnit: maxUnit, minUnit: TimeUnit.Day);
        return (days > 0, vi) switch
        {
            (true, true) => $"quá hạn {span}",
            (true, false) => $"overdue by {span}",
            (false, true) => $"còn {span}",
            (false, false) => $"{span} left",
        };
    }
}
