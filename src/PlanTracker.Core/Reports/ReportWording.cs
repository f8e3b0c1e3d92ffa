using System.Globalization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Localization;

namespace PlanTracker.Core.Reports;

/// <summary>The report's Vietnamese wording, shared by the Word and the Excel files so that they say the same.</summary>
internal static class ReportWording
{
    public static readonly CultureInfo Culture = new("vi-VN");

    /// <summary>The states in the order a report lists them: finished first, then open, then the rest.</summary>
    public static readonly IReadOnlyList<Timeliness> States =
    [
        Timeliness.DoneOnTime, Timeliness.DoneLate, Timeliness.InProgressWithinDeadline, Timeliness.InProgressOverdue,
        Timeliness.NotStarted, Timeliness.Continuous, Timeliness.Paused, Timeliness.Cancelled,
    ];

    public static string Title(QuarterlyReportScope scope) =>
        $"Tình hình thực hiện nhiệm vụ xây dựng chính quyền điện tử, chuyển đổi số {scope.Label}";

    public static string Issuer(QuarterlyReportScope scope) => "UBND TỈNH " + scope.ProvinceName.ToUpper(Culture);

    public static string State(Timeliness timeliness) => timeliness switch
    {
        Timeliness.NotStarted => "Chưa thực hiện",
        Timeliness.InProgressWithinDeadline => "Đang thực hiện trong hạn",
        Timeliness.InProgressOverdue => "Đang thực hiện quá hạn",
        Timeliness.DoneOnTime => "Hoàn thành đúng hạn",
        Timeliness.DoneLate => "Hoàn thành quá hạn",
        Timeliness.Continuous => "Thường xuyên",
        Timeliness.Paused => "Tạm dừng",
        Timeliness.Cancelled => "Không thực hiện",
        _ => timeliness.ToString(),
    };

    /// <summary>"Tổng số 58 nhiệm vụ, trong đó: hoàn thành đúng hạn 0; …".</summary>
    public static string Summary(TimelinessCounts totals) =>
        $"Tổng số {totals.Total} nhiệm vụ, trong đó: " + string.Join("; ", States.Select(s => $"{State(s).ToLower(Culture)} {totals[s]}")) + ".";

    public static string Day(DateOnly day) => DeadlineDisplay.Day(day);

    /// <summary>
    /// "ngày 07 tháng 12 năm 2026": the dateline of an administrative document (Decree 30/2020/NĐ-CP,
    /// appendix I): a day below 10 and the months 1 and 2 take a leading zero, the other months none.
    /// </summary>
    public static string IssuedOn(DateOnly day) =>
        $"ngày {day.Day:00} tháng {(day.Month < 3 ? day.Month.ToString("00", Culture) : day.Month.ToString(Culture))} năm {day.Year}";

    /// <summary>The assigning document: its number and date, or the plan's title when the document has no number.</summary>
    public static string Document(TaskRow task) => task.DocumentNumber is { Length: > 0 } number
        ? task.DocumentIssuedOn is { } issued ? $"{number} ngày {Day(issued)}" : number
        : task.PlanTitle;

    public static string Deadline(TaskRow task)
    {
        var stated = DeadlineDisplay.Format(task.Kind, task.StartOn, task.DueOn, Culture);
        return task.ExtendedDueOn is { } extended ? $"{stated} (gia hạn đến {Day(extended)})" : stated;
    }

    /// <summary>"quá hạn 3 tháng", as of the report's day.</summary>
    public static string Delay(TaskRow task, DateOnly asOf) =>
        DeadlineDisplay.Distance(task.EffectiveDueOn, Timeliness.InProgressOverdue, asOf, Culture) ?? "";

    public static string Progress(TaskRow task) => task.Status == PlanTaskStatus.InProgress
        ? $"Đang thực hiện ({task.PercentComplete}%)"
        : "Chưa thực hiện";

    public static string Goal(TargetRow target) =>
        $"{Comparison(target.Comparison)} {Number(target.Value)}{TargetDisplay.UnitSymbol(target.Unit, target.UnitText)}";

    public static string Actual(TargetRow target) =>
        target.Actual is { } actual ? Number(actual) + TargetDisplay.UnitSymbol(target.Unit, target.UnitText) : "";

    public static string Result(TargetResult result) => result switch
    {
        TargetResult.Met => "Đạt",
        TargetResult.NotMet => "Không đạt",
        _ => "Chưa có số liệu",
    };

    public static string Number(decimal value) => value.ToString("0.##", Culture);

    private static string Comparison(TargetComparison comparison) => comparison switch
    {
        TargetComparison.AtLeast => "≥",
        TargetComparison.AtMost => "≤",
        TargetComparison.MoreThan => ">",
        TargetComparison.LessThan => "<",
        _ => "=",
    };
}
