package org.celltrial.common.http;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.AbstractCancellableServerRestHandler;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

/**
 * A request whose resource method has started runs to its end, whatever its caller does (docs/performance.md,
 * "What changed"). By default Quarkus REST cancels the method's {@code Uni} when the caller's connection closes; the
 * cancellation then closes the Hibernate Reactive session under a transaction still in flight (logged as
 * {@code HR000090: Live transaction detected while closing the connection} and {@code Session/EntityManager is
 * closed}), racing the statements and the rollback that were already on their way. Not cancelled, a write commits or
 * rolls back as it would have with the caller there, and its connection and the patient's lock go back as usual; the
 * answer is then written to no one.
 *
 * <p>Quarkus REST's own switch is {@code @Cancellable(false)} on each resource method or class; this sets the same
 * switch (on the handler that subscribes to the method's {@code Uni} or {@code CompletionStage}) for every endpoint of
 * every application with common-web, so that no resource can be left without it.
 */
public class RunToCompletion {

    @ServerRequestFilter
    public void notCancelledWhenTheCallerHangsUp(ResteasyReactiveContainerRequestContext request) {
        if (request.getServerRequestContext() instanceof ResteasyReactiveRequestContext context
                && context.getTarget() != null) {
            for (ServerRestHandler handler : context.getTarget().getHandlerChain()) {
                if (handler instanceof AbstractCancellableServerRestHandler cancellable && cancellable.isCancellable()) {
                    cancellable.setCancellable(false);
                }
            }
        }
    }
}
