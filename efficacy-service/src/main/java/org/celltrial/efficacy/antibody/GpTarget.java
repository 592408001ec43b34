package org.celltrial.efficacy.antibody;

/** Platelet glycoproteins that ITP autoantibodies are measured against by ELISA (docs/clinical-rules.md). */
public enum GpTarget {
    GPIIB_IIIA("GPIIb/IIIa"),
    GPIB_IX("GPIb/IX"),
    GPIA_IIA("GPIa/IIa");

    private final String label;

    GpTarget(String label) {
        this.label = label;
    }

    /** The name as papers write it: "GPIIb/IIIa". */
    public String label() {
        return label;
    }
}
