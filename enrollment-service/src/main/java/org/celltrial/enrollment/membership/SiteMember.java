package org.celltrial.enrollment.membership;

import java.util.List;

/** A user of a site as Keycloak holds it: the realm roles and every site of its {@code site} claim. */
public record SiteMember(String username, String firstName, String lastName, String email, boolean enabled,
        List<String> roles, List<String> sites) {
}
