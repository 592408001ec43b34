package org.celltrial.safety.ae;

/** ICH E2A seriousness criteria. */
public enum SeriousnessCriterion {
    DEATH,
    LIFE_THREATENING,
    HOSPITALISATION,
    DISABILITY,
    CONGENITAL_ANOMALY,
    IMPORTANT_MEDICAL_EVENT
}
