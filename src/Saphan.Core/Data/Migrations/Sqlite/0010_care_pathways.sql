-- 0010: care pathways (templates, versioned; the pathway a case follows; steps marked by hand) and the standard
-- survivor pathway. Also: at most one overdue-referral task per referral and organisation, enforced by a partial
-- unique index (earlier duplicates from a race are removed first, keeping the oldest). Adds tables otherwise.
-- Template steps are JSON: [{code, serviceTypes, expectedDays, from}]. No personal data in these tables.

CREATE TABLE "care_pathways" (
    "id" TEXT NOT NULL CONSTRAINT "PK_care_pathways" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "name_thai" TEXT NULL,
    "steps" TEXT NOT NULL,
    "is_current" INTEGER NOT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_care_pathways_code_version" ON "care_pathways" ("code", "version");

CREATE TABLE "case_pathways" (
    "id" TEXT NOT NULL CONSTRAINT "PK_case_pathways" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "pathway_id" TEXT NOT NULL,
    "assigned_by" TEXT NOT NULL,
    "assigned_at" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "FK_case_pathways_care_pathways_pathway_id" FOREIGN KEY ("pathway_id") REFERENCES "care_pathways" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_pathways_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_case_pathways_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_case_pathways_case_id" ON "case_pathways" ("case_id");
CREATE INDEX "IX_case_pathways_organisation_id" ON "case_pathways" ("organisation_id");
CREATE INDEX "IX_case_pathways_pathway_id" ON "case_pathways" ("pathway_id");

CREATE TABLE "pathway_step_marks" (
    "id" TEXT NOT NULL CONSTRAINT "PK_pathway_step_marks" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "step_code" TEXT NOT NULL,
    "mark" TEXT NOT NULL,
    "marked_by" TEXT NOT NULL,
    "marked_at" TEXT NOT NULL,
    CONSTRAINT "FK_pathway_step_marks_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_pathway_step_marks_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_pathway_step_marks_case_id" ON "pathway_step_marks" ("case_id");
CREATE INDEX "IX_pathway_step_marks_organisation_id" ON "pathway_step_marks" ("organisation_id");

INSERT INTO "care_pathways" ("id", "code", "version", "name", "name_thai", "steps", "is_current", "created_by", "created_at")
VALUES ('0195F000-0000-7000-8000-000000000001', 'standard_survivor', 1, 'Standard survivor pathway', 'เส้นทางการดูแลผู้เสียหายมาตรฐาน',
'[{"code":"safe_shelter","serviceTypes":["shelter"],"expectedDays":2,"from":"identification"},{"code":"health_check","serviceTypes":["medical"],"expectedDays":7,"from":"identification"},{"code":"mental_health","serviceTypes":["mental_health"],"expectedDays":30,"from":"identification"},{"code":"legal_support","serviceTypes":["legal_aid","victim_witness_support"],"expectedDays":60,"from":"identification"},{"code":"return_or_integration","serviceTypes":["repatriation","family_tracing"],"expectedDays":90,"from":"identification"},{"code":"follow_up_3m","serviceTypes":["reintegration_follow_up"],"expectedDays":92,"from":"identification"},{"code":"follow_up_6m","serviceTypes":["reintegration_follow_up"],"expectedDays":183,"from":"identification"},{"code":"follow_up_12m","serviceTypes":["reintegration_follow_up"],"expectedDays":365,"from":"identification"},{"code":"education_training","serviceTypes":["education","vocational_training"],"expectedDays":180,"from":"identification"},{"code":"job_placement","serviceTypes":["job_placement"],"expectedDays":90,"from":"previous_step"}]', 1, NULL, '2026-11-24 00:00:00+00:00');

DELETE FROM "tasks" WHERE "source_type" = 'referral' AND EXISTS (SELECT 1 FROM "tasks" AS t2 WHERE t2.source_type = 'referral' AND t2.source_id = tasks.source_id AND t2.organisation_id = tasks.organisation_id AND (t2.created_at < tasks.created_at OR (t2.created_at = tasks.created_at AND t2.id < tasks.id)));
CREATE UNIQUE INDEX "UX_tasks_referral_source" ON "tasks" ("source_id", "organisation_id") WHERE source_type = 'referral';
