package org.celltrial.common.record;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What every clinical record kept outside enrollment-service has: the patient's id with the site and subject ID
 * it had when recorded (so stored data stays readable, and site-scoped, when enrollment-service is down), who
 * recorded it, and voiding instead of deletion.
 */
@MappedSuperclass
public abstract class PatientRecord {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

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
