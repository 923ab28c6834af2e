-- 0011: tip routing and cross-organisation sharing (issue 5, the justice side).
-- organisation_coverage: provinces a partner organisation declares it covers (routing suggestions);
-- tip_routes: a tip passed by the hotline to a partner, its acknowledgement and its conversion into a case or an
-- investigation (the route note is AES-GCM ciphertext); legal_case_shares: an explicit, revocable share of a legal
-- case with another organisation's law enforcement. Adds tables only: existing data is untouched.

CREATE TABLE "organisation_coverage" (
    "organisation_id" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    CONSTRAINT "PK_organisation_coverage" PRIMARY KEY ("organisation_id", "province"),
    CONSTRAINT "FK_organisation_coverage_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "legal_case_shares" (
    "id" TEXT NOT NULL CONSTRAINT "PK_legal_case_shares" PRIMARY KEY,
    "legal_case_id" TEXT NOT NULL,
    "owner_organisation_id" TEXT NOT NULL,
    "shared_with_organisation_id" TEXT NOT NULL,
    "shared_by" TEXT NOT NULL,
    "shared_at" TEXT NOT NULL,
    "revoked_by" TEXT NULL,
    "revoked_at" TEXT NULL,
    CONSTRAINT "FK_legal_case_shares_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_legal_case_shares_organisations_owner_organisation_id" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_legal_case_shares_organisations_shared_with_organisation_id" FOREIGN KEY ("shared_with_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_legal_case_shares_legal_case_id_shared_with_organisation_id" ON "legal_case_shares" ("legal_case_id", "shared_with_organisation_id");

CREATE INDEX "IX_legal_case_shares_owner_organisation_id" ON "legal_case_shares" ("owner_organisation_id");

CREATE INDEX "IX_legal_case_shares_shared_with_organisation_id" ON "legal_case_shares" ("shared_with_organisation_id");

CREATE TABLE "tip_routes" (
    "id" TEXT NOT NULL CONSTRAINT "PK_tip_routes" PRIMARY KEY,
    "tip_id" TEXT NOT NULL,
    "from_organisation_id" TEXT NOT NULL,
    "to_organisation_id" TEXT NOT NULL,
    "note" TEXT NULL,
    "routed_by" TEXT NOT NULL,
    "routed_at" TEXT NOT NULL,
    "acknowledged_by" TEXT NULL,
    "acknowledged_at" TEXT NULL,
    "case_id" TEXT NULL,
    "legal_case_id" TEXT NULL,
    "converted_at" TEXT NULL,
    CONSTRAINT "FK_tip_routes_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tip_routes_legal_cases_legal_case_id" FOREIGN KEY ("legal_case_id") REFERENCES "legal_cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tip_routes_organisations_from_organisation_id" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tip_routes_organisations_to_organisation_id" FOREIGN KEY ("to_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_tip_routes_tips_tip_id" FOREIGN KEY ("tip_id") REFERENCES "tips" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_tip_routes_case_id" ON "tip_routes" ("case_id");

CREATE INDEX "IX_tip_routes_from_organisation_id" ON "tip_routes" ("from_organisation_id");

CREATE INDEX "IX_tip_routes_legal_case_id" ON "tip_routes" ("legal_case_id");

CREATE UNIQUE INDEX "IX_tip_routes_tip_id_to_organisation_id" ON "tip_routes" ("tip_id", "to_organisation_id");

CREATE INDEX "IX_tip_routes_to_organisation_id" ON "tip_routes" ("to_organisation_id");
