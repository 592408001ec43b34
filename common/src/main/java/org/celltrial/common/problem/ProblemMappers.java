package org.celltrial.common.problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every exception that reaches a REST resource into an RFC 9457 problem. Client mistakes become
 * 4xx with the field at fault; anything else is a 500 carrying only an error id that is logged with the cause.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(Problem.of(ProblemType.VALIDATION,
                violations.size() + " field(s) failed validation", violations), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        // A body cut short is unreadable as a whole, even where Jackson had reached a field.
        boolean truncated = e.getOriginalMessage() != null && e.getOriginalMessage().contains("end-of-input");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !truncated) {
            String field = jsonPath(mapping);
            return respond(Problem.of(ProblemType.VALIDATION, "The request body has a field of the wrong shape",
                    List.of(new Problem.Violation(field, describe(mapping)))), uri);
        }
        return respond(Problem.of(ProblemType.MALFORMED_REQUEST, "The request body is not valid JSON"), uri);
    }

    /** Named apart so it takes precedence over Quarkus's own mapper for this type, which answers plain JSON. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"), uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"), uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this request"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri, null);
        }
        ProblemType type = ProblemType.forStatus(status);
        return respond(Problem.of(type, frameworkDetail(type)), uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri, HttpHeaders headers) {
        Problem concurrent = concurrentWrite(e, headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null);
        if (concurrent != null) {
            LOG.debugf(e, "Concurrent write refused on %s: %s", uri.getRequestUri().getRawPath(), concurrent.detail());
            return respond(concurrent, uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, uri.getRequestUri().getRawPath());
        return respond(Problem.of(ProblemType.INTERNAL,
                "An unexpected error occurred; quote error id " + errorId + " to support"), uri);
    }

    /** SQLState unique_violation: a concurrent write stored the same unique value first. */
    static final String UNIQUE_VIOLATION = "23505";
    /** SQLState serialization_failure. */
    static final String SERIALIZATION_FAILURE = "40001";
    /** SQLState deadlock_detected. */
    static final String DEADLOCK_DETECTED = "40P01";
    /** SQLState query_canceled: the database's statement_timeout (V1_4) stopped the statement. */
    static final String QUERY_CANCELED = "57014";
    /**
     * SQLStates character_not_in_repertoire and untranslatable_character: text PostgreSQL cannot store, such as a
     * NUL character (U+0000) that JSON allows in a string (found by SchemaFuzzIT: a reason with one was a 500).
     */
    static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    /**
     * A write that lost a race with a concurrent one, as the database or Hibernate reports it (at any depth of the
     * cause chain: Hibernate Reactive wraps it, Mutiny and CompletionStage may wrap it again): an update made
     * with If-Match against a version that another update replaced meanwhile is a 412, like a stale If-Match (a
     * write without If-Match that met one is a 409); a unique value taken meanwhile, a serialization failure or a
     * deadlock is a 409; a statement the database stopped at its statement_timeout is a 503; text the database
     * cannot store (a NUL character) is a 400, and nothing was stored. Null for anything else.
     */
    static Problem concurrentWrite(Throwable e, boolean conditional) {
        int depth = 0;
        for (Throwable cause = e; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof org.hibernate.dialect.lock.OptimisticEntityLockException) {
                return conditional
                        ? Problem.of(ProblemType.PRECONDITION_FAILED, "The resource was changed by another update "
                                + "while yours was applied; read it again and reapply your change")
                        : Problem.of(ProblemType.CONFLICT, "Data this write changes was changed by a concurrent "
                                + "write and nothing was stored; read the current state and retry");
            }
            String state = sqlState(cause);
            if (UNIQUE_VIOLATION.equals(state)) {
                return Problem.of(ProblemType.CONFLICT, "A concurrent write stored the same data first (a value "
                        + "that must be unique is already taken); read the current state before you retry");
            }
            if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
                return Problem.of(ProblemType.CONFLICT, "The write collided with a concurrent write to the same "
                        + "data and nothing was stored; read the current state and retry");
            }
            if (state != null && UNSTORABLE_TEXT.contains(state)) {
                return Problem.of(ProblemType.MALFORMED_REQUEST, "A text field holds a character that cannot be "
                        + "stored (such as U+0000); nothing was stored");
            }
            if (QUERY_CANCELED.equals(state)) {
                return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "The database did not answer in time and "
                        + "nothing was changed; try again shortly");
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static String sqlState(Throwable e) {
        if (e instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (e instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        if (e instanceof io.vertx.sqlclient.DatabaseException database) {
            return database.getSqlState();
        }
        return null;
    }

    static String frameworkDetail(ProblemType type) {
        return switch (type) {
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept this HTTP method";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource answers application/json";
            case UNAUTHORIZED -> "A valid bearer token is required";
            case FORBIDDEN -> "Your role does not allow this request";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the size limit";
            default -> "The request cannot be processed as sent";
        };
    }

    /**
     * The body goes out already serialised: a request refused before a resource method was chosen (415, say)
     * would otherwise have its problem rewritten as the method's own media type.
     */
    private Response respond(Problem problem, UriInfo uri) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .header(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri.getRequestUri().getRawPath()).toJson(json));
        if (problem.status() == 401) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** The bean property path without the method and parameter names Bean Validation puts in front. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> {
                    // A parameter that is a request body shows its fields only; a query or path
                    // parameter is named itself.
                    if (!hasPropertyAfter(violation.getPropertyPath(), node)) {
                        field.append(node.getName());
                    }
                }
                default -> {
                    if (node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null) {
                        if (!field.isEmpty()) {
                            field.append('.');
                        }
                        field.append(node.getName());
                    }
                }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static boolean hasPropertyAfter(Path path, Path.Node parameter) {
        boolean seen = false;
        for (Path.Node node : path) {
            if (seen && node.getKind() == jakarta.validation.ElementKind.PROPERTY) {
                return true;
            }
            seen |= node == parameter;
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Says what was expected in words a client understands, never a Java class name. */
    private static String describe(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            String expected = expected(target);
            if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
                return "'" + invalid.getValue() + "' is not " + expected;
            }
            return "expected " + expected;
        }
        return "has the wrong shape";
    }

    private static String expected(Class<?> target) {
        if (target.isEnum()) {
            return "one of " + Arrays.toString(target.getEnumConstants());
        }
        if (target == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (target == Instant.class || target == OffsetDateTime.class) {
            return "an ISO-8601 instant (e.g. 2025-01-31T08:00:00Z)";
        }
        if (target == UUID.class) {
            return "a UUID";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(target) || target.isPrimitive()) {
            return "a number";
        }
        if (target == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
