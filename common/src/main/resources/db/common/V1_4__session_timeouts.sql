-- No statement may run for long and no transaction may sit idle while holding locks (a client gone mid-write must
-- not block the patient's other writers): defaults of this service's database, for every new session, the
-- service's own included (docs/architecture.md, Cross-cutting rules). A statement stopped by them is a 503
-- problem, and its transaction is rolled back: nothing half-written.
DO $$
BEGIN
    EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', current_database(), '30s');
    EXECUTE format('ALTER DATABASE %I SET idle_in_transaction_session_timeout = %L', current_database(), '60s');
END
$$;
