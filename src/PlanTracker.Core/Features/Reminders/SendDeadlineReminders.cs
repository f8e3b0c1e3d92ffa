using MediatR;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Common;
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
/// (counted in working days for working-day deadlines), the lead agency and the coordinating
/// agencies (a group standing for its members) are told: each agency's officers get one mail
/// listing all the agency's items — one message per agency and language, addressed to all of
/// them — never an empty mail, and never the same item twice to an agency for the same as-of date.
/// </summary>
/// <remarks>
/// The whole run is one SQL statement: select, group per agency, queue the mails (as template and
/// model, rendered by <see cref="DeadlineReminderMail"/> when they are sent) and log what each
/// agency was told. A national day tells ~40,000 officers about ~1,000 tasks; moving those rows
/// through the application cost four times the selection itself (docs/PERFORMANCE.md).
/// </remarks>
public static class SendDeadlineReminders
{
    public const string Job = "deadline-reminders";

    public sealed record Command(DateOnly AsOf) : IRequest<MailRunResult>, ITransactionalCommand;

    public sealed class Handler(PlanTrackerDbContext db, ReminderOptions options, TimeProvider time) : IRequestHandler<Command, MailRunResult>
    {
        public async Task<MailRunResult> Handle(Command c, CancellationToken ct)
        {
            // Every offset any plan uses, with the day it points at in calendar days and in working days.
            var calendar = await db.WorkingDayCalendarAsync(ct);
            var planDays = await db.Plans.Where(p => p.ReminderDays != null).Select(p => p.ReminderDays!).ToListAsync(ct);
            var offsets = options.DaysBefore.Concat(planDays.SelectMany(d => d)).Distinct().Order().ToArray();

            var run = await db.Database.SqlQueryRaw<RunCounts>(Sql,
                    new NpgsqlParameter("as_of", c.AsOf),
                    new NpgsqlParameter("default_offsets", options.DaysBefore),
                    new NpgsqlParameter("offsets", offsets),
                    new NpgsqlParameter("on_calendar", offsets.Select(n => c.AsOf.AddDays(n)).ToArray()),
                    new NpgsqlParameter("on_working", offsets.Select(n => calendar.AddWorkingDays(c.AsOf, n)).ToArray()),
                    new NpgsqlParameter("now", time.GetUtcNow()),
                    new NpgsqlParameter("job", Job),
                    new NpgsqlParameter("subject_vi", DeadlineReminderMail.SubjectFormat(vietnamese: true)),
                    new NpgsqlParameter("subject_en", DeadlineReminderMail.SubjectFormat(vietnamese: false)))
                .ToListAsync(ct);
            await RemindAssigneesAsync(c.AsOf, ct);
            return new MailRunResult(run[0].Mails, run[0].Items, run[0].People);
        }

        /// <summary>
        /// The officer a task was handed to hears of their own due date in the bell, 3, 1 and 0 days before
        /// (decision 0028); the agency's mail above is unchanged. Once per assignment and as-of day: the day is
        /// kept as the notification's actor, so a second run of the same day adds nothing.
        /// </summary>
        private Task<int> RemindAssigneesAsync(DateOnly asOf, CancellationToken ct) => db.Database.ExecuteSqlRawAsync("""
            INSERT INTO notifications (user_id, kind, task_id, task_code, actor_name, excerpt, created_at)
            SELECT a.assignee_user_id, 'AssignmentDue', t.id, t.code, @run, to_char(a.due_on, 'DD/MM/YYYY'), @now
            FROM task_assignments a JOIN plan_tasks t ON t.id = a.task_id
            WHERE t.status IN ('NotStarted', 'InProgress') AND a.due_on IN (@as_of, @as_of + 1, @as_of + 3)
              AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.user_id = a.assignee_user_id AND n.task_id = t.id
                              AND n.kind = 'AssignmentDue' AND n.actor_name = @run)
            """, [new NpgsqlParameter("as_of", asOf), new NpgsqlParameter("run", $"{Job}:{asOf:yyyy-MM-dd}"), new NpgsqlParameter("now", time.GetUtcNow())], ct);

        private sealed record RunCounts(int Mails, int Items, int People);

        // @offsets: every offset in use, with the calendar day (@on_calendar) and the working day (@on_working) it
        // points at. The open-by-due-date partial index (ix_plan_tasks_open_due) finds the due tasks.
        private const string Sql = """
            WITH targets AS (
                SELECT * FROM unnest(@offsets::int[], @on_calendar::date[], @on_working::date[]) AS g(n, on_calendar, on_working)
            ),
            due AS (
                SELECT t.id, t.code, t.title, p.title AS plan_title, t.lead_agency_id, coalesce(t.extended_due_on, t.deadline_due_on) AS due_on
                FROM plan_tasks t
                JOIN plans p ON p.id = t.plan_id
                WHERE NOT t.is_group AND t.status IN ('NotStarted', 'InProgress') AND p.status = 'Published'
                  AND NOT is_ongoing_deadline(t.deadline_kind)
                  AND coalesce(t.extended_due_on, t.deadline_due_on) = ANY (@on_calendar::date[] || @on_working::date[])
                  AND EXISTS (
                      SELECT 1 FROM targets g
                      WHERE g.n = ANY (coalesce(p.reminder_days, @default_offsets::int[]))
                        AND coalesce(t.extended_due_on, t.deadline_due_on) =
                            CASE WHEN t.deadline_kind = 'WorkingDays' AND g.n > 0 THEN g.on_working ELSE g.on_calendar END)
            ),
            assigned AS (
                SELECT id AS task_id, lead_agency_id AS agency_id, true AS lead FROM due
                UNION ALL
                SELECT c.task_id, c.agency_id, false FROM task_coordinating_agencies c JOIN due ON due.id = c.task_id
            ),
            -- A group stands for its members; an agency both leading and coordinating a task is told as lead.
            seats AS (
                SELECT task_id, agency_id, bool_or(lead) AS lead
                FROM (SELECT * FROM assigned
                      UNION ALL
                      SELECT a.task_id, m.member_id, a.lead FROM assigned a JOIN agency_group_members m ON m.group_id = a.agency_id) e
                GROUP BY task_id, agency_id
            ),
            officers AS (
                SELECT u.agency_id, u.preferred_culture AS culture, string_agg(u.email, ', ' ORDER BY u.id) AS addresses, count(*) AS people
                FROM users u
                WHERE u.agency_id IN (SELECT agency_id FROM seats)
                  AND u.email IS NOT NULL AND (u.lockout_end IS NULL OR u.lockout_end < @now)
                  AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = 'AgencyOfficer')
                GROUP BY u.agency_id, u.preferred_culture
            ),
            -- An agency with nobody to read the mail is not logged as told.
            fresh AS (
                SELECT s.* FROM seats s
                WHERE s.agency_id IN (SELECT agency_id FROM officers)
                  AND NOT EXISTS (SELECT 1 FROM agency_notices n
                                  WHERE n.job = @job AND n.as_of = @as_of AND n.agency_id = s.agency_id AND n.item = 'task:' || s.task_id)
            ),
            lists AS (
                SELECT f.agency_id, count(*) AS items,
                       jsonb_agg(jsonb_build_object('task', d.id, 'code', d.code, 'title', d.title, 'plan', d.plan_title, 'dueOn', d.due_on, 'lead', f.lead)
                                 ORDER BY d.due_on, d.id) AS list
                FROM fresh f JOIN due d ON d.id = f.task_id
                GROUP BY f.agency_id
            ),
            queued AS (
                INSERT INTO outbox_messages (created_at, kind, to_address, subject, template, model, message_id, state, attempts, next_attempt_at, province_id)
                SELECT @now, @job, o.addresses, format(CASE WHEN o.culture ILIKE 'vi%' THEN @subject_vi ELSE @subject_en END, l.items), 'deadline-reminder',
                       jsonb_build_object('asOf', @as_of, 'culture', o.culture, 'items', l.list),
                       '<' || replace(gen_random_uuid()::text, '-', '') || '@plantracker>', 'Pending', 0, @now,
                       (SELECT a.province_id FROM agencies a WHERE a.id = o.agency_id)
                FROM lists l JOIN officers o ON o.agency_id = l.agency_id
                RETURNING 1
            ),
            told AS (
                INSERT INTO agency_notices (job, as_of, agency_id, item)
                SELECT @job, @as_of, agency_id, 'task:' || task_id FROM fresh
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM queued)::int AS mails,
                   (SELECT count(*) FROM told)::int AS items,
                   (SELECT coalesce(sum(o.people), 0) FROM officers o WHERE o.agency_id IN (SELECT agency_id FROM lists))::int AS people
            """;
    }
}
