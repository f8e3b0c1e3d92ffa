-- Dates are 1945-01-01 .. 2100-12-31 (docs/decisions/0015-input-limits.md). The application refuses
-- anything else at its edge; these checks keep a path that forgets (a script, a future import) from
-- storing year 9999, which PostgreSQL reads back as 'infinity' and which broke publishing, or year 50,
-- which broke the quarterly report and the dashboard export. NOT VALID: a database that already holds
-- such a row still migrates; new and changed rows are checked.
CREATE FUNCTION in_plan_range(d date) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN d IS NULL OR d BETWEEN DATE '1945-01-01' AND DATE '2100-12-31';

ALTER TABLE documents ADD CONSTRAINT ck_documents_dates CHECK (in_plan_range(issued_on)) NOT VALID;
ALTER TABLE plan_tasks ADD CONSTRAINT ck_plan_tasks_dates CHECK (in_plan_range(deadline_start_on) AND in_plan_range(deadline_due_on)
    AND in_plan_range(extended_due_on) AND in_plan_range(completed_on)) NOT VALID;
ALTER TABLE targets ADD CONSTRAINT ck_targets_dates CHECK (in_plan_range(due_on)) NOT VALID;
ALTER TABLE reporting_periods ADD CONSTRAINT ck_reporting_periods_dates CHECK (in_plan_range(start_on) AND in_plan_range(end_on)
    AND in_plan_range(data_cut_off_on) AND in_plan_range(submission_due_on)) NOT VALID;
ALTER TABLE extension_requests ADD CONSTRAINT ck_extension_requests_dates CHECK (in_plan_range(original_due_on)
    AND in_plan_range(requested_due_on)) NOT VALID;
