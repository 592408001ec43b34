-- The sponsor feed reads the adverse events' audit trail in commit order: each row carries the id of the
-- transaction that wrote it, and the feed only serves rows of transactions older than every transaction still
-- running (pg_snapshot_xmin), so a page never skips a row that commits later.
ALTER TABLE audit_log ADD COLUMN seq BIGSERIAL;
ALTER TABLE audit_log ADD COLUMN txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX audit_log_feed ON audit_log (entity_type, txid, seq);

-- Expedited reporting of serious events: when the sponsor became aware, whether the reaction is expected (per the
-- reference safety information), and when it was reported.
ALTER TABLE adverse_event ADD COLUMN awareness_date DATE;
ALTER TABLE adverse_event ADD COLUMN expected BOOLEAN;
ALTER TABLE adverse_event ADD COLUMN reported_on DATE;
