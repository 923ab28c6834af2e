-- 0009: the rest of the standard record on a case: vulnerability assessment, support plan and its actions, case
-- comments (append-only, triggers), closure reason/day/details on cases. Free text and individual (health)
-- vulnerabilities hold AES-GCM ciphertext. Screenings' score and band are written encrypted from now on: the
-- columns keep their names (SQLite stores the ciphertext as text); rows written earlier stay readable in clear.

ALTER TABLE "cases" ADD COLUMN "closure_reason" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "closed_on" TEXT NULL;
ALTER TABLE "cases" ADD COLUMN "closure_details" TEXT NULL;

CREATE TABLE "vulnerability_assessments" (
    "case_id" TEXT NOT NULL CONSTRAINT "PK_vulnerability_assessments" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "assessed_on" TEXT NOT NULL,
    "individual" TEXT NULL,
    "income_band" TEXT NULL,
    "debt_thb" TEXT NULL,
    "debt_to" TEXT NOT NULL,
    "dependants" INTEGER NULL,
    "community" TEXT NOT NULL,
    "details" TEXT NULL,
    "assessed_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_vulnerability_assessments_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_vulnerability_assessments_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_vulnerability_assessments_organisation_id" ON "vulnerability_assessments" ("organisation_id");

CREATE TABLE "support_plans" (
    "case_id" TEXT NOT NULL CONSTRAINT "PK_support_plans" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "objectives" TEXT NULL,
    "agreed_on" TEXT NULL,
    "review_on" TEXT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_support_plans_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plans_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_support_plans_organisation_id" ON "support_plans" ("organisation_id");

CREATE TABLE "support_plan_actions" (
    "id" TEXT NOT NULL CONSTRAINT "PK_support_plan_actions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "due_on" TEXT NULL,
    "responsible_organisation_id" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_support_plan_actions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plan_actions_organisations_responsible_organisation_id" FOREIGN KEY ("responsible_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_support_plan_actions_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_support_plan_actions_case_id" ON "support_plan_actions" ("case_id");

CREATE TABLE "case_comments" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_comments" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "written_by" TEXT NOT NULL,
    "written_at" TEXT NOT NULL,
    CONSTRAINT "FK_case_comments_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_comments_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_case_comments_case_id" ON "case_comments" ("case_id");

CREATE TRIGGER case_comments_no_update BEFORE UPDATE ON case_comments
BEGIN SELECT RAISE(ABORT, 'case_comments is append-only'); END;

CREATE TRIGGER case_comments_no_delete BEFORE DELETE ON case_comments
BEGIN SELECT RAISE(ABORT, 'case_comments is append-only'); END;
