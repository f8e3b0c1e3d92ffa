using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Progress;
using PlanTracker.Core.Features.Reminders;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

/// <summary>
/// "My agency's tasks" and recording progress must be answerable through indexes, never only by
/// a sequential scan over tasks. Every statement the handlers send is EXPLAINed as sent, with
/// sequential scans disabled: at this test size the planner may rightly prefer a scan, so what is
/// checked is that an index path exists for every access to the large tables (a missing index
/// still shows up as a Seq Scan).
/// </summary>
[Collection(Name)]
public sealed class QueryPlanTests : IAsyncLifetime
{
    /// <summary>The classes that load many synthetic rows run one after another, not side by side.</summary>
    public const string Name = "query plans";
    private const int SyntheticTasks = 60_000;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabases.CreateAsync(seeded: true);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"""
            -- A national database: the other provinces' agencies hold the bulk of the tasks, so one
            -- agency's share is small, as it is in production.
            WITH agencies AS (SELECT array_agg(a.id ORDER BY a.id) AS ids FROM agencies a JOIN provinces p ON p.id = a.province_id
                              WHERE a.kind <> 'Group' AND p.key <> 'vinh-phuc'),
                 plan AS (SELECT id FROM plans ORDER BY id LIMIT 1)
            INSERT INTO plan_tasks (plan_id, code, sort_order, title, is_group, lead_agency_id, status, percent_complete,
                                    deadline_kind, deadline_text, deadline_due_on, deadline_inherited, version)
            SELECT plan.id, 'S.' || g, 100000 + g, 'Synthetic task ' || g, false,
                   agencies.ids[1 + g % array_length(agencies.ids, 1)], 'NotStarted', 0,
                   'Date', '', date '2020-01-01' + (g % 2500), false, 0
            FROM generate_series(1, {SyntheticTasks}) g, agencies, plan;
            INSERT INTO task_coordinating_agencies (task_id, agency_id)
            SELECT t.id, a.ids[1 + (t.id * 7) % array_length(a.ids, 1)]
            FROM plan_tasks t, (SELECT array_agg(a.id ORDER BY a.id) AS ids FROM agencies a JOIN provinces p ON p.id = a.province_id
                                WHERE a.kind <> 'Group' AND p.key <> 'vinh-phuc') a
            WHERE t.code LIKE 'S.%' ON CONFLICT DO NOTHING;
            ANALYZE;
            """, connection) { CommandTimeout = 300 };
        await cmd.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(Involvement.Lead)]
    [InlineData(Involvement.Coordinating)]
    public async Task Should_list_my_agencys_tasks_by_index(Involvement involvement)
    {
        var (db, explain, access) = await Context("canbo.noivu@plantracker.local");
        var handler = new ListMyAgencyTasks.Handler(db, access, new ProvinceClock(TimeProvider.System));

        var page = await handler.Handle(new ListMyAgencyTasks.Query(involvement, PageSize: 20), default);

        Assert.NotEmpty(page.Items);
        AssertNoSequentialScans(explain);
    }

    [Fact]
    public async Task Should_record_progress_by_index()
    {
        var (db, explain, access) = await Context("canbo.noivu@plantracker.local");
        var task = await db.Tasks.AsNoTracking().FirstAsync(t => t.Plan.Key == "vinh-phuc/kh-36a" && t.Code == "III.5.a");
        explain.Plans.Clear();
        var handler = new RecordProgress.Handler(db, access, new ProvinceClock(TimeProvider.System), TimeProvider.System,
            new ReportingCalendar(db, new ReportingOptions()), new AgencyWorkAccess(access, db));

        await handler.Handle(new RecordProgress.Command(task.Id, task.Version, PlanTaskStatus.InProgress, 20, "ok"), default);

        AssertNoSequentialScans(explain);
    }

    [Fact]
    public async Task Should_find_a_days_reminders_by_index()
    {
        var (db, explain, _) = await Context("thuongtruc@plantracker.local");
        await using var tx = await db.Database.BeginTransactionAsync(); // the job's own transaction; rolled back here
        var handler = new SendDeadlineReminders.Handler(db, new ReminderOptions(), TimeProvider.System);

        // 60,000 synthetic tasks fall due one date after another from 2020: some are due 14 days after this day.
        await handler.Handle(new SendDeadlineReminders.Command(new DateOnly(2021, 6, 1)), default);

        var run = Assert.Single(explain.Plans, p => p.Sql.Contains("INSERT INTO outbox_messages", StringComparison.Ordinal));
        Assert.True(run.Plan.Contains("ix_plan_tasks_open_due", StringComparison.Ordinal), run.Plan);
        AssertNoSequentialScans(explain);
    }

    internal static void AssertNoSequentialScans(ExplainInterceptor explain)
    {
        Assert.NotEmpty(explain.Plans);
        // The tables this test makes large; the others hold a few seed rows, where a scan is right.
        string[] large = ["plan_tasks", "task_coordinating_agencies"];
        var offenders = explain.Plans.Where(p => large.Any(t => p.Plan.Contains($"Seq Scan on {t}"))).ToList();
        Assert.True(offenders.Count == 0, string.Join("\n\n", offenders.Select(o => o.Sql + "\n" + o.Plan)));
    }

    private async Task<(PlanTrackerDbContext, ExplainInterceptor, AccessContext)> Context(string email)
    {
        var explain = new ExplainInterceptor();
        var options = new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql(_connectionString).AddInterceptors(explain).Options;
        var db = new PlanTrackerDbContext(options);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        return (db, explain, new AccessContext(new FixedUser(user.Id, Roles.AgencyOfficer), db));
    }

    internal sealed class FixedUser(long id, string role) : ICurrentUser
    {
        public long? UserId => id;
        public bool IsAuthenticated => true;
        public bool IsInRole(string r) => r == role;
    }

    /// <summary>Runs EXPLAIN for each query exactly as EF sends it, with the same parameters.</summary>
    internal sealed class ExplainInterceptor : DbCommandInterceptor
    {
        public List<(string Sql, string Plan)> Plans { get; } = [];

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            // Queries, and single statements that select and write (WITH ... INSERT ... SELECT): EXPLAIN runs neither.
            var text = command.CommandText.TrimStart();
            if (text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("WITH", StringComparison.OrdinalIgnoreCase))
            {
                var connection = (NpgsqlConnection)command.Connection!;
                await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection, (NpgsqlTransaction?)command.Transaction))
                    await off.ExecuteNonQueryAsync(ct);
                await using var explain = ((NpgsqlCommand)command).Clone();
                explain.CommandText = "EXPLAIN " + command.CommandText;
                var lines = new List<string>();
                await using (var reader = await explain.ExecuteReaderAsync(ct))
                    while (await reader.ReadAsync(ct)) lines.Add(reader.GetString(0));
                lock (Plans) Plans.Add((command.CommandText, string.Join("\n", lines))); // the dashboard runs parts at the same time
                await using var on = new NpgsqlCommand("RESET enable_seqscan", connection, (NpgsqlTransaction?)command.Transaction);
                await on.ExecuteNonQueryAsync(ct);
            }
            return result;
        }
    }
}
