package org.celltrial.common.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An investigator's signature of a patient's casebook up to a date (21 CFR Part 11 §11.50): who (username and
 * printed name), when, the meaning, and when the signer last authenticated. A later change to signed data
 * invalidates it; it is kept, never removed.
 */
@Entity(name = "CasebookSignature")
@Table(name = "casebook_signature")
public class CasebookSignature {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "signed_through", nullable = false)
    public LocalDate signedThrough;

    @Column(nullable = false)
    public String meaning;

    @Column(nullable = false)
    public String signer;

    @Column(name = "signer_name", nullable = false)
    public String signerName;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    @Column(name = "authenticated_at", nullable = false)
    public Instant authenticatedAt;

    @Column(name = "invalidated_at")
    public Instant invalidatedAt;

    @Column(name = "invalidated_by_record")
    public UUID invalidatedByRecord;

    @Column(name = "invalidation_reason")
    public String invalidationReason;

    public boolean valid() {
        return invalidatedAt == null;
    }
}
