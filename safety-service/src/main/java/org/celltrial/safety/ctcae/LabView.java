package org.celltrial.safety.ctcae;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A lab result with the CTCAE term and grade derived from it, the rule (row) that decided the grade, and the CTCAE,
 * protocol and engine versions it was graded under.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabView(UUID id, Instant at, Analyte analyte, BigDecimal value, String unit,
        BigDecimal lowerLimitNormal, BigDecimal upperLimitNormal, int ctcaeGrade, String ctcaeRule, String ctcaeEngine,
        String ctcaeVersion, int protocolVersion, int version) {

    static LabView of(LabRecord lab) {
        return new LabView(lab.id, lab.at, lab.analyte, lab.value, lab.unit, lab.lowerLimitNormal,
                lab.upperLimitNormal, lab.ctcaeGrade, lab.ctcaeRule, lab.ctcaeEngine, lab.ctcaeVersion,
                lab.protocolVersion, lab.version);
    }
}
