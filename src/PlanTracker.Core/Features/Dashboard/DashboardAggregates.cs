using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// The province-wide dashboard read from the counts the database keeps (migration 0017,
/// docs/decisions/0010-dashboard-aggregates.md) instead of from a million tasks. The counts hold
/// timeliness as of a stored day; every read adds the open tasks due between that day and the day
/// asked for (an index range, a day long once the nightly roll has run), counted out as of the
/// stored day and in as of today. Narrowed views count their few tasks directly.
/// </summary>
public static class DashboardAggregates
{
    public sealed record Count(long Id, string Timeliness, int N);

    // Open tasks whose state differs between the stored day and @today: due in between.
    private const string Moved = """
        moved AS (
            SELECT t.plan_id, t.lead_agency_id,
                   task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), @today) AS now_state,
                   task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on),
                                   (SELECT as_of FROM dashboard_state)) AS then_state
            FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE p.status = 'Published' AND NOT t.is_group AND t.status IN ('NotStarted', 'InProgress')
              AND coalesce(t.extended_due_on, t.deadline_due_on) >= least((SELECT as_of FROM dashboard_state), @today)
              AND coalesce(t.extended_due_on, t.deadline_due_on) < greatest((SELECT as_of FROM dashboard_state), @today))
        """;

    /// <summary>Tasks per (plan, timeliness) on <paramref name="today"/>.</summary>
    public static async Task<List<Count>> PlanCountsAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        await StoredDayAsync(db, ct) == today
            ? await Read<Count>(db, """
                SELECT plan_id AS "Id", timeliness AS "Timeliness", n AS "N" FROM dashboard_plan_counts WHERE n <> 0
                """, null).ToListAsync(ct)
            : await Read<Count>(db, $"""
            WITH {Moved}
            SELECT plan_id AS "Id", timeliness AS "Timeliness", sum(n)::int AS "N" FROM (
                SELECT plan_id, timeliness, n FROM dashboard_plan_counts
                UNION ALL SELECT plan_id, now_state, 1 FROM moved
                UNION ALL SELECT plan_id, then_state, -1 FROM moved) x
            GROUP BY 1, 2 HAVING sum(n) <> 0
            """, today).ToListAsync(ct);

    /// <summary>The day the stored counts hold (the nightly roll's).</summary>
    public static async Task<DateOnly> StoredDayAsync(PlanTrackerDbContext db, CancellationToken ct) =>
        (await Read<DateOnly>(db, """SELECT as_of AS "Value" FROM dashboard_state""", null).ToListAsync(ct)).Single();

    /// <summary>Tasks overdue on <paramref name="today"/>, province-wide.</summary>
    public static async Task<int> OverdueAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        (await Read<int>(db, $"""
            WITH {Moved}
            SELECT (coalesce((SELECT sum(n) FROM dashboard_plan_counts WHERE timeliness = 'InProgressOverdue'), 0)
                  + (SELECT count(*) FROM moved WHERE now_state = 'InProgressOverdue')
                  - (SELECT count(*) FROM moved WHERE then_state = 'InProgressOverdue'))::int AS "Value"
            """, today).ToListAsync(ct)).Single();

    /// <summary>
    /// Tasks per (agency, timeliness) on <paramref name="today"/>: an agency's own tasks and, for each
    /// group it belongs to, the group's (the dashboard's rule for an agency's tasks).
    /// </summary>
    public static async Task<List<Count>> AgencyCountsAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        await Read<Count>(db, $"""
            WITH {(await StoredDayAsync(db, ct) == today ? Stored : Corrected)}
            SELECT a.id AS "Id", c.timeliness AS "Timeliness", c.n AS "N" FROM c JOIN agencies a ON a.id = c.lead_agency_id WHERE a.kind <> 'Group'
            UNION ALL
            SELECT m.member_id, c.timeliness, c.n FROM c JOIN agency_group_members m ON m.group_id = c.lead_agency_id
                JOIN agencies a ON a.id = m.member_id WHERE a.kind <> 'Group'
            """, today).ToListAsync(ct);

    // The stored agency counts as they are (the stored day is today), or corrected to today.
    private const string Stored = "c AS (SELECT lead_agency_id, timeliness, n FROM dashboard_agency_counts WHERE n <> 0)";
    private const string Corrected = $"""
            {Moved},
            c AS (
                SELECT lead_agency_id, timeliness, sum(n)::int AS n FROM (
                    SELECT lead_agency_id, timeliness, n FROM dashboard_agency_counts
                    UNION ALL SELECT lead_agency_id, now_state, 1 FROM moved
                    UNION ALL SELECT lead_agency_id, then_state, -1 FROM moved) x
                GROUP BY 1, 2 HAVING sum(n) <> 0)
            """;

    /// <summary>
    /// The agencies that must report (<see cref="Reporting.ReportingObligations"/>) province-wide: those
    /// leading a task of a published plan, themselves or through a group. Does not depend on the day.
    /// </summary>
    public static async Task<IQueryable<Agency>> AgenciesExpectedToReportAsync(PlanTrackerDbContext db, DashboardFilter filter, CancellationToken ct)
    {
        if (!filter.IsProvinceWide) return filter.AgenciesExpectedToReport(db);
        var ids = await ExpectedToReportIdsAsync(db, ct);
        return db.Agencies.Where(a => a.Kind != AgencyKind.Group && ids.Contains(a.Id));
    }

    /// <summary>The ids of the agencies expected to report province-wide (see <see cref="AgenciesExpectedToReportAsync"/>).</summary>
    public static async Task<long[]> ExpectedToReportIdsAsync(PlanTrackerDbContext db, CancellationToken ct) =>
        (await Read<long>(db, """
            SELECT c.lead_agency_id AS "Value" FROM dashboard_agency_counts c GROUP BY 1 HAVING sum(c.n) > 0
            UNION
            SELECT m.member_id FROM dashboard_agency_counts c JOIN agency_group_members m ON m.group_id = c.lead_agency_id
            GROUP BY c.lead_agency_id, m.member_id HAVING sum(c.n) > 0
            """, null).ToListAsync(ct)).ToArray();

    public sealed record DoneCount(DateOnly Quarter, bool Late, int N);

    /// <summary>Tasks done per completion quarter (its first day), late or not, for the given quarters.</summary>
    public static Task<List<DoneCount>> DoneAsync(PlanTrackerDbContext db, IReadOnlyList<DateOnly> quarterStarts, CancellationToken ct) =>
        Read<DoneCount>(db, """
            SELECT done_quarter AS "Quarter", done_late AS "Late", sum(n)::int AS "N" FROM dashboard_trend_counts
            WHERE done_quarter = ANY(@quarters) GROUP BY 1, 2
            """, null, new NpgsqlParameter("quarters", quarterStarts.ToArray())).ToListAsync(ct);

    /// <summary>Tasks overdue on each of the given quarter ends (days before today).</summary>
    public static Task<List<DayCount>> OverdueOnQuarterEndsAsync(PlanTrackerDbContext db, IReadOnlyList<DateOnly> ends, CancellationToken ct) =>
        Read<DayCount>(db, """
            SELECT d AS "Day", sum(c.n)::int AS "N" FROM unnest(@ends) d
            JOIN dashboard_trend_counts c ON c.overdue_first <= d AND c.overdue_last >= d GROUP BY d
            """, null, new NpgsqlParameter("ends", ends.ToArray())).ToListAsync(ct);

    public sealed record DayCount(DateOnly Day, int N);

    /// <summary>
    /// Today's point of the overdue trend beyond today's overdue tasks: tasks recorded as done on a
    /// later day, which on <paramref name="today"/> were still open (the trends' rule).
    /// </summary>
    public static async Task<int> DoneLaterButOverdueAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        (await Read<int>(db, """
            SELECT count(*)::int AS "Value" FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
            WHERE t.status = 'Done' AND NOT t.is_group AND t.completed_on > @today AND p.status = 'Published'
              AND task_timeliness_on(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), @today) = 'InProgressOverdue'
            """, today).ToListAsync(ct)).Single();

    /// <summary>Targets met, not met and without data per plan, province-wide (migration 0020; they do not depend on the day).</summary>
    public static IQueryable<GetTargetAttainment.PlanCount> TargetCounts(PlanTrackerDbContext db) =>
        Read<GetTargetAttainment.PlanCount>(db, """
            SELECT plan_id AS "PlanId", met AS "Met", not_met AS "NotMet", no_data AS "NoData" FROM dashboard_target_counts
            WHERE met <> 0 OR not_met <> 0 OR no_data <> 0
            """, null);

    /// <summary>The margin the stored first at-risk days were computed with.</summary>
    public static async Task<int> StoredMarginAsync(PlanTrackerDbContext db, CancellationToken ct) =>
        (await Read<int>(db, """SELECT at_risk_margin AS "Value" FROM dashboard_state""", null).ToListAsync(ct)).Single();

    /// <summary>Raw SQL through EF (its connection, transaction and interceptors), columns named as T's properties.</summary>
    private static IQueryable<T> Read<T>(PlanTrackerDbContext db, string sql, DateOnly? today, params NpgsqlParameter[] parameters) =>
        db.Database.SqlQueryRaw<T>(sql, [.. today is { } t ? [new NpgsqlParameter("today", t)] : Array.Empty<NpgsqlParameter>(), .. parameters]);
}
