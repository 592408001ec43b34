package org.celltrial.enrollment.patient;

import java.time.LocalDate;
import java.util.UUID;

/** A row of the patient list: pseudonymised, no identifying data. */
public record PatientSummary(UUID id, String subjectId, String siteCode, PatientStatus status, String doseLevel,
        LocalDate day0) {

    static PatientSummary of(Patient patient) {
        return new PatientSummary(patient.id, patient.subjectId, patient.siteCode, patient.status, patient.doseLevel,
                patient.day0);
    }
}
