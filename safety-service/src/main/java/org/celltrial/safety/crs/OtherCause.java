package org.celltrial.safety.crs;

/**
 * Which findings of a vitals observation the investigator attributes to a cause other than CRS (e.g. sepsis); such
 * findings do not count towards CRS (docs/clinical-rules.md, CRS; ASTCT consensus: CRS findings are those not
 * attributable to any other cause).
 */
public enum OtherCause {
    HYPOTENSION(true, false),
    HYPOXIA(false, true),
    BOTH(true, true);

    private final boolean hypotension;
    private final boolean hypoxia;

    OtherCause(boolean hypotension, boolean hypoxia) {
        this.hypotension = hypotension;
        this.hypoxia = hypoxia;
    }

    boolean coversHypotension() {
        return hypotension;
    }

    boolean coversHypoxia() {
        return hypoxia;
    }
}
