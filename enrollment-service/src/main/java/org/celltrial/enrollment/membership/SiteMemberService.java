package org.celltrial.enrollment.membership;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.enrollment.site.SiteRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Site membership, kept in Keycloak (the {@code site} attribute the tokens' {@code site} claim comes from) and
 * audited here. Each change writes its audit row first and calls Keycloak inside the same transaction, so a change
 * Keycloak refuses leaves no audit row, and no change is made without one. A user's next token carries it.
 */
@ApplicationScoped
public class SiteMemberService {

    static final String MEMBERSHIP = "SiteMembership";
    static final String SITE_USER = "SiteUser";

    @Inject
    SiteRepository sites;

    @Inject
    SiteMemberDirectory directory;

    @Inject
    AuditTrail audit;

    @WithSession
    public Uni<SiteMembers> members(String siteCode) {
        return existingSite(siteCode).flatMap(ignored -> directory.members(siteCode))
                .map(members -> new SiteMembers(siteCode, members));
    }

    /** Adds the user to the site; a user already there is answered as it is, with nothing changed or audited. */
    @WithTransaction
    public Uni<SiteMember> add(String siteCode, String username) {
        return existingSite(siteCode).flatMap(ignored -> directory.member(username)).flatMap(before -> {
            if (before.sites().contains(siteCode)) {
                return Uni.createFrom().item(before);
            }
            List<String> after = Stream.concat(before.sites().stream(), Stream.of(siteCode)).sorted().toList();
            return change(AuditAction.GRANT, siteCode, username, before.sites(), after);
        });
    }

    @WithTransaction
    public Uni<Void> remove(String siteCode, String username) {
        return existingSite(siteCode).flatMap(ignored -> directory.member(username)).flatMap(before -> {
            if (!before.sites().contains(siteCode)) {
                return Uni.createFrom().failure(ProblemException.notFound(
                        "User " + username + " at site " + siteCode));
            }
            List<String> after = before.sites().stream().filter(site -> !site.equals(siteCode)).toList();
            return change(AuditAction.REVOKE, siteCode, username, before.sites(), after).replaceWithVoid();
        });
    }

    /** Creates a Keycloak user with this site and one site-scoped role (investigator or monitor). */
    @WithTransaction
    public Uni<SiteMember> createUser(String siteCode, SiteUserRequest request) {
        if (!SiteMemberDirectory.SITE_ROLES.contains(request.role())) {
            return Uni.createFrom().failure(ProblemException.invalid("role", "must be one of the site roles "
                    + SiteMemberDirectory.SITE_ROLES.stream().sorted().toList() + ", not " + request.role()));
        }
        return existingSite(siteCode)
                .call(ignored -> audit.created(SITE_USER, request.username(), Map.of(
                        "username", request.username(), "role", request.role(), "sites", List.of(siteCode),
                        "email", request.email(), "firstName", request.firstName(),
                        "lastName", request.lastName())))
                .flatMap(ignored -> directory.create(siteCode, request));
    }

    private Uni<SiteMember> change(AuditAction action, String siteCode, String username, List<String> before,
            List<String> after) {
        return audit.record(action, MEMBERSHIP, siteCode + "/" + username, Map.of("sites", before),
                Map.of("sites", after), null)
                .flatMap(ignored -> directory.setSites(username, after));
    }

    private Uni<Object> existingSite(String siteCode) {
        return sites.findById(siteCode).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("Site " + siteCode))
                .map(Object.class::cast);
    }
}
