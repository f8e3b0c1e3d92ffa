-- Agencies are renamed, merged and split (the 2025 mergers). A dissolved agency keeps its row
-- and points at its successor; progress and reports keep the name the agency had when written.
ALTER TABLE agencies ADD COLUMN successor_id bigint REFERENCES agencies (id);
ALTER TABLE agencies ADD COLUMN dissolved_on date;

ALTER TABLE progress_updates ADD COLUMN agency_name text NOT NULL DEFAULT '';
UPDATE progress_updates p SET agency_name = coalesce(a.short_name, a.name) FROM agencies a WHERE a.id = p.agency_id;
ALTER TABLE progress_updates ALTER COLUMN agency_name DROP DEFAULT;

ALTER TABLE period_reports ADD COLUMN agency_name text NOT NULL DEFAULT '';
UPDATE period_reports r SET agency_name = coalesce(a.short_name, a.name) FROM agencies a WHERE a.id = r.agency_id;
ALTER TABLE period_reports ALTER COLUMN agency_name DROP DEFAULT;
