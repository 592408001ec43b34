-- The protocol version each patient is graded under in this service (docs/clinical-rules.md, Protocol settings):
-- a patient moves to a later version only when regraded under it, with a reason kept in the audit trail.
CREATE TABLE grading_state (
    patient_id        UUID          PRIMARY KEY,
    protocol_version  INTEGER       NOT NULL,
    graded_at         TIMESTAMPTZ   NOT NULL
);
