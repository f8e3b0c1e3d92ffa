using MediatR;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Escalations;

public sealed class EscalationOptions
{
    /// <summary>Days past the due date on which an open task is escalated.</summary>
    public int[] DaysOverdue { get; set; } = [1, 7, 30];
}

/// <summary>
/// The daily overdue escalation. A task still open 1, 7 or 30 days after its due date goes to the
/// head of its lead agency and to the steering member who oversees that agency, one mail per person
/// listing every such task; the secretariat of each province gets one list of everything that
/// became overdue yesterday. Logged per item, so a second run for the same date sends nothing.
/// </summary>
public static class EscalateOverdueTasks
{
    public const string Job = "overdue-escalations";

    public sealed record Command(DateOnly AsOf) : IRequest<MailRunResult>, ITransactionalCommand;

    private sealed record Escalated(OpenTask Task, int DaysOverdue);

    public sealed class Handler(PlanTrackerDbContext db, Recipients recipients, EscalationOptions options, TimeProvider time, MailOptions links)
        : IRequestHandler<Command, MailRunResult>
    {
        public async Task<MailRunResult> Handle(Command c, CancellationToken ct)
        {
            var days = options.DaysOverdue.Append(1).Distinct().ToList();
            var overdue = await db.DueOnAsync(days.Select(n => c.AsOf.AddDays(-n)).ToList(), ct);
            if (overdue.Count == 0) return new MailRunResult(0, 0);
            var mailer = await JobMailer.OpenAsync(db, Job, c.AsOf, time, ct);

            var escalated = overdue.Select(t => new Escalated(t, c.AsOf.DayNumber - t.DueOn.DayNumber))
                .Where(e => options.DaysOverdue.Contains(e.DaysOverdue)).ToList();
            await EscalateToHeadsAndOverseers(mailer, escalated, ct);
            await TellSecretariat(mailer, overdue.Where(t => t.DueOn == c.AsOf.AddDays(-1)).ToList(), ct);
            await db.SaveChangesAsync(ct);
            return mailer.Result;
        }

        private async Task EscalateToHeadsAndOverseers(JobMailer mailer, List<Escalated> escalated, CancellationToken ct)
        {
            if (escalated.Count == 0) return;
            var seats = await recipients.SeatsAsync(escalated.Select(e => e.Task.LeadAgencyId), ct);
            var seatIds = seats.SelectMany(s => s).ToList();
            var people = (await recipients.InRoleAsync(Roles.AgencyHead, seatIds, ct)).Concat(await recipients.OverseersAsync(seatIds, ct)).ToList();
            var byPerson = escalated
                .SelectMany(e => seats[e.Task.LeadAgencyId].SelectMany(seat => people.Where(p => p.AgencyId == seat)).Select(p => (Person: p, Item: e)))
                .GroupBy(x => x.Person.Id);
            foreach (var group in byPerson)
            {
                var to = group.First().Person;
                var fresh = mailer.Fresh(to, group.Select(x => x.Item).DistinctBy(e => e.Task.Id), e => Key(e.Task));
                if (fresh.Count == 0) continue;
                mailer.Queue(to, fresh.Select(e => Key(e.Task)).ToList(), mail => ComposeEscalation(mail, fresh, mailer.AsOf, links));
            }
        }

        private async Task TellSecretariat(JobMailer mailer, List<OpenTask> newlyOverdue, CancellationToken ct)
        {
            if (newlyOverdue.Count == 0) return;
            foreach (var (provinceId, to) in await recipients.SecretariatAsync(ct))
            {
                var fresh = mailer.Fresh(to, newlyOverdue.Where(t => t.ProvinceId == provinceId), t => "newly-overdue:" + Key(t));
                if (fresh.Count == 0) continue;
                mailer.Queue(to, fresh.Select(t => "newly-overdue:" + Key(t)).ToList(), mail => ComposeNewlyOverdue(mail, fresh, mailer.AsOf, links));
            }
        }

        private static string Key(OpenTask task) => $"task:{task.Id}";

        private static string ComposeEscalation(MailComposer mail, List<Escalated> items, DateOnly asOf, MailOptions links)
        {
            mail.Paragraph(mail.Pick($"Các nhiệm vụ sau đã quá hạn mà chưa hoàn thành (tính đến ngày {DeadlineDisplay.Day(asOf)}):",
                    $"These tasks are past their deadline and not finished (as of {DeadlineDisplay.Day(asOf)}):"))
                .Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Văn bản giao", "Assigned by"), mail.Pick("Cơ quan chủ trì", "Lead agency"),
                        mail.Pick("Thời hạn", "Due"), mail.Pick("Quá hạn", "Overdue")],
                    items.OrderByDescending(e => e.DaysOverdue).Select(e => new MailRow(
                    [
                        $"{e.Task.Code} {e.Task.Title}", e.Task.Document, e.Task.LeadAgency, DeadlineDisplay.Day(e.Task.DueOn),
                        DeadlineDisplay.Distance(e.Task.DueOn, Timeliness.InProgressOverdue, asOf, mail.Culture)!,
                    ], links.Link($"/Tasks/{e.Task.Id}"))))
                .Paragraph(mail.Pick("Đề nghị chỉ đạo hoàn thành hoặc đề xuất gia hạn trên PlanTracker.",
                    "Please see that they are finished, or request an extension in PlanTracker."));
            return mail.Pick($"Cảnh báo quá hạn: {items.Count} nhiệm vụ", $"Overdue: {items.Count} task(s)");
        }

        private static string ComposeNewlyOverdue(MailComposer mail, List<OpenTask> tasks, DateOnly asOf, MailOptions links)
        {
            mail.Paragraph(mail.Pick($"Các nhiệm vụ sau đến hạn ngày {DeadlineDisplay.Day(asOf.AddDays(-1))} nhưng chưa hoàn thành:",
                    $"These tasks fell due on {DeadlineDisplay.Day(asOf.AddDays(-1))} and are not finished:"))
                .Table([mail.Pick("STT", "No."), mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Văn bản giao", "Assigned by"), mail.Pick("Cơ quan chủ trì", "Lead agency")],
                    tasks.Select((t, i) => new MailRow([(i + 1).ToString(mail.Culture), $"{t.Code} {t.Title}", t.Document, t.LeadAgency],
                        links.Link($"/Tasks/{t.Id}"))), linkColumn: 1);
            return mail.Pick($"Nhiệm vụ mới quá hạn ngày {DeadlineDisplay.Day(asOf)}: {tasks.Count}", $"Newly overdue on {DeadlineDisplay.Day(asOf)}: {tasks.Count}");
        }
    }
}
