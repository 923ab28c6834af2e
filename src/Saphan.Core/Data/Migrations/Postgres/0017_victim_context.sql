-- 0017: the victim context of a case (dictionary section "victim"): the trafficking status (HTCDS vic_TraffickingStatus)
-- and the kind of organisation that decided it, filled by the intake form's import (Kobo/ODK) and exported in the
-- HTCDS layout. Codes, not identifying. Adds nullable columns only.
ALTER TABLE cases ADD trafficking_status character varying(40);
ALTER TABLE cases ADD trafficking_status_decided_by character varying(40);
