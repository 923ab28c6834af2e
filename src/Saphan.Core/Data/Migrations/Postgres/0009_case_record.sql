-- 0009: the rest of the standard record on a case: vulnerability assessment, support plan and its actions, case
-- comments (append-only, triggers), closure reason/day/details on cases. Free text and individual (health)
-- vulnerabilities hold AES-GCM ciphertext. Screenings' score and band are written encrypted from now on (the
-- columns become text); rows written earlier keep their clear values, still readable.

ALTER TABLE cases ADD COLUMN closure_reason character varying(40);
ALTER TABLE cases ADD COLUMN closed_on date;
ALTER TABLE cases ADD COLUMN closure_details text;

ALTER TABLE screenings ALTER COLUMN score TYPE text USING score::text;
ALTER TABLE screenings ALTER COLUMN band TYPE character varying(200);

CREATE TABLE vulnerability_assessments (
    case_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    assessed_on date NOT NULL,
    individual text,
    income_band character varying(24),
    debt_thb numeric(14,2),
    debt_to character varying(200) NOT NULL,
    dependants integer,
    community character varying(200) NOT NULL,
    details text,
    assessed_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_vulnerability_assessments" PRIMARY KEY (case_id),
    CONSTRAINT "FK_vulnerability_assessments_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_vulnerability_assessments_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_vulnerability_assessments_organisation_id" ON vulnerability_assessments (organisation_id);

CREATE TABLE support_plans (
    case_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    objectives text,
    agreed_on date,
    review_on date,
    updated_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_support_plans" PRIMARY KEY (case_id),
    CONSTRAINT "FK_support_plans_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plans_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_support_plans_organisation_id" ON support_plans (organisation_id);

CREATE TABLE support_plan_actions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    type character varying(24) NOT NULL,
    description text NOT NULL,
    status character varying(24) NOT NULL,
    due_on date,
    responsible_organisation_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_support_plan_actions" PRIMARY KEY (id),
    CONSTRAINT "FK_support_plan_actions_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plan_actions_organisations_responsible_organisation_id" FOREIGN KEY (responsible_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plan_actions_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_support_plan_actions_case_id" ON support_plan_actions (case_id);

CREATE TABLE case_comments (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    text text NOT NULL,
    written_by uuid NOT NULL,
    written_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_case_comments" PRIMARY KEY (id),
    CONSTRAINT "FK_case_comments_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_case_comments_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_case_comments_case_id" ON case_comments (case_id);

CREATE FUNCTION case_comments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case_comments is append-only';
END;
$$;

CREATE TRIGGER case_comments_no_change BEFORE UPDATE OR DELETE ON case_comments
FOR EACH ROW EXECUTE FUNCTION case_comments_append_only();

CREATE TRIGGER case_comments_no_truncate BEFORE TRUNCATE ON case_comments
FOR EACH STATEMENT EXECUTE FUNCTION case_comments_append_only();
