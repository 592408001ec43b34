package org.celltrial.enrollment.lymphodepletion;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;

/**
 * One agent of the lymphodepletion regimen: its daily dose per m² and the study days it is given on (before the
 * infusion on Day 0, so negative). Default regimen from docs/clinical-rules.md, Dosing: fludarabine 30 mg/m²
 * and cyclophosphamide 300 mg/m² on days −5, −4, −3; fludarabine is the renally adjusted one.
 *
 * @param renallyAdjusted whether the protocol's renal reduction ({@link DosingRules}) applies to this agent
 */
public record RegimenAgent(String agent, BigDecimal mgPerM2, List<Integer> days, boolean renallyAdjusted) {

    public static final String FLUDARABINE = "fludarabine";
    public static final String CYCLOPHOSPHAMIDE = "cyclophosphamide";

    public RegimenAgent {
        if (agent == null || agent.isBlank()) {
            throw new IllegalArgumentException("agent is required");
        }
        if (mgPerM2 == null || mgPerM2.signum() <= 0) {
            throw new IllegalArgumentException("mgPerM2 of " + agent + " must be positive, was " + mgPerM2);
        }
        if (days == null || days.isEmpty()) {
            throw new IllegalArgumentException("days of " + agent + " must name at least one study day");
        }
        if (days.stream().anyMatch(day -> day == null || day >= 0)) {
            throw new IllegalArgumentException(
                    "days of " + agent + " must be study days before the infusion (negative), were " + days);
        }
        if (new HashSet<>(days).size() != days.size()) {
            throw new IllegalArgumentException("days of " + agent + " must not repeat, were " + days);
        }
        days = List.copyOf(days);
    }

    /** An agent renally adjusted as by default: fludarabine is, any other agent is not. */
    public static RegimenAgent of(String agent, BigDecimal mgPerM2, List<Integer> days) {
        return new RegimenAgent(agent, mgPerM2, days, FLUDARABINE.equalsIgnoreCase(agent));
    }

    public static List<RegimenAgent> defaultRegimen() {
        List<Integer> days = List.of(-5, -4, -3);
        return List.of(of(FLUDARABINE, BigDecimal.valueOf(30), days), of(CYCLOPHOSPHAMIDE, BigDecimal.valueOf(300), days));
    }
}
