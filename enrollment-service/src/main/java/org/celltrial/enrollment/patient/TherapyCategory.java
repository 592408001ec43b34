package org.celltrial.enrollment.patient;

/** Categories of prior ITP therapy (docs/api.md). */
public enum TherapyCategory {
    GLUCOCORTICOID,
    IVIG,
    TPO_RA,
    RITUXIMAB,
    SPLENECTOMY,
    IMMUNOSUPPRESSANT,
    OTHER
}
