using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Dashboard;

/// <summary>
/// The stored dashboard counts (migration 0017) after every kind of write, and on other days:
/// (1) the stored tables equal what a rebuild from the tasks gives (the triggers kept them), and
/// (2) the province-wide dashboard read through them equals the same dashboard counted from the
/// tasks with task_timeliness() — counts, overdue and at-risk lists, ranking, heatmap, trends.
/// </summary>
public sealed class DashboardAggregateTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private string _cs = "";
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _cs = await TestDatabases.CreateAsync(seeded: true);
        _services = TestDatabases.CoreServices(_cs);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task Should_stay_exact_after_every_kind_of_change()
    {
        await AssertExactAsync("seed", Today);
        var (task, overdue, otherPlan, agencyA, agencyB) = await PickAsync();

        (string Change, string Sql)[] changes =
        [
            ("progress recorded", $"UPDATE plan_tasks SET status = 'InProgress', percent_complete = 5 WHERE id = {task}"),
            ("status paused and resumed", $"UPDATE plan_tasks SET status = 'Paused' WHERE id = {overdue}; UPDATE plan_tasks SET status = 'InProgress' WHERE id = {overdue}"),
            ("extension approved", $"UPDATE plan_tasks SET extended_due_on = date '{Today:yyyy-MM-dd}' + 20 WHERE id = {overdue}"),
            ("completed late", $"UPDATE plan_tasks SET status = 'Done', percent_complete = 100, completed_on = date '{Today:yyyy-MM-dd}' WHERE id = {task}"),
            ("task moved to another plan", $"UPDATE plan_tasks SET plan_id = {otherPlan}, code = code || '-moved' WHERE id = {overdue}"),
            ("task split", $"""
                INSERT INTO plan_tasks (plan_id, parent_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete, completed_on,
                    deadline_kind, deadline_text, deadline_start_on, deadline_due_on, deadline_inherited, extended_due_on, version)
                SELECT plan_id, parent_id, code || '-b', sort_order + 1, title || ' (b)', false, lead_agency_id, 'InProgress', 10, NULL,
                    'Date', deadline_text, NULL, date '{Today:yyyy-MM-dd}' - 3, false, NULL, 0 FROM plan_tasks WHERE id = {overdue}
                """),
            ("task deleted", $"DELETE FROM plan_tasks WHERE code LIKE '%-moved-b'"),
            ("agency merge (tasks re-led)", $"UPDATE plan_tasks SET lead_agency_id = {agencyB} WHERE lead_agency_id = {agencyA}"),
            ("agency split (group membership changed)", $"""
                DELETE FROM agency_group_members WHERE ctid IN (SELECT ctid FROM agency_group_members LIMIT 3);
                INSERT INTO agency_group_members (group_id, member_id)
                SELECT g.id, {agencyA} FROM agencies g WHERE g.kind = 'Group' ORDER BY g.id LIMIT 1 ON CONFLICT DO NOTHING
                """),
            ("plan withdrawn", $"UPDATE plans SET status = 'Draft' WHERE id = {otherPlan}"),
            ("plan published", $"UPDATE plans SET status = 'Published', published_at = timestamptz '{Today:yyyy-MM-dd} 03:00+00' - interval '200 days' WHERE id = {otherPlan}"),
            ("import (many rows in one statement)", $"""
                INSERT INTO plan_tasks (plan_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete, completed_on,
                    deadline_kind, deadline_text, deadline_start_on, deadline_due_on, deadline_inherited, version)
                SELECT {otherPlan}, 'IMP.' || g, 90000 + g, 'Imported ' || g, false, {agencyB},
                       (ARRAY['NotStarted','InProgress','Done','Paused'])[1 + g % 4], (g * 13) % 100,
                       CASE WHEN g % 4 = 2 THEN date '{Today:yyyy-MM-dd}' - (g % 300) END,
                       (ARRAY['Date','Quarter','Continuous','Year'])[1 + g % 4], '',
                       date '{Today:yyyy-MM-dd}' - 400 + g, date '{Today:yyyy-MM-dd}' - 200 + g * 2, false, 0
                FROM generate_series(1, 300) g
                """),
            ("copied in (COPY-like bulk update)", "UPDATE plan_tasks SET percent_complete = least(100, percent_complete + 7) WHERE code LIKE 'IMP.%'"),
            ("target actuals recorded", $"""
                INSERT INTO reporting_periods (regime, year, number, start_on, end_on, data_cut_off_on, submission_due_on)
                VALUES ('Quarterly', 2031, 1, '2031-01-01', '2031-03-31', '2031-03-14', '2031-03-20');
                INSERT INTO target_actuals (target_id, reporting_period_id, value, recorded_at)
                SELECT x.id, (SELECT id FROM reporting_periods WHERE year = 2031), CASE WHEN x.id % 2 = 0 THEN x.value ELSE x.value - 1 END, now()
                FROM targets x JOIN plan_tasks t ON t.id = x.task_id JOIN plans p ON p.id = t.plan_id
                WHERE p.status = 'Published' ORDER BY x.id LIMIT 6
                """),
            ("target actual corrected", "UPDATE target_actuals SET value = value + 1000 WHERE id = (SELECT min(id) FROM target_actuals)"),
            ("targets added", $"""
                INSERT INTO targets (task_id, indicator, unit, comparison, value, sort_order)
                SELECT t.id, 'Added ' || t.id, 'Percent', 'AtLeast', 50, 99 FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                WHERE p.status = 'Published' AND NOT t.is_group ORDER BY t.id DESC LIMIT 3
                """),
            ("target changed", "UPDATE targets SET comparison = 'AtMost' WHERE id = (SELECT min(target_id) FROM target_actuals)"),
            ("target actual removed", "DELETE FROM target_actuals WHERE id = (SELECT max(id) FROM target_actuals)"),
            ("target removed", "DELETE FROM targets WHERE id = (SELECT min(target_id) FROM target_actuals)"),
            ("task with targets deleted", "DELETE FROM plan_tasks WHERE id = (SELECT max(task_id) FROM targets WHERE indicator LIKE 'Added %')"),
            ("target actuals truncated", "TRUNCATE target_actuals"),
            ("published plan deleted", $"""
                INSERT INTO plans (key, title, document_id, status, published_at)
                SELECT 'tmp-plan', 'Tmp', document_id, 'Published', now() FROM plans WHERE id = {otherPlan};
                INSERT INTO plan_tasks (plan_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete,
                    deadline_kind, deadline_text, deadline_due_on, deadline_inherited, version)
                SELECT p.id, 'T.' || g, g, 'T' || g, false, {agencyB}, 'InProgress', 0, 'Date', '', date '{Today:yyyy-MM-dd}' - 10 + g, false, 0
                FROM plans p, generate_series(1, 20) g WHERE p.key = 'tmp-plan';
                DELETE FROM plans WHERE key = 'tmp-plan'
                """),
        ];
        foreach (var (change, sql) in changes)
        {
            await ExecuteAsync(sql);
            await AssertExactAsync(change, Today);
        }
    }

    [Fact]
    public async Task Should_stay_exact_across_days_with_and_without_the_nightly_roll()
    {
        // Without the roll the stored day stays behind (or ahead): every read corrects by the tasks due in between.
        foreach (var day in new[] { Today.AddDays(1), Today.AddDays(45), Today.AddDays(-400), new DateOnly(2027, 1, 1) })
            await AssertExactAsync($"day {day:dd/MM/yyyy}, stored day not moved", day);

        await using (var scope = _services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            await new RollDashboardCounts.Handler(db, new DashboardOptions()).Handle(new RollDashboardCounts.Command(Today.AddDays(30)), default);
        }
        Assert.Equal(Today.AddDays(30), (DateOnly)(await ScalarAsync("SELECT as_of FROM dashboard_state"))!);
        foreach (var day in new[] { Today.AddDays(30), Today.AddDays(31), Today })
            await AssertExactAsync($"day {day:dd/MM/yyyy} after the roll to {Today.AddDays(30):dd/MM/yyyy}", day);

        // A write after the roll is counted as of the new stored day.
        await ExecuteAsync($"UPDATE plan_tasks SET extended_due_on = date '{Today:yyyy-MM-dd}' + 10 WHERE id = (SELECT min(id) FROM plan_tasks WHERE status = 'InProgress' AND NOT is_group)");
        await AssertExactAsync("extension after the roll", Today.AddDays(31));
    }

    [Fact]
    public async Task Should_count_actuals_recorded_at_the_same_time_for_two_targets_of_one_task()
    {
        await ExecuteAsync("""
            INSERT INTO reporting_periods (regime, year, number, start_on, end_on, data_cut_off_on, submission_due_on)
            VALUES ('Quarterly', 2032, 1, '2032-01-01', '2032-03-31', '2032-03-14', '2032-03-20');
            INSERT INTO targets (task_id, indicator, unit, comparison, value, sort_order)
            SELECT t.id, 'Concurrent ' || g, 'Percent', 'AtLeast', 10, 90 + g FROM generate_series(1, 2) g,
                (SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
                 WHERE p.status = 'Published' AND NOT t.is_group AND NOT EXISTS (SELECT 1 FROM targets x WHERE x.task_id = t.id)
                 ORDER BY t.id LIMIT 1) t
            """);
        const string Record = """
            INSERT INTO target_actuals (target_id, reporting_period_id, value, recorded_at)
            SELECT id, (SELECT id FROM reporting_periods WHERE year = 2032), 20, now() FROM targets WHERE indicator = 'Concurrent {0}'
            """;
        // Two officers record an actual each, in transactions that overlap: the second recount waits
        // for the first to commit and then sees both actuals (both targets met, none without data).
        await using var first = await OpenAsync();
        await using var second = await OpenAsync();
        await using var tx1 = await first.BeginTransactionAsync();
        await using var tx2 = await second.BeginTransactionAsync();
        await new NpgsqlCommand(string.Format(Record, 1), first, tx1).ExecuteNonQueryAsync();
        var waiting = new NpgsqlCommand(string.Format(Record, 2), second, tx2).ExecuteNonQueryAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "the second recount waits for the first transaction's task row");
        await tx1.CommitAsync();
        await waiting;
        await tx2.CommitAsync();

        var counts = (string)(await ScalarAsync("""
            SELECT concat_ws('/', targets_met, targets_not_met, targets_no_data) FROM plan_tasks
            WHERE id = (SELECT task_id FROM targets WHERE indicator = 'Concurrent 1')
            """))!;
        Assert.Equal("2/0/0", counts);
        await AssertExactAsync("two actuals recorded at the same time", Today);
    }

    [Fact]
    public async Task Should_recompute_the_at_risk_days_when_the_margin_changes()
    {
        // Two tasks of a published plan: 90 points behind (at risk with either margin), 20 behind (only with 10).
        var today = $"date '{Today:yyyy-MM-dd}'";
        await ExecuteAsync($$"""
            UPDATE plan_tasks SET status = 'InProgress', percent_complete = 0, deadline_kind = 'Date', extended_due_on = NULL,
                deadline_start_on = {{today}} - 90, deadline_due_on = {{today}} + 10
            WHERE id = (SELECT min(t.id) FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = 'Published' AND NOT t.is_group);
            UPDATE plan_tasks SET status = 'InProgress', percent_complete = 60, deadline_kind = 'Date', extended_due_on = NULL,
                deadline_start_on = {{today}} - 80, deadline_due_on = {{today}} + 20
            WHERE id = (SELECT max(t.id) FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = 'Published' AND NOT t.is_group);
            """);
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        Assert.True(await RollDashboardCounts.SetMarginAsync(db, 10, default));
        Assert.False(await RollDashboardCounts.SetMarginAsync(db, 10, default));
        var stored = await ListAtRiskTasks.ComputeAsync(db, new ListAtRiskTasks.Query(DashboardFilter.None), Today, 10, default);
        var live = await DashboardFilter.None.Tasks(db).CountAsync(AtRiskRule.On(Today, 10));
        Assert.Equal(live, stored.Tasks.Total);
        Assert.True(live > (await DashboardFilter.None.Tasks(db).CountAsync(AtRiskRule.On(Today, 25))), "a smaller margin flags more tasks");
        await AssertExactAsync("margin 10", Today, margin: 10);
    }

    // Every stored count, and each task's target counts, as (table, key, n) rows: what the triggers kept and a rebuild gives.
    private const string Snapshot = """
        SELECT 'plan' AS t, plan_id::text || '/' || timeliness AS k, n FROM dashboard_plan_counts WHERE n <> 0
        UNION ALL SELECT 'agency', lead_agency_id::text || '/' || timeliness, n FROM dashboard_agency_counts WHERE n <> 0
        UNION ALL SELECT 'trend', concat_ws('/', done_quarter, done_late, overdue_first, overdue_last), n FROM dashboard_trend_counts WHERE n <> 0
        UNION ALL SELECT 'targets', concat_ws('/', plan_id, met, not_met), no_data FROM dashboard_target_counts WHERE (met, not_met, no_data) <> (0, 0, 0)
        UNION ALL SELECT 'task targets', concat_ws('/', id, targets_met, targets_not_met), targets_no_data FROM plan_tasks
        WHERE targets_met + targets_not_met + targets_no_data > 0
        """;

    private async Task AssertExactAsync(string after, DateOnly day, int margin = 25)
    {
        // (1) What the triggers kept equals a rebuild from the tasks.
        await using (var connection = await OpenAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            var staleAtRisk = await ScalarAsync(connection, """
                SELECT count(*) FROM plan_tasks t JOIN plans p ON p.id = t.plan_id CROSS JOIN dashboard_state s
                WHERE t.at_risk_from IS DISTINCT FROM plan_task_at_risk_from(t, p.published_at, s.at_risk_margin)
                """);
            Assert.True(0L == (long)staleAtRisk!, $"after {after}: {staleAtRisk} tasks with a stale first at-risk day");
            await ExecuteAsync(connection, $"""
                CREATE TEMP TABLE kept AS
                {Snapshot};
                SELECT dashboard_rebuild();
                CREATE TEMP TABLE rebuilt AS
                {Snapshot};
                """);
            var differences = new List<string>();
            await using (var cmd = new NpgsqlCommand("""
                SELECT 'kept ' || t || ' ' || k || ' = ' || n FROM (TABLE kept EXCEPT TABLE rebuilt) a
                UNION ALL SELECT 'rebuilt ' || t || ' ' || k || ' = ' || n FROM (TABLE rebuilt EXCEPT TABLE kept) b
                """, connection, tx))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) differences.Add(reader.GetString(0));
            Assert.True(differences.Count == 0, $"after {after}: {string.Join("; ", differences.Take(10))}");
            Assert.True((long)(await ScalarAsync(connection, "SELECT count(*) FROM rebuilt"))! > 20);
            await tx.RollbackAsync();
        }

        // (2) The dashboard read through the stored counts equals the one counted from the tasks.
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var options = new DashboardOptions { AtRiskMargin = margin };
        var calendar = new ReportingCalendar(db, new ReportingOptions());
        var stored = await GetDashboard.ComputeAsync(db, calendar, options, new GetDashboard.Query(DashboardFilter.None), day, default);
        var live = await GetDashboard.ComputeAsync(db, calendar, options, new GetDashboard.Query(DashboardFilter.None with { FromTasks = true }), day, default);

        Assert.True(stored.Counts.Total > 100, $"after {after}: {stored.Counts.Total} tasks");
        Same(after, "totals", Totals(live.Counts), Totals(stored.Counts));
        Same(after, "counts per plan", PerPlan(live.Counts), PerPlan(stored.Counts));
        Same(after, "overdue", live.Overdue, stored.Overdue);
        Same(after, "at risk", live.AtRisk, stored.AtRisk);
        var atRiskByRule = await DashboardFilter.None.Tasks(db).CountAsync(AtRiskRule.On(day, margin));
        Assert.True(atRiskByRule == stored.AtRisk.Tasks.Total, $"after {after}: at risk {stored.AtRisk.Tasks.Total}, by the rule {atRiskByRule}");
        Same(after, "ranking", live.Ranking, stored.Ranking);
        Same(after, "heatmap", live.Compliance, stored.Compliance);
        Same(after, "trends", live.Trends, stored.Trends);
        Same(after, "targets", live.Targets, stored.Targets);
    }

    private static IEnumerable<string> Totals(GetTimelinessCounts.Result r) =>
        r.ByTimeliness.Where(x => x.Value != 0).Select(x => $"{x.Key}={x.Value}").Order().Prepend($"total={r.Total}");

    private static IEnumerable<string> PerPlan(GetTimelinessCounts.Result r) =>
        r.Plans.SelectMany(p => p.ByTimeliness.Where(x => x.Value != 0).Select(x => $"{p.PlanId}/{x.Key}={x.Value}")).Order();

    private static void Same<T>(string after, string part, T expected, T actual)
    {
        var e = JsonSerializer.Serialize(expected);
        var a = JsonSerializer.Serialize(actual);
        Assert.True(e == a, $"after {after}, {part}: from the tasks {Cut(e)}, from the stored counts {Cut(a)}");
    }

    private static string Cut(string s) => s.Length > 600 ? s[..600] + "…" : s;

    private async Task<(long Task, long Overdue, long OtherPlan, long AgencyA, long AgencyB)> PickAsync()
    {
        await using var connection = await OpenAsync();
        var today = $"date '{Today:yyyy-MM-dd}'";
        var task = (long)(await ScalarAsync(connection, $"""
            SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = 'Published' AND NOT t.is_group
              AND t.status = 'NotStarted' AND t.deadline_kind = 'Date' AND coalesce(t.extended_due_on, t.deadline_due_on) < {today} ORDER BY t.id LIMIT 1
            """))!;
        var overdue = (long)(await ScalarAsync(connection, $"""
            SELECT t.id FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = 'Published' AND NOT t.is_group AND t.id <> {task}
              AND task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), {today}) = 'InProgressOverdue'
            ORDER BY t.id DESC LIMIT 1
            """))!;
        var otherPlan = (long)(await ScalarAsync(connection,
            $"SELECT id FROM plans WHERE status = 'Published' AND id <> (SELECT plan_id FROM plan_tasks WHERE id = {overdue}) ORDER BY id LIMIT 1"))!;
        var agencyA = (long)(await ScalarAsync(connection,
            "SELECT t.lead_agency_id FROM plan_tasks t JOIN agencies a ON a.id = t.lead_agency_id WHERE a.kind <> 'Group' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"))!;
        var agencyB = (long)(await ScalarAsync(connection,
            $"SELECT id FROM agencies WHERE kind <> 'Group' AND id <> {agencyA} ORDER BY id LIMIT 1"))!;
        return (task, overdue, otherPlan, agencyA, agencyB);
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        return connection;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await ExecuteAsync(connection, sql);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        return await ScalarAsync(connection, sql);
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        return await cmd.ExecuteScalarAsync();
    }
}
