package org.celltrial.enrollment.patient;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record EnrollmentRequest(@NotNull @PastOrPresent LocalDate consentDate, @NotBlank String doseLevel) {
}
