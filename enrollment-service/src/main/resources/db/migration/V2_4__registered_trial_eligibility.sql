-- The registered trial's eligibility (ClinicalTrials.gov NCT06352281; docs/clinical-rules.md, Eligibility).

-- How a prior ITP therapy ended (RESPONSE, NO_RESPONSE, RELAPSE, INTOLERANCE), when recorded at screening: the
-- refractory path reads it. Therapies screened before have none, and the investigator answers for them.
ALTER TABLE prior_therapy ADD COLUMN outcome VARCHAR(20)
    CHECK (outcome IN ('RESPONSE', 'NO_RESPONSE', 'RELAPSE', 'INTOLERANCE'));

-- The reference protocol was always meant to be the registered trial's; its eligibility block (ages 6-30, at
-- least 12 months since diagnosis, at least 2 prior lines) never matched the registry. It is corrected in place,
-- in every version that carries it, rather than by an amendment: an amendment would leave version 1, which the
-- patients enrolled under it keep, with criteria the trial never had. The old shape would not read any more
-- either (minMonthsSinceDiagnosis and minPriorLines are gone). Assessments already made keep, stored with them,
-- the criteria results they were made with.
UPDATE protocol_version
SET definition = jsonb_set(definition, '{eligibility}', '{
  "minAgeYears": 8,
  "maxAgeYears": 75,
  "chronicMoreThanMonths": 12,
  "firstLineTherapies": [
    {"category": "GLUCOCORTICOID"},
    {"category": "IVIG"},
    {"category": "OTHER", "agent": "anti-D"}
  ],
  "secondLineTherapies": [
    {"category": "TPO_RA"},
    {"category": "RITUXIMAB"},
    {"category": "IMMUNOSUPPRESSANT"},
    {"category": "SPLENECTOMY"},
    {"category": "OTHER", "agent": "fostamatinib"}
  ],
  "minStableCorticosteroidDays": 14,
  "maxScreeningPlateletCountPer1e9L": 30,
  "investigatorCriteria": [
    {
      "code": "INFORMED_CONSENT",
      "text": "Written informed consent (and assent for minors); willing to comply with the study procedures and visit schedule"
    },
    {
      "code": "NO_SECONDARY_ITP",
      "text": "No disease that may cause secondary immune thrombocytopenia; examinations suggest no cause of thrombocytopenia other than ITP"
    },
    {
      "code": "ADEQUATE_ORGAN_FUNCTION",
      "text": "Adequate organ function: physical, instrumental and laboratory examinations within the normal range, or deviations the investigator judges clinically insignificant"
    },
    {
      "code": "CONTRACEPTION",
      "text": "Willing to use effective and reliable contraception throughout the study"
    },
    {
      "code": "NO_PREVENTIVE_SPLENECTOMY",
      "text": "No preventive splenectomy"
    },
    {
      "code": "NO_HEMOSTATIC_DISORDER",
      "text": "No hemostatic or coagulation disorder"
    },
    {
      "code": "NOT_PREGNANT_OR_BREASTFEEDING",
      "text": "Not pregnant or breastfeeding"
    },
    {
      "code": "NO_PRIOR_CAR_T",
      "text": "No prior CAR-T or other gene-modified cell therapy"
    },
    {
      "code": "NO_OTHER_TRIAL_WITHIN_4_WEEKS",
      "text": "No participation in another interventional clinical trial within 4 weeks before screening"
    },
    {
      "code": "NO_ACTIVE_INFECTION",
      "text": "No active uncontrolled infection"
    }
  ]
}'::jsonb)
WHERE definition -> 'eligibility' = '{
  "minAgeYears": 6,
  "maxAgeYears": 30,
  "minMonthsSinceDiagnosis": 12,
  "minPriorLines": 2,
  "maxScreeningPlateletCountPer1e9L": 30,
  "investigatorCriteria": [
    {"code": "NO_SECONDARY_ITP", "text": "No secondary ITP (e.g. SLE, HIV, HCV, lymphoproliferative disease)"},
    {"code": "NO_ACTIVE_INFECTION", "text": "No active uncontrolled infection"},
    {"code": "ADEQUATE_ORGAN_FUNCTION", "text": "Adequate cardiac, hepatic, renal and pulmonary function"},
    {"code": "NOT_PREGNANT_OR_BREASTFEEDING", "text": "Not pregnant or breastfeeding"},
    {"code": "INFORMED_CONSENT", "text": "Written informed consent (and assent for minors)"},
    {"code": "NO_PRIOR_CAR_T", "text": "No prior CAR-T or other gene-modified cell therapy"}
  ]
}'::jsonb;

-- A version whose eligibility an admin amended has criteria of its own, which cannot be carried over to the new
-- shape without a clinical decision (what were its prior lines?): stop here rather than change it or leave a
-- protocol that no longer reads.
DO $$
DECLARE
    amended INTEGER[];
BEGIN
    SELECT array_agg(version ORDER BY version) INTO amended
    FROM protocol_version
    WHERE NOT definition -> 'eligibility' ? 'chronicMoreThanMonths';
    IF amended IS NOT NULL THEN
        RAISE EXCEPTION 'protocol versions % have eligibility criteria of their own: restate them as the '
            'registered trial''s shape (docs/clinical-rules.md, Eligibility) before this migration', amended;
    END IF;
END $$;
