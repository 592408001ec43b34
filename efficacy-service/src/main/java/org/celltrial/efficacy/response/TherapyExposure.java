package org.celltrial.efficacy.response;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A concomitant, rescue or subsequent therapy the patient received (docs/clinical-rules.md, ITP response).
 *
 * @param category  what kind of treatment (IVIG, ANTI_D, PLATELET_TRANSFUSION, GLUCOCORTICOID, TPO_RA,
 *                  ANTI_CD38...); exposure windows are configured per category ({@link IwgSettings#exposureWindows()})
 * @param agent     the drug or product given, for people
 * @param end       the last day given; null for a single administration or when still given, both taken as given
 *                  on its start day alone (an exposure window then runs from the start)
 * @param doseValue the dose, null when not recorded; compared with the stable baseline dose of the category
 *                  ({@link ExposureTrigger#ABOVE_BASELINE_DOSE},
 *                  {@link ExposureTrigger#STARTED_OR_INCREASED_AFTER_DAY0})
 * @param doseUnit  the dose's unit (UCUM, e.g. {@code mg}); only doses of the same unit are compared, a blank unit
 *                  is none
 */
public record TherapyExposure(TherapyKind kind, String category, String agent, LocalDate start, LocalDate end,
        BigDecimal doseValue, String doseUnit) {

    public TherapyExposure {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
        if (category == null || category.isBlank() || agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("category and agent are required, were " + category + " and " + agent);
        }
        if (start == null) {
            throw new IllegalArgumentException("start of " + agent + " is required");
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end of " + agent + " must not be before its start " + start
                    + ", was " + end);
        }
        if (doseValue != null && doseValue.signum() < 0) {
            throw new IllegalArgumentException("dose of " + agent + " must not be negative, was " + doseValue);
        }
        doseUnit = doseUnit == null || doseUnit.isBlank() ? null : doseUnit.strip();
    }

    /** A therapy without a recorded dose. */
    public TherapyExposure(TherapyKind kind, String category, String agent, LocalDate start, LocalDate end) {
        this(kind, category, agent, start, end, null, null);
    }

    /** The agent, with its category unless the agent already says it: "daratumumab (ANTI_CD38)", "IVIG". */
    public String describe() {
        return agent.equalsIgnoreCase(category) ? agent : agent + " (" + category + ")";
    }

    /** The last day of the therapy itself: its end, or its start when given once. */
    public LocalDate lastDay() {
        return end == null ? start : end;
    }

    /** "40 mg", "40" without a unit, "dose not recorded". */
    public String describeDose() {
        if (doseValue == null) {
            return "dose not recorded";
        }
        String value = doseValue.stripTrailingZeros().toPlainString();
        return doseUnit == null ? value : value + " " + doseUnit;
    }

    /** "given 2025-03-03 to 2025-03-04", "started 2025-03-05". */
    public String describeDates() {
        return end == null ? "started " + start : "given " + start + " to " + end;
    }
}
