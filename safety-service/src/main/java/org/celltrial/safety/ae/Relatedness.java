package org.celltrial.safety.ae;

public enum Relatedness {
    NOT_RELATED,
    UNLIKELY,
    POSSIBLE,
    PROBABLE,
    DEFINITE
}
