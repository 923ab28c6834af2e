-- 0018: training sessions an organisation gave (indicator P6, people trained: counts by sex, no names).
-- Also a unique index for the tasks late care-pathway steps raise (below). Existing data is untouched.

CREATE TABLE training_sessions (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    held_on date NOT NULL,
    topic character varying(200) NOT NULL,
    province character varying(8) NOT NULL,
    audience character varying(32) NOT NULL,
    participants_female integer NOT NULL,
    participants_male integer NOT NULL,
    participants_transgender integer NOT NULL,
    participants_unknown integer NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_training_sessions" PRIMARY KEY (id),
    CONSTRAINT "FK_training_sessions_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_training_sessions_held_on" ON training_sessions (held_on);

CREATE INDEX "IX_training_sessions_organisation_id_held_on" ON training_sessions (organisation_id, held_on);

-- Late care-pathway steps raise one task for the case's worker and, later, one for the supervisors: at most one of
-- each per case, step and organisation (the source id is a key derived from the case and the step code).
CREATE UNIQUE INDEX "UX_tasks_pathway_step_source" ON tasks (source_type, source_id, organisation_id) WHERE source_type IN ('pathway_step', 'pathway_step_escalation');
