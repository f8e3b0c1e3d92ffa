-- The steering committee's dashboard (issue 5): two SQL helpers its aggregates group by, and
-- the indexes behind what it lists.

-- The province's calendar day of an instant: a report submitted at 23:30 on the due day in
-- Hà Nội time is on time, whatever the server's zone. The zone has had one offset (+07) since
-- 1975, which is what lets the function be IMMUTABLE (and so usable in indexes and inlined).
CREATE FUNCTION province_date(at timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
$$;

-- How far (0-100) today is from a task's start towards its due date; NULL when the task has no
-- start or no room between start and due. The at-risk rule compares it with percent_complete
-- (see src/PlanTracker.Core/Features/Dashboard/AtRiskRule.cs and docs/decisions/0008-dashboard.md).
CREATE FUNCTION elapsed_percent(start_on date, due_on date, today date) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN start_on IS NULL OR due_on IS NULL OR due_on <= start_on THEN NULL
        ELSE LEAST(100, GREATEST(0, (100 * (today - start_on)) / (due_on - start_on)))
    END
$$;

-- Every count on the dashboard reads these columns only: an index-only scan over this narrow
-- index replaces a scan of the wide task rows (titles, descriptions), and its leading column
-- serves the views narrowed to some agencies (a steering member's, one agency, one level).
CREATE INDEX ix_plan_tasks_dashboard ON plan_tasks (lead_agency_id, plan_id)
    INCLUDE (status, completed_on, deadline_kind, deadline_start_on, deadline_due_on, extended_due_on, percent_complete)
    WHERE NOT is_group;

-- A target's latest actual (attainment against target).
CREATE INDEX ix_target_actuals_latest ON target_actuals (target_id, recorded_at DESC);

-- A task's timeliness as it stood on an earlier day, rebuilt from its completion date (a task
-- done after that day was still open on it); the quarterly trends count overdue tasks with it.
CREATE FUNCTION task_timeliness_on(status text, completed_on date, deadline_kind text, due_on date, day date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN status = 'Done' AND completed_on > day
                THEN task_timeliness('InProgress', NULL, deadline_kind, due_on, day)
                ELSE task_timeliness(status, completed_on, deadline_kind, due_on, day) END
$$;
