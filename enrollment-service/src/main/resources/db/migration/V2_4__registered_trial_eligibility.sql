-- The registered trial's eligibility (ClinicalTrials.gov NCT06352281; docs/clinical-rules.md, Eligibility).

-- How a prior ITP therapy ended (RESPONSE, NO_RESPONSE, RELAPSE, INTOLERANCE), when recorded at screening: the
-- refractory path reads it. Therapies screened before have none, and the investigator answers for them.
ALTER TABLE prior_therapy ADD COLUMN outcome VARCHAR(20)
    CHECK (outcome IN ('RESPONSE', 'NO_RESPONSE', 'RELAPSE', 'INTOLERANCE'));
