package org.celltrial.safety.sae;

public enum ReportingStatus {
    /** Serious but not a SUSAR: reported in periodic safety reports, no expedited deadline. */
    NOT_EXPEDITED,
    REPORTED,
    DUE,
    OVERDUE
}
