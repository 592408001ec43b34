package org.celltrial.efficacy.response;

/**
 * Why a therapy given after the CAR-T matters to the IWG response (docs/clinical-rules.md, ITP response).
 */
public enum TherapyKind {
    /** IVIG, platelet transfusion, corticosteroid pulse...: platelet counts in its window don't count. */
    RESCUE,
    /** A further ITP therapy (for example daratumumab): the CAR-T response is censored on its start date. */
    SUBSEQUENT
}
