-- Indexes for what the dashboard reads (issue 5, "Speed"; figures in docs/PERFORMANCE.md).

-- The compliance heatmap reads every submission of its window's quarters (about 36,000 at a million
-- tasks): an index-only scan instead of the wide report rows (their content), 50-200 ms to ~20 ms.
CREATE INDEX ix_period_reports_submitted ON period_reports (reporting_period_id) INCLUDE (agency_id, submitted_at)
    WHERE submitted_at IS NOT NULL;

-- A narrowed view's at-risk tasks by lead agency: the GiST index of migration 0017 holds the whole
-- province's 32,000 at-risk tasks and was filtered down to a steering member's 243 (15 ms to 3 ms).
CREATE INDEX ix_plan_tasks_at_risk_by_lead ON plan_tasks (lead_agency_id)
    INCLUDE (at_risk_from, extended_due_on, deadline_due_on, plan_id, percent_complete, deadline_start_on)
    WHERE at_risk_from IS NOT NULL AND NOT is_group;
