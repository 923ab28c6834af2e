-- 0005: spreadsheet imports. Adds tables only: existing data is untouched.
-- An import is remembered by the SHA-256 of its file (never its name or content), unique per
-- organisation, so importing the same file twice adds nothing. Saved column mappings are named per
-- organisation and hold only column headers and target field codes.

CREATE TABLE "imports" (
    "id" TEXT NOT NULL CONSTRAINT "PK_imports" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mapping_name" TEXT NULL,
    "imported" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "imported_by" TEXT NULL,
    "imported_at" TEXT NOT NULL,
    CONSTRAINT "FK_imports_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE RESTRICT
);

CREATE TABLE "import_mappings" (
    "id" TEXT NOT NULL CONSTRAINT "PK_import_mappings" PRIMARY KEY,
    "organisation_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "columns" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "FK_import_mappings_organisations_organisation_id" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_imports_organisation_id_sha256" ON "imports" ("organisation_id", "sha256");

CREATE UNIQUE INDEX "IX_import_mappings_organisation_id_name" ON "import_mappings" ("organisation_id", "name");
