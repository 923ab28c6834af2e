-- 0012: the neutral repository. Each organisation publishes only Bloom-filter encodings (CLKs), a pseudonymous
-- record key (keyed hash, not the database id) and de-identified attributes; re-publishing replaces that
-- organisation's rows. Clusters (one per person) are rebuilt by the matcher over every organisation's rows.

CREATE TABLE "repository_settings" (
    "organisation_id" TEXT NOT NULL CONSTRAINT "PK_repository_settings" PRIMARY KEY,
    "named_in_counts" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_repository_settings_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "repository_publications" (
    "organisation_id" TEXT NOT NULL CONSTRAINT "PK_repository_publications" PRIMARY KEY,
    "key_id" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "published_by" TEXT NOT NULL,
    "published_at" TEXT NOT NULL,
    CONSTRAINT "FK_repository_publications_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE TABLE "repository_records" (
    "id" TEXT NOT NULL CONSTRAINT "PK_repository_records" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "record_key" TEXT NOT NULL,
    "clk" BLOB NOT NULL,
    "key_id" TEXT NOT NULL,
    "organisation_type" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "age_band" TEXT NOT NULL,
    "nationality" TEXT NOT NULL,
    "exploitation_types" TEXT NOT NULL,
    "province" TEXT NULL,
    "identified_quarter" TEXT NULL,
    "journey" TEXT NOT NULL,
    CONSTRAINT "FK_repository_records_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_repository_records_organisation_id_record_key" ON "repository_records" ("organisation_id", "record_key");

CREATE TABLE "repository_clusters" (
    "record_id" TEXT NOT NULL CONSTRAINT "PK_repository_clusters" PRIMARY KEY,
    "cluster_no" INTEGER NOT NULL,
    CONSTRAINT "FK_repository_clusters_repository_records_record_id" FOREIGN KEY ("record_id") REFERENCES "repository_records" ("id") ON DELETE CASCADE
);

CREATE INDEX "IX_repository_clusters_cluster_no" ON "repository_clusters" ("cluster_no");

CREATE TABLE "repository_match_runs" (
    "id" TEXT NOT NULL CONSTRAINT "PK_repository_match_runs" PRIMARY KEY,
    "ran_at" TEXT NOT NULL,
    "records" INTEGER NOT NULL,
    "clusters" INTEGER NOT NULL,
    "linked_clusters" INTEGER NOT NULL,
    "threshold" REAL NOT NULL,
    "elapsed_ms" INTEGER NOT NULL,
    "warning" TEXT NULL
);
