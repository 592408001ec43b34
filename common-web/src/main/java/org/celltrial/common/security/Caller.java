package org.celltrial.common.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read from the validated access token: subject, the client the token was issued to
 * ({@code azp}), roles and the sites in the {@code site} claim. Which sites the caller may act on is decided per
 * {@link Action}, from the roles that grant it ({@link #visibleSites}).
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

    /** What the caller does with a site's patient data; each action has its own roles (docs/architecture.md, "Roles"). */
    public enum Action {
        /**
         * Reading patient data, and the writes open to every clinical reader the endpoint allows (an adverse event's
         * report and follow-up, a safety officer's regrade): data managers and safety officers at every site,
         * investigators and monitors at their own.
         */
        READ(Set.of(Roles.DATA_MANAGER, Roles.SAFETY_OFFICER), Set.of(Roles.INVESTIGATOR, Roles.MONITOR)),
        /**
         * Entering and correcting clinical data that only investigators and data managers may (screening,
         * eligibility, treatment, records): data managers at every site, investigators at their own. A safety
         * officer's or admin's role does not extend an investigator's writes to other sites.
         */
        WRITE(Set.of(Roles.DATA_MANAGER), Set.of(Roles.INVESTIGATOR));

        private final Set<String> everySite;
        private final Set<String> ownSites;

        Action(Set<String> everySite, Set<String> ownSites) {
            this.everySite = everySite;
            this.ownSites = ownSites;
        }
    }

    /**
     * The sites whose patient data the caller may act on this way, or null for every site. Only the roles that grant
     * the action count, so a second role never widens the first: admin grants no patient data, and an investigator
     * who is also admin or sponsor keeps to its own sites. A sponsor who holds no clinical role reads every site,
     * pseudonymised ({@link #seesIdentifyingData}).
     */
    public Set<String> visibleSites(Action action) {
        if (action.everySite.stream().anyMatch(this::hasRole)
                || (action == Action.READ && hasRole(Roles.SPONSOR) && !seesIdentifyingData())) {
            return null;
        }
        return action.ownSites.stream().anyMatch(this::hasRole) ? sites : Set.of();
    }

    /** Whether the caller may act this way on the patient data of this site. */
    public boolean may(Action action, String siteCode) {
        Set<String> visible = visibleSites(action);
        return visible == null || visible.contains(siteCode);
    }

    /** Sponsors (people or systems) read pseudonymised data only: no names, initials or birth dates. */
    public boolean seesIdentifyingData() {
        return hasRole(Roles.INVESTIGATOR) || hasRole(Roles.DATA_MANAGER) || hasRole(Roles.SAFETY_OFFICER)
                || hasRole(Roles.MONITOR);
    }

    /** {@link Action#READ} at this site. */
    public boolean maySeeSite(String siteCode) {
        return may(Action.READ, siteCode);
    }

    /** {@link Action#WRITE} at this site. */
    public boolean mayWriteSite(String siteCode) {
        return may(Action.WRITE, siteCode);
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
