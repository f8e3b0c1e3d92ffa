-- Deadline reminders are queued in one SQL statement per run (a national day tells tens of
-- thousands of officers about a thousand tasks), so:
--
-- 1. A mail may be stored as its facts (a template name and its model, frozen at queue time)
--    instead of its rendered bodies; the dispatcher and the outbox preview render it with the
--    same code, so every attempt sends the mail that was queued.
ALTER TABLE outbox_messages
    ALTER COLUMN text_body DROP NOT NULL,
    ADD COLUMN template text,
    ADD COLUMN model jsonb,
    ADD CONSTRAINT ck_outbox_messages_body CHECK (text_body IS NOT NULL OR (template IS NOT NULL AND model IS NOT NULL));

-- 2. A reminder goes to an agency: one message to all of its officers who read the same
--    language (to_address is then an RFC 5322 address list), and what the agency was told is
--    logged per (job, as-of date, agency, item), the run's idempotency key: a second run for the
--    same date tells no agency the same item again.
CREATE TABLE agency_notices (
    job text NOT NULL,
    as_of date NOT NULL,
    agency_id bigint NOT NULL REFERENCES agencies (id),
    item text NOT NULL,
    CONSTRAINT "PK_agency_notices" PRIMARY KEY (job, as_of, agency_id, item)
);
