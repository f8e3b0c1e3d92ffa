using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Persistence;

/// <summary>
/// The Outbox page and the job history stay one index range per page when years of mail and of
/// runs pile up: the planner, left free, picks the index for the page queries as EF sends them.
/// </summary>
public sealed class OutboxQueryPlanTests : IAsyncLifetime
{
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await TestDatabases.CreateAsync(seeded: true);
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO outbox_messages (created_at, kind, to_address, subject, text_body, message_id, state, attempts, next_attempt_at, sent_at)
            SELECT now(), 'test', 'x@test.local', 'Thư ' || g, 'x', '<' || g || '@plan>', CASE WHEN g % 500 = 0 THEN 'Dead' ELSE 'Sent' END,
                   1, now(), now()
            FROM generate_series(1, 60000) g;
            INSERT INTO job_runs (job, as_of, trigger, started_at, finished_at, succeeded, outcome, node)
            SELECT CASE WHEN g % 100 = 0 THEN 'deadline-reminders' ELSE 'outbox-dispatch' END, date '2026-01-01', 'Schedule', now(), now(), true, 'ok', 'n'
            FROM generate_series(1, 60000) g;
            ANALYZE;
            """, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Should_read_a_page_of_one_state_and_a_jobs_latest_runs_by_index()
    {
        var capture = new SelectCapture();
        await using var db = new PlanTrackerDbContext(new DbContextOptionsBuilder<PlanTrackerDbContext>().UseNpgsql(_connectionString).AddInterceptors(capture).Options);
        var admin = await db.Users.AsNoTracking().SingleAsync(u => u.Email == "admin@plantracker.local");
        var access = new AccessContext(new Admin(admin.Id), db);
        capture.Commands.Clear();

        var dead = await new ListOutbox.Handler(db, access).Handle(new ListOutbox.Query(OutboxState.Dead, null), default);
        await new ListOutbox.Handler(db, access).Handle(new ListOutbox.Query(OutboxState.Sent, dead.Items[^1].Id), default);
        await new ListJobs.Handler(db, access, TimeProvider.System).Handle(new ListJobs.Query(), default);

        Assert.Equal(50, dead.Items.Count);
        var pages = capture.Commands.Where(c => c.CommandText.Contains("LIMIT")).ToList();
        Assert.Equal(2 + Core.Jobs.JobCatalog.All.Count, pages.Count); // two outbox pages, the last run of each job
        var plans = new List<(NpgsqlCommand Command, string Plan)>();
        foreach (var page in pages) plans.Add((page, page.CommandText + "\n" + await Explain(page)));
        // The two large tables; users (who started a run) holds a few rows, where a scan is right.
        Assert.All(plans, p => Assert.True(!p.Plan.Contains("Seq Scan on outbox_messages") && !p.Plan.Contains("Seq Scan on job_runs"), p.Plan));
        // A rare state, or a job with few runs, is found through its own index, not by walking past all the others.
        Assert.Contains("ix_outbox_messages_state_id", plans[0].Plan);
        Assert.Contains("ix_job_runs_job_id", plans.Single(p => p.Command.Parameters.Any(x => Equals(x.Value, "deadline-reminders"))).Plan);
    }

    private async Task<string> Explain(NpgsqlCommand command)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var explain = command.Clone();
        explain.Connection = connection;
        explain.CommandText = "EXPLAIN " + command.CommandText;
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    private sealed class Admin(long id) : ICurrentUser
    {
        public long? UserId => id;
        public bool IsAuthenticated => true;
        public bool IsInRole(string role) => role == Roles.Admin;
    }

    /// <summary>Keeps a copy of each query EF sends, with its parameters, to be explained afterwards.</summary>
    private sealed class SelectCapture : DbCommandInterceptor
    {
        public List<NpgsqlCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Commands.Add(((NpgsqlCommand)command).Clone());
            return ValueTask.FromResult(result);
        }
    }
}
