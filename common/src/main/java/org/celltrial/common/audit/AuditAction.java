package org.celltrial.common.audit;

/** What a write did to a clinical record. Records are corrected or voided, never deleted. */
public enum AuditAction {
    CREATE,
    CORRECT,
    VOID,
    /** A derived grade recomputed from the data it rests on (a changed baseline, a protocol amendment). */
    REGRADE,
    STATUS_CHANGE,
    /** A step of a data query: opened, answered, closed, re-opened (docs/data-review.md). */
    QUERY,
    /** A record marked verified against source, or the mark cleared because the record changed. */
    SOURCE_VERIFY,
    SOURCE_VERIFY_CLEAR,
    /** An investigator's casebook signature, or its invalidation by a later change to signed data. */
    SIGN,
    SIGNATURE_INVALIDATE,
    /** A database lock at a cut-off, and its lifting (with a reason). */
    LOCK,
    UNLOCK,
    /** Access given (a user added to a site). */
    GRANT,
    /** Access taken away (a user removed from a site). */
    REVOKE
}
