package org.celltrial.common.review;

/** Where a data query stands (docs/data-review.md, Queries). */
public enum QueryStatus {
    /** Raised by a monitor or data manager, waiting for the site. */
    OPEN,
    /** The site answered (and corrected the record, or explained); waiting for the monitor. */
    ANSWERED,
    /** Resolved by the monitor; may be re-opened. */
    CLOSED
}
