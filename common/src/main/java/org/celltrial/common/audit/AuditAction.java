package org.celltrial.common.audit;

/** What a write did to a clinical record. Records are corrected or voided, never deleted. */
public enum AuditAction {
    CREATE,
    CORRECT,
    VOID,
    STATUS_CHANGE
}
