-- Safety is graded under a protocol version (docs/clinical-rules.md, Protocol settings): each patient keeps the
-- version its stored grades come from (grading_state, common's V1_2) until a safety officer regrades it under an
-- amendment (audited). Grades stored before this migration were made under protocol version 1's settings.
INSERT INTO grading_state (patient_id, protocol_version, graded_at)
SELECT patient_id, 1, now() FROM (
    SELECT patient_id FROM vitals UNION SELECT patient_id FROM neuro_assessment
    UNION SELECT patient_id FROM lab_result UNION SELECT patient_id FROM adverse_event) AS graded;

-- Every stored grade names the protocol version and CTCAE version it was graded under.
ALTER TABLE lab_result ADD COLUMN protocol_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE lab_result ALTER COLUMN protocol_version DROP DEFAULT;
ALTER TABLE lab_result ADD COLUMN ctcae_version VARCHAR(10) NOT NULL DEFAULT '5.0';
ALTER TABLE lab_result ALTER COLUMN ctcae_version DROP DEFAULT;
ALTER TABLE adverse_event ADD COLUMN protocol_version INTEGER;
UPDATE adverse_event SET protocol_version = 1 WHERE derived_by IS NOT NULL;

-- Findings of a vitals observation the investigator attributes to another cause (e.g. sepsis), with the cause.
ALTER TABLE vitals ADD COLUMN attributed_to_other_cause VARCHAR(20)
    CHECK (attributed_to_other_cause IN ('HYPOTENSION', 'HYPOXIA', 'BOTH'));
ALTER TABLE vitals ADD COLUMN other_cause VARCHAR(500);
ALTER TABLE vitals ADD CONSTRAINT vitals_other_cause_named
    CHECK ((attributed_to_other_cause IS NULL) = (other_cause IS NULL));
