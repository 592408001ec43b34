package org.celltrial.enrollment.therapy;

/** What kind of treatment; efficacy's exposure windows are configured per category in the protocol. */
public enum TreatmentCategory {
    IVIG,
    ANTI_D,
    PLATELET_TRANSFUSION,
    GLUCOCORTICOID,
    TPO_RA,
    RITUXIMAB,
    ANTI_CD38,
    IMMUNOSUPPRESSANT,
    ANTIFIBRINOLYTIC,
    TOCILIZUMAB,
    ANTI_INFECTIVE,
    OTHER
}
