package org.celltrial.common.problem;

/**
 * The problem types every CellTrial service answers with. The URIs are part of the public contract:
 * clients switch on them, so never rename one.
 */
public enum ProblemType {
    VALIDATION("validation", "The request has invalid fields", 400),
    MALFORMED_REQUEST("malformed-request", "The request cannot be read", 400),
    UNAUTHORIZED("unauthorized", "Authentication is required", 401),
    /** An act that needs a fresh sign-in (an e-signature, 21 CFR Part 11 §11.200) made with an older one. */
    REAUTHENTICATION_REQUIRED("reauthentication-required", "A fresh sign-in is required", 401),
    FORBIDDEN("forbidden", "Not allowed for your role", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Cannot produce an acceptable representation", 406),
    CONFLICT("conflict", "Conflicts with the current state", 409),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed since you read it", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported content type", 415),
    UNPROCESSABLE("unprocessable", "The request cannot be applied", 422),
    /** A write into a period a database lock has frozen (docs/data-review.md). */
    LOCKED("locked", "The data is locked", 423),
    PRECONDITION_REQUIRED("precondition-required", "An If-Match header is required", 428),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL("internal", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "A service this request needs is unavailable", 503),
    UPSTREAM_TIMEOUT("upstream-timeout", "A service this request needs did not answer in time", 504);

    private static final String PREFIX = "urn:celltrial:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type for a bare HTTP status, for errors raised by the framework rather than by our code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != VALIDATION && type != UPSTREAM_TIMEOUT) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
