package org.celltrial.common.load;

import jakarta.enterprise.context.ApplicationScoped;

import org.celltrial.common.problem.FailureTranslator;
import org.celltrial.common.problem.Problem;
import org.celltrial.common.problem.ProblemType;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * A request a bulkhead turned away, because as many like it as the service can hold at once are running, as a 503
 * the client can retry instead of a 500. The reports over a whole study take a bulkhead: over 10 000 patients, three
 * study summaries at once (the gateway retries one that times out) took more than efficacy-service's heap, and the
 * service stopped (docs/performance.md, "At scale").
 */
@ApplicationScoped
public class BusyProblems implements FailureTranslator {

    static final Problem BUSY = Problem.of(ProblemType.SERVICE_UNAVAILABLE,
            "As many of these as the service computes at once are running; nothing was changed. Try again shortly");

    @Override
    public Problem translate(Throwable failure, boolean conditional) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BulkheadException) {
                return BUSY;
            }
        }
        return null;
    }
}
