-- 0014: a positive mental-health screen carries the flag care_indicated (see ScreeningInstrument.CareBands), so the
-- indicators can count positive screens while score and band are encrypted (since 0009). Screenings stored before
-- 0009 still hold their band in clear: flag those here. Rows stored since carry the flag from the application.
UPDATE screenings
SET flags = CASE WHEN flags IS NULL OR flags = '' THEN 'care_indicated' ELSE flags || ',care_indicated' END
WHERE (flags IS NULL OR flags NOT LIKE '%care_indicated%')
  AND ((instrument = 'PHQ-9' AND band IN ('moderate', 'moderately_severe', 'severe'))
    OR (instrument = 'GAD-7' AND band IN ('moderate', 'severe'))
    OR (instrument = 'PCL-5' AND band = 'probable_ptsd')
    OR (instrument = 'SUICIDE-Q' AND band = 'positive'));
