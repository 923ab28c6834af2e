-- 0004: consent decisions per purpose and trafficking events (recruitment, transit, exploitation) of a case.
-- Adds tables only: existing data is untouched. Consent records are append-only (triggers): a change of
-- mind is a new record. Free text (consent note, event district and description) holds AES-GCM ciphertext.

CREATE TABLE "consent_records" (
    "id" TEXT NOT NULL CONSTRAINT "PK_consent_records" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "recorded_on" TEXT NOT NULL,
    "note" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_consent_records_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_consent_records_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_consent_records_case_id_purpose" ON "consent_records" ("case_id", "purpose");

CREATE TRIGGER consent_records_no_update BEFORE UPDATE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records is append-only'); END;

CREATE TRIGGER consent_records_no_delete BEFORE DELETE ON consent_records
BEGIN SELECT RAISE(ABORT, 'consent_records is append-only'); END;

CREATE TABLE "trafficking_events" (
    "id" TEXT NOT NULL CONSTRAINT "PK_trafficking_events" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "province" TEXT NULL,
    "district" TEXT NULL,
    "start_date" TEXT NULL,
    "end_date" TEXT NULL,
    "recruiter_relation" TEXT NOT NULL,
    "recruitment_methods" TEXT NOT NULL,
    "abduction" INTEGER NULL,
    "websites_and_apps" TEXT NOT NULL,
    "border_crossing" TEXT NULL,
    "exploitation_types" TEXT NOT NULL,
    "industry" TEXT NOT NULL,
    "labour_types" TEXT NOT NULL,
    "sex_types" TEXT NOT NULL,
    "means_of_control" TEXT NOT NULL,
    "duration_months" INTEGER NULL,
    "unpaid_wages_thb" TEXT NULL,
    "description" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_trafficking_events_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_trafficking_events_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_trafficking_events_case_id" ON "trafficking_events" ("case_id");
