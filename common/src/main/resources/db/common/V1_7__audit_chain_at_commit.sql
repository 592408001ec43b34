-- The hash chain is extended at commit, not at INSERT (docs/architecture.md, Audit trail; docs/performance.md, Run 7).
-- V1_5 chained each row in a BEFORE INSERT trigger that locked the chain's head until commit, so every write of a
-- service took turns from its first audit row to its commit, regrade included: under load nearly every writer waited
-- on that one row, and a batch holding the head while it waited for a patient's lock held by a single write waiting
-- for the head was a deadlock (refused as 409). Now a deferred constraint trigger chains each row when its
-- transaction commits, in the order the rows were inserted: the head is held only from then until the commit ends,
-- and it is always the last lock a transaction takes. chain_seq still numbers rows in commit order.

-- Whatever chain values an INSERT supplies are cleared; an uncommitted row has none yet.
DROP TRIGGER audit_log_chained ON audit_log;
DROP FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_unchained() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.chain_seq := NULL;
    NEW.prev_hash := NULL;
    NEW.row_hash := NULL;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_unchained
    BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_unchained();

ALTER TABLE audit_log
    ALTER COLUMN chain_seq DROP NOT NULL,
    ALTER COLUMN row_hash DROP NOT NULL;

-- The one change audit_log allows: giving a row its place in the chain, once, with nothing else changed. Only the
-- owner holds UPDATE on audit_log (the runtime role may INSERT and SELECT), and the owner can switch triggers off
-- anyway, so this opens nothing; audit_log_chain_row below is the one caller.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN -- nested: OLD and NEW are unassigned in the TRUNCATE statement trigger
        IF OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.row_hash IS NOT NULL
            AND to_jsonb(OLD) - 'chain_seq' - 'prev_hash' - 'row_hash'
                = to_jsonb(NEW) - 'chain_seq' - 'prev_hash' - 'row_hash' THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;

-- At commit, for each row the transaction inserted, in insertion order. Runs as the owner (SECURITY DEFINER): the
-- runtime role needs no right on audit_log_head nor UPDATE on audit_log. SELECT ... FOR UPDATE waits for another
-- commit still chaining and then reads what it committed (READ COMMITTED).
CREATE FUNCTION audit_log_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    head audit_log_head;
    entry audit_log := NEW;
BEGIN
    SELECT * INTO head FROM audit_log_head FOR UPDATE;
    entry.chain_seq := head.last_seq + 1;
    entry.prev_hash := head.last_hash;
    entry.row_hash := audit_log_row_hash(entry);
    UPDATE audit_log SET chain_seq = entry.chain_seq, prev_hash = entry.prev_hash, row_hash = entry.row_hash
        WHERE id = entry.id;
    UPDATE audit_log_head SET last_seq = entry.chain_seq, last_hash = entry.row_hash;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER audit_log_chained
    AFTER INSERT ON audit_log
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain_row();

-- A committed row without a place in the chain (its trigger switched off) is named too: IS DISTINCT FROM, not <>.
CREATE OR REPLACE FUNCTION audit_log_verify()
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
    FOR entry IN SELECT * FROM audit_log ORDER BY chain_seq NULLS LAST LOOP
        IF entry.chain_seq IS NULL THEN
            RETURN QUERY SELECT false, n, NULL::bigint, entry.id,
                format('the row after chain_seq %s has no place in the chain: it was not chained at commit', n);
            RETURN;
        END IF;
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
