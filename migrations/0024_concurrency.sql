-- Two people at once (issue 13 item 4, decision 0014): every record two people can change carries
-- a version that a save names, and the database itself refuses what the business rules forbid.
ALTER TABLE extension_requests ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE agencies ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN version integer NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 0;

-- One pending extension request per task. Duplicates that slipped in before this rule are
-- closed as rejected (oldest kept), with the reason in the comment, so the index can be built.
UPDATE extension_requests e SET state = 'Rejected', decided_at = now(),
    decision_comment = 'Đóng tự động: trùng với một đề nghị gia hạn khác đang chờ của cùng nhiệm vụ.'
WHERE e.state = 'Pending' AND EXISTS (
    SELECT 1 FROM extension_requests o
    WHERE o.task_id = e.task_id AND o.state = 'Pending' AND (o.requested_at, o.id) < (e.requested_at, e.id));
CREATE UNIQUE INDEX ux_extension_requests_one_pending ON extension_requests (task_id) WHERE state = 'Pending';

-- One account per e-mail (normalized the way ASP.NET Core Identity normalizes it).
DROP INDEX "EmailIndex";
CREATE UNIQUE INDEX "EmailIndex" ON users (normalized_email);
