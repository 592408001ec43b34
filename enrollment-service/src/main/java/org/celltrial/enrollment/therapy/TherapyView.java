package org.celltrial.enrollment.therapy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record TherapyView(UUID id, TherapyKind kind, String agent, TreatmentCategory category, BigDecimal doseValue,
        String doseUnit, LocalDate start, LocalDate end, String indication, int version) {

    public static TherapyView of(Therapy therapy) {
        return new TherapyView(therapy.id, therapy.kind, therapy.agent, therapy.category, therapy.doseValue,
                therapy.doseUnit, therapy.start, therapy.end, therapy.indication, therapy.version);
    }
}
