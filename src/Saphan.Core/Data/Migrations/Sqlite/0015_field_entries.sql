-- 0015: entries of the offline field form (issue 7). One row per entry a device sent, keyed by the device's own
-- id (unique per organisation), so a resend finds the record the first delivery made. No content: kind, the
-- record made, a hash of what was sent.
CREATE TABLE "field_entries" (
    "id" TEXT NOT NULL CONSTRAINT "PK_field_entries" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "client_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "payload_hash" TEXT NOT NULL,
    "result_version" TEXT NULL,
    "sent_by" TEXT NOT NULL,
    "received_at" TEXT NOT NULL,
    CONSTRAINT "FK_field_entries_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_field_entries_organisation_id_client_id" ON "field_entries" ("organisation_id", "client_id");
