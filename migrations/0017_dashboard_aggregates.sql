-- Stored aggregates for the dashboard (issue 5, "Speed"; docs/decisions/0010-dashboard-aggregates.md).
-- A million tasks cannot be counted in 300 ms, so the province-wide counts are kept up to date by
-- triggers on plan_tasks and plans, in the writing transaction, whatever wrote (progress, extensions,
-- reorganisation, publish, delete, import, COPY). Timeliness depends on the day as well as on the
-- data: the counts hold each task's timeliness as of one stored day (dashboard_state.as_of), and a
-- read for another day corrects them with the open tasks due between the two days (an index range).
-- The nightly roll moves as_of forward so that range stays a day long. Exact on every day.

CREATE TABLE dashboard_state (
    id boolean PRIMARY KEY DEFAULT true CONSTRAINT ck_dashboard_state_single CHECK (id),
    as_of date NOT NULL,
    at_risk_margin integer NOT NULL
);
INSERT INTO dashboard_state (as_of, at_risk_margin) VALUES ((now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 25);

-- Last day of a date's quarter.
CREATE FUNCTION quarter_end(d date) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (date_trunc('quarter', d::timestamp) + interval '3 months - 1 day')::date
$$;

-- The first day on which a task is at risk (docs/decisions/0008: elapsed% - percent complete > margin):
-- elapsed_percent() only grows with the day, so "at risk today" is "at_risk_from <= today <= due".
-- elapsed >= k (k = percent + margin + 1, 1..100) <=> 100 * (today - start) >= k * (due - start).
CREATE FUNCTION at_risk_from(start_on date, due_on date, percent_complete integer, margin integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN start_on IS NULL OR due_on IS NULL OR due_on <= start_on THEN NULL
        WHEN percent_complete + margin + 1 > 100 THEN NULL
        WHEN percent_complete + margin + 1 <= 0 THEN '-infinity'::date
        ELSE start_on + ((percent_complete + margin + 1) * (due_on - start_on) + 99) / 100
    END
$$;

-- At risk on a day, written so that the GiST index below serves it once inlined.
CREATE FUNCTION at_risk_on(at_risk_from date, due_on date, day date) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT at_risk_from IS NOT NULL AND daterange(at_risk_from, due_on, '[]') @> day
$$;

-- Set for open, dated, non-continuous actionable tasks; the start is the deadline's own or the day
-- the plan was published (as AtRiskRule says). Kept by a BEFORE trigger and, when a plan is
-- published, by the plans trigger; recomputed when the margin changes (dashboard_set_margin).
ALTER TABLE plan_tasks ADD COLUMN at_risk_from date;

CREATE FUNCTION plan_task_at_risk_from(t plan_tasks, published_at timestamptz, margin integer) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN NOT t.is_group AND t.status IN ('NotStarted', 'InProgress') AND NOT is_ongoing_deadline(t.deadline_kind)
        THEN at_risk_from(coalesce(t.deadline_start_on, province_date(published_at)), coalesce(t.extended_due_on, t.deadline_due_on),
                          t.percent_complete, margin) END
$$;

CREATE FUNCTION plan_tasks_set_at_risk_from() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at_risk_from := plan_task_at_risk_from(NEW,
        CASE WHEN NEW.deadline_start_on IS NULL THEN (SELECT p.published_at FROM plans p WHERE p.id = NEW.plan_id) END,
        (SELECT s.at_risk_margin FROM dashboard_state s));
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_plan_tasks_at_risk_from
    BEFORE INSERT OR UPDATE OF plan_id, is_group, status, percent_complete, deadline_kind, deadline_start_on, deadline_due_on, extended_due_on
    ON plan_tasks FOR EACH ROW EXECUTE FUNCTION plan_tasks_set_at_risk_from();

-- The included columns are everything the at-risk count and the choice of the first rows read, so
-- both are index-only scans (the rows' text is fetched for the chosen ones only).
CREATE INDEX ix_plan_tasks_at_risk ON plan_tasks USING gist (daterange(at_risk_from, coalesce(extended_due_on, deadline_due_on), '[]'))
    INCLUDE (id, plan_id, lead_agency_id, is_group, at_risk_from, extended_due_on, deadline_due_on, deadline_start_on, percent_complete)
    WHERE at_risk_from IS NOT NULL;

-- Done tasks by completion day: the trends' "overdue today" counts a task completed after today as still open.
CREATE INDEX ix_plan_tasks_done_on ON plan_tasks (completed_on) WHERE status = 'Done' AND NOT is_group;

-- The counts. Only actionable tasks of published plans; timeliness as of dashboard_state.as_of.
-- Rows whose count falls to 0 stay (at most one per plan, agency or quarter pair and state).
CREATE TABLE dashboard_plan_counts (
    plan_id bigint NOT NULL,
    timeliness text NOT NULL,
    n integer NOT NULL,
    CONSTRAINT pk_dashboard_plan_counts PRIMARY KEY (plan_id, timeliness)
);

-- By the lead agency as written on the task (a group stays a group: the read shares it among the
-- group's members, so a reorganisation of groups needs no maintenance here).
CREATE TABLE dashboard_agency_counts (
    lead_agency_id bigint NOT NULL,
    timeliness text NOT NULL,
    n integer NOT NULL,
    CONSTRAINT pk_dashboard_agency_counts PRIMARY KEY (lead_agency_id, timeliness)
);

-- The quarterly trends, which do not depend on today: done per completion quarter (late or not),
-- and overdue on quarter ends as the first and last quarter end on which the task was overdue
-- ('infinity' / '-infinity' when none). The read adds today's point from the other counts.
CREATE TABLE dashboard_trend_counts (
    done_quarter date NOT NULL,
    done_late boolean NOT NULL,
    overdue_first date NOT NULL,
    overdue_last date NOT NULL,
    n integer NOT NULL,
    CONSTRAINT pk_dashboard_trend_counts PRIMARY KEY (done_quarter, done_late, overdue_first, overdue_last)
);

-- The statement that adds `sign` times each row of `source` to the three tables. `source` yields
-- plan_tasks rows of published plans (no headings) with a sign column; EXECUTEd by the triggers,
-- which alone can read their transition tables.
CREATE FUNCTION dashboard_delta_sql(source text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT format($sql$
        WITH k AS (
            SELECT c.plan_id, c.lead_agency_id, c.sign,
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
        )
        INSERT INTO dashboard_trend_counts AS t (done_quarter, done_late, overdue_first, overdue_last, n)
        SELECT done_quarter, done_late, first_end, last_end, sum(sign) FROM k
        WHERE done_quarter <> 'infinity' OR first_end <> 'infinity'
        GROUP BY 1, 2, 3, 4 HAVING sum(sign) <> 0 ORDER BY 1, 2, 3, 4
        ON CONFLICT (done_quarter, done_late, overdue_first, overdue_last) DO UPDATE SET n = t.n + EXCLUDED.n
        $sql$, source)
$fn$;

-- Rows of a transition table that count: actionable tasks of published plans. The plans are
-- locked FOR SHARE first so that a plan being published or withdrawn concurrently is seen settled.
CREATE FUNCTION plan_tasks_dashboard_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    counted constant text := 'SELECT t.*, %s AS sign FROM %I t JOIN plans p ON p.id = t.plan_id WHERE p.status = ''Published'' AND NOT t.is_group';
BEGIN
    -- A trigger with transition tables takes no column list, so most updates (percent, note,
    -- title, at_risk_from) arrive here changing nothing that is counted: leave before any work.
    -- (Nested: an INSERT or DELETE trigger has no old_rows/new_rows pair to plan this query against.)
    IF TG_OP = 'UPDATE' THEN
        IF NOT EXISTS (
            SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
            WHERE (o.plan_id, o.lead_agency_id, o.is_group, o.status, o.completed_on, o.deadline_kind, o.deadline_due_on, o.extended_due_on)
                  IS DISTINCT FROM (n.plan_id, n.lead_agency_id, n.is_group, n.status, n.completed_on, n.deadline_kind, n.deadline_due_on, n.extended_due_on)) THEN
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

CREATE TRIGGER tr_plan_tasks_dashboard_insert AFTER INSERT ON plan_tasks
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_tasks_dashboard_counts();
CREATE TRIGGER tr_plan_tasks_dashboard_update AFTER UPDATE ON plan_tasks
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_tasks_dashboard_counts();
CREATE TRIGGER tr_plan_tasks_dashboard_delete AFTER DELETE ON plan_tasks
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION plan_tasks_dashboard_counts();

CREATE FUNCTION plan_tasks_dashboard_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    TRUNCATE dashboard_plan_counts, dashboard_agency_counts, dashboard_trend_counts;
    RETURN NULL;
END
$$;
CREATE TRIGGER tr_plan_tasks_dashboard_truncate AFTER TRUNCATE ON plan_tasks
    FOR EACH STATEMENT EXECUTE FUNCTION plan_tasks_dashboard_truncate();

-- A plan published or withdrawn adds or removes all its tasks; its publication day is the start of
-- its tasks' at-risk period; a published plan deleted takes its tasks out before they cascade (the
-- cascade then finds the plan gone and counts nothing).
CREATE FUNCTION plans_dashboard_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tasks constant text := 'SELECT t.*, %s AS sign FROM plan_tasks t WHERE t.plan_id = %s AND NOT t.is_group';
BEGIN
    PERFORM 1 FROM dashboard_state FOR SHARE;
    IF TG_OP = 'DELETE' THEN
        IF OLD.status = 'Published' THEN EXECUTE dashboard_delta_sql(format(tasks, '-1', OLD.id)); END IF;
        RETURN OLD;
    END IF;
    IF NEW.published_at IS DISTINCT FROM OLD.published_at THEN
        UPDATE plan_tasks t SET at_risk_from = plan_task_at_risk_from(t, NEW.published_at, s.at_risk_margin)
        FROM dashboard_state s
        WHERE t.plan_id = NEW.id AND t.at_risk_from IS DISTINCT FROM plan_task_at_risk_from(t, NEW.published_at, s.at_risk_margin);
    END IF;
    IF (OLD.status = 'Published') <> (NEW.status = 'Published') THEN
        EXECUTE dashboard_delta_sql(format(tasks, CASE WHEN NEW.status = 'Published' THEN '1' ELSE '-1' END, NEW.id));
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr_plans_dashboard_update AFTER UPDATE OF status, published_at ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_dashboard_counts();
CREATE TRIGGER tr_plans_dashboard_delete BEFORE DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_dashboard_counts();

-- Everything again from the tasks: after a bulk load with triggers off, or a changed margin.
CREATE FUNCTION dashboard_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM dashboard_state FOR UPDATE;
    UPDATE plan_tasks t SET at_risk_from = x.value
    FROM (SELECT t2.id, plan_task_at_risk_from(t2, p.published_at, s.at_risk_margin) AS value
          FROM plan_tasks t2 JOIN plans p ON p.id = t2.plan_id CROSS JOIN dashboard_state s) x
    WHERE x.id = t.id AND t.at_risk_from IS DISTINCT FROM x.value;
    TRUNCATE dashboard_plan_counts, dashboard_agency_counts, dashboard_trend_counts;
    EXECUTE dashboard_delta_sql('SELECT t.*, 1 AS sign FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE p.status = ''Published'' AND NOT t.is_group');
END
$$;

-- The nightly roll (and any day): the open tasks due between the stored day and the new one change
-- state; take them out as of the old day and put them back as of the new one. Returns the old day.
CREATE FUNCTION dashboard_roll(to_day date) RETURNS date LANGUAGE plpgsql AS $$
DECLARE
    from_day date;
    due_between text;
BEGIN
    SELECT as_of INTO from_day FROM dashboard_state FOR UPDATE;
    IF from_day = to_day THEN RETURN from_day; END IF;
    due_between := format('SELECT t.*, %%s AS sign FROM plan_tasks t JOIN plans p ON p.id = t.plan_id
        WHERE p.status = ''Published'' AND NOT t.is_group AND t.status IN (''NotStarted'', ''InProgress'')
          AND coalesce(t.extended_due_on, t.deadline_due_on) >= %L AND coalesce(t.extended_due_on, t.deadline_due_on) < %L',
        least(from_day, to_day), greatest(from_day, to_day));
    EXECUTE dashboard_delta_sql(format(due_between, '-1'));
    UPDATE dashboard_state SET as_of = to_day;
    EXECUTE dashboard_delta_sql(format(due_between, '1'));
    RETURN from_day;
END
$$;

-- A margin other than the stored one (configuration Dashboard__AtRiskMargin): store it and recompute.
CREATE FUNCTION dashboard_set_margin(margin integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
    IF (SELECT at_risk_margin FROM dashboard_state FOR UPDATE) = margin THEN RETURN false; END IF;
    UPDATE dashboard_state SET at_risk_margin = margin;
    UPDATE plan_tasks t SET at_risk_from = x.value
    FROM (SELECT t2.id, plan_task_at_risk_from(t2, p.published_at, margin) AS value
          FROM plan_tasks t2 JOIN plans p ON p.id = t2.plan_id) x
    WHERE x.id = t.id AND t.at_risk_from IS DISTINCT FROM x.value;
    RETURN true;
END
$$;

SELECT dashboard_rebuild();
