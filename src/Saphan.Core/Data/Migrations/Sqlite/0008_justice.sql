-- 0008: the justice side (law-enforcement roles only): suspects with identifiers (AES-GCM ciphertext plus a
-- keyed hash for matching across cases) and links; legal cases with hearings, witnesses and their support,
-- seized assets and compensation (amounts in satang, integers); raids and rescues with their protection plan.
-- Adds tables only: existing data is untouched.

CREATE TABLE "legal_cases" (
    "id" TEXT NOT NULL CONSTRAINT "PK_legal_cases" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "charges" TEXT NOT NULL,
    "verdict" TEXT NULL,
    "sentence_months" INTEGER NULL,
    "fine_satang" INTEGER NULL,
    "appeal_lodged_on" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "stage_changed_at" TEXT NOT NULL,
    CONSTRAINT "FK_legal_cases_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "suspects" (
    "id" TEXT NOT NULL CONSTRAINT "PK_suspects" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "notes" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_suspects_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "hearings" (
    "id" TEXT NOT NULL CONSTRAINT "PK_hearings" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "legal_case_id" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_hearings_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "operations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_operations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "planned_on" TEXT NOT NULL,
    "legal_case_id" TEXT NULL,
    "status" TEXT NOT NULL,
    "shelter_places" INTEGER NULL,
    "interpreters" INTEGER NULL,
    "child_specialists" INTEGER NULL,
    "medical_arrangements" TEXT NULL,
    "prosecution_lead" TEXT NULL,
    "approved_by" TEXT NULL,
    "approved_at" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_operations_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_operations_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "seized_assets" (
    "id" TEXT NOT NULL CONSTRAINT "PK_seized_assets" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "legal_case_id" TEXT NOT NULL,
    "suspect_id" TEXT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "value_satang" INTEGER NOT NULL,
    "recorded_on" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_seized_assets_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_seized_assets_suspects_suspect_id" FOREIGN KEY ("suspect_id") REFERENCES "suspects" ("id") ON DELETE RESTRICT
);

CREATE TABLE "suspect_identifiers" (
    "id" TEXT NOT NULL CONSTRAINT "PK_suspect_identifiers" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "suspect_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_suspect_identifiers_suspects_suspect_id" FOREIGN KEY ("suspect_id") REFERENCES "suspects" ("id") ON DELETE CASCADE
);

CREATE TABLE "compensations" (
    "id" TEXT NOT NULL CONSTRAINT "PK_compensations" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "legal_case_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "claimed_satang" INTEGER NOT NULL,
    "awarded_satang" INTEGER NOT NULL,
    "paid_satang" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_compensations_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_compensations_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE CASCADE
);

CREATE TABLE "suspect_links" (
    "id" TEXT NOT NULL CONSTRAINT "PK_suspect_links" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "suspect_id" TEXT NOT NULL,
    "case_id" TEXT NULL,
    "other_suspect_id" TEXT NULL,
    "legal_case_id" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_suspect_links_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_suspects_other_suspect_id" FOREIGN KEY ("other_suspect_id") REFERENCES "suspects" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_suspect_links_suspects_suspect_id" FOREIGN KEY ("suspect_id") REFERENCES "suspects" ("id") ON DELETE CASCADE
);

CREATE TABLE "witnesses" (
    "id" TEXT NOT NULL CONSTRAINT "PK_witnesses" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "legal_case_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "coordinator" TEXT NULL,
    "interpreter_language" TEXT NULL,
    "protection_measures" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_witnesses_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_witnesses_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_compensations_case_id" ON "compensations" ("case_id");

CREATE UNIQUE INDEX "IX_compensations_legal_case_id_case_id" ON "compensations" ("legal_case_id", "case_id");

CREATE INDEX "IX_hearings_legal_case_id" ON "hearings" ("legal_case_id");

CREATE INDEX "IX_legal_cases_organisation_id" ON "legal_cases" ("organisation_id");

CREATE INDEX "IX_operations_legal_case_id" ON "operations" ("legal_case_id");

CREATE INDEX "IX_operations_organisation_id" ON "operations" ("organisation_id");

CREATE INDEX "IX_seized_assets_legal_case_id" ON "seized_assets" ("legal_case_id");

CREATE INDEX "IX_seized_assets_suspect_id" ON "seized_assets" ("suspect_id");

CREATE INDEX "IX_suspect_identifiers_organisation_id_hash" ON "suspect_identifiers" ("organisation_id", "hash");

CREATE INDEX "IX_suspect_identifiers_suspect_id" ON "suspect_identifiers" ("suspect_id");

CREATE INDEX "IX_suspect_links_case_id" ON "suspect_links" ("case_id");

CREATE INDEX "IX_suspect_links_legal_case_id" ON "suspect_links" ("legal_case_id");

CREATE INDEX "IX_suspect_links_organisation_id_suspect_id" ON "suspect_links" ("organisation_id", "suspect_id");

CREATE INDEX "IX_suspect_links_other_suspect_id" ON "suspect_links" ("other_suspect_id");

CREATE INDEX "IX_suspect_links_suspect_id" ON "suspect_links" ("suspect_id");

CREATE INDEX "IX_suspects_organisation_id" ON "suspects" ("organisation_id");

CREATE INDEX "IX_witnesses_case_id" ON "witnesses" ("case_id");

CREATE INDEX "IX_witnesses_legal_case_id" ON "witnesses" ("legal_case_id");

-- Tip triage: when staff first acted on a tip, and a keyed hash of province + place to group duplicates.
ALTER TABLE "tips" ADD "first_action_at" TEXT NULL;

ALTER TABLE "tips" ADD "place_hash" TEXT NULL;

CREATE INDEX "IX_tips_organisation_id_place_hash" ON "tips" ("organisation_id", "place_hash");
