package org.celltrial.common.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requests and answers of casebook signatures. */
public final class SignatureViews {

    private SignatureViews() {
    }

    /**
     * Signs the patient's casebook through a date with a stated meaning. {@code id} (optional) makes the signature
     * one across services: the gateway signs every service's part under one id, and a retry with it is answered
     * with the signature already made.
     */
    public record Sign(UUID id, @NotNull LocalDate signedThrough, @NotBlank @Size(max = 200) String meaning) {
    }

    public enum SignatureStatus {
        VALID, INVALIDATED
    }

    public record SignatureView(UUID id, UUID patientId, String subjectId, String siteCode, LocalDate signedThrough,
            String meaning, String signer, String signerName, Instant signedAt, Instant authenticatedAt,
            SignatureStatus status, Instant invalidatedAt, UUID invalidatedByRecord, String invalidationReason) {

        static SignatureView of(CasebookSignature signature) {
            return new SignatureView(signature.id, signature.patientId, signature.subjectId, signature.siteCode,
                    signature.signedThrough, signature.meaning, signature.signer, signature.signerName,
                    signature.signedAt, signature.authenticatedAt,
                    signature.valid() ? SignatureStatus.VALID : SignatureStatus.INVALIDATED, signature.invalidatedAt,
                    signature.invalidatedByRecord, signature.invalidationReason);
        }
    }
}
