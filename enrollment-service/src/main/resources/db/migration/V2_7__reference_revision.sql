-- A revision of each patient's reference data (docs/api.md, POST /enrollment/patients/changed-references): raised by
-- the triggers below in the transaction of every write to a table the reference reads, whatever writes (the API, a
-- correction by SQL). A report that keeps rows computed from references (efficacy's summary) asks for the references
-- whose revision changed only, not for every patient's (docs/performance.md, run 15). Revisions come from one
-- sequence: a number is never given twice, even to a patient deleted and created again.
CREATE SEQUENCE patient_reference_revision_seq;

CREATE TABLE patient_reference_revision (
    patient_id  UUID    PRIMARY KEY,
    revision    BIGINT  NOT NULL
);

INSERT INTO patient_reference_revision (patient_id, revision)
SELECT id, nextval('patient_reference_revision_seq') FROM patient ORDER BY id;

-- One statement's changed rows, per patient, in patient order (statement-level: a statement of many rows is one
-- upsert per patient). TG_ARGV[0] names the table's patient column: id for patient, patient_id for the others.
CREATE FUNCTION patient_reference_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'patient' THEN
        DELETE FROM patient_reference_revision WHERE patient_id IN (SELECT id FROM old_rows);
        RETURN NULL;
    END IF;
    EXECUTE format('INSERT INTO patient_reference_revision AS r (patient_id, revision)'
        ' SELECT patient_id, nextval(''patient_reference_revision_seq'') FROM (SELECT DISTINCT %1$I AS patient_id FROM %2$s) changed'
        ' ORDER BY patient_id'
        ' ON CONFLICT (patient_id) DO UPDATE SET revision = excluded.revision',
        TG_ARGV[0],
        CASE TG_OP WHEN 'INSERT' THEN 'new_rows' WHEN 'DELETE' THEN 'old_rows'
            ELSE '(SELECT ' || quote_ident(TG_ARGV[0]) || ' FROM new_rows UNION SELECT ' || quote_ident(TG_ARGV[0])
                || ' FROM old_rows) both_rows' END);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    source RECORD;
BEGIN
    FOR source IN SELECT * FROM (VALUES ('patient', 'id'), ('patient_identity', 'patient_id'),
            ('prior_therapy', 'patient_id'), ('infusion', 'patient_id'), ('lymphodepletion_administration', 'patient_id'),
            ('therapy', 'patient_id')) AS tables (name, patient_column) LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION patient_reference_changed(%L)', source.name || '_reference_inserted',
            source.name, source.patient_column);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION patient_reference_changed(%L)', source.name || '_reference_updated',
            source.name, source.patient_column);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION patient_reference_changed(%L)', source.name || '_reference_deleted',
            source.name, source.patient_column);
    END LOOP;
END
$$;
