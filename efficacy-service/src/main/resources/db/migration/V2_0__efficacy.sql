-- efficacy-service: the measurements efficacy is read from. Patients are enrollment-service's: each row keeps
-- the patient's id with the site and subject ID it had when recorded, so stored data stays readable (and
-- site-scoped) when enrollment-service is down. Rows are never deleted; mistakes are voided with a reason.

CREATE TABLE platelet_count (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    measured_on         DATE          NOT NULL,
    value_per1e9l       NUMERIC(6,1)  NOT NULL CHECK (value_per1e9l BETWEEN 0 AND 2000),
    bleeding_who_grade  INTEGER       CHECK (bleeding_who_grade BETWEEN 0 AND 4),
    source              VARCHAR(60),
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX platelet_count_patient ON platelet_count (patient_id, measured_on);

CREATE TABLE elisa_result (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    measured_on         DATE          NOT NULL,
    target              VARCHAR(20)   NOT NULL,
    optical_density     NUMERIC(6,3)  NOT NULL CHECK (optical_density >= 0),
    cutoff              NUMERIC(6,3)  NOT NULL CHECK (cutoff > 0),
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX elisa_result_patient ON elisa_result (patient_id, measured_on);

CREATE TABLE qpcr_sample (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    measured_on         DATE          NOT NULL,
    copies_per_ug_dna   NUMERIC(14,1) NOT NULL CHECK (copies_per_ug_dna >= 0),
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX qpcr_sample_patient ON qpcr_sample (patient_id, measured_on);

CREATE TABLE cd19_count (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    measured_on         DATE          NOT NULL,
    cd19_per_ul         NUMERIC(8,2)  NOT NULL CHECK (cd19_per_ul >= 0),
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX cd19_count_patient ON cd19_count (patient_id, measured_on);

-- One sample per patient and day (per target for ELISA): the kinetics and B-cell rules read a curve by date.
CREATE UNIQUE INDEX elisa_result_one_per_day ON elisa_result (patient_id, target, measured_on) WHERE NOT voided;
CREATE UNIQUE INDEX qpcr_sample_one_per_day ON qpcr_sample (patient_id, measured_on) WHERE NOT voided;
CREATE UNIQUE INDEX cd19_count_one_per_day ON cd19_count (patient_id, measured_on) WHERE NOT voided;
