package org.celltrial.common.protocol;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a patient is regraded under the protocol in force (an amendment, usually): kept in the audit trail. */
public record RegradeRequest(@NotBlank @Size(max = 2000) String reason) {
}
