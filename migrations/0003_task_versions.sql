-- Optimistic concurrency: a save names the version it read; a newer row refuses it (HTTP 409).
ALTER TABLE plan_tasks ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE period_reports ADD COLUMN version integer NOT NULL DEFAULT 0;
CREATE INDEX ix_extension_requests_pending ON extension_requests (requested_at) WHERE state = 'Pending';
