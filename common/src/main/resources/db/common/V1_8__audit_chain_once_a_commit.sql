-- The hash chain is extended once a commit, not once a row (docs/architecture.md, Audit trail; docs/performance.md,
-- Run 27). V1_7's deferred trigger locked the chain's head, read it and wrote it back for every audit row the
-- transaction inserted: two thirds of a 500-row batch's commit. Now the first row's trigger at commit locks the head
-- once, chains every row this transaction inserted and has not chained yet, in insertion order, and writes the head
-- once; the other rows' triggers find their row chained and stop. chain_seq still numbers rows in commit order and,
-- within a transaction, in insertion order, as before.

-- Which transaction inserted a row, and in what order: set at INSERT, whatever the writer supplies, and of use only
-- until the row is chained (the hash does not cover them). pg_current_xact_id() is the top-level transaction's, so
-- rows inserted under a savepoint are chained with the rest. Rows chained before this migration keep both null.
CREATE SEQUENCE audit_log_insert_order;

ALTER TABLE audit_log
    ADD COLUMN inserted_by_xact xid8,
    ADD COLUMN insert_order BIGINT;

-- Only rows still waiting for their commit are in it: a handful at any time.
CREATE INDEX audit_log_awaiting_chain ON audit_log (inserted_by_xact, insert_order) WHERE chain_seq IS NULL;

CREATE OR REPLACE FUNCTION audit_log_unchained() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    NEW.chain_seq := NULL;
    NEW.prev_hash := NULL;
    NEW.row_hash := NULL;
    NEW.inserted_by_xact := pg_current_xact_id();
    NEW.insert_order := nextval('audit_log_insert_order');
    RETURN NEW;
END;
$$;

-- At commit, for each row the transaction inserted; the first does the work for all. Only this transaction's rows are
-- chained: a committed row without a place (its trigger switched off by the owner) stays without one, for
-- audit_log_verify() to name. SECURITY DEFINER as in V1_7; SELECT ... FOR UPDATE waits for another commit still
-- chaining and then reads what it committed (READ COMMITTED).
CREATE OR REPLACE FUNCTION audit_log_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    head audit_log_head;
    entry audit_log;
    chained_seq BIGINT;
    chained_hash BYTEA;
BEGIN
    PERFORM 1 FROM audit_log WHERE id = NEW.id AND chain_seq IS NULL;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT * INTO head FROM audit_log_head FOR UPDATE;
    chained_seq := head.last_seq;
    chained_hash := head.last_hash;
    FOR entry IN SELECT * FROM audit_log
            WHERE chain_seq IS NULL AND inserted_by_xact = pg_current_xact_id()
            ORDER BY insert_order LOOP
        entry.chain_seq := chained_seq + 1;
        entry.prev_hash := chained_hash;
        entry.row_hash := audit_log_row_hash(entry);
        UPDATE audit_log SET chain_seq = entry.chain_seq, prev_hash = entry.prev_hash, row_hash = entry.row_hash
            WHERE id = entry.id;
        chained_seq := entry.chain_seq;
        chained_hash := entry.row_hash;
    END LOOP;
    UPDATE audit_log_head SET last_seq = chained_seq, last_hash = chained_hash;
    RETURN NULL;
END;
$$;

-- The one change audit_log allows (V1_7) is checked on the row's columns rather than on two JSON copies of it, which
-- took a third of the commit: every column but the chain's three must be as it was, the columns later migrations add
-- included.
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
DECLARE
    unchained audit_log;
BEGIN
    IF TG_OP = 'UPDATE' THEN -- nested: OLD and NEW are unassigned in the TRUNCATE statement trigger
        unchained := NEW;
        unchained.chain_seq := NULL;
        unchained.prev_hash := NULL;
        unchained.row_hash := NULL;
        IF OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL AND NEW.row_hash IS NOT NULL
            AND unchained IS NOT DISTINCT FROM OLD THEN
            RETURN NEW;
        END IF;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
