package org.celltrial.safety.ae;

/** Where an adverse event comes from: reported by hand, or derived from graded observations. */
public enum Origin {
    REPORTED,
    LAB,
    CRS,
    ICANS
}
