-- 0019: training sessions an organisation gave (indicator P6, people trained: counts by sex, no names).
-- Adds a table only: existing data is untouched.

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
