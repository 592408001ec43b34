package org.celltrial.common.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The requests and answers of database locks. */
public final class LockViews {

    private LockViews() {
    }

    /**
     * Locks the study ({@code siteCode} absent) or one site at a cut-off. {@code id} (optional) makes the lock one
     * across services: the gateway locks every service under one id, and a retry with it is answered with the lock
     * already made.
     */
    public record Lock(UUID id, @NotNull LocalDate cutoff, @Size(max = 40) String siteCode) {
    }

    public record Unlock(@NotBlank @Size(max = 2000) String reason) {
    }

    public record FrozenReportView(String name, String mediaType, long bytes, String sha256) {
    }

    public record LockView(UUID id, String siteCode, LocalDate cutoff, Instant lockedAt, String lockedBy,
            boolean inForce, Instant unlockedAt, String unlockedBy, String unlockReason,
            List<FrozenReportView> frozen) {
    }
}
