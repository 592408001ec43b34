package org.celltrial.common.audit;

/** What a write did to a clinical record. Records are corrected or voided, never deleted. */
public enum AuditAction {
    CREATE,
    CORRECT,
    VOID,
    /** A derived grade recomputed from the data it rests on (a changed baseline, a protocol amendment). */
    REGRADE,
    STATUS_CHANGE,
    /** Access given (a user added to a site). */
    GRANT,
    /** Access taken away (a user removed from a site). */
    REVOKE
}
