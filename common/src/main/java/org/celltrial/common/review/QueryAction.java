package org.celltrial.common.review;

/** A step of a query's thread. */
public enum QueryAction {
    OPEN, ANSWER, CLOSE, REOPEN
}
