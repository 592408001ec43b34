package org.celltrial.enrollment.infusion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Day 0 and the CAR-T dose: target from weight and dose level, what was infused, and the deviation from target. */
public record InfusionView(UUID patientId, String subjectId, LocalDate day0, String doseLevel, BigDecimal cellsPerKg,
        BigDecimal weightKg, BigDecimal targetCells, BigDecimal totalCellsInfused, BigDecimal deviationPercent,
        boolean withinTolerance, String explanation, boolean deviationRecorded) {
}
