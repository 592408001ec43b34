package org.celltrial.enrollment.patient;

import java.util.EnumSet;
import java.util.Set;

/**
 * A patient's course through the study (docs/api.md), and which step may follow which. A refused step is a 409
 * that names both states.
 */
public enum PatientStatus {
    SCREENING,
    ELIGIBLE,
    INELIGIBLE,
    ENROLLED,
    LYMPHODEPLETED,
    INFUSED,
    FOLLOW_UP,
    COMPLETED,
    WITHDRAWN;

    /** The states from which a patient may move into this one. */
    public Set<PatientStatus> reachableFrom() {
        return switch (this) {
            case SCREENING -> EnumSet.noneOf(PatientStatus.class);
            // Eligibility may be re-assessed until the patient is enrolled.
            case ELIGIBLE, INELIGIBLE -> EnumSet.of(SCREENING, ELIGIBLE, INELIGIBLE);
            case ENROLLED -> EnumSet.of(ELIGIBLE);
            // Each day's administration (or the omission) is recorded while lymphodepletion runs.
            case LYMPHODEPLETED -> EnumSet.of(ENROLLED, LYMPHODEPLETED);
            // One infusion only; lymphodepletion may have been omitted (a recorded deviation).
            case INFUSED -> EnumSet.of(LYMPHODEPLETED);
            case FOLLOW_UP -> EnumSet.of(INFUSED);
            case COMPLETED -> EnumSet.of(FOLLOW_UP);
            case WITHDRAWN -> EnumSet.complementOf(EnumSet.of(COMPLETED, WITHDRAWN));
        };
    }

    public boolean mayFollow(PatientStatus current) {
        return reachableFrom().contains(current);
    }
}
