-- 0019: a route to a partner can be withdrawn by the sender (reason encrypted) and answered by the partner
-- (accepted / declined with a reason, a note; both encrypted); organisations declare the kinds of tip they take
-- (organisation_tip_types; none declared: every kind). Adds nullable columns and a table: existing data is untouched.

ALTER TABLE tip_routes ADD withdrawn_at timestamp with time zone;
ALTER TABLE tip_routes ADD withdrawn_by uuid;
ALTER TABLE tip_routes ADD withdraw_reason text;
ALTER TABLE tip_routes ADD reply character varying(16);
ALTER TABLE tip_routes ADD reply_reason text;
ALTER TABLE tip_routes ADD reply_note text;
ALTER TABLE tip_routes ADD replied_by uuid;
ALTER TABLE tip_routes ADD replied_at timestamp with time zone;

CREATE TABLE organisation_tip_types (
    organisation_id uuid NOT NULL,
    tip_type character varying(32) NOT NULL,
    CONSTRAINT "PK_organisation_tip_types" PRIMARY KEY (organisation_id, tip_type),
    CONSTRAINT "FK_organisation_tip_types_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);
