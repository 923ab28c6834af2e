-- 0016: indicator facts, for indicators over a national-size network in well under a second (docs/indicators.md,
-- "Performance"). Adds tables and triggers only; existing rows are untouched.
--   indicator_facts: one narrow, de-identified row per counted unit (a case in a quarter, a referral, an award, a
--     tip), with its quarter, the organisation counted and its coded breakdowns already resolved. No identifying or
--     encrypted column is copied.
--   indicator_sums: those facts summed per indicator, quarter, organisation and breakdown value: what the
--     dashboards, the API and the reports read.
--   indicator_dirty: the cases and tips whose facts must be recomputed. Triggers on every table an indicator reads
--     append to it in the same transaction as the write (whatever writes: pages, API, imports, sync, the CLI), and
--     the next indicator read recomputes those cases and adjusts the sums before it counts.
--   indicator_state: built = 1 once the facts match the records. A database that already holds cases or tips starts
--     at 0 (indicators are then counted from the records directly, as before) until `./saphan report backfill`
--     builds the facts.

CREATE TABLE "indicator_facts" (
    "subject_id" TEXT NOT NULL,
    "indicator" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "organisation_id" TEXT NULL,
    "g" TEXT NOT NULL,
    "a" TEXT NOT NULL,
    "n" TEXT NOT NULL,
    "x" TEXT NOT NULL,
    "pr" TEXT NOT NULL,
    "k" TEXT NOT NULL,
    "num" INTEGER NULL,
    "den" INTEGER NULL
);
CREATE INDEX "IX_indicator_facts_subject_id" ON "indicator_facts" ("subject_id");

CREATE TABLE "indicator_sums" (
    "indicator" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "k" TEXT NOT NULL,
    "units" INTEGER NOT NULL,
    "num" INTEGER NOT NULL,
    "den" INTEGER NOT NULL,
    CONSTRAINT "PK_indicator_sums" PRIMARY KEY ("indicator", "quarter", "organisation_id", "dimension", "value", "k")
) WITHOUT ROWID;

CREATE TABLE "indicator_dirty" ("subject_id" TEXT NOT NULL);

CREATE TABLE "indicator_state" ("id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1), "built" INTEGER NOT NULL);
INSERT INTO "indicator_state" ("id", "built")
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM "cases") OR EXISTS (SELECT 1 FROM "tips") THEN 0 ELSE 1 END;

CREATE TRIGGER "cases_indicator_insert" AFTER INSERT ON "cases"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."id"); END;
CREATE TRIGGER "cases_indicator_update" AFTER UPDATE OF "identified_on", "organisation_id", "person_id", "province", "age_broad" ON "cases"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."id" WHERE OLD."id" <> NEW."id"; END;
CREATE TRIGGER "cases_indicator_delete" AFTER DELETE ON "cases"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."id"); END;

CREATE TRIGGER "trafficking_events_indicator_insert" AFTER INSERT ON "trafficking_events"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "trafficking_events_indicator_update" AFTER UPDATE OF "case_id", "type", "exploitation_types", "created_at" ON "trafficking_events"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "trafficking_events_indicator_delete" AFTER DELETE ON "trafficking_events"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "screenings_indicator_insert" AFTER INSERT ON "screenings"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "screenings_indicator_update" AFTER UPDATE OF "case_id", "recorded_at", "category", "flags" ON "screenings"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "screenings_indicator_delete" AFTER DELETE ON "screenings"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "referrals_indicator_insert" AFTER INSERT ON "referrals"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "referrals_indicator_update" AFTER UPDATE OF "case_id", "status", "service_type", "from_organisation_id", "to_organisation_id", "sent_at", "answered_at", "ended_at" ON "referrals"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "referrals_indicator_delete" AFTER DELETE ON "referrals"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "follow_ups_indicator_insert" AFTER INSERT ON "follow_ups"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "follow_ups_indicator_update" AFTER UPDATE OF "case_id", "month", "done_on", "outcomes" ON "follow_ups"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "follow_ups_indicator_delete" AFTER DELETE ON "follow_ups"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "witnesses_indicator_insert" AFTER INSERT ON "witnesses"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "witnesses_indicator_update" AFTER UPDATE OF "case_id", "legal_case_id" ON "witnesses"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "witnesses_indicator_delete" AFTER DELETE ON "witnesses"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "compensations_indicator_insert" AFTER INSERT ON "compensations"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); END;
CREATE TRIGGER "compensations_indicator_update" AFTER UPDATE OF "case_id", "legal_case_id", "awarded_satang", "paid_satang", "updated_at" ON "compensations"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."case_id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."case_id" WHERE OLD."case_id" <> NEW."case_id"; END;
CREATE TRIGGER "compensations_indicator_delete" AFTER DELETE ON "compensations"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."case_id"); END;

CREATE TRIGGER "tips_indicator_insert" AFTER INSERT ON "tips"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."id"); END;
CREATE TRIGGER "tips_indicator_update" AFTER UPDATE OF "organisation_id", "province", "first_action_at" ON "tips"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (NEW."id"); INSERT INTO "indicator_dirty" ("subject_id") SELECT OLD."id" WHERE OLD."id" <> NEW."id"; END;
CREATE TRIGGER "tips_indicator_delete" AFTER DELETE ON "tips"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") VALUES (OLD."id"); END;

-- A person's sex or citizenship counts on each of their cases.
CREATE TRIGGER "persons_indicator_update" AFTER UPDATE OF "gender", "citizenships" ON "persons"
BEGIN INSERT INTO "indicator_dirty" ("subject_id") SELECT "id" FROM "cases" WHERE "person_id" = NEW."id"; END;

-- E6 counts a legal case's stage on the cases of its witnesses and claimants.
CREATE TRIGGER "legal_cases_indicator_update" AFTER UPDATE OF "stage" ON "legal_cases"
BEGIN
    INSERT INTO "indicator_dirty" ("subject_id") SELECT "case_id" FROM "witnesses" WHERE "legal_case_id" = NEW."id";
    INSERT INTO "indicator_dirty" ("subject_id") SELECT "case_id" FROM "compensations" WHERE "legal_case_id" = NEW."id";
END;
CREATE TRIGGER "legal_cases_indicator_delete" BEFORE DELETE ON "legal_cases"
BEGIN
    INSERT INTO "indicator_dirty" ("subject_id") SELECT "case_id" FROM "witnesses" WHERE "legal_case_id" = OLD."id";
    INSERT INTO "indicator_dirty" ("subject_id") SELECT "case_id" FROM "compensations" WHERE "legal_case_id" = OLD."id";
END;
