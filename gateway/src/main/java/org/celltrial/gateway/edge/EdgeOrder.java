package org.celltrial.gateway.edge;

/**
 * Where the gateway's own handlers sit in the Vert.x router, for every request under {@code /api/v1}. Quarkus
 * answers CORS at order -300 and authenticates at -200, and routes the request from order 0. The request ID and
 * the access log come before both, so a refused token is logged and answered with an ID too; the limits come
 * after authentication, when the caller is known.
 */
public final class EdgeOrder {

    public static final String API = "/api/v1/*";

    public static final int REQUEST_ID = -1000;
    public static final int NO_STORE = -995;
    public static final int ACCESS_LOG = -990;
    public static final int BODY_LIMIT = -70;
    public static final int RATE_LIMIT = -60;
    public static final int ROUTE_POLICY = -50;

    private EdgeOrder() {
    }
}
