package org.celltrial.enrollment.therapy;

/**
 * Why a therapy was given around the CAR-T: efficacy excludes platelet counts in the window after a RESCUE
 * therapy and censors the CAR-T response at the start of a SUBSEQUENT one (docs/clinical-rules.md, ITP response).
 */
public enum TherapyKind {
    CONCOMITANT,
    RESCUE,
    SUBSEQUENT
}
