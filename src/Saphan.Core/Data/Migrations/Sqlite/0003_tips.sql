-- 0003: hotline tips and their notes. Adds tables only: existing data is untouched.
-- Nothing about the sender's connection or device is stored; free text holds AES-GCM ciphertext
-- (description, place, contact, note text) and the receipt code only as a keyed hash.

CREATE TABLE "tips" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tips" PRIMARY KEY,
    "organisation_id" TEXT NULL,
    "channel" TEXT NOT NULL,
    "receipt_hash" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "place" TEXT NULL,
    "occurred_when" TEXT NOT NULL,
    "children_at_risk" INTEGER NOT NULL,
    "children_count" INTEGER NULL,
    "imminent_danger" INTEGER NOT NULL,
    "contact" TEXT NULL,
    "language" TEXT NOT NULL,
    "spam_score" INTEGER NOT NULL,
    "priority" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "assigned_operator_id" TEXT NULL,
    "created_by" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "closed_at" TEXT NULL,
    "concurrency_stamp" TEXT NOT NULL,
    CONSTRAINT "FK_tips_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tips_users_assigned_operator_id" FOREIGN KEY ("assigned_operator_id") REFERENCES "users" ("id") ON DELETE SET NULL
);

CREATE TABLE "tip_notes" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tip_notes" PRIMARY KEY,
    "tip_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "author_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_tip_notes_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_tips_receipt_hash" ON "tips" ("receipt_hash");

CREATE INDEX "IX_tips_organisation_id_status_priority" ON "tips" ("organisation_id", "status", "priority");

CREATE INDEX "IX_tips_assigned_operator_id" ON "tips" ("assigned_operator_id");

CREATE INDEX "IX_tip_notes_tip_id" ON "tip_notes" ("tip_id");
