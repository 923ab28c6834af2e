-- 0006: tasks (work items for a role or a user of an organisation, optionally about a case) and screenings
-- (scored instruments recorded on a case). Adds tables only. A task's closure note and a screening's answers
-- hold AES-GCM ciphertext.

CREATE TABLE tasks (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid,
    kind character varying(40) NOT NULL,
    urgency character varying(16) NOT NULL,
    title_code character varying(60) NOT NULL,
    detail character varying(500),
    assignee_role character varying(40),
    assignee_user_id uuid,
    due_at timestamp with time zone,
    status character varying(16) NOT NULL,
    source_type character varying(40),
    source_id uuid,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    closed_by uuid,
    closure_note text,
    concurrency_stamp uuid NOT NULL,
    CONSTRAINT "PK_tasks" PRIMARY KEY (id),
    CONSTRAINT "FK_tasks_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_tasks_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_tasks_organisation_id_status" ON tasks (organisation_id, status);
CREATE INDEX "IX_tasks_case_id" ON tasks (case_id);

CREATE TABLE screenings (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    instrument character varying(40) NOT NULL,
    instrument_version character varying(16) NOT NULL,
    category character varying(16) NOT NULL,
    answers text NOT NULL,
    score integer NOT NULL,
    band character varying(40) NOT NULL,
    flags character varying(200) NOT NULL,
    recorded_by uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_screenings" PRIMARY KEY (id),
    CONSTRAINT "FK_screenings_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_screenings_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_screenings_case_id" ON screenings (case_id);
