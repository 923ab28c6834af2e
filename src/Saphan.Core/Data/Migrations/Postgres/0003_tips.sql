-- 0003: hotline tips and their notes. Adds tables only: existing data is untouched.
-- Nothing about the sender's connection or device is stored; free text holds AES-GCM ciphertext
-- (description, place, contact, note text) and the receipt code only as a keyed hash.

CREATE TABLE tips (
    id uuid NOT NULL,
    organisation_id uuid,
    channel character varying(16) NOT NULL,
    receipt_hash character varying(64) NOT NULL,
    description text NOT NULL,
    province character varying(8) NOT NULL,
    place text,
    occurred_when character varying(16) NOT NULL,
    children_at_risk boolean NOT NULL,
    children_count integer,
    imminent_danger boolean NOT NULL,
    contact text,
    language character varying(8) NOT NULL,
    spam_score integer NOT NULL,
    priority integer NOT NULL,
    status character varying(24) NOT NULL,
    assigned_operator_id uuid,
    created_by uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    concurrency_stamp uuid NOT NULL,
    CONSTRAINT "PK_tips" PRIMARY KEY (id),
    CONSTRAINT "FK_tips_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_users_assigned_operator_id" FOREIGN KEY (assigned_operator_id) REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE tip_notes (
    id uuid NOT NULL,
    tip_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    text text NOT NULL,
    author_id uuid,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_tip_notes" PRIMARY KEY (id),
    CONSTRAINT "FK_tip_notes_tips_tip_id" FOREIGN KEY (tip_id) REFERENCES tips (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_tips_receipt_hash" ON tips (receipt_hash);

CREATE INDEX "IX_tips_organisation_id_status_priority" ON tips (organisation_id, status, priority);

CREATE INDEX "IX_tips_assigned_operator_id" ON tips (assigned_operator_id);

CREATE INDEX "IX_tip_notes_tip_id" ON tip_notes (tip_id);
