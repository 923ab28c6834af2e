-- 0005: spreadsheet imports. Adds tables only: existing data is untouched.
-- An import is remembered by the SHA-256 of its file (never its name or content), unique per
-- organisation, so importing the same file twice adds nothing. Saved column mappings are named per
-- organisation and hold only column headers and target field codes.

CREATE TABLE imports (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    sha256 character varying(64) NOT NULL,
    mapping_name character varying(100),
    imported integer NOT NULL,
    duplicates integer NOT NULL,
    rejected integer NOT NULL,
    imported_by uuid,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_imports" PRIMARY KEY (id),
    CONSTRAINT "FK_imports_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE RESTRICT
);

CREATE TABLE import_mappings (
    id uuid NOT NULL,
    organisation_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    columns text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT "PK_import_mappings" PRIMARY KEY (id),
    CONSTRAINT "FK_import_mappings_organisations_organisation_id" FOREIGN KEY (organisation_id) REFERENCES organisations (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_imports_organisation_id_sha256" ON imports (organisation_id, sha256);

CREATE UNIQUE INDEX "IX_import_mappings_organisation_id_name" ON import_mappings (organisation_id, name);
