-- 0004: consent decisions per purpose and trafficking events (recruitment, transit, exploitation) of a case.
-- Adds tables only: existing data is untouched. Consent records are append-only (triggers): a change of
-- mind is a new record. Free text (consent note, event district and description) holds AES-GCM ciphertext.

CREATE TABLE consent_records (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    purpose character varying(40) NOT NULL,
    status character varying(24) NOT NULL,
    method character varying(40) NOT NULL,
    recorded_on date NOT NULL,
    note text,
    recorded_by uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_consent_records" PRIMARY KEY (id),
    CONSTRAINT "FK_consent_records_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_consent_records_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_consent_records_case_id_purpose" ON consent_records (case_id, purpose);

CREATE FUNCTION consent_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'consent_records is append-only';
END;
$$;

CREATE TRIGGER consent_records_no_change BEFORE UPDATE OR DELETE ON consent_records
FOR EACH ROW EXECUTE FUNCTION consent_records_append_only();

CREATE TRIGGER consent_records_no_truncate BEFORE TRUNCATE ON consent_records
FOR EACH STATEMENT EXECUTE FUNCTION consent_records_append_only();

CREATE TABLE trafficking_events (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    type character varying(16) NOT NULL,
    country character varying(2) NOT NULL,
    province character varying(8),
    district text,
    start_date character varying(10),
    end_date character varying(10),
    recruiter_relation character varying(1000) NOT NULL,
    recruitment_methods character varying(1000) NOT NULL,
    abduction boolean,
    websites_and_apps character varying(1000) NOT NULL,
    border_crossing character varying(40),
    exploitation_types character varying(1000) NOT NULL,
    industry character varying(1000) NOT NULL,
    labour_types character varying(1000) NOT NULL,
    sex_types character varying(1000) NOT NULL,
    means_of_control character varying(1000) NOT NULL,
    duration_months integer,
    unpaid_wages_thb numeric(14,2),
    description text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_trafficking_events" PRIMARY KEY (id),
    CONSTRAINT "FK_trafficking_events_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_trafficking_events_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_trafficking_events_case_id" ON trafficking_events (case_id);
