using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Localization;

/// <summary>Timeliness as mails name it; the same words as the UI's resources (Timeliness.*).</summary>
public static class TimelinessNames
{
    public static string Name(Timeliness timeliness, bool vietnamese) => (timeliness, vietnamese) switch
    {
        (Timeliness.NotStarted, true) => "Chưa thực hiện",
        (Timeliness.InProgressWithinDeadline, true) => "Đang thực hiện trong hạn",
        (Timeliness.InProgressOverdue, true) => "Quá hạn",
        (Timeliness.DoneOnTime, true) => "Hoàn thành đúng hạn",
        (Timeliness.DoneLate, true) => "Hoàn thành quá hạn",
        (Timeliness.Continuous, true) => "Thường xuyên",
        (Timeliness.Paused, true) => "Tạm dừng",
        (Timeliness.Cancelled, true) => "Không thực hiện",
        (Timeliness.NotStarted, false) => "Not started",
        (Timeliness.InProgressWithinDeadline, false) => "In progress, within deadline",
        (Timeliness.InProgressOverdue, false) => "Overdue",
        (Timeliness.DoneOnTime, false) => "Done on time",
        (Timeliness.DoneLate, false) => "Done late",
        (Timeliness.Continuous, false) => "Continuous",
        (Timeliness.Paused, false) => "Paused",
        _ => "Cancelled",
    };
}
