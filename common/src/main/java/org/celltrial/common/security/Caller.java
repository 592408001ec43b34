package org.celltrial.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read from the validated access token: subject, the client the token was issued to
 * ({@code azp}), roles and the sites in the {@code site} claim. Investigators and monitors are confined to their
 * sites; every other role sees all sites.
 */
public record Caller(String subject, String username, String client, Set<String> roles, Set<String> sites) {

    public static final String SITE_CLAIM = "site";

    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), Set.of());

    public static Caller of(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return ANONYMOUS;
        }
        Set<String> sites = new TreeSet<>();
        String subject = identity.getPrincipal().getName();
        String username = subject;
        String client = null;
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            subject = jwt.getSubject();
            Object name = jwt.getClaim("preferred_username");
            username = name != null ? unquote(name) : subject;
            Object authorizedParty = jwt.getClaim("azp");
            client = authorizedParty != null ? unquote(authorizedParty) : null;
            sites.addAll(strings(jwt.getClaim(SITE_CLAIM)));
        }
        return new Caller(subject, username, client, new TreeSet<>(identity.getRoles()), sites);
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Investigators and monitors see only their own sites; the other roles see every site. */
    public boolean isSiteRestricted() {
        return (hasRole(Roles.INVESTIGATOR) || hasRole(Roles.MONITOR))
                && !(hasRole(Roles.DATA_MANAGER) || hasRole(Roles.SAFETY_OFFICER) || hasRole(Roles.ADMIN));
    }

    /** Sponsors (people or systems) read pseudonymised data only: no names, initials or birth dates. */
    public boolean seesIdentifyingData() {
        return hasRole(Roles.INVESTIGATOR) || hasRole(Roles.DATA_MANAGER) || hasRole(Roles.SAFETY_OFFICER)
                || hasRole(Roles.MONITOR);
    }

    public boolean maySeeSite(String siteCode) {
        return !isSiteRestricted() || sites.contains(siteCode);
    }

    /** A claim Keycloak sends as a JSON array, or as a plain string when the mapper is single-valued. */
    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(Caller::unquote).toList();
        }
        if (claim != null) {
            return List.of(unquote(claim));
        }
        return List.of();
    }

    private static String unquote(Object value) {
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
