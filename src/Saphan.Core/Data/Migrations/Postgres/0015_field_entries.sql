-- 0015: entries of the offline field form (issue 7). One row per entry a device sent, keyed by the device's own
-- id (unique per organisation), so a resend finds the record the first delivery made. No content: kind, the
-- record made, a hash of what was sent.
CREATE TABLE field_entries (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    client_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    record_id uuid NOT NULL,
    case_id uuid NOT NULL,
    payload_hash character varying(64) NOT NULL,
    result_version uuid NULL,
    sent_by uuid NOT NULL,
    received_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_field_entries" PRIMARY KEY (id),
    CONSTRAINT "FK_field_entries_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_field_entries_organisation_id_client_id" ON field_entries (organisation_id, client_id);
