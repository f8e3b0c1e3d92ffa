-- Target attainment kept like the timeliness counts (issue 5, "Speed"; docs/decisions/0010).
-- Judging 160,000 targets against their latest actuals took 1.3 s per dashboard. Each task now
-- carries how many of its targets are met, not met, or without an actual (kept by the triggers on
-- targets and target_actuals, whatever wrote), and the dashboard delta of migration 0017 adds those
-- per plan into dashboard_target_counts, so publish, withdraw, move, delete and import keep them too.

-- A target judged on an actual (the SQL twin of Target.IsMetBy); NULL actual: no data yet.
CREATE FUNCTION target_attainment(comparison text, target numeric, actual numeric) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN actual IS NULL THEN 'NoData'
        WHEN (comparison = 'AtLeast' AND actual >= target) OR (comparison = 'AtMost' AND actual <= target)
          OR (comparison = 'Exactly' AND actual = target) OR (comparison = 'MoreThan' AND actual > target)
          OR (comparison = 'LessThan' AND actual < target) THEN 'Met'
        ELSE 'NotMet' END
$$;

-- A target's latest actual: the one recorded last (ties: the later row).
CREATE FUNCTION target_latest_actual(target_id bigint) RETURNS numeric
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT a.value FROM target_actuals a WHERE a.target_id = $1 ORDER BY a.recorded_at DESC, a.id DESC LIMIT 1
$$;

ALTER TABLE plan_tasks
    ADD COLUMN targets_met integer NOT NULL DEFAULT 0,
    ADD COLUMN targets_not_met integer NOT NULL DEFAULT 0,
    ADD COLUMN targets_no_data integer NOT NULL DEFAULT 0;

-- Recount the given tasks' targets (tasks gone are skipped; rows already right are not written).
-- The tasks are locked first, in id order, by a statement of their own: the count that follows then
-- reads a snapshot taken after any other transaction writing the same tasks' targets committed
-- (two actuals recorded at once for two targets of one task would otherwise each miss the other),
-- and concurrent recounts of several tasks cannot deadlock.
CREATE FUNCTION plan_tasks_recount_targets(task_ids bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM plan_tasks WHERE id = ANY(task_ids) ORDER BY id FOR UPDATE;
    UPDATE plan_tasks t SET targets_met = c.met, targets_not_met = c.not_met, targets_no_data = c.no_data
    FROM (
        SELECT i.id,
               count(*) FILTER (WHERE x.state = 'Met')::int AS met,
               count(*) FILTER (WHERE x.state = 'NotMet')::int AS not_met,
               count(*) FILTER (WHERE x.state = 'NoData')::int AS no_data
        FROM unnest(task_ids) i(id)
        LEFT JOIN LATERAL (
            SELECT target_attainment(g.comparison, g.value, target_latest_actual(g.id)) AS state FROM targets g WHERE g.task_id = i.id
        ) x ON true
        GROUP BY i.id
    ) c
    WHERE t.id = c.id AND (t.targets_met, t.targets_not_met, t.targets_no_data) IS DISTINCT FROM (c.met, c.not_met, c.no_data);
END
$$;

-- A target added, changed or removed: recount its task. Each statement reads only the transition
-- tables its event has (an INSERT has no old_rows), so the branches are taken by TG_OP.
CREATE FUNCTION targets_recount_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN changed := changed || ARRAY(SELECT task_id FROM new_rows); END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN changed := changed || ARRAY(SELECT task_id FROM old_rows); END IF;
    PERFORM plan_tasks_recount_targets(ARRAY(SELECT DISTINCT unnest(changed)));
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_targets_recount_insert AFTER INSERT ON targets
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targets_recount_tasks();
CREATE TRIGGER tr_targets_recount_update AFTER UPDATE ON targets
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION targets_recount_tasks();
CREATE TRIGGER tr_targets_recount_delete AFTER DELETE ON targets
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION targets_recount_tasks();

-- An actual recorded, corrected or removed: recount the tasks of its targets (a target deleted with
-- its actuals is recounted by the targets trigger; here it is already gone and joins nothing).
CREATE FUNCTION target_actuals_recount_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[] := '{}';
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN changed := changed || ARRAY(SELECT target_id FROM new_rows); END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN changed := changed || ARRAY(SELECT target_id FROM old_rows); END IF;
    PERFORM plan_tasks_recount_targets(ARRAY(SELECT DISTINCT g.task_id FROM targets g WHERE g.id = ANY(changed)));
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_target_actuals_recount_insert AFTER INSERT ON target_actuals
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_actuals_recount_tasks();
CREATE TRIGGER tr_target_actuals_recount_update AFTER UPDATE ON target_actuals
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION target_actuals_recount_tasks();
CREATE TRIGGER tr_target_actuals_recount_delete AFTER DELETE ON target_actuals
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION target_actuals_recount_tasks();

-- TRUNCATE of the targets or their actuals: recount every task that had targets.
CREATE FUNCTION targets_recount_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM plan_tasks_recount_targets(ARRAY(SELECT id FROM plan_tasks WHERE targets_met + targets_not_met + targets_no_data > 0));
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_targets_recount_truncate AFTER TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION targets_recount_truncated();
CREATE TRIGGER tr_target_actuals_recount_truncate AFTER TRUNCATE ON target_actuals
    FOR EACH STATEMENT EXECUTE FUNCTION targets_recount_truncated();

-- Per plan, actionable tasks of published plans only, as the other counts. One row per plan.
CREATE TABLE dashboard_target_counts (
    plan_id bigint NOT NULL CONSTRAINT pk_dashboard_target_counts PRIMARY KEY,
    met integer NOT NULL,
    not_met integer NOT NULL,
    no_data integer NOT NULL
);

-- The narrowed views sum their tasks' target counts: only tasks with targets, by lead agency.
CREATE INDEX ix_plan_tasks_targets ON plan_tasks (lead_agency_id, plan_id)
    INCLUDE (targets_met, targets_not_met, targets_no_data, status, deadline_due_on, extended_due_on)
    WHERE NOT is_group AND targets_met + targets_not_met + targets_no_data > 0;

-- The delta of migration 0017 with the target counts added (everything else as it was).
CREATE OR REPLACE FUNCTION dashboard_delta_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
        WITH k AS (
            SELECT c.plan_id, c.lead_agency_id, c.sign, c.targets_met, c.targets_not_met, c.targets_no_data,
                   task_timeliness(c.status, c.completed_on, c.deadline_kind, coalesce(c.extended_due_on, c.deadline_due_on), s.as_of) AS timeliness,
                   CASE WHEN c.status = 'Done' AND c.completed_on IS NOT NULL
                        THEN date_trunc('quarter', c.completed_on::timestamp)::date ELSE 'infinity'::date END AS done_quarter,
                   task_timeliness(c.status, c.completed_on, c.deadline_kind, coalesce(c.extended_due_on, c.deadline_due_on), s.as_of) = 'DoneLate' AS done_late,
                   o.first_end, o.last_end
            FROM (%s) c
            CROSS JOIN dashboard_state s
            CROSS JOIN LATERAL (
                SELECT CASE WHEN f <= l THEN f ELSE 'infinity'::date END AS first_end,
                       CASE WHEN f <= l THEN l ELSE '-infinity'::date END AS last_end
                FROM (SELECT
                    CASE WHEN due IS NULL OR is_ongoing_deadline(c.deadline_kind) OR c.status IN ('Paused', 'Cancelled')
                              OR (c.status = 'Done' AND c.completed_on IS NULL) THEN 'infinity'::date
                         ELSE quarter_end(due + 1) END AS f,
                    CASE WHEN c.status = 'Done' THEN (date_trunc('quarter', c.completed_on::timestamp) - interval '1 day')::date
                         ELSE 'infinity'::date END AS l
                    FROM (SELECT coalesce(c.extended_due_on, c.deadline_due_on) AS due) d) x
            ) o
        ),
        by_plan AS (
            INSERT INTO dashboard_plan_counts AS t (plan_id, timeliness, n)
            SELECT plan_id, timeliness, sum(sign) FROM k GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
            ON CONFLICT (plan_id, timeliness) DO UPDATE SET n = t.n + EXCLUDED.n
        ),
        by_agency AS (
            INSERT INTO dashboard_agency_counts AS t (lead_agency_id, timeliness, n)
            SELECT lead_agency_id, timeliness, sum(sign) FROM k GROUP BY 1, 2 HAVING sum(sign) <> 0 ORDER BY 1, 2
            ON CONFLICT (lead_agency_id, timeliness) DO UPDATE SET n = t.n + EXCLUDED.n
        ),
        by_target AS (
            INSERT INTO dashboard_target_counts AS t (plan_id, met, not_met, no_data)
            SELECT plan_id, sum(sign * targets_met), sum(sign * targets_not_met), sum(sign * targets_no_data) FROM k
            WHERE targets_met + targets_not_met + targets_no_data > 0
            GROUP BY 1
            HAVING (sum(sign * targets_met), sum(sign * targets_not_met), sum(sign * targets_no_data)) <> (0, 0, 0) ORDER BY 1
            ON CONFLICT (plan_id) DO UPDATE SET met = t.met + EXCLUDED.met, not_met = t.not_met + EXCLUDED.not_met,
                                                no_data = t.no_data + EXCLUDED.no_data
        )
        INSERT INTO dashboard_trend_counts AS t (done_quarter, done_late, overdue_first, overdue_last, n)
        SELECT done_quarter, done_late, first_end, last_end, sum(sign) FROM k
        WHERE done_quarter <> 'infinity' OR first_end <> 'infinity'
        GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (done_quarter, done_late, overdue_first, overdue_last) DO UPDATE SET n = t.n + EXCLUDED.n
        $sql$, source)
$fn$;

-- The update trigger's early exit now also looks at the target counts, and is a set difference:
-- 0017's join of old_rows to new_rows was planned as a nested loop over the transition tables
-- (no statistics), quadratic in the rows updated: 7 minutes for one 45,000-row UPDATE.
CREATE OR REPLACE FUNCTION plan_tasks_dashboard_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted constant text := 'SELECT t.*, %s AS sign FROM %I t JOIN plans p ON p.id = t.plan_id WHERE p.status = ''Published'' AND NOT t.is_group';
BEGIN
    -- A trigger with transition tables takes no column list, so most updates (percent, note,
    -- title, at_risk_from) arrive here changing nothing that is counted: leave before any work.
    IF TG_OP = 'UPDATE' THEN
        IF NOT EXISTS (
            SELECT o.id, o.plan_id, o.lead_agency_id, o.is_group, o.status, o.completed_on, o.deadline_kind, o.deadline_due_on,
                   o.extended_due_on, o.targets_met, o.targets_not_met, o.targets_no_data FROM old_rows o
            EXCEPT ALL
            SELECT n.id, n.plan_id, n.lead_agency_id, n.is_group, n.status, n.completed_on, n.deadline_kind, n.deadline_due_on,
                   n.extended_due_on, n.targets_met, n.targets_not_met, n.targets_no_data FROM new_rows n) THEN
            RETURN NULL;
        END IF;
    END IF;
    PERFORM 1 FROM dashboard_state FOR SHARE;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM 1 FROM plans p WHERE p.id IN (SELECT plan_id FROM old_rows) FOR SHARE;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        PERFORM 1 FROM plans p WHERE p.id IN (SELECT plan_id FROM new_rows) FOR SHARE;
    END IF;
    EXECUTE dashboard_delta_sql(CASE TG_OP
        WHEN 'INSERT' THEN format(counted, '1', 'new_rows')
        WHEN 'DELETE' THEN format(counted, '-1', 'old_rows')
        ELSE format(counted, '-1', 'old_rows') || ' UNION ALL ' || format(counted, '1', 'new_rows') END);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION plan_tasks_dashboard_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE dashboard_plan_counts, dashboard_agency_counts, dashboard_trend_counts, dashboard_target_counts;
    RETURN NULL;
END
$$;

-- The rebuild recounts every task's targets too (a bulk load writes targets with triggers off).
CREATE OR REPLACE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM dashboard_state FOR UPDATE;
    UPDATE plan_tasks t SET at_risk_from = x.value
    FROM (SELECT t2.id, plan_task_at_risk_from(t2, p.published_at, s.at_risk_margin) AS value
          FROM plan_tasks t2 JOIN plans p ON p.id = t2.plan_id CROSS JOIN dashboard_state s) x
    WHERE x.id = t.id AND t.at_risk_from IS DISTINCT FROM x.value;
    UPDATE plan_tasks t SET targets_met = coalesce(c.met, 0), targets_not_met = coalesce(c.not_met, 0), targets_no_data = coalesce(c.no_data, 0)
    FROM (SELECT t2.id, c2.met, c2.not_met, c2.no_data FROM plan_tasks t2 LEFT JOIN (
              SELECT g.task_id,
                     count(*) FILTER (WHERE s.state = 'Met')::int AS met,
                     count(*) FILTER (WHERE s.state = 'NotMet')::int AS not_met,
                     count(*) FILTER (WHERE s.state = 'NoData')::int AS no_data
              FROM targets g
              -- Every target's latest actual in one pass (a bulk load rebuilds before its indexes exist).
              LEFT JOIN (SELECT DISTINCT ON (a.target_id) a.target_id, a.value FROM target_actuals a
                         ORDER BY a.target_id, a.recorded_at DESC, a.id DESC) l ON l.target_id = g.id
              CROSS JOIN LATERAL (SELECT target_attainment(g.comparison, g.value, l.value) AS state) s
              GROUP BY g.task_id) c2 ON c2.task_id = t2.id) c
    WHERE c.id = t.id
      AND (t.targets_met, t.targets_not_met, t.targets_no_data) IS DISTINCT FROM (coalesce(c.met, 0), coalesce(c.not_met, 0), coalesce(c.no_data, 0));
    TRUNCATE dashboard_plan_counts, dashboard_agency_counts, dashboard_trend_counts, dashboard_target_counts;
    EXECUTE dashboard_delta_sql('SELECT t.*, 1 AS sign FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = ''Published'' AND NOT t.is_group');
END
$$;

SELECT dashboard_rebuild();
