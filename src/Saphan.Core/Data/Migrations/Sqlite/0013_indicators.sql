-- 0013: indicators. A de-identified age band on each case (CTDC "ageBroad" at identification), written by the
-- application whenever the case is saved with its person, so indicators can be broken down by age without
-- decrypting birth dates; and indexes on the dates indicators count by. Adds a column and indexes only.

ALTER TABLE "cases" ADD "age_broad" TEXT NULL;

-- Backfill what SQL can see: persons known only by an estimated age (birth dates are encrypted; those cases are
-- filled by `./saphan report backfill`, which decrypts in the application, or on their next save).
UPDATE "cases" SET "age_broad" = (
    SELECT CASE
        WHEN a < 0 THEN NULL WHEN a <= 8 THEN '0-8' WHEN a <= 17 THEN '9-17' WHEN a <= 20 THEN '18-20'
        WHEN a <= 23 THEN '21-23' WHEN a <= 26 THEN '24-26' WHEN a <= 29 THEN '27-29' WHEN a <= 38 THEN '30-38'
        WHEN a <= 47 THEN '39-47' ELSE '48+' END
    FROM (SELECT p."estimated_age" + CAST((julianday("cases"."identified_on") - julianday(p."age_estimated_on")) / 365 AS INTEGER) AS a
          FROM "persons" p
          WHERE p."id" = "cases"."person_id" AND p."birth_date" IS NULL AND p."estimated_age" IS NOT NULL AND p."age_estimated_on" IS NOT NULL))
WHERE "age_broad" IS NULL;

CREATE INDEX "IX_cases_identified_on" ON "cases" ("identified_on");
CREATE INDEX "IX_screenings_recorded_at" ON "screenings" ("recorded_at");
CREATE INDEX "IX_referrals_sent_at" ON "referrals" ("sent_at");
CREATE INDEX "IX_referrals_answered_at" ON "referrals" ("answered_at");
CREATE INDEX "IX_referrals_ended_at" ON "referrals" ("ended_at");
CREATE INDEX "IX_follow_ups_done_on" ON "follow_ups" ("done_on");
CREATE INDEX "IX_tips_first_action_at" ON "tips" ("first_action_at");
-- Covering indexes for the breakdowns: a case's first exploitation event, and a person's coded columns (the row
-- itself is wide with ciphertext).
CREATE INDEX "IX_trafficking_events_case_id_type_created_at" ON "trafficking_events" ("case_id", "type", "created_at", "exploitation_types");
CREATE INDEX "IX_persons_id_gender_citizenships" ON "persons" ("id", "gender", "citizenships");
