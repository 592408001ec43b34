-- safety-service: raw bedside observations as observed, and the adverse events graded from them or reported.
-- Patients are enrollment-service's: each row keeps the site and subject ID the patient had when recorded.
-- Rows are never deleted; mistakes are voided with a reason.

CREATE TABLE vitals (
    id                          UUID          PRIMARY KEY,
    patient_id                  UUID          NOT NULL,
    site_code                   VARCHAR(20)   NOT NULL,
    subject_id                  VARCHAR(40)   NOT NULL,
    observed_at                 TIMESTAMPTZ   NOT NULL,
    temperature_c               NUMERIC(4,1)  NOT NULL CHECK (temperature_c BETWEEN 30 AND 45),
    hypotension                 VARCHAR(30)   NOT NULL,
    oxygen                      VARCHAR(30)   NOT NULL,
    oxygen_lpm                  NUMERIC(4,1)  CHECK (oxygen_lpm BETWEEN 0 AND 80),
    antipyretic_or_anti_cytokine BOOLEAN      NOT NULL,
    voided                      BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason                 TEXT,
    version                     INTEGER       NOT NULL,
    created_at                  TIMESTAMPTZ   NOT NULL,
    created_by                  VARCHAR(200)  NOT NULL
);
CREATE INDEX vitals_patient ON vitals (patient_id, observed_at);

CREATE TABLE neuro_assessment (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    assessed_at         TIMESTAMPTZ   NOT NULL,
    ice_orientation     INTEGER       CHECK (ice_orientation BETWEEN 0 AND 4),
    ice_naming          INTEGER       CHECK (ice_naming BETWEEN 0 AND 3),
    ice_commands        INTEGER       CHECK (ice_commands BETWEEN 0 AND 1),
    ice_writing         INTEGER       CHECK (ice_writing BETWEEN 0 AND 1),
    ice_attention       INTEGER       CHECK (ice_attention BETWEEN 0 AND 1),
    capd_score          INTEGER       CHECK (capd_score BETWEEN 0 AND 32),
    consciousness       VARCHAR(30)   NOT NULL,
    seizure             VARCHAR(30)   NOT NULL,
    motor_weakness      VARCHAR(30)   NOT NULL,
    cerebral_edema      VARCHAR(30)   NOT NULL,
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX neuro_assessment_patient ON neuro_assessment (patient_id, assessed_at);

CREATE TABLE lab_result (
    id                  UUID          PRIMARY KEY,
    patient_id          UUID          NOT NULL,
    site_code           VARCHAR(20)   NOT NULL,
    subject_id          VARCHAR(40)   NOT NULL,
    collected_at        TIMESTAMPTZ   NOT NULL,
    analyte             VARCHAR(10)   NOT NULL,
    value               NUMERIC(12,3) NOT NULL CHECK (value >= 0),
    unit                VARCHAR(20)   NOT NULL,
    lower_limit_normal  NUMERIC(12,3),
    upper_limit_normal  NUMERIC(12,3),
    ctcae_grade         INTEGER       NOT NULL,
    ctcae_rule          TEXT          NOT NULL,
    voided              BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason         TEXT,
    version             INTEGER       NOT NULL,
    created_at          TIMESTAMPTZ   NOT NULL,
    created_by          VARCHAR(200)  NOT NULL
);
CREATE INDEX lab_result_patient ON lab_result (patient_id, analyte, collected_at);

-- An adverse event: reported by hand, or derived (a CTCAE lab grade, a CRS or ICANS episode). The derived grade
-- and a safety officer's confirmed grade are both kept; "grade" is the one in force.
CREATE TABLE adverse_event (
    id                          UUID          PRIMARY KEY,
    patient_id                  UUID          NOT NULL,
    site_code                   VARCHAR(20)   NOT NULL,
    subject_id                  VARCHAR(40)   NOT NULL,
    origin                      VARCHAR(10)   NOT NULL CHECK (origin IN ('REPORTED', 'LAB', 'CRS', 'ICANS')),
    origin_key                  VARCHAR(100),
    ctcae_term                  VARCHAR(200)  NOT NULL,
    meddra_code                 VARCHAR(20),
    onset                       DATE          NOT NULL,
    derived_grade               INTEGER       CHECK (derived_grade BETWEEN 1 AND 5),
    derived_rule                TEXT,
    confirmed_grade             INTEGER       CHECK (confirmed_grade BETWEEN 1 AND 5),
    confirmed_by                VARCHAR(200),
    confirmation_reason         TEXT,
    grade                       INTEGER       NOT NULL CHECK (grade BETWEEN 1 AND 5),
    serious                     BOOLEAN       NOT NULL,
    seriousness_criteria        TEXT          NOT NULL,
    related_to_car_t            VARCHAR(20),
    related_to_lymphodepletion  VARCHAR(20),
    outcome                     VARCHAR(30),
    resolved_on                 DATE,
    treatments                  TEXT          NOT NULL,
    voided                      BOOLEAN       NOT NULL DEFAULT FALSE,
    void_reason                 TEXT,
    version                     INTEGER       NOT NULL,
    created_at                  TIMESTAMPTZ   NOT NULL,
    created_by                  VARCHAR(200)  NOT NULL,
    CHECK (resolved_on IS NULL OR resolved_on >= onset)
);
CREATE INDEX adverse_event_patient ON adverse_event (patient_id, onset);
-- One derived event per lab term episode or CRS/ICANS episode.
CREATE UNIQUE INDEX adverse_event_derived ON adverse_event (patient_id, origin, origin_key) WHERE NOT voided
    AND origin <> 'REPORTED';
