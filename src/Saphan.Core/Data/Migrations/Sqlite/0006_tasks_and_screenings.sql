-- 0006: tasks (work items for a role or a user of an organisation, optionally about a case) and screenings
-- (scored instruments recorded on a case). Adds tables only. A task's closure note and a screening's answers
-- hold AES-GCM ciphertext.

CREATE TABLE "tasks" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tasks" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NULL,
    "kind" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "title_code" TEXT NOT NULL,
    "detail" TEXT NULL,
    "assignee_role" TEXT NULL,
    "assignee_user_id" TEXT NULL,
    "due_at" TEXT NULL,
    "status" TEXT NOT NULL,
    "source_type" TEXT NULL,
    "source_id" TEXT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    "closed_by" TEXT NULL,
    "closure_note" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "FK_tasks_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tasks_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_tasks_organisation_id_status" ON "tasks" ("organisation_id", "status");
CREATE INDEX "IX_tasks_case_id" ON "tasks" ("case_id");

CREATE TABLE "screenings" (
    "id" TEXT NOT NULL CONSTRAINT "PK_screenings" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "instrument_version" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "band" TEXT NOT NULL,
    "flags" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_screenings_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_screenings_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_screenings_case_id" ON "screenings" ("case_id");
