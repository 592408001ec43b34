package org.celltrial.enrollment.patient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A patient as the roles allowed identifying data read it; {@code version} is also the ETag. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientView(
        UUID id,
        String subjectId,
        String siteCode,
        String screeningNumber,
        LocalDate screeningDate,
        Sex sex,
        LocalDate birthDate,
        String initials,
        BigDecimal heightCm,
        BigDecimal weightKg,
        LocalDate itpDiagnosisDate,
        BigDecimal baselinePlateletCountPer1e9L,
        List<PriorTherapyEntry> priorTherapies,
        Boolean gpAutoantibodyPositive,
        PatientStatus status,
        Integer protocolVersion,
        String doseLevel,
        LocalDate consentDate,
        LocalDate day0,
        int version) {

    static PatientView of(Patient patient, PatientIdentity identity, List<PriorTherapy> therapies) {
        return new PatientView(patient.id, patient.subjectId, patient.siteCode, patient.screeningNumber,
                patient.screeningDate, patient.sex, identity.birthDate, identity.initials, patient.heightCm,
                patient.weightKg, patient.itpDiagnosisDate, patient.baselinePlateletCountPer1e9L,
                therapies.stream().map(PriorTherapyEntry::of).toList(), patient.gpAutoantibodyPositive,
                patient.status, patient.protocolVersion, patient.doseLevel, patient.consentDate, patient.day0,
                patient.version);
    }
}
