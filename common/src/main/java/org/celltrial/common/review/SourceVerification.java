package org.celltrial.common.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record's mark as verified against source, by a monitor; removed (audited) when the record changes. */
@Entity(name = "SourceVerification")
@Table(name = "source_verification")
public class SourceVerification {

    @Id
    @Column(name = "record_id")
    public UUID recordId;

    @Column(name = "record_type", nullable = false)
    public String recordType;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "verified_at", nullable = false)
    public Instant verifiedAt;

    @Column(name = "verified_by", nullable = false)
    public String verifiedBy;
}
