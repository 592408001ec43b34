package org.celltrial.enrollment.deviation;

public enum DeviationCategory {
    LYMPHODEPLETION_OMITTED,
    LYMPHODEPLETION_DOSE,
    CAR_T_DOSE_OUT_OF_TOLERANCE,
    DOSE_LEVEL_CHANGED,
    VISIT_OUT_OF_WINDOW,
    ELIGIBILITY,
    CONSENT,
    OTHER
}
