package org.celltrial.enrollment.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.celltrial.enrollment.eligibility.EligibilityCriteria;
import org.celltrial.enrollment.lymphodepletion.DosingRules;
import org.celltrial.enrollment.lymphodepletion.RegimenAgent;
import org.celltrial.enrollment.schedule.VisitDefinition;

/**
 * The protocol as data: dose levels, the lymphodepletion regimen and how its doses are computed, the CAR-T
 * dose tolerance, the visit schedule, the eligibility criteria, how safety is graded and how the response is read. Stored as one JSON
 * document per version.
 */
public record ProtocolDefinition(
        @NotBlank String name,
        @NotEmpty List<@Valid @NotNull DoseLevel> doseLevels,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal carTDoseTolerancePercent,
        @NotEmpty List<@NotNull RegimenAgent> lymphodepletion,
        @NotNull DosingRules dosing,
        @NotEmpty List<@NotNull VisitDefinition> visitSchedule,
        @NotNull EligibilityCriteria eligibility,
        @NotNull @Valid SafetyGrading safetyGrading,
        @NotNull @Valid EfficacyResponse efficacyResponse) {

    public Optional<DoseLevel> doseLevel(String code) {
        return doseLevels.stream().filter(level -> level.code().equals(code)).findFirst();
    }
}
