package org.celltrial.common.enrollment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What safety and efficacy read of enrollment-service's patient reference (docs/api.md); the dose level (the CAR-T
 * dose, "DL1") goes into E2B(R3) reports. A tolerant reader: fields
 * it does not use are ignored, so enrollment can add fields freely. {@code birthDate} is absent for sponsors.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientReference(UUID id, String subjectId, String siteCode, String sex, LocalDate birthDate,
        Integer ageAtInfusionYears, LocalDate day0, LocalDate lymphodepletionStart, BigDecimal weightKg,
        BigDecimal baselinePlateletCountPer1e9L, String status, List<Therapy> therapies, String doseLevel) {

    /**
     * A therapy (concomitant, rescue or subsequent) with its dose: efficacy applies exposure windows by category and
     * censors at a subsequent therapy; safety stops ICAHT at one.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Therapy(String kind, String agent, String category, BigDecimal doseValue, String doseUnit,
            LocalDate start, LocalDate end) {
    }

    public List<Therapy> therapies() {
        return therapies == null ? List.of() : therapies;
    }
}
