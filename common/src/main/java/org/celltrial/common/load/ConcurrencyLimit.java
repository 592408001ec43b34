package org.celltrial.common.load;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;

import io.smallrye.mutiny.Uni;

/**
 * At most so many runs at once of a computation whose memory grows with the study (a report over every patient);
 * one more is a 503 problem at once, which the client can retry. Over 10 000 patients, three efficacy summaries at once
 * took more than the service's heap and it stopped (docs/performance.md, run 12).
 *
 * <p>Written here rather than with Fault Tolerance's {@code @Bulkhead}: on a method returning a Uni, its waiting queue
 * ran a queued summary after the request's context was gone (no caller, no token to call enrollment with: a 500 and a
 * 503), and without a queue it would add nothing to this counter.
 */
public final class ConcurrencyLimit {

    private final int max;
    private final String what;
    private final AtomicInteger running = new AtomicInteger();

    /** @param what the computation, for the problem's detail ("study summaries") */
    public ConcurrencyLimit(int max, String what) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one run at a time, was " + max);
        }
        this.max = max;
        this.what = what;
    }

    /** The work, subscribed to in the caller's context, if fewer than the maximum run; else a 503 problem. */
    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            if (running.incrementAndGet() > max) {
                running.decrementAndGet();
                return Uni.createFrom().failure(new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "As many "
                        + what + " as the service computes at once (" + max + ") are running; nothing was changed. "
                        + "Try again shortly"));
            }
            Uni<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                running.decrementAndGet();
                throw e;
            }
            return started.onTermination().invoke(running::decrementAndGet);
        });
    }

    int running() {
        return running.get();
    }
}
