using Microsoft.EntityFrameworkCore;
using Npgsql;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

/// <summary>
/// What the dashboard lists (overdue, at risk, the tasks behind a number) and everything a steering
/// member's narrowed view counts must be reachable through indexes, never only by a sequential scan
/// over the tasks (same method as <see cref="QueryPlanTests"/>: every statement EXPLAINed as sent,
/// sequential scans disabled, so a missing index still shows up as a Seq Scan).
/// </summary>
[Collection(QueryPlanTests.Name)]
public sealed class DashboardQueryPlanTests : IAsyncLifetime
{
    private const int SyntheticTasks = 60_000;
    private static readonly DateOnly Today = new(2026, 11, 22);
    private string _cs = "";

    public async Task InitializeAsync()
    {
        _cs = await TestDatabases.CreateAsync(seeded: true);
        await using var connection = new NpgsqlConnection(_cs);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            -- Tasks of every state over every agency of the five provinces and over every plan, as in a real
            -- database (all in one plan, the planner rightly walks that plan's tasks): one steering member's share is small.
            WITH agencies AS (SELECT array_agg(a.id ORDER BY a.id) AS ids FROM agencies a WHERE a.kind <> 'Group'),
                 plans AS (SELECT array_agg(id ORDER BY id) AS ids FROM plans)
            INSERT INTO plan_tasks (plan_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete, completed_on,
                                    deadline_kind, deadline_text, deadline_start_on, deadline_due_on, deadline_inherited, version)
            SELECT plans.ids[1 + g % array_length(plans.ids, 1)], 'S.' || g, 100000 + g, 'Synthetic task ' || g, false, agencies.ids[1 + g % array_length(agencies.ids, 1)],
                   (ARRAY['NotStarted','InProgress','Done','InProgress'])[1 + g % 4], (g * 7) % 100,
                   CASE WHEN g % 4 = 2 THEN date '2020-01-01' + (g % 2500) END,
                   'Year', '', date '2020-01-01' + (g % 2800) - 365, date '2020-01-01' + (g % 2800), false, 0
            FROM generate_series(1, {SyntheticTasks}) g, agencies, plans;
            UPDATE plan_tasks SET percent_complete = 100 WHERE status = 'Done';
            UPDATE plan_tasks SET percent_complete = 0 WHERE status = 'NotStarted';
            ANALYZE;
            """, connection) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_answer_a_steering_members_whole_dashboard_by_index()
    {
        var (db, explain) = Context();
        var bcd = await db.Users.Where(u => u.Email == "bcd@plantracker.local").Select(u => u.Id).SingleAsync();
        explain.Plans.Clear();

        var result = await GetDashboard.ComputeAsync(db, new ReportingCalendar(db, new ReportingOptions()), new DashboardOptions(),
            new GetDashboard.Query(new DashboardFilter(SteeringMemberId: bcd)), Today, default);

        Assert.True(result.Counts.Total > 1000, $"{result.Counts.Total} tasks in view");
        Assert.NotEmpty(result.Overdue.Items);
        QueryPlanTests.AssertNoSequentialScans(explain);
    }

    [Fact]
    public async Task Should_answer_the_province_wide_dashboard_from_stored_counts_and_indexes_only()
    {
        var (db, explain) = Context();

        var result = await GetDashboard.ComputeAsync(db, new ReportingCalendar(db, new ReportingOptions()), new DashboardOptions(),
            new GetDashboard.Query(DashboardFilter.None), Today, default);

        Assert.True(result.Counts.Total > SyntheticTasks, $"{result.Counts.Total} tasks in view");
        Assert.True(result.Overdue.Total > 10_000 && result.AtRisk.Tasks.Total > 0);
        QueryPlanTests.AssertNoSequentialScans(explain);
        // Counts come from the stored tables; the only task rows read are an index range (the day's
        // correction), the first overdue rows, the at-risk ones and those done after today.
        Assert.Contains(explain.Plans, p => p.Plan.Contains("dashboard_plan_counts"));
        Assert.Contains(explain.Plans, p => p.Plan.Contains("dashboard_agency_counts"));
        Assert.Contains(explain.Plans, p => p.Plan.Contains("dashboard_trend_counts"));
        Assert.Contains(explain.Plans, p => p.Plan.Contains("ix_plan_tasks_at_risk"));
        Assert.Contains(explain.Plans, p => p.Sql.Contains("LIMIT") && p.Plan.Contains("ix_plan_tasks_open_due"));
    }

    [Theory]
    [InlineData(TaskSort.Delay)]
    [InlineData(TaskSort.Agency)]
    public async Task Should_list_the_provinces_overdue_and_at_risk_tasks_by_index(TaskSort sort)
    {
        var (db, explain) = Context();

        var overdue = await ListOverdueTasks.ComputeAsync(db, new ListOverdueTasks.Query(DashboardFilter.None, sort), Today, default);
        var atRisk = await ListAtRiskTasks.ComputeAsync(db, new ListAtRiskTasks.Query(DashboardFilter.None), Today, 25, default);

        Assert.True(overdue.Total > 10_000);
        Assert.True(atRisk.Tasks.Total > 0);
        QueryPlanTests.AssertNoSequentialScans(explain);
        Assert.Contains(explain.Plans, p => p.Plan.Contains("ix_plan_tasks_open_due"));
        Assert.Contains(explain.Plans, p => p.Plan.Contains("ix_plan_tasks_at_risk"));
    }

    /// <summary>
    /// Narrowed to agencies, the few lead ids (the agency and its groups) must drive the lead-agency
    /// index. Written as one OR over agencies the planner cannot join and instead tests every open
    /// overdue task against hashed subplans (1.7 s at a million tasks; docs/PERFORMANCE.md).
    /// </summary>
    [Fact]
    public async Task Should_find_one_agencys_overdue_tasks_through_its_lead_ids()
    {
        var (db, explain) = Context();
        var agency = await db.Agencies.Where(a => a.Key == "vinh-phuc/so-noi-vu").Select(a => a.Id).SingleAsync();
        explain.Plans.Clear();

        var overdue = await ListOverdueTasks.ComputeAsync(db, new ListOverdueTasks.Query(new DashboardFilter(AgencyId: agency)), Today, default);

        Assert.True(overdue.Total > 0);
        var count = explain.Plans.First(p => p.Sql.Contains("count(*)", StringComparison.Ordinal));
        Assert.False(count.Plan.Contains("hashed SubPlan", StringComparison.Ordinal), count.Plan);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(count.Plan, @"Index Cond: \(+lead_agency_id = "), count.Plan);
    }

    [Fact]
    public async Task Should_list_the_tasks_behind_an_agencys_number_by_index()
    {
        var (db, explain) = Context();
        var agency = await db.Agencies.Where(a => a.Key == "vinh-phuc/so-noi-vu").Select(a => a.Id).SingleAsync();
        explain.Plans.Clear();
        var handler = new ListTasks.Handler(db, LaggingReads.PrimaryOnly(db), new ProvinceClock(new FixedTimeProvider(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero))), new DashboardOptions(),
            new Core.Authorization.AccessContext(new QueryPlanTests.FixedUser(1, Roles.Admin), db));

        var page = await handler.Handle(new ListTasks.Query(null, null, null, null, null, 1, 50,
            new DrillDown(new DashboardFilter(AgencyId: agency), [Timeliness.InProgressOverdue])), default);

        Assert.NotEmpty(page.Items);
        QueryPlanTests.AssertNoSequentialScans(explain);
    }

    private (PlanTrackerDbContext, QueryPlanTests.ExplainInterceptor) Context()
    {
        var explain = new QueryPlanTests.ExplainInterceptor();
        var options = new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql(_cs).AddInterceptors(explain).Options;
        return (new PlanTrackerDbContext(options), explain);
    }
}
