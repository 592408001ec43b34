-- Lymphodepletion administrations and protocol deviations are voided like therapies: flag, reason and a version
-- for If-Match (who and when are in the audit row).
-- The default fills rows already stored; new rows always carry their version, as therapy's do.
ALTER TABLE lymphodepletion_administration ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lymphodepletion_administration ALTER COLUMN version DROP DEFAULT;

ALTER TABLE protocol_deviation ADD COLUMN voided BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE protocol_deviation ADD COLUMN void_reason TEXT;
ALTER TABLE protocol_deviation ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE protocol_deviation ALTER COLUMN version DROP DEFAULT;

-- The omission that recorded a LYMPHODEPLETION_OMITTED deviation, so voiding the omission voids its deviation.
ALTER TABLE protocol_deviation ADD COLUMN administration_id UUID REFERENCES lymphodepletion_administration (id);
-- Until now a patient had at most one omission, and its deviation's description was made from its reason.
UPDATE protocol_deviation deviation SET administration_id = omission.id
  FROM lymphodepletion_administration omission
 WHERE omission.patient_id = deviation.patient_id
   AND omission.omitted
   AND deviation.category = 'LYMPHODEPLETION_OMITTED'
   AND deviation.description = 'Lymphodepletion omitted: ' || omission.reason;
