package org.celltrial.safety.ae;

/** CDISC AEOUT outcomes. */
public enum Outcome {
    RECOVERED,
    RECOVERING,
    NOT_RECOVERED,
    RECOVERED_WITH_SEQUELAE,
    FATAL,
    UNKNOWN
}
