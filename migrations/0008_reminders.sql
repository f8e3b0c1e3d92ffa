-- Reminder offsets per plan (days before the due date; NULL: the configured default), and the
-- log that makes a job's second run for the same as-of date send nothing twice.
ALTER TABLE plans ADD COLUMN reminder_days integer[];

CREATE TABLE notification_log (
    job text NOT NULL,
    as_of date NOT NULL,
    user_id bigint NOT NULL,
    item text NOT NULL,
    outbox_message_id bigint REFERENCES outbox_messages (id),
    CONSTRAINT "PK_notification_log" PRIMARY KEY (job, as_of, user_id, item)
);
