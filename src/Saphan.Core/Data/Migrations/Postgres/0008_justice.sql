-- 0008: the justice side (law-enforcement roles only): suspects with identifiers (AES-GCM ciphertext plus a
-- keyed hash for matching across cases) and links; legal cases with hearings, witnesses and their support,
-- seized assets and compensation (amounts in satang, integers); raids and rescues with their protection plan.
-- Adds tables only: existing data is untouched.

CREATE TABLE legal_cases (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    reference text NOT NULL,
    stage character varying(24) NOT NULL,
    charges character varying(200) NOT NULL,
    verdict character varying(16),
    sentence_months integer,
    fine_satang bigint,
    appeal_lodged_on date,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    stage_changed_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_legal_cases" PRIMARY KEY (id),
    CONSTRAINT "FK_legal_cases_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE suspects (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    name text NOT NULL,
    roles character varying(200) NOT NULL,
    notes text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_suspects" PRIMARY KEY (id),
    CONSTRAINT "FK_suspects_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE hearings (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    legal_case_id uuid NOT NULL,
    held_on date NOT NULL,
    note text,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_hearings" PRIMARY KEY (id),
    CONSTRAINT "FK_hearings_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE CASCADE
);

CREATE TABLE operations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    type character varying(16) NOT NULL,
    name text NOT NULL,
    province character varying(8) NOT NULL,
    planned_on date NOT NULL,
    legal_case_id uuid,
    status character varying(16) NOT NULL,
    shelter_places integer,
    interpreters integer,
    child_specialists integer,
    medical_arrangements text,
    prosecution_lead text,
    approved_by uuid,
    approved_at timestamp with time zone,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_operations" PRIMARY KEY (id),
    CONSTRAINT "FK_operations_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_operations_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE seized_assets (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    legal_case_id uuid NOT NULL,
    suspect_id uuid,
    description text NOT NULL,
    status character varying(16) NOT NULL,
    value_satang bigint NOT NULL,
    recorded_on date NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_seized_assets" PRIMARY KEY (id),
    CONSTRAINT "FK_seized_assets_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE CASCADE,
    CONSTRAINT "FK_seized_assets_suspects_suspect_id" FOREIGN KEY (suspect_id) REFERENCES suspects (id) ON DELETE RESTRICT
);

CREATE TABLE suspect_identifiers (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    suspect_id uuid NOT NULL,
    type character varying(24) NOT NULL,
    value text NOT NULL,
    hash character varying(32) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_suspect_identifiers" PRIMARY KEY (id),
    CONSTRAINT "FK_suspect_identifiers_suspects_suspect_id" FOREIGN KEY (suspect_id) REFERENCES suspects (id) ON DELETE CASCADE
);

CREATE TABLE compensations (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    legal_case_id uuid NOT NULL,
    case_id uuid NOT NULL,
    claimed_satang bigint NOT NULL,
    awarded_satang bigint NOT NULL,
    paid_satang bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_compensations" PRIMARY KEY (id),
    CONSTRAINT "FK_compensations_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_compensations_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE CASCADE
);

CREATE TABLE suspect_links (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    suspect_id uuid NOT NULL,
    case_id uuid,
    other_suspect_id uuid,
    legal_case_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_suspect_links" PRIMARY KEY (id),
    CONSTRAINT "FK_suspect_links_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_suspects_other_suspect_id" FOREIGN KEY (other_suspect_id) REFERENCES suspects (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_suspects_suspect_id" FOREIGN KEY (suspect_id) REFERENCES suspects (id) ON DELETE CASCADE
);

CREATE TABLE witnesses (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    legal_case_id uuid NOT NULL,
    case_id uuid NOT NULL,
    coordinator text,
    interpreter_language character varying(40),
    protection_measures text,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_witnesses" PRIMARY KEY (id),
    CONSTRAINT "FK_witnesses_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_witnesses_legal_cases_legal_case_id" FOREIGN KEY (legal_case_id) REFERENCES legal_cases (id) ON DELETE CASCADE
);

CREATE INDEX "IX_compensations_case_id" ON compensations (case_id);

CREATE UNIQUE INDEX "IX_compensations_legal_case_id_case_id" ON compensations (legal_case_id, case_id);

CREATE INDEX "IX_hearings_legal_case_id" ON hearings (legal_case_id);

CREATE INDEX "IX_legal_cases_organisation_id" ON legal_cases (organisation_id);

CREATE INDEX "IX_operations_legal_case_id" ON operations (legal_case_id);

CREATE INDEX "IX_operations_organisation_id" ON operations (organisation_id);

CREATE INDEX "IX_seized_assets_legal_case_id" ON seized_assets (legal_case_id);

CREATE INDEX "IX_seized_assets_suspect_id" ON seized_assets (suspect_id);

CREATE INDEX "IX_suspect_identifiers_organisation_id_hash" ON suspect_identifiers (organisation_id, hash);

CREATE INDEX "IX_suspect_identifiers_suspect_id" ON suspect_identifiers (suspect_id);

CREATE INDEX "IX_suspect_links_case_id" ON suspect_links (case_id);

CREATE INDEX "IX_suspect_links_legal_case_id" ON suspect_links (legal_case_id);

CREATE INDEX "IX_suspect_links_organisation_id_suspect_id" ON suspect_links (organisation_id, suspect_id);

CREATE INDEX "IX_suspect_links_other_suspect_id" ON suspect_links (other_suspect_id);

CREATE INDEX "IX_suspect_links_suspect_id" ON suspect_links (suspect_id);

CREATE INDEX "IX_suspects_organisation_id" ON suspects (organisation_id);

CREATE INDEX "IX_witnesses_case_id" ON witnesses (case_id);

CREATE INDEX "IX_witnesses_legal_case_id" ON witnesses (legal_case_id);

-- Tip triage: when staff first acted on a tip, and a keyed hash of province + place to group duplicates.
ALTER TABLE tips ADD first_action_at timestamp with time zone;

ALTER TABLE tips ADD place_hash character varying(32);

CREATE INDEX "IX_tips_organisation_id_place_hash" ON tips (organisation_id, place_hash);
