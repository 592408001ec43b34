package org.celltrial.efficacy.response;

import java.time.LocalDate;

/**
 * A rescue or subsequent therapy the patient received (docs/clinical-rules.md, ITP response).
 *
 * @param category what kind of treatment (IVIG, PLATELET_TRANSFUSION, GLUCOCORTICOID, ANTI_CD38...); rescue windows
 *                 are configured per category ({@link IwgSettings#rescueWindowDaysByCategory()})
 * @param agent    the drug or product given, for people
 * @param end      the last day given; null for a single administration or when still given
 */
public record TherapyExposure(TherapyKind kind, String category, String agent, LocalDate start, LocalDate end) {

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
    }

    /** The agent, with its category unless the agent already says it: "daratumumab (ANTI_CD38)", "IVIG". */
    public String describe() {
        return agent.equalsIgnoreCase(category) ? agent : agent + " (" + category + ")";
    }

    /** The last day of the therapy itself: its end, or its start when given once. */
    public LocalDate lastDay() {
        return end == null ? start : end;
    }
}
