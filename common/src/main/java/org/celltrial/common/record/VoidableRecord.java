package org.celltrial.common.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.versioning.Versions;

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

    /**
     * The checks every void makes before it marks anything: the record exists and is this patient's (404), is not
     * void already (409), and If-Match carries its version (428 missing, 412 stale).
     */
    public static <R extends VoidableRecord> R checkVoidable(R record, UUID patientId, UUID recordId, String label,
            String ifMatch) {
        if (record == null || !record.patientId.equals(patientId)) {
            throw ProblemException.notFound(label + " " + recordId);
        }
        if (record.voided) {
            throw ProblemException.conflict(label + " " + recordId + " is already void: " + record.voidReason);
        }
        Versions.requireMatch(ifMatch, record.version);
        return record;
    }

    /**
     * The date the data describe (a sample's, an observation's, an event's onset, a dose's) in the study's time zone:
     * what a database lock's cut-off and a casebook signature's "signed through" date are compared with
     * (docs/data-review.md).
     */
    public abstract LocalDate dataDate(ZoneId studyZone);

    public void markVoid(String reason) {
        voided = true;
        voidReason = reason;
    }
}
