-- 0007: the service directory and referrals between organisations. Adds tables only: existing data is untouched.
-- Services hold no personal data. A referral's reason and consent override, transition reasons and the
-- receiver's service notes hold AES-GCM ciphertext. "version" columns carry optimistic concurrency.

CREATE TABLE services (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    type character varying(40) NOT NULL,
    name character varying(200) NOT NULL,
    provinces character varying(1000) NOT NULL,
    languages character varying(200) NOT NULL,
    genders character varying(200) NOT NULL,
    min_age integer,
    max_age integer,
    nationalities character varying(1000) NOT NULL,
    capacity integer NOT NULL,
    available integer NOT NULL,
    contact_route character varying(500),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT "PK_services" PRIMARY KEY (id),
    CONSTRAINT "FK_services_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_services_organisation_id_type" ON services (organisation_id, type);

CREATE TABLE referrals (
    id uuid NOT NULL,
    case_id uuid NOT NULL,
    from_organisation_id uuid NOT NULL,
    to_organisation_id uuid NOT NULL,
    service_id uuid NOT NULL,
    service_type character varying(40) NOT NULL,
    urgency character varying(16) NOT NULL,
    reason text,
    consent_override text,
    status character varying(24) NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    sent_at timestamp with time zone,
    answered_at timestamp with time zone,
    ended_at timestamp with time zone,
    updated_at timestamp with time zone NOT NULL,
    version uuid NOT NULL,
    CONSTRAINT "PK_referrals" PRIMARY KEY (id),
    CONSTRAINT "FK_referrals_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_from_organisation_id" FOREIGN KEY (from_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_organisations_to_organisation_id" FOREIGN KEY (to_organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_referrals_services_service_id" FOREIGN KEY (service_id) REFERENCES services (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_referrals_from_organisation_id_status" ON referrals (from_organisation_id, status);
CREATE INDEX "IX_referrals_to_organisation_id_status" ON referrals (to_organisation_id, status);
CREATE INDEX "IX_referrals_case_id" ON referrals (case_id);
CREATE INDEX "IX_referrals_service_id" ON referrals (service_id);

CREATE TABLE referral_transitions (
    id uuid NOT NULL,
    referral_id uuid NOT NULL,
    from_status character varying(24) NOT NULL,
    to_status character varying(24) NOT NULL,
    reason text,
    actor_user_id uuid NOT NULL,
    actor_organisation_id uuid NOT NULL,
    at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_referral_transitions" PRIMARY KEY (id),
    CONSTRAINT "FK_referral_transitions_referrals_referral_id" FOREIGN KEY (referral_id) REFERENCES referrals (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_referral_transitions_referral_id" ON referral_transitions (referral_id);

CREATE TABLE referral_notes (
    id uuid NOT NULL,
    referral_id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    text text NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_referral_notes" PRIMARY KEY (id),
    CONSTRAINT "FK_referral_notes_referrals_referral_id" FOREIGN KEY (referral_id) REFERENCES referrals (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_referral_notes_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_referral_notes_referral_id" ON referral_notes (referral_id);
CREATE INDEX "IX_referral_notes_organisation_id" ON referral_notes (organisation_id);

-- Follow-ups of a case (3, 6, 12 months) with their outcomes; the note holds AES-GCM ciphertext.
CREATE TABLE follow_ups (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    case_id uuid NOT NULL,
    due_on date NOT NULL,
    month integer,
    done_on date,
    outcomes character varying(200) NOT NULL,
    note text,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    recorded_by uuid,
    version uuid NOT NULL,
    CONSTRAINT "PK_follow_ups" PRIMARY KEY (id),
    CONSTRAINT "FK_follow_ups_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT,
    CONSTRAINT "FK_follow_ups_cases_case_id" FOREIGN KEY (case_id) REFERENCES cases (id) ON DELETE RESTRICT
);

CREATE INDEX "IX_follow_ups_case_id" ON follow_ups (case_id);
CREATE INDEX "IX_follow_ups_organisation_id" ON follow_ups (organisation_id);
