package org.celltrial.common.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requests and answers of source data verification. */
public final class SourceVerificationViews {

    private SourceVerificationViews() {
    }

    public record RecordRef(@NotBlank @Size(max = 40) String recordType, @NotNull UUID recordId) {
    }

    /**
     * The records verified against source; {@code all: true} instead verifies every record of the patient that is
     * not void, as it stands now.
     */
    public record VerifyRecords(@Size(max = 1000) List<@NotNull @Valid RecordRef> records, Boolean all) {
    }

    public record VerifiedRecord(String recordType, UUID recordId, Instant verifiedAt, String verifiedBy) {
    }

    public record Verification(UUID patientId, int newlyVerified, List<VerifiedRecord> verified) {
    }

    /** Per site: records verified against source out of the records that are not void. */
    public record SiteProgress(String siteCode, long verified, long total, double percent) {
    }
}
