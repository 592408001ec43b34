-- An audit trail that cannot be rewritten (docs/architecture.md, Audit trail; 21 CFR Part 11, ICH E6 ALCOA+).
-- Flyway runs as the role that owns the schema; the service runs as ${runtime_role}, which owns nothing, may only
-- INSERT and SELECT audit_log, and so can neither UPDATE, DELETE, TRUNCATE nor drop it or disable its triggers.
-- Every row is chained to the one before by SHA-256, so a change made around the triggers by the owner is found
-- by audit_log_verify().

-- Refuse a configuration that would defeat the split: the runtime role must exist and hold none of the owner's rights.
DO $$
DECLARE
    runtime_role CONSTANT text := '${runtime_role}';
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role) THEN
        RAISE EXCEPTION 'The runtime role % does not exist: create it before the service migrates', runtime_role;
    END IF;
    IF runtime_role = current_user OR pg_has_role(runtime_role, current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'Flyway migrates as %, which the runtime role % is or belongs to: migrate as the schema owner',
            current_user, runtime_role;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = runtime_role AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'The runtime role % must not be a superuser nor bypass row security', runtime_role;
    END IF;
END
$$;

-- TRUNCATE skips row triggers: a statement trigger refuses it, for the owner too.
CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- The hash chain. chain_seq numbers rows 1, 2, 3... in the order they were committed (named apart from safety's
-- feed column seq); prev_hash is the row_hash of the row
-- before (null for the first); row_hash is SHA-256 of prev_hash and the row's content.
ALTER TABLE audit_log
    ADD COLUMN chain_seq BIGINT,
    ADD COLUMN prev_hash BYTEA,
    ADD COLUMN row_hash  BYTEA;

-- The end of the chain, in one row. Appending locks it until commit, so appends take turns in commit order and
-- each sees the one before it; a deleted tail shows as a head that no longer matches the last row.
CREATE TABLE audit_log_head (
    singleton  BOOLEAN PRIMARY KEY DEFAULT true CHECK (singleton),
    last_seq   BIGINT  NOT NULL,
    last_hash  BYTEA
);
INSERT INTO audit_log_head (last_seq, last_hash) VALUES (0, NULL);

-- The canonical content of a row: a JSON array of every column but row_hash, instants in UTC to the microsecond,
-- so the hash does not depend on the session's time zone.
CREATE FUNCTION audit_log_row_hash(entry audit_log) RETURNS BYTEA
    LANGUAGE sql STABLE
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
    SELECT sha256(convert_to(jsonb_build_array(
        entry.chain_seq, encode(entry.prev_hash, 'hex'), entry.id,
        to_char(entry.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor, entry.action, entry.entity_type, entry.entity_id,
        entry.old_value, entry.new_value, entry.reason, entry.request_id)::text, 'UTF8'))
$$;

-- Rows written before this migration are chained in the order they occurred.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
DO $$
DECLARE
    entry audit_log;
    previous BYTEA;
    n BIGINT := 0;
BEGIN
    FOR entry IN SELECT * FROM audit_log ORDER BY occurred_at, id LOOP
        n := n + 1;
        entry.chain_seq := n;
        entry.prev_hash := previous;
        previous := audit_log_row_hash(entry);
        UPDATE audit_log SET chain_seq = n, prev_hash = entry.prev_hash, row_hash = previous WHERE id = entry.id;
    END LOOP;
    UPDATE audit_log_head SET last_seq = n, last_hash = previous;
END
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

ALTER TABLE audit_log
    ALTER COLUMN chain_seq SET NOT NULL,
    ALTER COLUMN row_hash SET NOT NULL,
    ADD CONSTRAINT audit_log_chain_seq_unique UNIQUE (chain_seq);

-- Runs as the owner (SECURITY DEFINER), so the runtime role needs no right on audit_log_head. Whatever chain_seq or
-- hashes an INSERT supplies are replaced. SELECT ... FOR UPDATE waits for an append still uncommitted and then
-- reads what it committed (READ COMMITTED); a REPEATABLE READ writer racing another gets a serialization failure.
CREATE FUNCTION audit_log_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    head audit_log_head;
BEGIN
    SELECT * INTO head FROM audit_log_head FOR UPDATE;
    NEW.chain_seq := head.last_seq + 1;
    NEW.prev_hash := head.last_hash;
    NEW.row_hash := audit_log_row_hash(NEW);
    UPDATE audit_log_head SET last_seq = NEW.chain_seq, last_hash = NEW.row_hash;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_chained
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

-- One row, always: whether the chain holds, how many rows were checked, and the first broken row with what is
-- wrong with it. From psql: SELECT * FROM audit_log_verify();
CREATE FUNCTION audit_log_verify()
    RETURNS TABLE (verified BOOLEAN, rows_checked BIGINT, broken_chain_seq BIGINT, broken_id UUID, problem TEXT)
    LANGUAGE plpgsql STABLE
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    entry audit_log;
    head audit_log_head;
    previous BYTEA;
    n BIGINT := 0;
BEGIN
    FOR entry IN SELECT * FROM audit_log ORDER BY chain_seq LOOP
        IF entry.chain_seq <> n + 1 THEN
            RETURN QUERY SELECT false, n, entry.chain_seq, entry.id,
                format('chain_seq %s follows chain_seq %s: the rows between were removed', entry.chain_seq, n);
            RETURN;
        END IF;
        IF entry.prev_hash IS DISTINCT FROM previous THEN
            RETURN QUERY SELECT false, n, entry.chain_seq, entry.id,
                format('prev_hash is not the row_hash of chain_seq %s: the chain was rewritten here', n);
            RETURN;
        END IF;
        IF entry.row_hash IS DISTINCT FROM audit_log_row_hash(entry) THEN
            RETURN QUERY SELECT false, n, entry.chain_seq, entry.id,
                'the content does not match row_hash: the row was changed after it was written'::text;
            RETURN;
        END IF;
        previous := entry.row_hash;
        n := n + 1;
    END LOOP;
    SELECT * INTO head FROM audit_log_head;
    IF head.last_seq <> n OR head.last_hash IS DISTINCT FROM previous THEN
        RETURN QUERY SELECT false, n, head.last_seq, NULL::uuid,
            format('the chain ends at chain_seq %s but its head records %s: rows at its end were removed or replaced',
                n, head.last_seq);
        RETURN;
    END IF;
    RETURN QUERY SELECT true, n, NULL::bigint, NULL::uuid, NULL::text;
END;
$$;

-- The runtime role: the usual rights on every table, today's and those later migrations create (they run as this
-- same owner), except audit_log (INSERT and SELECT only), the chain's head (SELECT) and Flyway's history (none).
DO $$
DECLARE
    runtime_role CONSTANT text := '${runtime_role}';
    schema_name CONSTANT text := '${flyway:defaultSchema}';
BEGIN
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, runtime_role);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
        schema_name, runtime_role);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
        schema_name, runtime_role);
    EXECUTE format('REVOKE ALL ON audit_log FROM %I', runtime_role);
    EXECUTE format('GRANT SELECT, INSERT ON audit_log TO %I', runtime_role);
    EXECUTE format('REVOKE ALL ON audit_log_head FROM %I', runtime_role);
    EXECUTE format('GRANT SELECT ON audit_log_head TO %I', runtime_role);
    EXECUTE format('REVOKE ALL ON %I FROM %I', '${flyway:table}', runtime_role);
END
$$;
