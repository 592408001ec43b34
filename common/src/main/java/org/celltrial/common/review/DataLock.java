package org.celltrial.common.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A database lock at a cut-off, of the whole study (no site) or of one site: data dated on or before the cut-off
 * cannot be written while it is in force. Lifting it needs a reason; the row stays as history.
 */
@Entity(name = "DataLock")
@Table(name = "data_lock")
public class DataLock {

    @Id
    public UUID id;

    /** Null: the whole study. */
    @Column(name = "site_code")
    public String siteCode;

    @Column(nullable = false)
    public LocalDate cutoff;

    @Column(name = "locked_at", nullable = false)
    public Instant lockedAt;

    @Column(name = "locked_by", nullable = false)
    public String lockedBy;

    @Column(name = "unlocked_at")
    public Instant unlockedAt;

    @Column(name = "unlocked_by")
    public String unlockedBy;

    @Column(name = "unlock_reason")
    public String unlockReason;

    public boolean inForce() {
        return unlockedAt == null;
    }

    /** Whether this lock, in force, forbids writing data of the site dated on that day. */
    public boolean covers(String site, LocalDate dataDate) {
        return inForce() && (siteCode == null || siteCode.equals(site)) && !dataDate.isAfter(cutoff);
    }

    public String describe() {
        return "the lock of " + (siteCode == null ? "the study" : "site " + siteCode) + " at cut-off " + cutoff
                + " (" + id + ", by " + lockedBy + ")";
    }
}
