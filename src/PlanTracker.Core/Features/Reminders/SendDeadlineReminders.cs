using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Notifications;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Reminders;

public sealed class ReminderOptions
{
    /// <summary>Days before the due date on which a reminder goes out, unless a plan sets its own.</summary>
    public int[] DaysBefore { get; set; } = [14, 7, 3, 1, 0];
}

/// <summary>
/// The daily deadline reminder. For each open task due in one of its plan's reminder offsets
/// (counted in working days for working-day deadlines), the lead agency's officers and the
/// coordinating agencies' officers are told: one mail per person listing all their items,
/// never an empty mail, and never the same item twice for the same as-of date.
/// </summary>
public static class SendDeadlineReminders
{
    public const string Job = "deadline-reminders";

    public sealed record Command(DateOnly AsOf) : IRequest<MailRunResult>, ITransactionalCommand;

    private sealed record Item(OpenTask Task, bool Lead);


    public sealed class Handler(PlanTrackerDbContext db, Recipients recipients, ReminderOptions options, TimeProvider time)
        : IRequestHandler<Command, MailRunResult>
    {
        public async Task<MailRunResult> Handle(Command c, CancellationToken ct)
        {
            var calendar = await db.WorkingDayCalendarAsync(ct);
            var planDays = await db.Plans.Where(p => p.ReminderDays != null).Select(p => p.ReminderDays!).ToListAsync(ct);
            var offsets = options.DaysBefore.Concat(planDays.SelectMany(d => d)).Distinct().ToList();
            var dates = offsets.Select(n => c.AsOf.AddDays(n)).Concat(offsets.Select(n => calendar.AddWorkingDays(c.AsOf, n))).Distinct().ToList();

            // The partial index on open tasks' due dates answers this (ix_plan_tasks_open_due).
            var due = await db.DueOnAsync(dates, ct);
            due = due.Where(t => (t.PlanReminderDays ?? options.DaysBefore).Any(n => DueIn(t, n, c.AsOf, calendar))).ToList();
            if (due.Count == 0) return new MailRunResult(0, 0);

            var told = (await db.NotificationLog.Where(n => n.Job == Job && n.AsOf == c.AsOf).Select(n => new { n.UserId, n.Item }).ToListAsync(ct))
                .Select(n => (n.UserId, n.Item)).ToHashSet();
            var toTell = (await Addressees(due, ct))
                .Select(r => (r.User, Items: r.Items.Where(i => !told.Contains((r.User.Id, Key(i.Task)))).OrderBy(i => i.Task.DueOn).ThenBy(i => i.Task.Id).ToList()))
                .Where(r => r.Items.Count > 0)
                .OrderBy(r => r.User.Id)
                .ToList();
            if (toTell.Count == 0) return new MailRunResult(0, 0);

            var now = time.GetUtcNow();
            var dueCells = new Dictionary<(DateOnly, bool), string>();
            // Composed one at a time while the outbox rows stream to the server: never all in memory.
            var mails = toTell.Select(r => new JobMail(Compose(r.User, r.Items, c.AsOf, now, dueCells), r.User.Id, r.Items.ConvertAll(i => Key(i.Task))));
            await OutboxBulkWriter.WriteAsync(db, Job, c.AsOf, toTell.Count, mails, ct);
            return new MailRunResult(toTell.Count, toTell.Sum(r => r.Items.Count));
        }

        private static string Key(OpenTask task) => $"task:{task.Id}";

        private static bool DueIn(OpenTask task, int days, DateOnly asOf, WorkingDayCalendar calendar) =>
            task.DueOn == (task.Kind == DeadlineKind.WorkingDays && days > 0 ? calendar.AddWorkingDays(asOf, days) : asOf.AddDays(days));

        /// <summary>
        /// Officers of the lead agency and of each coordinating agency; a group stands for its members.
        /// Two queries whatever the number of tasks, then lookups by agency and by person: a national
        /// day can tell tens of thousands of officers about a thousand tasks.
        /// </summary>
        private async Task<IEnumerable<(Recipient User, ICollection<Item> Items)>> Addressees(List<OpenTask> due, CancellationToken ct)
        {
            var seats = await recipients.SeatsAsync(due.SelectMany(t => t.Coordinating.Append(t.LeadAgencyId)), ct);
            var officers = (await recipients.InRoleAsync(Roles.AgencyOfficer, seats.SelectMany(s => s), ct)).ToLookup(o => o.AgencyId);
            IEnumerable<long> Seats(long agencyId) => seats[agencyId];

            var result = new Dictionary<long, (Recipient User, Dictionary<long, Item> Items)>();
            foreach (var task in due)
            {
                // The lead's seats first: someone both leading and coordinating a task is told as lead.
                var assignments = Seats(task.LeadAgencyId).Select(a => (a, true)).Concat(task.Coordinating.SelectMany(Seats).Select(a => (a, false)));
                foreach (var (agencyId, lead) in assignments)
                    foreach (var officer in officers[agencyId])
                    {
                        if (!result.TryGetValue(officer.Id, out var entry)) result[officer.Id] = entry = (officer, []);
                        entry.Items.TryAdd(task.Id, new Item(task, lead));
                    }
            }
            return result.Values.Select(r => (r.User, (ICollection<Item>)r.Items.Values));
        }

        private static OutboxMessage Compose(Recipient user, List<Item> items, DateOnly asOf, DateTimeOffset now, Dictionary<(DateOnly, bool), string> dueCells)
        {
            var mail = new MailComposer(user.Culture);
            var subject = mail.Pick($"Nhắc hạn: {items.Count} nhiệm vụ sắp đến hạn", $"Reminder: {items.Count} task(s) due soon");
            mail.Paragraph(mail.Pick($"Các nhiệm vụ sau đến hạn trong thời gian tới (tính đến ngày {DeadlineDisplay.Day(asOf)}):",
                    $"These tasks are due soon (as of {DeadlineDisplay.Day(asOf)}):"))
                .Table([mail.Pick("Nhiệm vụ", "Task"), mail.Pick("Kế hoạch", "Plan"), mail.Pick("Hạn", "Due"), mail.Pick("Vai trò", "Role")],
                    items.Select(i => (IReadOnlyList<string>)
                    [
                        $"{i.Task.Code} {i.Task.Title}", i.Task.Plan,
                        DueCell(i.Task.DueOn, asOf, mail, dueCells),
                        i.Lead ? mail.Pick("chủ trì", "lead") : mail.Pick("phối hợp", "coordinating"),
                    ]))
                .Paragraph(mail.Pick("Đề nghị cập nhật tiến độ trên PlanTracker.", "Please record progress in PlanTracker."));
            var (text, html) = mail.Build();
            return new OutboxMessage(Job, user.Email, user.Id, subject, text, html, now);
        }

        /// <summary>"31/12/2016 (còn 14 ngày)": a run has a handful of due dates and two languages, so each is humanized once.</summary>
        private static string DueCell(DateOnly dueOn, DateOnly asOf, MailComposer mail, Dictionary<(DateOnly, bool), string> cache)
        {
            if (!cache.TryGetValue((dueOn, mail.Vietnamese), out var cell))
                cache[(dueOn, mail.Vietnamese)] = cell =
                    $"{DeadlineDisplay.Day(dueOn)} ({DeadlineDisplay.Distance(dueOn, Timeliness.InProgressWithinDeadline, asOf, mail.Culture)})";
            return cell;
        }
    }
}
