-- 0002: persons, identity documents, search hashes, cases and the append-only audit log.
-- Identifying columns hold AES-GCM ciphertext (base64); search goes through person_search_terms.

CREATE TABLE audit_entries (
    sequence bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    user_id uuid,
    organisation_id uuid,
    action character varying(64) NOT NULL,
    entity_type character varying(64) NOT NULL,
    entity_id character varying(64) NOT NULL,
    detail character varying(4000),
    previous_hash character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    CONSTRAINT "PK_audit_entries" PRIMARY KEY (sequence)
);

CREATE TABLE persons (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    given_name text NOT NULL,
    family_name text,
    other_names text,
    birth_date text,
    phone text,
    address text,
    estimated_age integer,
    age_estimated_on date,
    gender character varying(40) NOT NULL,
    citizenships character varying(200) NOT NULL,
    languages character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_persons" PRIMARY KEY (id),
    CONSTRAINT "FK_persons_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE identity_documents (
    id uuid NOT NULL,
    person_id uuid NOT NULL,
    type character varying(40) NOT NULL,
    number text NOT NULL,
    issuing_country character varying(2),
    CONSTRAINT "PK_identity_documents" PRIMARY KEY (id),
    CONSTRAINT "FK_identity_documents_persons_person_id" FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE
);

CREATE TABLE person_search_terms (
    person_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    hash character varying(32) NOT NULL,
    organisation_id uuid NOT NULL,
    CONSTRAINT "PK_person_search_terms" PRIMARY KEY (person_id, kind, hash),
    CONSTRAINT "FK_person_search_terms_persons_person_id" FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE CASCADE
);

CREATE TABLE cases (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    person_id uuid NOT NULL,
    identified_on date NOT NULL,
    identification_route character varying(40) NOT NULL,
    province character varying(8) NOT NULL,
    status character varying(24) NOT NULL,
    assigned_worker_id uuid,
    summary text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    concurrency_stamp uuid NOT NULL,
    CONSTRAINT "PK_cases" PRIMARY KEY (id),
    CONSTRAINT "FK_cases_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_persons_person_id" FOREIGN KEY (person_id) REFERENCES persons (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_users_assigned_worker_id" FOREIGN KEY (assigned_worker_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX "IX_audit_entries_entity_type_entity_id" ON audit_entries (entity_type, entity_id);

CREATE INDEX "IX_cases_assigned_worker_id" ON cases (assigned_worker_id);

CREATE INDEX "IX_cases_organisation_id_identified_on" ON cases (organisation_id, identified_on);

CREATE INDEX "IX_cases_organisation_id_status" ON cases (organisation_id, status);

CREATE INDEX "IX_cases_person_id" ON cases (person_id);

CREATE INDEX "IX_identity_documents_person_id" ON identity_documents (person_id);

CREATE INDEX "IX_person_search_terms_organisation_id_hash" ON person_search_terms (organisation_id, hash);

CREATE INDEX "IX_persons_organisation_id" ON persons (organisation_id);

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only();
