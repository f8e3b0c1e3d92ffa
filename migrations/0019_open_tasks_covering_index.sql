-- The overdue list (dashboard, ListOverdueTasks) counts every open task past its due date before
-- showing the first page. The partial index on open tasks by due date (0001) found them, but each
-- then cost a visit to the wide task row (titles, descriptions) for its status, kind and plan:
-- 1.2 s for ~100,000 overdue tasks of a million, most of it reading scattered heap pages. With the
-- columns the list filters and joins on included, the count is an index-only scan (0.24 s cold,
-- 0.15 s warm on the benchmark machine; docs/PERFORMANCE.md "Lists at national scale"). Same name
-- and key, so the reminder scan and the plans that named it keep using it.
DROP INDEX IF EXISTS ix_plan_tasks_open_due;
CREATE INDEX ix_plan_tasks_open_due ON plan_tasks ((coalesce(extended_due_on, deadline_due_on)))
    INCLUDE (status, completed_on, deadline_kind, extended_due_on, deadline_due_on, plan_id, lead_agency_id, sort_order)
    WHERE NOT is_group AND status IN ('NotStarted', 'InProgress');
