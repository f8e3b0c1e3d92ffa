-- The jobs moved from Quartz.NET to Hangfire (docs/decisions/0017-hangfire.md). Quartz's clustered job
-- store (qrtz_job_details, qrtz_triggers, qrtz_cron_triggers, qrtz_fired_triggers, qrtz_locks, ... in
-- the app's schema) was never a migration's: the previous version's scheduler created it at start
-- (ProvisionSchema), and its set of tables changed between Quartz versions. So every table named
-- qrtz_* goes, whatever that version made; a database that never ran the scheduler has none.
-- Hangfire keeps its own tables in its own schema, "hangfire", which Hangfire.PostgreSql creates and
-- upgrades itself. The run history stays in job_runs, which is ours.
DO $$
DECLARE
    quartz_table text;
BEGIN
    FOR quartz_table IN
        SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'qrtz\_%'
    LOOP
        EXECUTE format('DROP TABLE IF EXISTS %I CASCADE', quartz_table);
    END LOOP;
END
$$;
