-- Data review and lock (docs/data-review.md): queries on records, source data verification, investigators'
-- casebook signatures, database locks at a cut-off and the reports they froze. Every service gets the tables;
-- each keeps them for its own records. The runtime role gets DML through the schema's default privileges (V1_5).

CREATE TABLE data_query (
    id          uuid PRIMARY KEY,
    patient_id  uuid        NOT NULL,
    site_code   text        NOT NULL,
    subject_id  text        NOT NULL,
    record_type text        NOT NULL,
    record_id   uuid        NOT NULL,
    field       text,
    status      text        NOT NULL CHECK (status IN ('OPEN', 'ANSWERED', 'CLOSED')),
    opened_at   timestamptz NOT NULL,
    opened_by   text        NOT NULL,
    closed_at   timestamptz,
    thread      jsonb       NOT NULL,
    version     integer     NOT NULL
);
CREATE INDEX data_query_patient ON data_query (patient_id);
CREATE INDEX data_query_record ON data_query (record_id);
CREATE INDEX data_query_site_status ON data_query (site_code, status);

CREATE TABLE source_verification (
    record_id   uuid PRIMARY KEY,
    record_type text        NOT NULL,
    patient_id  uuid        NOT NULL,
    site_code   text        NOT NULL,
    verified_at timestamptz NOT NULL,
    verified_by text        NOT NULL
);
CREATE INDEX source_verification_patient ON source_verification (patient_id);

CREATE TABLE casebook_signature (
    id                    uuid PRIMARY KEY,
    patient_id            uuid        NOT NULL,
    site_code             text        NOT NULL,
    subject_id            text        NOT NULL,
    signed_through        date        NOT NULL,
    meaning               text        NOT NULL,
    signer                text        NOT NULL,
    signer_name           text        NOT NULL,
    signed_at             timestamptz NOT NULL,
    authenticated_at      timestamptz NOT NULL,
    invalidated_at        timestamptz,
    invalidated_by_record uuid,
    invalidation_reason   text
);
CREATE INDEX casebook_signature_patient ON casebook_signature (patient_id);

CREATE TABLE data_lock (
    id            uuid PRIMARY KEY,
    site_code     text,                 -- null: the whole study
    cutoff        date        NOT NULL,
    locked_at     timestamptz NOT NULL,
    locked_by     text        NOT NULL,
    unlocked_at   timestamptz,
    unlocked_by   text,
    unlock_reason text,
    CHECK ((unlocked_at IS NULL) = (unlock_reason IS NULL))
);
-- One lock in force per scope and cut-off; an unlocked one stays as history.
CREATE UNIQUE INDEX data_lock_in_force ON data_lock (coalesce(site_code, '*'), cutoff) WHERE unlocked_at IS NULL;

CREATE TABLE frozen_report (
    lock_id    uuid  NOT NULL REFERENCES data_lock (id),
    name       text  NOT NULL,
    media_type text  NOT NULL,
    content    bytea NOT NULL,
    sha256     text  NOT NULL,
    PRIMARY KEY (lock_id, name)
);

-- What a lock froze is read, never rewritten: the runtime role may add a frozen report, not change or remove one.
DO $$
BEGIN
    EXECUTE format('REVOKE UPDATE, DELETE ON frozen_report FROM %I', '${runtime_role}');
END;
$$;
