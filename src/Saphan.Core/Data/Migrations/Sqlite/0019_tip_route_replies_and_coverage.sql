-- 0019: a route to a partner can be withdrawn by the sender (reason encrypted) and answered by the partner
-- (accepted / declined with a reason, a note; both encrypted); organisations declare the kinds of tip they take
-- (organisation_tip_types; none declared: every kind). Adds nullable columns and a table: existing data is untouched.

ALTER TABLE "tip_routes" ADD COLUMN "withdrawn_at" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "withdrawn_by" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "withdraw_reason" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "reply" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "reply_reason" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "reply_note" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "replied_by" TEXT NULL;
ALTER TABLE "tip_routes" ADD COLUMN "replied_at" TEXT NULL;

CREATE TABLE "organisation_tip_types" (
    "organisation_id" TEXT NOT NULL,
    "tip_type" TEXT NOT NULL,
    CONSTRAINT "PK_organisation_tip_types" PRIMARY KEY ("organisation_id", "tip_type"),
    CONSTRAINT "FK_organisation_tip_types_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);
