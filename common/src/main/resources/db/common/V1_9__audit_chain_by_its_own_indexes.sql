-- The chain's commit finds its rows by the primary key and by audit_log_awaiting_chain, never by chain_seq's nulls
-- (docs/architecture.md, Audit trail; docs/performance.md, runs 29 and 30).
--
-- Every row enters audit_log with chain_seq NULL and its commit sets it: the update leaves a dead NULL entry behind in
-- each index on chain_seq until VACUUM removes it. V1_8's statements both said "chain_seq IS NULL", which the unique
-- index on chain_seq can answer, and once ANALYZE had seen every row chained the planner preferred it: each commit then
-- stepped over one dead entry for every row inserted since the last VACUUM, once for every row it chained. Without
-- autovacuum, a 500-row batch's commit took 2.5 s after 47 000 audit rows.

-- chain_seq stays unique where it is set; NULLs, which never collided, are no longer entered at all.
ALTER TABLE audit_log DROP CONSTRAINT audit_log_chain_seq_unique;
CREATE UNIQUE INDEX audit_log_chain_seq_unique ON audit_log (chain_seq) WHERE chain_seq IS NOT NULL;

-- As V1_8's, but each row's own check reads the row by its primary key alone, and the rows of the transaction are read
-- by its ID bound once: audit_log_awaiting_chain holds them in insertion order.
CREATE OR REPLACE FUNCTION audit_log_chain_row() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp
AS $$
DECLARE
    head audit_log_head;
    entry audit_log;
    waiting BOOLEAN;
    inserting_xact xid8 := pg_current_xact_id();
    chained_seq BIGINT;
    chained_hash BYTEA;
BEGIN
    SELECT chain_seq IS NULL INTO waiting FROM audit_log WHERE id = NEW.id;
    IF NOT coalesce(waiting, false) THEN
        RETURN NULL;
    END IF;
    SELECT * INTO head FROM audit_log_head FOR UPDATE;
    chained_seq := head.last_seq;
    chained_hash := head.last_hash;
    FOR entry IN SELECT * FROM audit_log
            WHERE inserted_by_xact = inserting_xact AND chain_seq IS NULL
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
