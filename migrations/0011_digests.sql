-- Digests (issue 4, item 6): each user's choice of none, daily or weekly (day and hour, province
-- time). No row: the configured default. Sent digests are keyed in notification_log (job 'digests').
CREATE TABLE digest_preferences (
    user_id bigint NOT NULL,
    frequency text NOT NULL,
    weekday text,
    hour integer,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_digest_preferences" PRIMARY KEY (user_id),
    CONSTRAINT fk_digest_preferences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT ck_digest_preferences_frequency CHECK (frequency IN ('None', 'Daily', 'Weekly')),
    CONSTRAINT ck_digest_preferences_weekday CHECK (weekday IN ('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday')),
    CONSTRAINT ck_digest_preferences_hour CHECK (hour BETWEEN 0 AND 23),
    CONSTRAINT ck_digest_preferences_schedule CHECK (
        frequency = 'None' OR (hour IS NOT NULL AND (frequency <> 'Weekly' OR weekday IS NOT NULL)))
);

-- Secrets for signed links in mails (the unsubscribe link). Generated once by the first node that
-- needs one (INSERT ... ON CONFLICT DO NOTHING) so that every node signs and verifies alike.
CREATE TABLE signing_keys (
    name text NOT NULL,
    key bytea NOT NULL,
    created_at timestamp with time zone NOT NULL DEFAULT now(),
    CONSTRAINT "PK_signing_keys" PRIMARY KEY (name)
);
