-- The IWG response settings move from efficacy-service's deployment properties into the versioned protocol
-- (docs/clinical-rules.md, Protocol settings and ITP response). The thresholds, confirmation and loss spacing and
-- the bleeding grade are the values every version was read with. Two rules change with them, as the standards
-- require (docs/clinical-rules.md, ITP response): exposure windows now follow the therapy's category whatever kind
-- it was recorded as (so corticosteroids given for ICANS count), and a count without a bleeding assessment no
-- longer confirms a response. The reference protocol was always meant to follow IWG 2009 and the 2019 consensus,
-- so the stored versions are completed in place rather than amended; efficacy computes responses when read, and
-- stores none that this would change behind anyone's back.
UPDATE protocol_version
SET definition = jsonb_set(definition, '{efficacyResponse}', '{
  "completeResponsePer1e9L": 100,
  "responsePer1e9L": 30,
  "responseBaselineMultiple": 2,
  "confirmationDays": 7,
  "confirmationStrictlyMore": true,
  "lossDays": 1,
  "bleedingWhoGradeThreshold": 2,
  "acceptUnassessedBleeding": false,
  "exposureWindows": {
    "GLUCOCORTICOID": {"windowDays": 28, "trigger": "ABOVE_BASELINE_DOSE"},
    "IVIG": {"windowDays": 28, "trigger": "ANY_DOSE"},
    "ANTI_D": {"windowDays": 28, "trigger": "ANY_DOSE"},
    "PLATELET_TRANSFUSION": {"windowDays": 28, "trigger": "ANY_DOSE"},
    "TPO_RA": {"windowDays": 28, "trigger": "STARTED_OR_INCREASED_AFTER_DAY0"}
  }
}'::jsonb)
WHERE NOT definition ? 'efficacyResponse';
