using Humanizer;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;

namespace PlanTracker.Core.Features.Digests;

/// <summary>The parts of one person's digest; any of them may be missing.</summary>
public sealed record DigestParts(AgencySection? Agency, SteeringSection? Steering, ProvinceSection? Province,
    IReadOnlyList<DigestAssignment>? Assigned = null)
{
    public bool IsEmpty => (Agency?.IsEmpty ?? true) && (Steering?.IsEmpty ?? true) && (Province?.IsEmpty ?? true) && (Assigned?.Count ?? 0) == 0;
}

/// <summary>Writes a digest in the recipient's language, text and HTML, with dates as people read them and times humanized.</summary>
public static class DigestMail
{
    /// <param name="mail">Made in the recipient's language.</param>
    /// <param name="changesUpTo">The end of the digest's window: "2 giờ trước" is counted from it.</param>
    /// <returns>The subject.</returns>
    public static string Compose(MailComposer mail, string displayName, DigestFrequency frequency, DigestParts parts, DateOnly asOf,
        DateTimeOffset changesUpTo, DigestOptions options, Func<string, string> link, string unsubscribeUrl)
    {
        var (maxRows, dueSoonDays) = (options.MaxRows, options.DueSoonDays);
        var daily = frequency == DigestFrequency.Daily;
        var subject = mail.Pick($"PlanTracker: bản tin {(daily ? "ngày" : "tuần")} {DeadlineDisplay.Day(asOf)}",
            $"PlanTracker {(daily ? "daily" : "weekly")} digest, {DeadlineDisplay.Day(asOf)}");
        mail.Paragraph(mail.Pick($"Kính gửi {displayName},", $"Dear {displayName},"))
            .Paragraph(mail.Pick($"Tình hình thực hiện nhiệm vụ tính đến ngày {DeadlineDisplay.Day(asOf)}:",
                $"Where the tasks stand as of {DeadlineDisplay.Day(asOf)}:"));

        if (parts.Assigned is { Count: > 0 } assigned) Assignments(mail, assigned, asOf, maxRows, dueSoonDays, link);
        if (parts.Agency is { IsEmpty: false } agency)
        {
            Tasks(mail, mail.Pick($"{agency.Agency}: nhiệm vụ quá hạn ({agency.Overdue.Count})", $"{agency.Agency}: overdue tasks ({agency.Overdue.Count})"),
                agency.Overdue, asOf, maxRows, withRole: true, link);
            Tasks(mail, mail.Pick($"{agency.Agency}: nhiệm vụ đến hạn trong {dueSoonDays} ngày tới ({agency.DueSoon.Count})",
                $"{agency.Agency}: tasks due in the next {dueSoonDays} days ({agency.DueSoon.Count})"), agency.DueSoon, asOf, maxRows, withRole: true, link);
            Changes(mail, agency.Changes, changesUpTo, maxRows, link);
        }
        if (parts.Steering is { IsEmpty: false } steering)
        {
            Tasks(mail, mail.Pick($"Các cơ quan được phân công theo dõi: nhiệm vụ quá hạn ({steering.Overdue.Count})",
                $"Agencies you oversee: overdue tasks ({steering.Overdue.Count})"), steering.Overdue, asOf, maxRows, withRole: false, link);
            Tasks(mail, mail.Pick($"Các cơ quan được phân công theo dõi: nhiệm vụ có nguy cơ chậm ({steering.AtRisk.Count})",
                $"Agencies you oversee: tasks at risk ({steering.AtRisk.Count})"), steering.AtRisk, asOf, maxRows, withRole: false, link);
        }
        if (parts.Province is { IsEmpty: false } province) Summary(mail, province, asOf, maxRows, link);

        mail.Link(mail.Pick("Xem và cập nhật trên PlanTracker:", "Open PlanTracker:"), link(parts.Assigned is { Count: > 0 } ? "My/Assigned" : parts.Agency is { IsEmpty: false } ? "My" : ""))
            .Link(mail.Pick("Đổi lịch nhận bản tin:", "Change when you get this digest:"), link("Account/Preferences"))
            .Link(mail.Pick("Không nhận bản tin này nữa (không cần đăng nhập):", "Stop these digests (no sign-in needed):"), unsubscribeUrl);
        return subject;
    }

    private static void Tasks(MailComposer mail, string heading, IReadOnlyList<DigestTask> tasks, DateOnly asOf, int maxRows, bool withRole,
        Func<string, string> link)
    {
        if (tasks.Count == 0) return;
        mail.Heading(heading);
        IReadOnlyList<string> header = withRole
            ? [mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Kế hoạch", "Plan"), mail.Pick("Hạn", "Due"), mail.Pick("Vai trò", "Role")]
            : [mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Cơ quan chủ trì", "Lead agency"), mail.Pick("Hạn", "Due"), mail.Pick("Tiến độ", "Progress")];
        mail.Table(header, tasks.Take(maxRows).Select(t => new MailRow(withRole
            ? [$"{t.Code} {t.Title}", t.Plan, Due(t, asOf, mail), t.Lead ? mail.Pick("chủ trì", "lead") : mail.Pick("phối hợp", "coordinating")]
            : [$"{t.Code} {t.Title}", t.LeadAgency ?? "", Due(t, asOf, mail), $"{t.PercentComplete}%"], link($"Tasks/{t.Id}"))));
        More(mail, tasks.Count, maxRows);
    }

    /// <summary>The reader's own assignments first: what the head asked of them, by the date the head set (decision 0028).</summary>
    private static void Assignments(MailComposer mail, IReadOnlyList<DigestAssignment> assigned, DateOnly asOf, int maxRows, int dueSoonDays,
        Func<string, string> link)
    {
        mail.Heading(mail.Pick($"Việc được giao cho bạn: quá hạn hoặc đến hạn xử lý trong {dueSoonDays} ngày tới ({assigned.Count})",
            $"Assigned to you: overdue or due in the next {dueSoonDays} days ({assigned.Count})"));
        mail.Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Hạn xử lý", "Due"), mail.Pick("Ý kiến chỉ đạo", "Directions"), mail.Pick("Người giao", "Assigned by")],
            assigned.Take(maxRows).Select(a => new MailRow(
            [
                $"{a.Code} {a.Title}",
                $"{DeadlineDisplay.Day(a.DueOn)} ({DeadlineDisplay.Distance(a.DueOn, a.DueOn < asOf ? Timeliness.InProgressOverdue : Timeliness.InProgressWithinDeadline, asOf, mail.Culture)})",
                a.Directions.ReplaceLineEndings(" "), a.AssignedBy,
            ], link($"Tasks/{a.TaskId}/Work"))));
        More(mail, assigned.Count, maxRows);
    }

    private static void Changes(MailComposer mail, IReadOnlyList<DigestChange> changes, DateTimeOffset upTo, int maxRows, Func<string, string> link)
    {
        if (changes.Count == 0) return;
        mail.Heading(mail.Pick($"Thay đổi từ bản tin trước ({changes.Count})", $"Changes since your last digest ({changes.Count})"));
        mail.Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Thay đổi", "Change"), mail.Pick("Người thực hiện", "By"), mail.Pick("Thời điểm", "When")],
            changes.Take(maxRows).Select(c => new MailRow(
            [
                $"{c.Code} {c.Title}", Action(c, mail), c.By ?? "",
                $"{TimeZoneInfo.ConvertTime(c.At, ProvinceClock.Zone):dd/MM/yyyy HH:mm} ({c.At.Humanize(upTo, mail.Culture)})",
            ], link($"Tasks/{c.TaskId}"))));
        More(mail, changes.Count, maxRows);
    }

    private static void Summary(MailComposer mail, ProvinceSection province, DateOnly asOf, int maxRows, Func<string, string> link)
    {
        Timeliness[] columns = [Timeliness.NotStarted, Timeliness.InProgressWithinDeadline, Timeliness.InProgressOverdue, Timeliness.DoneOnTime,
            Timeliness.DoneLate, Timeliness.Continuous, Timeliness.Paused, Timeliness.Cancelled];
        mail.Heading(mail.Pick($"Tổng hợp toàn tỉnh {province.Province}", $"Province summary: {province.Province}"));
        mail.Table([mail.Pick("Kế hoạch", "Plan"), .. columns.Select(c => TimelinessNames.Name(c, mail.Vietnamese)), mail.Pick("Tổng", "Total")],
            province.Plans.Select(p => (IReadOnlyList<string>)
                [p.Plan, .. columns.Select(c => p.Counts.GetValueOrDefault(c).ToString(mail.Culture)), p.Total.ToString(mail.Culture)]));
        var since = DeadlineDisplay.Day(province.NewlyOverdueSince);
        if (province.NewlyOverdue.Count == 0)
        {
            mail.Paragraph(mail.Pick($"Không có nhiệm vụ nào mới quá hạn (hạn từ {since}).", $"No task fell overdue (due since {since})."));
            return;
        }
        mail.Heading(mail.Pick($"Nhiệm vụ mới quá hạn (hạn từ {since}): {province.NewlyOverdue.Count}", $"Newly overdue (due since {since}): {province.NewlyOverdue.Count}"));
        mail.Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Kế hoạch", "Plan"), mail.Pick("Cơ quan chủ trì", "Lead agency"), mail.Pick("Hạn", "Due")],
            province.NewlyOverdue.Take(maxRows).Select(t => new MailRow([$"{t.Code} {t.Title}", t.Plan, t.LeadAgency ?? "", Due(t, asOf, mail)], link($"Tasks/{t.Id}"))));
        More(mail, province.NewlyOverdue.Count, maxRows);
    }

    private static string Due(DigestTask t, DateOnly asOf, MailComposer mail) => t.DueOn is { } due
        ? $"{DeadlineDisplay.Day(due)} ({DeadlineDisplay.Distance(due, t.Timeliness, asOf, mail.Culture)})"
        : "";

    private static void More(MailComposer mail, int count, int shown)
    {
        if (count > shown) mail.Paragraph(mail.Pick($"… và {count - shown} nhiệm vụ khác.", $"… and {count - shown} more."));
    }

    private static string Action(DigestChange c, MailComposer mail)
    {
        var name = c.Action switch
        {
            "task.progress" => mail.Pick("Cập nhật tiến độ", "Progress recorded"),
            "task.contribution" => mail.Pick("Ý kiến phối hợp", "Contribution added"),
            "task.evidence" => mail.Pick("Bổ sung minh chứng", "Evidence attached"),
            "task.edited" => mail.Pick("Sửa nhiệm vụ", "Task edited"),
            "task.moved" => mail.Pick("Chuyển vị trí", "Task moved"),
            "task.split" => mail.Pick("Tách nhiệm vụ", "Task split"),
            "task.added" => mail.Pick("Thêm nhiệm vụ", "Task added"),
            "extension.requested" => mail.Pick("Đề nghị gia hạn", "Extension requested"),
            "extension.approved" => mail.Pick("Được gia hạn", "Extension approved"),
            "extension.rejected" => mail.Pick("Không được gia hạn", "Extension rejected"),
            _ => c.Action,
        };
        if (c.Status is not { } status) return name;
        var statusName = status switch
        {
            PlanTaskStatus.NotStarted => mail.Pick("Chưa thực hiện", "Not started"),
            PlanTaskStatus.InProgress => mail.Pick("Đang thực hiện", "In progress"),
            PlanTaskStatus.Done => mail.Pick("Hoàn thành", "Done"),
            PlanTaskStatus.Paused => mail.Pick("Tạm dừng", "Paused"),
            _ => mail.Pick("Không thực hiện", "Cancelled"),
        };
        return $"{name}: {statusName}, {c.Percent}%";
    }
}
