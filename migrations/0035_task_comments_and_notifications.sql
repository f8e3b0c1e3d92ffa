-- A comment thread on each task among its agencies and the secretariat, with mentions; and the
-- in-app notification list (the bell) fed by assignments, approvals, returns and mentions.
CREATE TABLE task_comments (
    id bigserial PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES users (id),
    author_name text NOT NULL,
    agency_name text,
    body text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_task_comments_task ON task_comments (task_id, created_at, id);

-- Stored as a kind and its facts, worded when read, so each reader sees it in their own language.
CREATE TABLE notifications (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind text NOT NULL,
    task_id bigint REFERENCES plan_tasks (id) ON DELETE CASCADE,
    task_code text NOT NULL,
    actor_name text NOT NULL,
    excerpt text,
    created_at timestamptz NOT NULL,
    read_at timestamptz
);
CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX ix_notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
