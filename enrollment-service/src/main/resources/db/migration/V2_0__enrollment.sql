-- enrollment-service: the protocol, sites, patients and everything up to and including Day 0.
-- Clinical rows are never deleted: corrections bump "version" (audited), mistakes are voided with a reason.

CREATE TABLE protocol_version (
    version      INTEGER      PRIMARY KEY,
    definition   JSONB        NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(200) NOT NULL,
    reason       TEXT         NOT NULL
);

CREATE TABLE site (
    code                 VARCHAR(20)  PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    last_subject_number  INTEGER      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL
);

CREATE TABLE patient (
    id                          UUID         PRIMARY KEY,
    subject_id                  VARCHAR(40)  NOT NULL UNIQUE,
    site_code                   VARCHAR(20)  NOT NULL REFERENCES site (code),
    screening_number            VARCHAR(40)  NOT NULL,
    screening_date              DATE         NOT NULL,
    sex                         VARCHAR(1)   NOT NULL CHECK (sex IN ('F', 'M')),
    height_cm                   NUMERIC(5,1) NOT NULL CHECK (height_cm BETWEEN 40 AND 250),
    weight_kg                   NUMERIC(5,1) NOT NULL CHECK (weight_kg BETWEEN 2 AND 300),
    itp_diagnosis_date          DATE         NOT NULL,
    baseline_platelets_per1e9l  NUMERIC(6,1) NOT NULL CHECK (baseline_platelets_per1e9l BETWEEN 0 AND 2000),
    gp_autoantibody_positive    BOOLEAN,
    status                      VARCHAR(20)  NOT NULL,
    protocol_version            INTEGER      REFERENCES protocol_version (version),
    dose_level                  VARCHAR(10),
    consent_date                DATE,
    day0                        DATE,
    version                     INTEGER      NOT NULL,
    created_at                  TIMESTAMPTZ  NOT NULL,
    UNIQUE (site_code, screening_number)
);
CREATE INDEX patient_site_status ON patient (site_code, status);

-- Identifying data lives apart from the pseudonymised record and leaves the service only for roles allowed it.
CREATE TABLE patient_identity (
    patient_id   UUID        PRIMARY KEY REFERENCES patient (id),
    birth_date   DATE        NOT NULL,
    initials     VARCHAR(5)
);

CREATE TABLE prior_therapy (
    id           UUID         PRIMARY KEY,
    patient_id   UUID         NOT NULL REFERENCES patient (id),
    category     VARCHAR(30)  NOT NULL,
    agent        VARCHAR(100),
    start_date   DATE,
    end_date     DATE
);
CREATE INDEX prior_therapy_patient ON prior_therapy (patient_id);

CREATE TABLE eligibility_assessment (
    id            UUID         PRIMARY KEY,
    patient_id    UUID         NOT NULL REFERENCES patient (id),
    assessed_on   DATE         NOT NULL,
    assessed_by   VARCHAR(200) NOT NULL,
    outcome       VARCHAR(20)  NOT NULL,
    result        JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX eligibility_assessment_patient ON eligibility_assessment (patient_id, created_at);

CREATE TABLE lymphodepletion_plan (
    id                  UUID         PRIMARY KEY,
    patient_id          UUID         NOT NULL REFERENCES patient (id),
    planned_infusion    DATE         NOT NULL,
    plan                JSONB        NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(200) NOT NULL
);
CREATE INDEX lymphodepletion_plan_patient ON lymphodepletion_plan (patient_id, created_at);

CREATE TABLE lymphodepletion_administration (
    id              UUID          PRIMARY KEY,
    patient_id      UUID          NOT NULL REFERENCES patient (id),
    agent           VARCHAR(60),
    given_on        DATE,
    dose_mg         NUMERIC(8,1)  CHECK (dose_mg >= 0),
    omitted         BOOLEAN       NOT NULL,
    reason          TEXT,
    voided          BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason     TEXT,
    created_at      TIMESTAMPTZ   NOT NULL,
    created_by      VARCHAR(200)  NOT NULL,
    CHECK (omitted OR (agent IS NOT NULL AND given_on IS NOT NULL AND dose_mg IS NOT NULL)),
    CHECK (NOT omitted OR reason IS NOT NULL)
);
CREATE INDEX lymphodepletion_administration_patient ON lymphodepletion_administration (patient_id);

CREATE TABLE infusion (
    patient_id           UUID          PRIMARY KEY REFERENCES patient (id),
    infused_on           DATE          NOT NULL,
    weight_kg            NUMERIC(5,1)  NOT NULL,
    dose_level           VARCHAR(10)   NOT NULL,
    cells_per_kg         NUMERIC(12,1) NOT NULL,
    target_cells         NUMERIC(16,1) NOT NULL,
    total_cells_infused  NUMERIC(16,1) NOT NULL CHECK (total_cells_infused > 0),
    deviation_percent    NUMERIC(7,1)  NOT NULL,
    within_tolerance     BOOLEAN       NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    created_by           VARCHAR(200)  NOT NULL
);

CREATE TABLE therapy (
    id            UUID          PRIMARY KEY,
    patient_id    UUID          NOT NULL REFERENCES patient (id),
    kind          VARCHAR(20)   NOT NULL,
    agent         VARCHAR(100)  NOT NULL,
    category      VARCHAR(40)   NOT NULL,
    dose_value    NUMERIC(12,3),
    dose_unit     VARCHAR(20),
    start_date    DATE          NOT NULL,
    end_date      DATE,
    indication    VARCHAR(300),
    voided        BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason   TEXT,
    version       INTEGER       NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX therapy_patient ON therapy (patient_id, start_date);

CREATE TABLE protocol_deviation (
    id            UUID          PRIMARY KEY,
    patient_id    UUID          NOT NULL REFERENCES patient (id),
    category      VARCHAR(40)   NOT NULL,
    description   TEXT          NOT NULL,
    occurred_on   DATE          NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL,
    created_by    VARCHAR(200)  NOT NULL
);
CREATE INDEX protocol_deviation_patient ON protocol_deviation (patient_id, occurred_on);
