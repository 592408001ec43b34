package org.celltrial.efficacy.response;

/**
 * Why a therapy given around the CAR-T matters to the IWG response (docs/clinical-rules.md, ITP response).
 * Whether a RESCUE or CONCOMITANT therapy opens an exposure window depends on its category alone
 * ({@link IwgSettings#exposureWindows()}).
 */
public enum TherapyKind {
    /** A therapy given along the CAR-T (a maintenance glucocorticoid, a TPO receptor agonist...). */
    CONCOMITANT,
    /**
     * IVIG, platelet transfusion, corticosteroid pulse... given for bleeding or a dangerously low count: needed after
     * a response, it is a loss-of-response signal; it also counts for rescue independence.
     */
    RESCUE,
    /** A further ITP therapy (for example daratumumab): the CAR-T response is censored on its start date. */
    SUBSEQUENT
}
