-- Each province sees and changes only its own (issue 13, item 3; docs/decisions/0013-read-rules.md).

-- An outbox message belongs to the province of its recipient, frozen when it is queued, so a
-- secretariat's Outbox page lists its own province's mail only and a later move of the user does
-- not move the history. Null: a message to no province's user (administrators, central bodies):
-- administrators alone see those.
ALTER TABLE outbox_messages ADD COLUMN province_id bigint;
ALTER TABLE outbox_messages ADD CONSTRAINT fk_outbox_messages_province FOREIGN KEY (province_id) REFERENCES provinces (id);

-- The recipient's province: their agency's, else (a steering member of no agency) that of an agency they oversee.
CREATE FUNCTION user_province(p_user_id bigint) RETURNS bigint
LANGUAGE sql STABLE AS $$
    SELECT coalesce(
        (SELECT a.province_id FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = p_user_id),
        (SELECT min(a.province_id) FROM steering_assignments s JOIN agencies a ON a.id = s.agency_id WHERE s.user_id = p_user_id))
$$;

-- Whatever queues a mail to a user (publish, job mailer, a future feature) gets the province without
-- having to remember it; a writer that knows better (the per-agency reminders) sets it itself.
CREATE FUNCTION outbox_messages_set_province() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.province_id := user_province(NEW.user_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER tr_outbox_messages_province BEFORE INSERT ON outbox_messages
    FOR EACH ROW WHEN (NEW.province_id IS NULL AND NEW.user_id IS NOT NULL)
    EXECUTE FUNCTION outbox_messages_set_province();

-- What is already queued or sent: by the user, else by the first address's user (the per-agency reminders).
UPDATE outbox_messages m SET province_id = user_province(m.user_id) WHERE m.user_id IS NOT NULL;
UPDATE outbox_messages m SET province_id = user_province(u.id)
FROM users u
WHERE m.province_id IS NULL AND m.user_id IS NULL AND lower(u.email) = lower(split_part(m.to_address, ',', 1));

-- A secretariat's page is one range of this index, newest first, however large the whole outbox.
CREATE INDEX ix_outbox_messages_province_id ON outbox_messages (province_id, id);

-- An ad hoc period obliges one province's agencies: the secretariat that asked for it. Regular
-- periods (quarters, halves, years) are the decree's, the same for every province: null.
ALTER TABLE reporting_periods ADD COLUMN province_id bigint;
ALTER TABLE reporting_periods ADD CONSTRAINT fk_reporting_periods_province FOREIGN KEY (province_id) REFERENCES provinces (id);
ALTER TABLE reporting_periods ADD CONSTRAINT ck_reporting_periods_province CHECK ((regime = 'AdHoc') = (province_id IS NOT NULL)) NOT VALID;
-- Ad hoc periods made before this migration carry no province: every province keeps seeing them as before.
DROP INDEX "IX_reporting_periods_regime_year_number";
CREATE UNIQUE INDEX ix_reporting_periods_regime_year_number ON reporting_periods (regime, year, number, province_id) NULLS NOT DISTINCT;
