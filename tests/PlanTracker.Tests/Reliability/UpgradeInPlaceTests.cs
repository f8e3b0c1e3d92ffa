using Npgsql;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Reliability;

/// <summary>
/// A database as the Quartz version left it (migrations to 0026, Quartz's clustered store with its
/// triggers and fired triggers, a job history, mail queued in the outbox) is opened by the Hangfire
/// version: it migrates in place (0027 drops qrtz_*), keeps the history, and its dispatcher sends
/// every queued mail exactly once.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class UpgradeInPlaceTests(ITestOutputHelper output)
{
    private const int Queued = 40;

    [Fact]
    public async Task Should_upgrade_a_Quartz_era_database_keeping_history_and_sending_queued_mail_once()
    {
        using var smtp = new SmtpSink();
        var connectionString = await TestDatabases.CreateAsync(seeded: true);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            // 0027 only drops Quartz's tables: without its row the schema is exactly 0026's.
            await Execute(connection, "DELETE FROM schema_migrations WHERE version = '0027_drop_quartz'");
            await Execute(connection, QuartzEraStore);
            await Execute(connection, $"""
                INSERT INTO job_runs (job, as_of, trigger, scheduled_for, started_at, finished_at, succeeded, outcome, node)
                SELECT 'deadline-reminders', DATE '2026-11-01' + g, 'Schedule', TIMESTAMPTZ '2026-11-01 00:00Z' + g * interval '1 day',
                       TIMESTAMPTZ '2026-11-01 00:00:01Z' + g * interval '1 day', TIMESTAMPTZ '2026-11-01 00:00:02Z' + g * interval '1 day',
                       true, '3 mail(s), 5 item(s)', 'old-node:4242'
                FROM generate_series(0, 19) g;
                INSERT INTO outbox_messages (created_at, kind, to_address, subject, text_body, html_body, message_id, state, attempts, next_attempt_at)
                SELECT now() - interval '1 hour', 'deadline-reminders', 'canbo' || g || '@test.local', 'Nhắc hạn ' || g, 'Nội dung ' || g, NULL,
                       '<upgrade-' || g || '@plantracker>', 'Pending', 0, now() - interval '1 minute'
                FROM generate_series(1, {Queued}) g;
                """);
        }
        var historyBefore = await Scalar<long>(connectionString, "SELECT count(*) FROM job_runs");
        Assert.True(await Scalar<long>(connectionString, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz\\_%'") >= 6);

        using var node = PlanTrackerProcess.Start(connectionString, new Dictionary<string, string>
        {
            ["Mail__Smtp__Host"] = "127.0.0.1",
            ["Mail__Smtp__Port"] = smtp.Port.ToString(),
        });
        await node.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        // The catalog's own schedule: outbox-dispatch every 10 s.
        await Poll.UntilAsync(async () => await Scalar<long>(connectionString, "SELECT count(*) FROM outbox_messages WHERE state = 'Pending'") == 0,
            TimeSpan.FromSeconds(60), () => "the queued mail to go out\n" + node.Output);
        await Task.Delay(TimeSpan.FromSeconds(12)); // one more dispatch period: nothing goes out again
        await node.StopAsync(TimeSpan.FromSeconds(30));

        var received = smtp.Messages().Where(m => m.MessageId.StartsWith("<upgrade-", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{received.Count} received for {Queued} queued; history {historyBefore} rows before");
        Assert.Equal(Queued, received.Count);
        Assert.Equal(Queued, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(0, await Scalar<long>(connectionString, "SELECT count(*) FROM pg_tables WHERE tablename LIKE 'qrtz\\_%'"));
        Assert.Equal(1, await Scalar<long>(connectionString, "SELECT count(*) FROM schema_migrations WHERE version = '0027_drop_quartz'"));
        Assert.Equal(20, await Scalar<long>(connectionString, "SELECT count(*) FROM job_runs WHERE node = 'old-node:4242' AND succeeded"));
        Assert.True(await Scalar<long>(connectionString, "SELECT count(*) FROM job_runs") >= historyBefore);
        Assert.True(await Scalar<bool>(connectionString, "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'hangfire' AND tablename = 'job')"));
    }

    /// <summary>
    /// The core of the store Quartz.NET 4.7 provisioned in the app's schema (its create_postgres.sql:
    /// job details, triggers, cron triggers, fired triggers, scheduler state, locks, with their
    /// foreign keys), holding what the previous version's scheduler left: its seven jobs, their
    /// triggers, a trigger in flight and two nodes' check-ins.
    /// </summary>
    private const string QuartzEraStore = """
        CREATE TABLE qrtz_job_details (sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, description text,
            job_class_name text NOT NULL, is_durable bool NOT NULL, is_nonconcurrent bool NOT NULL, is_update_data bool NOT NULL,
            requests_recovery bool NOT NULL, job_data bytea, PRIMARY KEY (sched_name, job_name, job_group));
        CREATE TABLE qrtz_triggers (sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, job_name text NOT NULL,
            job_group text NOT NULL, description text, next_fire_time bigint, prev_fire_time bigint, priority integer, trigger_state text NOT NULL,
            trigger_type text NOT NULL, start_time bigint NOT NULL, end_time bigint, calendar_name text, misfire_instr smallint, job_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
        CREATE TABLE qrtz_cron_triggers (sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            cron_expression text NOT NULL, time_zone_id text, PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE);
        CREATE TABLE qrtz_fired_triggers (sched_name text NOT NULL, entry_id text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            instance_name text NOT NULL, fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL, state text NOT NULL,
            job_name text, job_group text, is_nonconcurrent bool, requests_recovery bool, PRIMARY KEY (sched_name, entry_id));
        CREATE TABLE qrtz_scheduler_state (sched_name text NOT NULL, instance_name text NOT NULL, last_checkin_time bigint NOT NULL,
            checkin_interval bigint NOT NULL, PRIMARY KEY (sched_name, instance_name));
        CREATE TABLE qrtz_locks (sched_name text NOT NULL, lock_name text NOT NULL, PRIMARY KEY (sched_name, lock_name));
        CREATE INDEX idx_qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);

        INSERT INTO qrtz_job_details
        SELECT 'PlanTracker', j, 'DEFAULT', NULL, 'PlanTracker.Core.Jobs.CatalogJob, PlanTracker.Core', true, true, false, false, NULL
        FROM unnest(ARRAY['outbox-dispatch','deadline-reminders','overdue-escalations','reporting-cycle','digests','quarterly-report','dashboard-counts']) j;
        INSERT INTO qrtz_triggers
        SELECT sched_name, job_name, 'DEFAULT', job_name, 'DEFAULT', NULL, 638999000000000000, 638998000000000000, 5, 'WAITING', 'CRON',
               638990000000000000, NULL, NULL, 0, NULL
        FROM qrtz_job_details;
        INSERT INTO qrtz_cron_triggers
        SELECT sched_name, trigger_name, 'DEFAULT', CASE trigger_name WHEN 'outbox-dispatch' THEN '0/10 * * * * ?' ELSE '0 0 7 * * ?' END, 'Asia/Ho_Chi_Minh'
        FROM qrtz_triggers;
        INSERT INTO qrtz_fired_triggers VALUES ('PlanTracker', 'old-node638998', 'deadline-reminders', 'DEFAULT', 'old-node', 638998000000000000,
            638998000000000000, 5, 'EXECUTING', 'deadline-reminders', 'DEFAULT', true, false);
        INSERT INTO qrtz_scheduler_state VALUES ('PlanTracker', 'old-node', 638998000000000000, 2000), ('PlanTracker', 'other-node', 638998000000000000, 2000);
        INSERT INTO qrtz_locks VALUES ('PlanTracker', 'STATE_ACCESS'), ('PlanTracker', 'TRIGGER_ACCESS');
        """;

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, connection);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
