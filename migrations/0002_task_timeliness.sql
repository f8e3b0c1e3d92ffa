-- Timeliness is derived, never stored. This function is the SQL twin of
-- TimelinessRules.Compute (src/PlanTracker.Core/Domain/Timeliness.cs) so that lists and
-- dashboards count in the database; TimelinessSqlTests holds the two in agreement.
CREATE FUNCTION is_ongoing_deadline(deadline_kind text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT deadline_kind IN ('Continuous', 'AdHoc', 'RecurringMonthly', 'RecurringQuarterly',
                             'RecurringHalfYearly', 'RecurringYearly')
$$;

CREATE FUNCTION task_timeliness(status text, completed_on date, deadline_kind text, due_on date, today date)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN status = 'Paused' THEN 'Paused'
        WHEN status = 'Cancelled' THEN 'Cancelled'
        WHEN is_ongoing_deadline(deadline_kind) THEN 'Continuous'
        WHEN status = 'Done' THEN
            CASE WHEN due_on IS NOT NULL AND completed_on IS NOT NULL AND completed_on > due_on
                 THEN 'DoneLate' ELSE 'DoneOnTime' END
        WHEN due_on IS NOT NULL AND today > due_on THEN 'InProgressOverdue'
        WHEN status = 'NotStarted' THEN 'NotStarted'
        ELSE 'InProgressWithinDeadline'
    END
$$;
