package org.celltrial.enrollment.eligibility;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.celltrial.enrollment.patient.PatientStatus;

/** Every criterion with met / not met and why, the outcome, and the patient's status after it. */
public record EligibilityResponse(UUID patientId, String subjectId, LocalDate assessedOn, int protocolVersion,
        EligibilityOutcome outcome, PatientStatus status, List<CriterionResult> criteria) {
}
