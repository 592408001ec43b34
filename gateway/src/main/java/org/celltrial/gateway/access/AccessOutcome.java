package org.celltrial.gateway.access;

/** What became of a request, in words an auditor reads without knowing HTTP. */
enum AccessOutcome {
    SERVED("served"),
    UNAUTHENTICATED("unauthenticated"),
    FORBIDDEN("forbidden"),
    NOT_FOUND("not-found"),
    RATE_LIMITED("rate-limited"),
    REJECTED("rejected"),
    FAILED("failed");

    private final String label;

    AccessOutcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static AccessOutcome of(int status) {
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? FAILED : status >= 400 ? REJECTED : SERVED;
        };
    }
}
