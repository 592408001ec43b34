-- Idempotency keys are bound to the whole request (method, path and body) from now on. Keys stored before were
-- bound to the body only: they are kept and still replay for the same body, so a client retrying across the
-- upgrade (or the demo loader re-run on an existing database) gets its first result, not a 422.
ALTER TABLE idempotency_record ADD COLUMN request_bound BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE idempotency_record ALTER COLUMN request_bound DROP DEFAULT;
