using System.Text.Json;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;

namespace PlanTracker.Core.Features.Reminders;

/// <summary>
/// The deadline reminder's text and HTML, rendered from the model <see cref="SendDeadlineReminders"/>
/// queues in SQL: <c>{"asOf": "2016-12-17", "culture": "vi-VN", "items": [{"task", "code", "title", "plan", "dueOn", "lead"}]}</c>,
/// items in the order they are listed. Each task links to its page under <see cref="MailOptions.PublicUrl"/>
/// (configuration, not data read at send time).
/// </summary>
public sealed class DeadlineReminderMail(MailOptions options) : IMailTemplate
{
    public string Name => "deadline-reminder";

    /// <summary>The subject, as a PostgreSQL format() string with the item count for %s: the SQL that queues the mail writes it.</summary>
    public static string SubjectFormat(bool vietnamese) =>
        vietnamese ? "Nhắc hạn: %s nhiệm vụ sắp đến hạn" : "Reminder: %s task(s) due soon";

    private sealed record Item(long Task, string Code, string Title, string Plan, DateOnly DueOn, bool Lead);

    public (string Text, string Html) Render(JsonElement model)
    {
        var asOf = DateOnly.Parse(model.GetProperty("asOf").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var mail = new MailComposer(model.GetProperty("culture").GetString()!);
        var items = model.GetProperty("items").Deserialize<List<Item>>(JsonSerializerOptions.Web)!;
        mail.Paragraph(mail.Pick($"Các nhiệm vụ sau đến hạn trong thời gian tới (tính đến ngày {DeadlineDisplay.Day(asOf)}):",
                $"These tasks are due soon (as of {DeadlineDisplay.Day(asOf)}):"))
            .Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Kế hoạch", "Plan"), mail.Pick("Hạn", "Due"), mail.Pick("Vai trò", "Role")],
                items.Select(i => new MailRow(
                [
                    $"{i.Code} {i.Title}", i.Plan,
                    // "31/12/2016 (còn 14 ngày)": counted from the run's as-of date, not from when the mail leaves.
                    $"{DeadlineDisplay.Day(i.DueOn)} ({DeadlineDisplay.Distance(i.DueOn, Timeliness.InProgressWithinDeadline, asOf, mail.Culture)})",
                    i.Lead ? mail.Pick("chủ trì", "lead") : mail.Pick("phối hợp", "coordinating"),
                ], options.Link($"/Tasks/{i.Task}"))))
            .Paragraph(mail.Pick("Đề nghị cập nhật tiến độ trên PlanTracker.", "Please record progress in PlanTracker."));
        return mail.Build();
    }
}
