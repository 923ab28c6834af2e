-- 0021: a partial, covering index of the "total" rows of indicator_sums, for the reads of totals only (the trends,
-- quarter by quarter and in one pass): each quarter is a short range holding only the rows returned, with the summed
-- columns, instead of every organisation's rows of every breakdown. Adds an index only.

CREATE INDEX "IX_indicator_sums_totals" ON "indicator_sums" ("indicator", "quarter", "organisation_id", "k", "units", "num", "den")
WHERE "dimension" = 'total';
