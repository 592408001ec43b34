package org.celltrial.common.upstream;

import jakarta.ws.rs.WebApplicationException;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * How a service reads the answers of another: "not found" and "forbidden" are answers; anything else
 * (timeouts, 5xx, an open circuit) means the other service is unavailable, which is a 503 problem for
 * our caller, naming that service.
 */
public final class Upstream {

    private static final Logger LOG = Logger.getLogger(Upstream.class);

    private Upstream() {
    }

    public static boolean answered(Throwable failure, int status) {
        return failure instanceof WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() == status;
    }

    /** Keeps problems we raised ourselves; turns every other failure into a 503 naming the service. */
    public static Throwable asProblem(String service, Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        LOG.warnf("%s unavailable: %s", service, failure.toString());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                service + " is unavailable, so this cannot be done now; nothing was changed. Try again shortly");
    }
}
