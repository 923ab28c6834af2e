-- 0002: persons, identity documents, search hashes, cases and the append-only audit log.
-- Identifying columns hold AES-GCM ciphertext (base64); search goes through person_search_terms.

CREATE TABLE "audit_entries" (
    "sequence" INTEGER NOT NULL CONSTRAINT "PK_audit_entries" PRIMARY KEY,
    "at" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "organisation_id" TEXT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "detail" TEXT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);

CREATE TABLE "persons" (
    "id" TEXT NOT NULL CONSTRAINT "PK_persons" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NULL,
    "other_names" TEXT NULL,
    "birth_date" TEXT NULL,
    "phone" TEXT NULL,
    "address" TEXT NULL,
    "estimated_age" INTEGER NULL,
    "age_estimated_on" TEXT NULL,
    "gender" TEXT NOT NULL,
    "citizenships" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_persons_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "identity_documents" (
    "id" TEXT NOT NULL CONSTRAINT "PK_identity_documents" PRIMARY KEY,
    "person_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "issuing_country" TEXT NULL,
    CONSTRAINT "FK_identity_documents_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE CASCADE
);

CREATE TABLE "person_search_terms" (
    "person_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    CONSTRAINT "PK_person_search_terms" PRIMARY KEY ("person_id", "kind", "hash"),
    CONSTRAINT "FK_person_search_terms_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE CASCADE
);

CREATE TABLE "cases" (
    "id" TEXT NOT NULL CONSTRAINT "PK_cases" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "person_id" TEXT NOT NULL,
    "identified_on" TEXT NOT NULL,
    "identification_route" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "assigned_worker_id" TEXT NULL,
    "summary" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "FK_cases_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_persons_person_id" FOREIGN KEY ("person_id") REFERENCES "persons" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_cases_users_assigned_worker_id" FOREIGN KEY ("assigned_worker_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE INDEX "IX_audit_entries_entity_type_entity_id" ON "audit_entries" ("entity_type", "entity_id");

CREATE INDEX "IX_cases_assigned_worker_id" ON "cases" ("assigned_worker_id");

CREATE INDEX "IX_cases_organisation_id_identified_on" ON "cases" ("organisation_id", "identified_on");

CREATE INDEX "IX_cases_organisation_id_status" ON "cases" ("organisation_id", "status");

CREATE INDEX "IX_cases_person_id" ON "cases" ("person_id");

CREATE INDEX "IX_identity_documents_person_id" ON "identity_documents" ("person_id");

CREATE INDEX "IX_person_search_terms_organisation_id_hash" ON "person_search_terms" ("organisation_id", "hash");

CREATE INDEX "IX_persons_organisation_id" ON "persons" ("organisation_id");

-- The audit log is append-only: the database itself refuses to change or remove an entry.
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;

CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
