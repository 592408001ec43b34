-- The efficacy summary from responses kept, not recomputed (docs/performance.md, "The efficacy summary"): the study
-- summary over 10 000 patients re-read a million platelet counts and re-assessed every response each time (9 s).

-- Every patient with efficacy data, kept by the triggers below in the transaction of each write, whatever writes:
-- its site as last recorded, how many of its records are not voided, and a revision that every committed change of
-- its records raises. Writes of a patient already run one after the other (the patient's advisory lock, batches in ID
-- order), so the row lock taken here adds no wait and no deadlock.
CREATE TABLE efficacy_patient (
    patient_id    UUID         PRIMARY KEY,
    site_code     VARCHAR(20)  NOT NULL,
    live_records  BIGINT       NOT NULL CHECK (live_records >= 0),
    revision      BIGINT       NOT NULL
);

INSERT INTO efficacy_patient (patient_id, site_code, live_records, revision)
SELECT patient_id, max(site_code), count(*) FILTER (WHERE NOT voided), 1
FROM (SELECT patient_id, site_code, voided FROM platelet_count
      UNION ALL SELECT patient_id, site_code, voided FROM elisa_result
      UNION ALL SELECT patient_id, site_code, voided FROM qpcr_sample
      UNION ALL SELECT patient_id, site_code, voided FROM cd19_count) records
GROUP BY patient_id;

-- One statement's changed rows, per patient (a statement-level trigger: a batch of 1 000 rows is one upsert per
-- patient, not 1 000), in patient order.
CREATE FUNCTION efficacy_patient_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO efficacy_patient AS p (patient_id, site_code, live_records, revision)
        SELECT patient_id, max(site_code), count(*) FILTER (WHERE NOT voided), 1
        FROM new_rows GROUP BY patient_id ORDER BY patient_id
        ON CONFLICT (patient_id) DO UPDATE SET site_code = excluded.site_code,
            live_records = p.live_records + excluded.live_records, revision = p.revision + 1;
    ELSIF TG_OP = 'UPDATE' THEN
        -- The patient's row exists since its records were inserted.
        UPDATE efficacy_patient AS p
        SET site_code = coalesce(changed.site_code, p.site_code), live_records = p.live_records + changed.live,
            revision = p.revision + 1
        FROM (SELECT patient_id, max(site_code) FILTER (WHERE after) AS site_code, sum(live) AS live
              FROM (SELECT patient_id, site_code, true AS after, CASE WHEN voided THEN 0 ELSE 1 END AS live
                    FROM new_rows
                    UNION ALL
                    SELECT patient_id, site_code, false, CASE WHEN voided THEN 0 ELSE -1 END FROM old_rows) rows
              GROUP BY patient_id) changed
        WHERE p.patient_id = changed.patient_id;
    ELSE
        UPDATE efficacy_patient AS p SET live_records = p.live_records - deleted.live, revision = p.revision + 1
        FROM (SELECT patient_id, count(*) FILTER (WHERE NOT voided) AS live FROM old_rows GROUP BY patient_id) deleted
        WHERE p.patient_id = deleted.patient_id;
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    records TEXT;
BEGIN
    FOREACH records IN ARRAY ARRAY['platelet_count', 'elisa_result', 'qpcr_sample', 'cd19_count'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION efficacy_patient_changed()', records || '_inserted', records);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION efficacy_patient_changed()', records || '_updated', records);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
            'FOR EACH STATEMENT EXECUTE FUNCTION efficacy_patient_changed()', records || '_deleted', records);
    END LOOP;
END
$$;

-- The cut-offs whose summary rows are kept: the most recently computed few (ResponseSnapshotRepository.KEPT_CUT_OFFS).
CREATE TABLE response_cut_off (
    cut_off_key  VARCHAR(40)  PRIMARY KEY,
    used_at      TIMESTAMPTZ  NOT NULL
);

-- A patient's summary row at a cut-off, with what it was computed from: the patient's revision above, and a digest of
-- the rest (enrollment's reference data, the protocol version, the cut-off, the code; SummaryInputs). A row is used
-- only while both are unchanged; otherwise it is computed again and replaced.
CREATE TABLE response_snapshot (
    cut_off_key                           VARCHAR(40)  NOT NULL REFERENCES response_cut_off ON DELETE CASCADE,
    patient_id                            UUID         NOT NULL,
    revision                              BIGINT       NOT NULL,
    inputs                                CHAR(64)     NOT NULL,
    subject_id                            VARCHAR(40)  NOT NULL,
    site_code                             VARCHAR(20)  NOT NULL,
    best_response                         VARCHAR(2)   NOT NULL,
    time_to_response_days                 INTEGER,
    censored_at                           DATE,
    b_cell_aplasia_sustained              BOOLEAN,
    gp_autoantibody_positive_at_baseline  BOOLEAN,
    gp_autoantibody_all_negative_after    BOOLEAN,
    rescue_free_at_cut_off                BOOLEAN,
    PRIMARY KEY (cut_off_key, patient_id)
);
