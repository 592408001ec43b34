-- When the patient's screening data was last corrected. Set by every correction, so that a correction is always a
-- new version of the patient (and a new ETag), also when it changes only identifying data (birth date, initials),
-- which is stored apart in patient_identity and would otherwise leave the patient row, and its version, untouched.
ALTER TABLE patient ADD COLUMN last_corrected_at TIMESTAMPTZ;
