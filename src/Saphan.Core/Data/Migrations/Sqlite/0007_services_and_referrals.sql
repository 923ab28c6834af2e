-- 0007: the service directory and referrals between organisations. Adds tables only: existing data is untouched.
-- Services hold no personal data. A referral's reason and consent override, transition reasons and the
-- receiver's service notes hold AES-GCM ciphertext. "version" columns carry optimistic concurrency.

CREATE TABLE "services" (
    "id" TEXT NOT NULL CONSTRAINT "PK_services" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "provinces" TEXT NOT NULL,
    "languages" TEXT NOT NULL,
    "genders" TEXT NOT NULL,
    "min_age" INTEGER NULL,
    "max_age" INTEGER NULL,
    "nationalities" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "available" INTEGER NOT NULL,
    "contact_route" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "FK_services_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_services_organisation_id_type" ON "services" ("organisation_id", "type");

CREATE TABLE "referrals" (
    "id" TEXT NOT NULL CONSTRAINT "PK_referrals" PRIMARY KEY,
    "case_id" TEXT NOT NULL,
    "from_organisation_id" TEXT NOT NULL,
    "to_organisation_id" TEXT NOT NULL,
    "service_id" TEXT NOT NULL,
    "service_type" TEXT NOT NULL,
    "urgency" TEXT NOT NULL,
    "reason" TEXT NULL,
    "consent_override" TEXT NULL,
    "status" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL,
    "answered_at" TEXT NULL,
    "ended_at" TEXT NULL,
    "updated_at" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "FK_referrals_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_from_organisation_id" FOREIGN KEY ("from_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_to_organisation_id" FOREIGN KEY ("to_organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_services_service_id" FOREIGN KEY ("service_id") REFERENCES "services" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_referrals_from_organisation_id_status" ON "referrals" ("from_organisation_id", "status");
CREATE INDEX "IX_referrals_to_organisation_id_status" ON "referrals" ("to_organisation_id", "status");
CREATE INDEX "IX_referrals_case_id" ON "referrals" ("case_id");
CREATE INDEX "IX_referrals_service_id" ON "referrals" ("service_id");

CREATE TABLE "referral_transitions" (
    "id" TEXT NOT NULL CONSTRAINT "PK_referral_transitions" PRIMARY KEY,
    "referral_id" TEXT NOT NULL,
    "from_status" TEXT NOT NULL,
    "to_status" TEXT NOT NULL,
    "reason" TEXT NULL,
    "actor_user_id" TEXT NOT NULL,
    "actor_organisation_id" TEXT NOT NULL,
    "at" TEXT NOT NULL,
    CONSTRAINT "FK_referral_transitions_referrals_referral_id" FOREIGN KEY ("referral_id") REFERENCES "referrals" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_referral_transitions_referral_id" ON "referral_transitions" ("referral_id");

CREATE TABLE "referral_notes" (
    "id" TEXT NOT NULL CONSTRAINT "PK_referral_notes" PRIMARY KEY,
    "referral_id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "FK_referral_notes_referrals_referral_id" FOREIGN KEY ("referral_id") REFERENCES "referrals" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_referral_notes_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_referral_notes_referral_id" ON "referral_notes" ("referral_id");
CREATE INDEX "IX_referral_notes_organisation_id" ON "referral_notes" ("organisation_id");

-- Follow-ups of a case (3, 6, 12 months) with their outcomes; the note holds AES-GCM ciphertext.
CREATE TABLE "follow_ups" (
    "id" TEXT NOT NULL CONSTRAINT "PK_follow_ups" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "due_on" TEXT NOT NULL,
    "month" INTEGER NULL,
    "done_on" TEXT NULL,
    "outcomes" TEXT NOT NULL,
    "note" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "recorded_by" TEXT NULL,
    "version" TEXT NOT NULL,
    CONSTRAINT "FK_follow_ups_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT,
    CONSTRAINT "FK_follow_ups_cases_case_id" FOREIGN KEY ("case_id") REFERENCES "cases" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_follow_ups_case_id" ON "follow_ups" ("case_id");
CREATE INDEX "IX_follow_ups_organisation_id" ON "follow_ups" ("organisation_id");
