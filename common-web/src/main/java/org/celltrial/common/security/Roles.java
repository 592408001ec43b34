package org.celltrial.common.security;

/** The realm roles of Keycloak realm {@code celltrial} (docs/architecture.md, "Roles"). */
public final class Roles {
    public static final String INVESTIGATOR = "investigator";
    public static final String DATA_MANAGER = "data-manager";
    public static final String SAFETY_OFFICER = "safety-officer";
    public static final String SPONSOR = "sponsor";
    public static final String MONITOR = "monitor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
