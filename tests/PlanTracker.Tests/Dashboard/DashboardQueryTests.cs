using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Dashboard;

/// <summary>
/// The dashboard's numbers on the seed and on changes made to it, each checked against the task
/// list it links to (the drill-down) or against the rule written out by hand.
/// </summary>
public sealed class DashboardQueryTests : IAsyncLifetime
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
    public async Task Should_drill_every_timeliness_count_down_to_exactly_the_tasks_it_counts()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var bcd = await UserId(db, "bcd@plantracker.local");
        var dakLak = await db.Plans.Where(p => p.Key == "dak-lak/ict-index-2018").Select(p => p.DocumentId).SingleAsync();
        DashboardFilter[] filters =
        [
            DashboardFilter.None, new(SteeringMemberId: bcd), new(AgencyLevel: AgencyLevel.District), new(DocumentId: dakLak),
            new(Period: "2018"), new(AgencyId: await AgencyId(db, "vinh-phuc/so-noi-vu")),
        ];
        var checkedNumbers = 0;
        foreach (var filter in filters)
        {
            var counts = await GetTimelinessCounts.ComputeAsync(db, filter, Today, default);
            Assert.Equal(counts.Total, (await List(db, new DrillDown(filter))).Total);
            foreach (var (state, count) in counts.ByTimeliness.Where(c => c.Value > 0))
            {
                var list = await List(db, new DrillDown(filter, [state]));
                Assert.Equal(count, list.Total);
                Assert.All(list.Items, t => Assert.Equal(state, t.Timeliness));
                checkedNumbers++;
            }
            foreach (var plan in counts.Plans)
                Assert.Equal(plan.Total, (await List(db, new DrillDown(filter with { PlanId = plan.PlanId }))).Total);
        }
        Assert.True(checkedNumbers >= 10, $"only {checkedNumbers} numbers checked");
    }

    [Fact]
    public async Task Should_narrow_a_steering_members_view_to_the_tasks_their_agencies_lead_themselves_or_in_a_group()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var bcd = await UserId(db, "bcd@plantracker.local");
        var overseen = await db.SteeringAssignments.Where(s => s.UserId == bcd).Select(s => s.AgencyId).ToListAsync();
        var groups = await db.Set<AgencyGroupMember>().Where(m => overseen.Contains(m.MemberId)).Select(m => m.GroupId).ToListAsync();

        var mine = await GetTimelinessCounts.ComputeAsync(db, new DashboardFilter(SteeringMemberId: bcd), Today, default);
        var expected = await db.Tasks.CountAsync(t => !t.IsGroup && t.Plan.Status == PlanStatus.Published
            && (overseen.Contains(t.LeadAgencyId!.Value) || groups.Contains(t.LeadAgencyId!.Value)));
        Assert.Equal(expected, mine.Total);
        Assert.True(groups.Count > 0 && mine.Total > 0);
        Assert.True(mine.Total < (await GetTimelinessCounts.ComputeAsync(db, DashboardFilter.None, Today, default)).Total);

        var heatmap = await GetComplianceHeatmap.ComputeAsync(db, new DashboardFilter(SteeringMemberId: bcd), await Window(db, DashboardFilter.None), default);
        Assert.Equal(overseen.Order(), heatmap.Agencies.Select(a => a.AgencyId).Order());
    }

    [Theory]
    [InlineData(10, true)]   // 57% of the quarter gone, 10% done: 47 points behind
    [InlineData(31, true)]   // 26 points behind
    [InlineData(32, false)]  // 25 points: not more than the margin
    [InlineData(80, false)]
    public async Task Should_flag_a_task_at_risk_when_progress_trails_time_gone_by_more_than_the_margin(int percent, bool atRisk)
    {
        var id = await Rewrite("vinh-phuc/kh-36a", "III.5.a", $"""
            deadline_kind = 'Quarter', deadline_start_on = '2026-10-01', deadline_due_on = '2026-12-31', extended_due_on = NULL,
            status = 'InProgress', percent_complete = {percent}, completed_on = NULL
            """);
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);

        var result = await ListAtRiskTasks.ComputeAsync(db, new ListAtRiskTasks.Query(DashboardFilter.None, PageSize: 200), Today, 25, default);

        Assert.Equal(atRisk, result.Tasks.Items.Any(r => r.TaskId == id));
        Assert.Equal(result.Tasks.Total, (await List(db, new DrillDown(DashboardFilter.None, AtRisk: true))).Total);
        if (atRisk) Assert.Equal(AtRiskRule.ElapsedPercent(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), Today),
            result.Tasks.Items.Single(r => r.TaskId == id).ElapsedPercent);
    }

    [Fact]
    public async Task Should_measure_time_gone_by_in_SQL_as_the_rule_says()
    {
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        (DateOnly? Start, DateOnly? Due, DateOnly Today)[] cases =
        [
            (new(2026, 10, 1), new(2026, 12, 31), Today), (new(2026, 10, 1), new(2026, 12, 31), new(2026, 9, 1)),
            (new(2026, 1, 1), new(2026, 12, 31), new(2027, 3, 1)), (null, new(2026, 12, 31), Today), (new(2026, 5, 5), new(2026, 5, 5), Today),
            (new(2016, 1, 1), new(2020, 12, 31), new(2018, 7, 2)),
        ];
        foreach (var c in cases)
        {
            await using var cmd = new NpgsqlCommand("SELECT elapsed_percent($1, $2, $3)", connection);
            cmd.Parameters.AddWithValue((object?)c.Start ?? DBNull.Value);
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)c.Due ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Date });
            cmd.Parameters.AddWithValue(c.Today);
            var sql = await cmd.ExecuteScalarAsync();
            Assert.Equal(AtRiskRule.ElapsedPercent(c.Start, c.Due, c.Today), sql is DBNull ? null : (int?)sql);
        }
    }

    [Fact]
    public async Task Should_judge_targets_in_SQL_as_Target_IsMetBy_does_and_drill_down_to_their_tasks()
    {
        // Four targets of the Đắk Lắk plan get actuals around their values; the comparisons are varied.
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        await using (var cmd = new NpgsqlCommand("""
            WITH picked AS (
                SELECT x.id, row_number() OVER (ORDER BY x.id) AS n FROM targets x
                JOIN plan_tasks t ON t.id = x.task_id JOIN plans p ON p.id = t.plan_id WHERE p.key = 'dak-lak/ict-index-2018' LIMIT 4),
            changed AS (
                UPDATE targets x SET comparison = (ARRAY['AtLeast','AtMost','MoreThan','LessThan'])[picked.n], value = 50
                FROM picked WHERE x.id = picked.id RETURNING x.id),
            period AS (
                INSERT INTO reporting_periods (regime, year, number, start_on, end_on, data_cut_off_on, submission_due_on)
                VALUES ('Quarterly', 2026, 3, '2026-07-01', '2026-09-30', '2026-09-14', '2026-09-20') RETURNING id)
            INSERT INTO target_actuals (target_id, reporting_period_id, value, recorded_at)
            SELECT changed.id, period.id, CASE WHEN changed.id % 2 = 0 THEN 50 ELSE 60 END, now() FROM changed, period
            """, connection))
            await cmd.ExecuteNonQueryAsync();
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);

        var rows = await GetTargetAttainment.Rows(db, DashboardFilter.None.Tasks(db)).Where(r => r.Actual != null).ToListAsync();
        Assert.Equal(4, rows.Count);
        var targets = await db.Targets.AsNoTracking().Where(x => rows.Select(r => r.TaskId).Contains(x.TaskId)).ToListAsync();
        foreach (var row in rows)
        {
            var target = targets.Single(x => x.TaskId == row.TaskId && x.Comparison == row.Comparison && x.Value == row.Value);
            Assert.Equal(target.IsMetBy(row.Actual!.Value) ? "Met" : "NotMet", row.State);
        }
        var result = await GetTargetAttainment.ComputeAsync(db, new GetTargetAttainment.Query(DashboardFilter.None), default);
        var dakLak = result.Plans.Single(p => p.DocumentNumber == "168/QĐ-UBND");
        Assert.Equal(4, dakLak.Met + dakLak.NotMet);
        Assert.Equal(rows.Where(r => r.State == "Met").Select(r => r.TaskId).Distinct().Count(),
            (await List(db, new DrillDown(DashboardFilter.None, Targets: Attainment.Met))).Total);
    }

    [Fact]
    public async Task Should_show_reports_on_time_late_and_missing_by_the_reports_pages_rule_in_the_province_calendar()
    {
        var noiVu = await Scalar<long>("SELECT id FROM agencies WHERE key = 'vinh-phuc/so-noi-vu'");
        var taiChinh = await Scalar<long>("SELECT id FROM agencies WHERE key = 'vinh-phuc/so-tai-chinh'");
        // Q3/2026 is due 20/09/2026. 16:30 UTC on the 20th is 23:30 in Hà Nội: on time. 17:30 UTC is the 21st there: late.
        await Execute($"""
            INSERT INTO reporting_periods (regime, year, number, start_on, end_on, data_cut_off_on, submission_due_on)
            VALUES ('Quarterly', 2026, 3, '2026-07-01', '2026-09-30', '2026-09-14', '2026-09-20');
            INSERT INTO period_reports (reporting_period_id, agency_id, agency_name, state, content, submitted_at, version)
            SELECT id, {noiVu}, 'Sở Nội vụ', 'Submitted', 'x', '2026-09-20T16:30:00Z', 1 FROM reporting_periods WHERE year = 2026 AND number = 3;
            INSERT INTO period_reports (reporting_period_id, agency_id, agency_name, state, content, submitted_at, version)
            SELECT id, {taiChinh}, 'Sở Tài chính', 'Submitted', 'x', '2026-09-20T17:30:00Z', 1 FROM reporting_periods WHERE year = 2026 AND number = 3;
            """);
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var window = await Window(db, DashboardFilter.None);

        var heatmap = await GetComplianceHeatmap.ComputeAsync(db, DashboardFilter.None, window, default);

        var q3 = window.Select(w => w.Quarter).ToList().IndexOf(new Quarter(2026, 3));
        var q4 = window.Select(w => w.Quarter).ToList().IndexOf(new Quarter(2026, 4));
        Assert.Equal(HeatCell.OnTime, heatmap.Agencies.Single(a => a.AgencyId == noiVu).Cells[q3]);
        Assert.Equal(HeatCell.Late, heatmap.Agencies.Single(a => a.AgencyId == taiChinh).Cells[q3]);
        Assert.All(heatmap.Agencies.Where(a => a.AgencyId != noiVu && a.AgencyId != taiChinh), a => Assert.Equal(HeatCell.Missing, a.Cells[q3]));
        Assert.All(heatmap.Agencies, a => Assert.Equal(HeatCell.NotDueYet, a.Cells[q4])); // due 20/12/2026
        var count = heatmap.Quarters[q3];
        Assert.Equal((1, 1, heatmap.Agencies.Count - 2), (count.OnTime, count.Late, count.Missing));

        // The reports page's compliance (the secretariat of Vĩnh Phúc) says the same of the same reports.
        var secretariat = await UserId(db, "thuongtruc@plantracker.local");
        var access = new Core.Authorization.AccessContext(new FixedUser(secretariat, Roles.Secretariat), db);
        var page = await new Core.Features.Reports.GetReportingCompliance.Handler(db, access, new ReportingCalendar(db, new ReportingOptions()))
            .Handle(new Core.Features.Reports.GetReportingCompliance.Query(2026, 3), default);
        Assert.Equal(Core.Features.Reports.Compliance.OnTime, page.Agencies.Single(a => a.AgencyId == noiVu).Compliance);
        Assert.Equal(Core.Features.Reports.Compliance.Late, page.Agencies.Single(a => a.AgencyId == taiChinh).Compliance);

        var ranking = await GetAgencyRanking.ComputeAsync(db, DashboardFilter.None, Today, window, default);
        Assert.Equal(1, ranking.Agencies.Single(a => a.AgencyId == noiVu).ReportedOnTime);
        Assert.Equal(0, ranking.Agencies.Single(a => a.AgencyId == taiChinh).ReportedOnTime);
        Assert.Equal(window.Count(w => w.Closed), ranking.ClosedQuarters);
    }

    [Fact]
    public async Task Should_rebuild_quarterly_trends_from_completion_dates_and_drill_down_to_the_same_tasks()
    {
        // Due 15/05/2026, done 10/08/2026: overdue at the end of Q2, done (late) in Q3, not overdue at the end of Q3.
        var id = await Rewrite("vinh-phuc/kh-36a", "III.5.b", """
            deadline_kind = 'Date', deadline_start_on = NULL, deadline_due_on = '2026-05-15', extended_due_on = NULL,
            status = 'Done', percent_complete = 100, completed_on = '2026-08-10'
            """);
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var filter = new DashboardFilter(AgencyId: await AgencyId(db, "vinh-phuc/so-noi-vu"));
        var window = await Window(db, filter);

        var trends = await GetQuarterlyTrends.ComputeAsync(db, filter, Today, window, default);

        var q2 = trends.Quarters.Single(p => p.Quarter == new Quarter(2026, 2));
        var q3 = trends.Quarters.Single(p => p.Quarter == new Quarter(2026, 3));
        Assert.Equal((0, 1), (q3.DoneOnTime, q3.DoneLate));
        Assert.Equal(1, q2.Overdue - q3.Overdue);
        foreach (var point in trends.Quarters)
        {
            var overdue = await List(db, new DrillDown(filter, OverdueOn: point.AsOf));
            Assert.Equal(point.Overdue, overdue.Total);
            Assert.Equal(point.Done, (await List(db, new DrillDown(filter, CompletedIn: point.Quarter.ToString()))).Total);
        }
        Assert.Contains((await List(db, new DrillDown(filter, OverdueOn: q2.AsOf))).Items, t => t.Id == id);
        Assert.Equal(new DateOnly(2026, 11, 22), trends.Quarters[^1].AsOf);
    }

    [Fact]
    public async Task Should_rank_agencies_by_the_rule_shown_on_the_page()
    {
        await Rewrite("vinh-phuc/kh-36a", "III.5.b", """
            deadline_kind = 'Date', deadline_start_on = NULL, deadline_due_on = '2026-05-15', status = 'Done', percent_complete = 100, completed_on = '2026-05-10'
            """);
        await using var scope = _services.CreateAsyncScope();
        var db = Db(scope);
        var bcd = await UserId(db, "bcd@plantracker.local");
        var filter = new DashboardFilter(SteeringMemberId: bcd);

        var ranking = await GetAgencyRanking.ComputeAsync(db, filter, Today, await Window(db, filter), default);

        var rows = ranking.Agencies;
        Assert.Equal(Enumerable.Range(1, rows.Count), rows.Select(r => r.Rank));
        Assert.Equal("Sở Nội vụ", rows[0].Agency); // the only one with a task done on time
        for (var i = 1; i < rows.Count; i++)
        {
            var (a, b) = (rows[i - 1], rows[i]);
            Assert.True(a.OnTimeShare is not null || b.OnTimeShare is null);
            if (a.OnTimeShare is { } x && b.OnTimeShare is { } y) Assert.True(x > y || (x == y && a.Overdue <= b.Overdue));
        }
        foreach (var r in rows)
        {
            var f = filter with { AgencyId = r.AgencyId };
            Assert.Equal(r.Tasks, (await List(db, new DrillDown(f))).Total);
            Assert.Equal(r.Overdue, (await List(db, new DrillDown(f, [Timeliness.InProgressOverdue]))).Total);
            Assert.Equal(r.Due, (await List(db, new DrillDown(f, [Timeliness.DoneOnTime, Timeliness.DoneLate, Timeliness.InProgressOverdue]))).Total);
        }
    }

    [Theory]
    [InlineData("2026-Q5")]
    [InlineData("Quý III")]
    [InlineData("26")]
    public void Should_refuse_an_unreadable_period_naming_the_field(string period)
    {
        var e = Assert.Throws<RuleViolationException>(() => new DashboardFilter(Period: period).ParsedPeriod);
        Assert.Equal("period", e.Field);
    }

    [Fact]
    public void Should_read_quarters_and_years_as_periods()
    {
        Assert.Equal((new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30)), (DashboardPeriod.Parse("2026-q3")!.Start, DashboardPeriod.Parse("2026-q3")!.End));
        Assert.Equal(new Quarter(2026, 4), DashboardPeriod.Parse("2026")!.LastQuarter);
        Assert.Equal([new Quarter(2025, 4), new Quarter(2026, 1), new Quarter(2026, 2)], Quarter.Ending(new Quarter(2026, 2), 3));
    }

    private static PlanTrackerDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();

    private static Task<IReadOnlyList<WindowQuarter>> Window(PlanTrackerDbContext db, DashboardFilter filter) =>
        ReportingWindow.QuartersAsync(new ReportingCalendar(db, new ReportingOptions()), filter, Today, 8, default);

    private static Task<Paged<TaskView>> List(PlanTrackerDbContext db, DrillDown drill) =>
        new ListTasks.Handler(db, LaggingReads.PrimaryOnly(db), new ProvinceClock(new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero))), new DashboardOptions(),
            // As an administrator: the drill-down's own filter is what these tests look at, not who may see it.
            new Core.Authorization.AccessContext(new FixedUser(1, Roles.Admin), db))
            .Handle(new ListTasks.Query(null, null, null, null, null, 1, 200, drill), default);

    private static Task<long> UserId(PlanTrackerDbContext db, string email) => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();

    private static Task<long> AgencyId(PlanTrackerDbContext db, string key) => db.Agencies.Where(a => a.Key == key).Select(a => a.Id).SingleAsync();

    private async Task<long> Rewrite(string planKey, string code, string set) =>
        await Scalar<long>($"UPDATE plan_tasks t SET {set} FROM plans p WHERE p.id = t.plan_id AND p.key = '{planKey}' AND t.code = '{code}' RETURNING t.id");

    private async Task<T> Scalar<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private sealed class FixedUser(long id, string role) : ICurrentUser
    {
        public long? UserId => id;
        public bool IsAuthenticated => true;
        public bool IsInRole(string r) => r == role;
    }
}
