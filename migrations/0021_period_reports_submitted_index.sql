-- The dashboard's compliance heatmap reads every submission of its window's quarters (about 36,000
-- at a million tasks): an index-only scan of this index instead of the wide report rows (their
-- content) took the read from 50-200 ms to about 20 ms (docs/PERFORMANCE.md).
CREATE INDEX ix_period_reports_submitted ON period_reports (reporting_period_id) INCLUDE (agency_id, submitted_at)
    WHERE submitted_at IS NOT NULL;
