package org.celltrial.efficacy.antibody;

/** An ELISA result read against its cut-off: positive at or above it (docs/clinical-rules.md). */
public enum AntibodyStatus {
    POSITIVE,
    NEGATIVE
}
