package org.celltrial.common.idempotency;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;

/**
 * A 409 problem for a create whose {@code Idempotency-Key} another request is processing right now (or that lost a
 * race to one): answered with {@code Retry-After}, after which the retry gets the first request's result replayed.
 */
public class KeyInProgress extends ProblemException {

    /** Seconds a client waits before retrying: a create is done well within it. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public KeyInProgress(String detail) {
        super(ProblemType.CONFLICT, detail);
    }

    public int retryAfterSeconds() {
        return RETRY_AFTER_SECONDS;
    }
}
