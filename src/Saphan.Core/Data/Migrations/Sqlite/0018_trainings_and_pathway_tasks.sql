-- 0018: training sessions an organisation gave (indicator P6, people trained: counts by sex, no names).
-- Also a unique index for the tasks late care-pathway steps raise (below). Existing data is untouched.

CREATE TABLE "training_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "PK_training_sessions" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "held_on" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "participants_female" INTEGER NOT NULL,
    "participants_male" INTEGER NOT NULL,
    "participants_transgender" INTEGER NOT NULL,
    "participants_unknown" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_training_sessions_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_training_sessions_held_on" ON "training_sessions" ("held_on");

CREATE INDEX "IX_training_sessions_organisation_id_held_on" ON "training_sessions" ("organisation_id", "held_on");

-- Late care-pathway steps raise one task for the case's worker and, later, one for the supervisors: at most one of
-- each per case, step and organisation (the source id is a key derived from the case and the step code).
CREATE UNIQUE INDEX "UX_tasks_pathway_step_source" ON "tasks" ("source_type", "source_id", "organisation_id") WHERE source_type IN ('pathway_step', 'pathway_step_escalation');
