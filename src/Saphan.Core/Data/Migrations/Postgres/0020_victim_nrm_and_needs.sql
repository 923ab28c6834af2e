-- 0020: the rest of the victim context (dictionary section "victim"): formal identification under Thailand's National
-- Referral Mechanism (date, multidisciplinary team interview) in clear, and two PDPA s.26 fields encrypted by the
-- application (health needs: health; arrested or charged: criminal record). Adds nullable columns only.
ALTER TABLE cases ADD nrm_identified_on date;
ALTER TABLE cases ADD nrm_multidisciplinary_team boolean;
ALTER TABLE cases ADD health_needs text;
ALTER TABLE cases ADD arrested_or_charged text;
