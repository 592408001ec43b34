package org.celltrial.safety.ctcae;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The versions of the National Cancer Institute's Common Terminology Criteria for Adverse Events that CellTrial grades
 * laboratory results by (docs/clinical-rules.md, section "CTCAE").
 */
public enum CtcaeVersion {
    /** CTCAE v5.0, National Cancer Institute, published November 27, 2017. */
    V5_0("5.0"),
    /** CTCAE v6.0, National Cancer Institute, 2025. */
    V6_0("6.0");

    private final String label;

    CtcaeVersion(String label) {
        this.label = label;
    }

    /** The version number as the NCI writes it: "5.0", "6.0". */
    public String label() {
        return label;
    }

    /**
     * @param label the version number as the NCI writes it, e.g. "6.0"
     * @throws IllegalArgumentException for a label that names no version CellTrial grades by
     */
    public static CtcaeVersion of(String label) {
        return Arrays.stream(values())
                .filter(version -> version.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown CTCAE version " + label + "; known: "
                        + Arrays.stream(values()).map(CtcaeVersion::label).collect(Collectors.joining(", "))));
    }
}
