package org.celltrial.efficacy.measurement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every efficacy measurement has: the patient (with the site and subject ID it had when recorded), the
 * date measured, who recorded it, and voiding instead of deletion.
 */
@MappedSuperclass
public abstract class Measurement {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "measured_on", nullable = false)
    public LocalDate measuredOn;

    @Column(nullable = false)
    public boolean voided;

    @Column(name = "void_reason")
    public String voidReason;

    @Version
    public int version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
