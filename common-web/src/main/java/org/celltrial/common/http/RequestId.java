package org.celltrial.common.http;

import java.util.UUID;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

/**
 * The request ID a service goes by: the caller's {@value Headers#REQUEST_ID} only when it is safe to log, store
 * and pass on (at most {@value #MAX_LENGTH} characters of {@code A-Z a-z 0-9 . _ : -}), else a new random UUID.
 * The gateway sanitises the header too, but a service does not rely on that: whatever reaches it directly (or
 * through a misconfigured proxy) is checked again here, by {@code RequestIdFilter} (common, package tracing).
 */
public final class RequestId {

    public static final int MAX_LENGTH = 100;

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    private RequestId() {
    }

    /** Whether a caller's request ID may be kept as it is. */
    public static boolean isValid(String given) {
        return given != null && given.length() <= MAX_LENGTH && SAFE.matcher(given).matches();
    }

    /** The caller's request ID if {@linkplain #isValid valid}, else a new one; never the raw invalid value. */
    public static String acceptOrNew(String given) {
        return isValid(given) ? given : UUID.randomUUID().toString();
    }

    /**
     * The validated request ID of this request: the one {@code RequestIdFilter} (common, package tracing) settled on, or, where no filter ran,
     * the header if it is valid, else {@code null}.
     */
    public static String of(RoutingContext ctx) {
        String settled = ctx.get(Headers.REQUEST_ID);
        if (settled != null) {
            return settled;
        }
        String given = ctx.request().getHeader(Headers.REQUEST_ID);
        return isValid(given) ? given : null;
    }
}
