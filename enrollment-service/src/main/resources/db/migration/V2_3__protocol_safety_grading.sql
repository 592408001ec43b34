-- The safety grading settings move from safety-service's deployment properties into the versioned protocol
-- (docs/clinical-rules.md, Protocol settings). Every version written so far was graded with these values
-- (24 h episode window, CAPD up to 12 years, CTCAE v5.0, baseline on or before the first lymphodepletion day),
-- so they are made explicit in those versions rather than added as an amendment: what each version meant is
-- unchanged, and patients keep the version they were enrolled under.
UPDATE protocol_version
SET definition = jsonb_set(definition, '{safetyGrading}', '{
  "episodeResolutionWindowHours": 24,
  "capdMaxAgeYears": 12,
  "ctcaeVersion": "5.0",
  "labBaselineAnchor": "FIRST_LYMPHODEPLETION_DAY",
  "labBaselineLookBackDays": 14
}'::jsonb)
WHERE NOT definition ? 'safetyGrading';
