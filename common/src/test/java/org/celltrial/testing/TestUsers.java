package org.celltrial.testing;

import static io.restassured.RestAssured.given;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

/**
 * Users the dev realm does not have, made for a test through Keycloak's admin API: a role combination (an
 * investigator who is also safety officer, say) with the sites of its {@code site} claim. Made once and kept (the
 * test realm is the test's); the password is {@code <username>-pw}, as for the demo users, so {@link Tokens#of}
 * works for them.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** A real token of a user with exactly these realm roles and sites, made if missing. */
    public static String token(String username, Collection<String> roles, List<String> sites) {
        ensure(username, roles, sites);
        return Tokens.of(username);
    }

    public static synchronized void ensure(String username, Collection<String> roles, List<String> sites) {
        KeycloakServer keycloak = KeycloakServer.get();
        String admin = Tokens.keycloakAdminToken();
        String realm = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@celltrial.test",
                        "emailVerified", true, "firstName", "Test", "lastName", "User",
                        "attributes", Map.of("site", sites),
                        "credentials", List.of(Map.of("type", "password", "value", username + "-pw",
                                "temporary", false))))
                .post(realm + "/users");
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Keycloak did not create " + username + ": " + created.statusCode() + " "
                    + created.body().asString());
        }
        String id = given().auth().oauth2(admin).queryParam("username", username).queryParam("exact", true)
                .get(realm + "/users").then().statusCode(200).extract().path("[0].id");
        List<Map<String, Object>> representations = roles.stream()
                .map(role -> given().auth().oauth2(admin).get(realm + "/roles/" + role).then().statusCode(200)
                        .extract().<Map<String, Object>>path(""))
                .toList();
        given().auth().oauth2(admin).contentType("application/json").body(representations)
                .post(realm + "/users/" + id + "/role-mappings/realm").then().statusCode(204);
    }
}
