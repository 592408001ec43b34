-- The benchmark's bulk path to the issue's scale (docs/performance.md, run 12): copies of the patients the
-- benchmark loaded through the API, written straight into one service's database. Run by bench.sh on each of the
-- enrollment, safety and efficacy databases with
--   psql -v templates=<comma-separated patient IDs> -v copies=<copies of each> -f scale.sql
-- Every row that belongs to a template patient (the patient itself, and each row of a table with a patient_id) is
-- copied `copies` times. Every UUID in a copy is md5(uuid || '/' || copy number), so a patient's copy has the same ID
-- in the three databases and a copied row's references (to its patient, to another copied row) stay consistent;
-- subject IDs and screening numbers get '-<copy number>' to stay unique. The audit trail is not copied: these are a
-- benchmark's data, not a trial's, and only for a database the benchmark owns.
\set ON_ERROR_STOP on
CREATE TEMP TABLE bench_template AS SELECT unnest(string_to_array(:'templates', ','))::uuid AS id;
SELECT set_config('bench.copies', :'copies', false);

DO $$
DECLARE
    copies integer := current_setting('bench.copies')::integer;
    target record;
    columns text;
    copied text;
BEGIN
    -- The patient table first: the other tables of enrollment reference it.
    FOR target IN
        SELECT table_name, CASE WHEN table_name = 'patient' THEN 'id' ELSE 'patient_id' END AS patient_column
          FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           -- not the audit trail; not the tables kept by triggers on the ones copied (they fill themselves)
           AND table_name NOT IN ('audit_log', 'efficacy_patient', 'patient_reference_revision')
           AND (table_name = 'patient' OR EXISTS (SELECT 1 FROM information_schema.columns c
                WHERE c.table_schema = 'public' AND c.table_name = tables.table_name AND c.column_name = 'patient_id'))
         ORDER BY table_name <> 'patient', table_name
    LOOP
        SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
               string_agg(CASE
                   WHEN data_type = 'uuid' THEN format('md5(t.%I::text || ''/'' || n)::uuid', column_name)
                   WHEN column_name IN ('subject_id', 'screening_number') THEN format('t.%I || ''-'' || n', column_name)
                   ELSE 't.' || quote_ident(column_name) END, ', ' ORDER BY ordinal_position)
          INTO columns, copied
          FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = target.table_name;
        EXECUTE format('INSERT INTO %I (%s) SELECT %s FROM %I t JOIN bench_template b ON b.id = t.%I, '
                || 'generate_series(1, %s) n', target.table_name, columns, copied, target.table_name,
                target.patient_column, copies);
    END LOOP;
END
$$;

ANALYZE;
