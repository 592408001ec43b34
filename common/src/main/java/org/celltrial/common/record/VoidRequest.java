package org.celltrial.common.record;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a record is voided: it was a mistake (a correction is a new record). */
public record VoidRequest(@NotBlank @Size(max = 2000) String reason) {
}
