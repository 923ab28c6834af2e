-- 0012: the neutral repository. Each organisation publishes only Bloom-filter encodings (CLKs), a pseudonymous
-- record key (keyed hash, not the database id) and de-identified attributes; re-publishing replaces that
-- organisation's rows. Clusters (one per person) are rebuilt by the matcher over every organisation's rows.

CREATE TABLE repository_settings (
    organisation_id uuid NOT NULL,
    named_in_counts boolean NOT NULL,
    updated_by uuid NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_repository_settings" PRIMARY KEY (organisation_id),
    CONSTRAINT "FK_repository_settings_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE TABLE repository_publications (
    organisation_id uuid NOT NULL,
    key_id character varying(16) NOT NULL,
    records integer NOT NULL,
    published_by uuid NOT NULL,
    published_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_repository_publications" PRIMARY KEY (organisation_id),
    CONSTRAINT "FK_repository_publications_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE TABLE repository_records (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    record_key character varying(64) NOT NULL,
    clk bytea NOT NULL,
    key_id character varying(16) NOT NULL,
    organisation_type character varying(40) NOT NULL,
    sex character varying(40) NOT NULL,
    age_band character varying(16) NOT NULL,
    nationality character varying(16) NOT NULL,
    exploitation_types character varying(200) NOT NULL,
    province character varying(8),
    identified_quarter character varying(7),
    journey character varying(1000) NOT NULL,
    CONSTRAINT "PK_repository_records" PRIMARY KEY (id),
    CONSTRAINT "FK_repository_records_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_repository_records_organisation_id_record_key" ON repository_records (organisation_id, record_key);

CREATE TABLE repository_clusters (
    record_id uuid NOT NULL,
    cluster_no integer NOT NULL,
    CONSTRAINT "PK_repository_clusters" PRIMARY KEY (record_id),
    CONSTRAINT "FK_repository_clusters_repository_records_record_id" FOREIGN KEY (record_id) REFERENCES repository_records (id) ON DELETE CASCADE
);

CREATE INDEX "IX_repository_clusters_cluster_no" ON repository_clusters (cluster_no);

CREATE TABLE repository_match_runs (
    id uuid NOT NULL,
    ran_at timestamp with time zone NOT NULL,
    records integer NOT NULL,
    clusters integer NOT NULL,
    linked_clusters integer NOT NULL,
    threshold double precision NOT NULL,
    elapsed_ms integer NOT NULL,
    warning character varying(500),
    CONSTRAINT "PK_repository_match_runs" PRIMARY KEY (id)
);
