package org.celltrial.enrollment.record;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A clinical record of one patient that is never deleted: a mistaken one is voided with a reason (who and when
 * are in its audit row) and left out of every list and of everything computed from them.
 */
@MappedSuperclass
public abstract class VoidableRecord {

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public boolean voided;

    @Column(name = "void_reason")
    public String voidReason;

    @Version
    public int version;
}
