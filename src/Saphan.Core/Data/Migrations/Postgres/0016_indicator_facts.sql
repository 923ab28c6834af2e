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

CREATE TABLE indicator_facts (
    subject_id uuid NOT NULL,
    indicator character varying(4) NOT NULL,
    quarter integer NOT NULL,
    organisation_id uuid,
    g character varying(40) NOT NULL,
    a character varying(8) NOT NULL,
    n character varying(200) NOT NULL,
    x character varying(1000) NOT NULL,
    pr character varying(8) NOT NULL,
    k character varying(40) NOT NULL,
    num bigint,
    den bigint
);
CREATE INDEX "IX_indicator_facts_subject_id" ON indicator_facts (subject_id);

CREATE TABLE indicator_sums (
    indicator character varying(4) NOT NULL,
    quarter integer NOT NULL,
    organisation_id character varying(36) NOT NULL,
    dimension character varying(24) NOT NULL,
    value character varying(1000) NOT NULL,
    k character varying(40) NOT NULL,
    units bigint NOT NULL,
    num bigint NOT NULL,
    den bigint NOT NULL,
    CONSTRAINT "PK_indicator_sums" PRIMARY KEY (indicator, quarter, organisation_id, dimension, value, k)
);

CREATE TABLE indicator_dirty (subject_id uuid NOT NULL);

CREATE TABLE indicator_state (id integer NOT NULL PRIMARY KEY CHECK (id = 1), built boolean NOT NULL);
INSERT INTO indicator_state (id, built)
SELECT 1, NOT (EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM tips));

CREATE FUNCTION cases_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.id <> NEW.id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER cases_indicator AFTER INSERT OR UPDATE OF identified_on, organisation_id, person_id, province, age_broad OR DELETE ON cases
FOR EACH ROW EXECUTE FUNCTION cases_indicator_dirty();

CREATE FUNCTION trafficking_events_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER trafficking_events_indicator AFTER INSERT OR UPDATE OF case_id, type, exploitation_types, created_at OR DELETE ON trafficking_events
FOR EACH ROW EXECUTE FUNCTION trafficking_events_indicator_dirty();

CREATE FUNCTION screenings_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER screenings_indicator AFTER INSERT OR UPDATE OF case_id, recorded_at, category, flags OR DELETE ON screenings
FOR EACH ROW EXECUTE FUNCTION screenings_indicator_dirty();

CREATE FUNCTION referrals_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER referrals_indicator AFTER INSERT OR UPDATE OF case_id, status, service_type, from_organisation_id, to_organisation_id, sent_at, answered_at, ended_at OR DELETE ON referrals
FOR EACH ROW EXECUTE FUNCTION referrals_indicator_dirty();

CREATE FUNCTION follow_ups_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER follow_ups_indicator AFTER INSERT OR UPDATE OF case_id, month, done_on, outcomes OR DELETE ON follow_ups
FOR EACH ROW EXECUTE FUNCTION follow_ups_indicator_dirty();

CREATE FUNCTION witnesses_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER witnesses_indicator AFTER INSERT OR UPDATE OF case_id, legal_case_id OR DELETE ON witnesses
FOR EACH ROW EXECUTE FUNCTION witnesses_indicator_dirty();

CREATE FUNCTION compensations_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.case_id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.case_id <> NEW.case_id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.case_id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER compensations_indicator AFTER INSERT OR UPDATE OF case_id, legal_case_id, awarded_satang, paid_satang, updated_at OR DELETE ON compensations
FOR EACH ROW EXECUTE FUNCTION compensations_indicator_dirty();

CREATE FUNCTION tips_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN INSERT INTO indicator_dirty (subject_id) VALUES (OLD.id); END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR OLD.id <> NEW.id) THEN INSERT INTO indicator_dirty (subject_id) VALUES (NEW.id); END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER tips_indicator AFTER INSERT OR UPDATE OF organisation_id, province, first_action_at OR DELETE ON tips
FOR EACH ROW EXECUTE FUNCTION tips_indicator_dirty();

-- A person's sex or citizenship counts on each of their cases.
CREATE FUNCTION persons_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_dirty (subject_id) SELECT id FROM cases WHERE person_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER persons_indicator AFTER UPDATE OF gender, citizenships ON persons
FOR EACH ROW EXECUTE FUNCTION persons_indicator_dirty();

-- E6 counts a legal case's stage on the cases of its witnesses and claimants.
CREATE FUNCTION legal_cases_indicator_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO indicator_dirty (subject_id) SELECT case_id FROM witnesses WHERE legal_case_id = OLD.id;
    INSERT INTO indicator_dirty (subject_id) SELECT case_id FROM compensations WHERE legal_case_id = OLD.id;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER legal_cases_indicator BEFORE UPDATE OF stage OR DELETE ON legal_cases
FOR EACH ROW EXECUTE FUNCTION legal_cases_indicator_dirty();
