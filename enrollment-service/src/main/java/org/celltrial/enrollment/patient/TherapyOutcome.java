package org.celltrial.enrollment.patient;

/**
 * How a prior ITP therapy ended for the patient, as recorded at screening (docs/clinical-rules.md, Eligibility:
 * the refractory path of ClinicalTrials.gov NCT06352281 reads "documented intolerance or insufficient response").
 */
public enum TherapyOutcome {
    /** Responded, and the response held while the therapy was given. */
    RESPONSE,
    /** Never responded: an insufficient response. */
    NO_RESPONSE,
    /** Responded, then lost the response: an insufficient response. */
    RELAPSE,
    /** Stopped because the patient did not tolerate it. */
    INTOLERANCE
}
