-- 0021: a partial, covering index of the "total" rows of indicator_sums, for the reads of totals only (the trends,
-- quarter by quarter and in one pass). Through the primary key such a read visits every organisation's rows of every
-- breakdown of the quarter and fetches each matching row from its own heap page; PostgreSQL then planned the one-pass
-- eight-quarter trend as a parallel scan (70-100 ms at 50,000 cases on 2 loaded cores). This index holds only the
-- rows those reads return, with the summed columns, so each quarter is a short index-only range. Adds an index only.

CREATE INDEX "IX_indicator_sums_totals" ON indicator_sums (indicator, quarter, organisation_id, k) INCLUDE (units, num, den)
WHERE dimension = 'total';
