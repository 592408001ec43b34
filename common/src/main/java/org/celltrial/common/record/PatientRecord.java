package org.celltrial.common.record;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Table;

/**
 * What every clinical record kept outside enrollment-service has: the patient's id with the site and subject ID
 * it had when recorded (so stored data stays readable, and site-scoped, when enrollment-service is down), who
 * recorded it; voided, never deleted ({@link VoidableRecord}).
 */
@MappedSuperclass
public abstract class PatientRecord extends VoidableRecord {

    @Column(name = "site_code", nullable = false)
    public String siteCode;

    @Column(name = "subject_id", nullable = false)
    public String subjectId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /**
     * The name the audit trail gives a kind of record: its JPA entity name where the entity names one, so renaming
     * the class does not split a record's history across two names; else the class's simple name.
     */
    public static String entityType(Class<? extends PatientRecord> kind) {
        Entity entity = kind.getAnnotation(Entity.class);
        return entity != null && !entity.name().isEmpty() ? entity.name() : kind.getSimpleName();
    }

    /** The table a kind of record is stored in, for the queries written in SQL. */
    public static String tableOf(Class<? extends PatientRecord> kind) {
        return kind.getAnnotation(Table.class).name();
    }
}
