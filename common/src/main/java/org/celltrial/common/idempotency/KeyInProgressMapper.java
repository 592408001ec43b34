package org.celltrial.common.idempotency;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.celltrial.common.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Answers {@link KeyInProgress} as its 409 problem plus {@code Retry-After}; being the more specific type, it takes
 * precedence over the general mapper of problems.
 */
public class KeyInProgressMapper {

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response inProgress(KeyInProgress e, UriInfo uri) {
        return Response.status(e.problem().status())
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(e.retryAfterSeconds()))
                .entity(e.problem().withInstance(uri.getRequestUri().getRawPath()).toJson(json))
                .build();
    }
}
