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

    /// <summary>A plan's tasks per timeliness state (indexed by <see cref="Timeliness"/>) with its title and document.</summary>
    public sealed record PlanTimeliness(long PlanId, string Title, long DocumentId, string? Number, DateOnly? IssuedOn, int[] Counts);

    /// <summary>Tasks per plan and timeliness on <paramref name="today"/>, one row per plan.</summary>
    public static async Task<List<PlanTimeliness>> PlanCountsAsync(PlanTrackerDbContext db, DateOnly today, CancellationToken ct) =>
        await Read<PlanTimeliness>(db, $"""
            WITH {await AsOfAsync(db, "dashboard_plan_counts", "plan_id", today, ct)}
            SELECT p.id AS "PlanId", p.title AS "Title", p.document_id AS "DocumentId", d.number AS "Number", d.issued_on AS "IssuedOn",
                   {StateCountsSql} AS "Counts"
            FROM c JOIN plans p ON p.id = c.id JOIN documents d ON d.id = p.document_id
            GROUP BY p.id, d.id
            """, today).ToListAsync(ct);

    /// <summary>An agency's tasks per timeliness state (indexed by <see cref="Timeliness"/>) with its name and level.</summary>
    public sealed record AgencyTimeliness(long Id, string Name, string Level, int[] Counts)
    {
        public AgencyLevel ParsedLevel => Enum.Parse<AgencyLevel>(Level);
        public int Of(Timeliness state) => Counts[(int)state];
    }

    /// <summary>
    /// Tasks per agency and timeliness on <paramref name="today"/>, one row per agency with a task, by
    /// name: an agency's own tasks and, for each group it belongs to, the group's (the dashboard's rule
    /// for an agency's tasks). These are also the agencies expected to report province-wide.
    /// </summary>
    /// <param name="today">The day; null for the stored day (the agencies and their totals do not depend on it).</param>
    public static async Task<List<AgencyTimeliness>> AgencyCountsAsync(PlanTrackerDbContext db, DateOnly? today, CancellationToken ct) =>
        await Read<AgencyTimeliness>(db, $"""
            WITH {await AsOfAsync(db, "dashboard_agency_counts", "lead_agency_id", today, ct)},
            r AS (SELECT c.id AS agency_id, c.timeliness, c.n FROM c
                  UNION ALL SELECT m.member_id, c.timeliness, c.n FROM c JOIN agency_group_members m ON m.group_id = c.id)
            SELECT a.id AS "Id", coalesce(a.short_name, a.name) AS "Name", a.level AS "Level", {StateCountsSql.Replace("c.", "r.")} AS "Counts"
            FROM r JOIN agencies a ON a.id = r.agency_id WHERE a.kind <> 'Group'
            GROUP BY a.id HAVING sum(r.n) > 0
            ORDER BY coalesce(a.short_name, a.name), a.id
            """, today).ToListAsync(ct);

    /// <summary>(timeliness, count) pairs counted from the tasks, as the array the stored counts give.</summary>
    public static int[] StateCounts<T>(IEnumerable<T> counted, Func<T, string> timeliness, Func<T, int> count)
    {
        var states = new int[Enum.GetValues<Timeliness>().Length];
        foreach (var c in counted) states[(int)Enum.Parse<Timeliness>(timeliness(c))] += count(c);
        return states;
    }

    // The counts of c (id, timeliness, n) as an array in the order of Timeliness.
    private static readonly string StateCountsSql = "ARRAY[" + string.Join(", ", Enum.GetNames<Timeliness>()
        .Select(state => $"coalesce(sum(c.n) FILTER (WHERE c.timeliness = '{state}'), 0)::int")) + "]";

    /// <summary>
    /// c (id, timeliness, n): a stored count table keyed by <paramref name="key"/> as it is when it holds
    /// <paramref name="today"/> (or no day is asked), else corrected by the open tasks due between its day and today.
    /// </summary>
    private static async Task<string> AsOfAsync(PlanTrackerDbContext db, string table, string key, DateOnly? today, CancellationToken ct) =>
        today is null || await StoredDayAsync(db, ct) == today
            ? $"c AS (SELECT {key} AS id, timeliness, n FROM {table} WHERE n <> 0)"
            : $"""
              {Moved},
              c AS (
                  SELECT id, timeliness, sum(n)::int AS n FROM (
                      SELECT {key} AS id, timeliness, n FROM {table}
                      UNION ALL SELECT {key}, now_state, 1 FROM moved
                      UNION ALL SELECT {key}, then_state, -1 FROM moved) x
                  GROUP BY 1, 2 HAVING sum(n) <> 0)
              """;

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
