package org.celltrial.enrollment.membership;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Where site membership is kept: the multi-valued {@code site} attribute of a Keycloak user, which the realm's
 * {@code site} mapper puts into every token. Reached with Keycloak's admin client as the service account
 * {@code celltrial-enrollment} (realm-management view-users and manage-users only). The admin client blocks, so
 * each call runs on a worker thread and answers on the caller's Vert.x context.
 */
@ApplicationScoped
public class SiteMemberDirectory {

    static final String SITE_ATTRIBUTE = "site";
    /** The roles whose data access the {@code site} claim scopes (docs/architecture.md, Roles). */
    static final Set<String> SITE_ROLES = Set.of(Roles.INVESTIGATOR, Roles.MONITOR);
    private static final Set<String> CELLTRIAL_ROLES = Set.of(Roles.INVESTIGATOR, Roles.DATA_MANAGER,
            Roles.SAFETY_OFFICER, Roles.SPONSOR, Roles.MONITOR, Roles.ADMIN);
    private static final int MAX_MEMBERS = 1000;

    @Inject
    Keycloak keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm")
    String realm;

    public Uni<List<SiteMember>> members(String siteCode) {
        return blocking(() -> realm().users()
                .searchByAttributes(0, MAX_MEMBERS, null, false, SITE_ATTRIBUTE + ":" + siteCode).stream()
                .filter(user -> user.getServiceAccountClientId() == null && sites(user).contains(siteCode))
                .sorted(Comparator.comparing(UserRepresentation::getUsername))
                .map(this::member)
                .toList());
    }

    /** The user as it is now; a 404 problem if Keycloak has no such user. */
    public Uni<SiteMember> member(String username) {
        return blocking(() -> member(find(username)));
    }

    /** Gives the user these sites (its whole {@code site} attribute) and answers it as it is then. */
    public Uni<SiteMember> setSites(String username, List<String> sites) {
        return blocking(() -> {
            UserRepresentation user = find(username);
            Map<String, List<String>> attributes = new HashMap<>(Optional.ofNullable(user.getAttributes())
                    .orElse(Map.of()));
            attributes.put(SITE_ATTRIBUTE, sites);
            user.setAttributes(attributes);
            realm().users().get(user.getId()).update(user);
            return member(find(username));
        });
    }

    /** Creates the user with one site and one site role; 409 if the username or email is taken. */
    public Uni<SiteMember> create(String siteCode, SiteUserRequest request) {
        return blocking(() -> {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(request.username());
            user.setEmail(request.email());
            user.setFirstName(request.firstName());
            user.setLastName(request.lastName());
            user.setEnabled(true);
            user.setRequiredActions(List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"));
            user.setAttributes(Map.of(SITE_ATTRIBUTE, List.of(siteCode)));
            try (Response created = realm().users().create(user)) {
                if (created.getStatus() == 409) {
                    throw ProblemException.conflict("Keycloak already has a user " + request.username()
                            + " or one with email " + request.email());
                }
                if (created.getStatus() != 201) {
                    throw new IllegalStateException("Keycloak answered " + created.getStatus()
                            + " to creating a user");
                }
            }
            UserResource resource = realm().users().get(find(request.username()).getId());
            List<RoleRepresentation> role = resource.roles().realmLevel().listAvailable().stream()
                    .filter(available -> available.getName().equals(request.role()))
                    .toList();
            if (role.isEmpty()) {
                throw new IllegalStateException("The realm has no role " + request.role());
            }
            resource.roles().realmLevel().add(role);
            return member(find(request.username()));
        });
    }

    private UserRepresentation find(String username) {
        return realm().users().search(username, true).stream()
                .filter(user -> user.getUsername().equals(username))
                .findFirst()
                .orElseThrow(() -> ProblemException.notFound("User " + username));
    }

    private SiteMember member(UserRepresentation user) {
        List<String> roles = realm().users().get(user.getId()).roles().realmLevel().listEffective().stream()
                .map(RoleRepresentation::getName)
                .filter(CELLTRIAL_ROLES::contains)
                .sorted()
                .toList();
        return new SiteMember(user.getUsername(), user.getFirstName(), user.getLastName(), user.getEmail(),
                Boolean.TRUE.equals(user.isEnabled()), roles, sites(user).stream().sorted().toList());
    }

    static List<String> sites(UserRepresentation user) {
        return user.getAttributes() == null ? List.of()
                : new ArrayList<>(user.getAttributes().getOrDefault(SITE_ATTRIBUTE, List.of()));
    }

    private RealmResource realm() {
        return keycloak.realm(realm);
    }

    private static <T> Uni<T> blocking(java.util.concurrent.Callable<T> call) {
        return VertxContextSupport.executeBlocking(call);
    }
}
