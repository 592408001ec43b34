-- The audit trail every service keeps in its own database (21 CFR Part 11, ICH E6 ALCOA+).
-- Rows are only ever inserted: a trigger refuses UPDATE and DELETE, so not even the application rewrites history.
CREATE TABLE audit_log (
    id           UUID         PRIMARY KEY,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    actor        VARCHAR(200) NOT NULL,
    action       VARCHAR(40)  NOT NULL,
    entity_type  VARCHAR(80)  NOT NULL,
    entity_id    VARCHAR(80)  NOT NULL,
    old_value    JSONB,
    new_value    JSONB,
    reason       TEXT,
    request_id   VARCHAR(100)
);

CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id, occurred_at);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

CREATE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
