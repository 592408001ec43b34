package org.celltrial.common.http;

/** HTTP headers CellTrial services agree on. */
public final class Headers {

    /** Correlates one client request across the gateway, the services and the audit trail. */
    public static final String REQUEST_ID = "X-Request-Id";

    private Headers() {
    }
}
