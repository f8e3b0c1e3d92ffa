-- Inside the agency (issue 18 item 4, decision 0028): the head hands a task to officers with a due
-- date and directions, names deputies who may do the same, and chooses whether an officer's progress
-- waits for approval before it becomes the agency's progress.

-- One row per agency that changed a setting; an agency without a row publishes progress directly.
CREATE TABLE agency_settings (
    agency_id bigint PRIMARY KEY REFERENCES agencies (id) ON DELETE CASCADE,
    progress_needs_approval boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 0,
    updated_by_user_id bigint REFERENCES users (id),
    updated_at timestamptz NOT NULL
);

-- The people a head names to assign and approve in the head's place (phó giám đốc, trưởng phòng).
CREATE TABLE agency_deputies (
    agency_id bigint NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
    user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (agency_id, user_id)
);

-- One row per officer a task is handed to; handing it again changes the row (the audit keeps the old).
CREATE TABLE task_assignments (
    id bigserial PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    agency_id bigint NOT NULL REFERENCES agencies (id),
    assignee_user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    due_on date NOT NULL,
    directions text NOT NULL,
    assigned_by_user_id bigint NOT NULL REFERENCES users (id),
    assigned_by_name text NOT NULL,
    assigned_at timestamptz NOT NULL,
    version integer NOT NULL DEFAULT 0,
    CONSTRAINT ux_task_assignments_task_user UNIQUE (task_id, assignee_user_id)
);
CREATE INDEX ix_task_assignments_assignee ON task_assignments (assignee_user_id, due_on, id);
-- The reminder job finds the assignments due on its days by this one.
CREATE INDEX ix_task_assignments_due ON task_assignments (due_on);

-- An officer's progress waiting for the head (or deputy) when the agency asks for approval.
CREATE TABLE progress_submissions (
    id bigserial PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES plan_tasks (id) ON DELETE CASCADE,
    agency_id bigint NOT NULL REFERENCES agencies (id),
    submitted_by_user_id bigint NOT NULL REFERENCES users (id),
    submitted_by_name text NOT NULL,
    submitted_at timestamptz NOT NULL,
    status text NOT NULL,
    percent_complete integer NOT NULL,
    note text NOT NULL,
    completed_on date,
    target_actuals jsonb NOT NULL DEFAULT '[]',
    state text NOT NULL DEFAULT 'Pending',
    decided_by_user_id bigint REFERENCES users (id),
    decided_at timestamptz,
    decision_comment text,
    progress_update_id bigint REFERENCES progress_updates (id),
    version integer NOT NULL DEFAULT 0
);
-- One report waits per task: a second one would leave the head two versions of the truth.
CREATE UNIQUE INDEX ux_progress_submissions_one_pending ON progress_submissions (task_id) WHERE state = 'Pending';
CREATE INDEX ix_progress_submissions_agency_pending ON progress_submissions (agency_id, submitted_at) WHERE state = 'Pending';
