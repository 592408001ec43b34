-- The revision of enrollment's reference each kept summary row was computed from (docs/api.md,
-- POST /enrollment/patients/changed-references): the summary sends it back, and enrollment answers only the
-- references changed since (docs/performance.md, run 15). Rows kept before have none and are computed again once.
ALTER TABLE response_snapshot ADD COLUMN reference_revision BIGINT;
