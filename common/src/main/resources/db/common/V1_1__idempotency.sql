-- Responses to creates sent with an Idempotency-Key, so a retry returns the first result and creates nothing.
CREATE TABLE idempotency_record (
    caller        VARCHAR(200) NOT NULL,
    key           VARCHAR(200) NOT NULL,
    fingerprint   VARCHAR(64)  NOT NULL,
    status        INTEGER      NOT NULL,
    location      VARCHAR(500),
    body          JSONB        NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (caller, key)
);
