using Npgsql;

namespace PlanTracker.Benchmarks.Benchmarks;

/// <summary>
/// The reminder benchmark's baseline: one hand-written SQL query that selects the same due set the
/// daily reminder handler tells, joined to the officers to be told — everything a mail needs
/// (recipient, language, task code, title, plan, due date, lead or coordinating), one row per
/// (officer, task), ordered as the mails list them. It follows the handler's rules: published
/// plans, open actionable tasks with a single due date (an approved extension first), due on
/// as-of + one of the plan's offsets (the configured default when the plan has none), counted in
/// working days (weekends and the holidays table skipped) for working-day deadlines; the lead's
/// and the coordinating agencies' officers, a group standing for its members; locked accounts
/// and items already told for this as-of date left out.
/// </summary>
public static class ReminderBaselineQuery
{
    public const string Sql = """
        WITH offsets AS (
            SELECT unnest($2::int[]) AS n
            UNION
            SELECT unnest(reminder_days) FROM plans WHERE reminder_days IS NOT NULL
        ),
        working_days AS (
            SELECT d::date AS day, row_number() OVER (ORDER BY d) AS n
            FROM generate_series($1::date + 1, $1::date + 400, interval '1 day') d
            WHERE extract(isodow FROM d) < 6 AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = d::date)
        ),
        targets AS (
            SELECT o.n, $1::date + o.n AS on_calendar, coalesce(w.day, $1::date) AS on_working
            FROM offsets o LEFT JOIN working_days w ON w.n = o.n
        ),
        due AS (
            SELECT t.id, t.code, t.title, p.title AS plan_title, t.lead_agency_id, coalesce(t.extended_due_on, t.deadline_due_on) AS due_on
            FROM plan_tasks t
            JOIN plans p ON p.id = t.plan_id
            WHERE NOT t.is_group AND t.status IN ('NotStarted', 'InProgress') AND p.status = 'Published'
              AND NOT is_ongoing_deadline(t.deadline_kind)
              AND coalesce(t.extended_due_on, t.deadline_due_on) = ANY (ARRAY(SELECT on_calendar FROM targets UNION SELECT on_working FROM targets))
              AND EXISTS (
                  SELECT 1 FROM targets g
                  WHERE g.n = ANY (coalesce(p.reminder_days, $2::int[]))
                    AND coalesce(t.extended_due_on, t.deadline_due_on) =
                        CASE WHEN t.deadline_kind = 'WorkingDays' AND g.n > 0 THEN g.on_working ELSE g.on_calendar END)
        ),
        seats AS (
            SELECT id AS task_id, lead_agency_id AS agency_id, true AS lead FROM due
            UNION ALL
            SELECT c.task_id, c.agency_id, false FROM task_coordinating_agencies c JOIN due ON due.id = c.task_id
        ),
        expanded AS (
            SELECT task_id, agency_id, lead FROM seats
            UNION ALL
            SELECT s.task_id, m.member_id, s.lead FROM seats s JOIN agency_group_members m ON m.group_id = s.agency_id
        ),
        told AS (
            SELECT e.task_id, u.id AS user_id, bool_or(e.lead) AS lead
            FROM expanded e
            JOIN users u ON u.agency_id = e.agency_id
            WHERE u.email IS NOT NULL AND (u.lockout_end IS NULL OR u.lockout_end < now())
              AND EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id AND r.name = 'AgencyOfficer')
            GROUP BY e.task_id, u.id
        )
        SELECT u.id, u.email, u.preferred_culture, d.id, d.code, d.title, d.plan_title, d.due_on, told.lead
        FROM told
        JOIN users u ON u.id = told.user_id
        JOIN due d ON d.id = told.task_id
        WHERE NOT EXISTS (SELECT 1 FROM notification_log n
                          WHERE n.job = 'deadline-reminders' AND n.as_of = $1 AND n.user_id = told.user_id AND n.item = 'task:' || told.task_id)
        ORDER BY u.id, d.due_on, d.id
        """;

    /// <summary>Runs the query and reads every row; returns the (officer, task) pairs, or only counts them.</summary>
    public static async Task<(long Rows, HashSet<(long User, long Task)>? Pairs)> RunAsync(NpgsqlConnection connection, DateOnly asOf, int[] defaultOffsets, bool collect)
    {
        await using var cmd = new NpgsqlCommand(Sql, connection);
        cmd.Parameters.AddWithValue(asOf);
        cmd.Parameters.AddWithValue(defaultOffsets);
        var pairs = collect ? new HashSet<(long, long)>() : null;
        long rows = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // Read every column a mail needs, as a real consumer would.
            var user = reader.GetInt64(0);
            _ = reader.GetString(1);
            _ = reader.GetString(2);
            var task = reader.GetInt64(3);
            _ = reader.GetString(4);
            _ = reader.GetString(5);
            _ = reader.GetString(6);
            _ = reader.GetFieldValue<DateOnly>(7);
            _ = reader.GetBoolean(8);
            pairs?.Add((user, task));
            rows++;
        }
        return (rows, pairs);
    }
}
