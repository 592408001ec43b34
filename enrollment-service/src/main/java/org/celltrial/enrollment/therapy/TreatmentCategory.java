package org.celltrial.enrollment.therapy;

/** What kind of treatment; efficacy's rescue windows are configured per category. */
public enum TreatmentCategory {
    IVIG,
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
