package org.celltrial.system;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.celltrial.testing.KeycloakServer;

import io.restassured.response.Response;

/**
 * Users the suites need beyond the demo users (role combinations, sites of their own), made through Keycloak's
 * admin API in the realm the tests use, with the demo users' password convention ({@code <username>-pw}). Made
 * once and kept: a Keycloak reused from {@code ./suite up} keeps them too, and they are made again identically.
 */
final class TestUsers {

    private TestUsers() {
    }

    /** Makes the user with exactly these realm roles and sites (creates it, or leaves an existing one as it is). */
    static synchronized void ensure(String username, Set<String> roles, List<String> sites) {
        String admin = adminToken();
        String realm = KeycloakServer.get().url() + "/admin/realms/" + KeycloakServer.REALM;
        List<Map<String, Object>> found = given().auth().oauth2(admin).queryParam("username", username)
                .queryParam("exact", true).get(realm + "/users").then().statusCode(200).extract().path("");
        if (!found.isEmpty()) {
            return;
        }
        Response created = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@celltrial.test",
                        "emailVerified", true, "firstName", "Test", "lastName", "User",
                        "attributes", Map.of("site", sites),
                        "credentials", List.of(Map.of("type", "password", "value", username + "-pw",
                                "temporary", false))))
                .post(realm + "/users");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Could not create " + username + ": " + created.asString());
        }
        String location = created.header("Location");
        List<Map<String, Object>> representations = roles.stream()
                .map(role -> given().auth().oauth2(admin).get(realm + "/roles/" + role)
                        .then().statusCode(200).extract().<Map<String, Object>>path(""))
                .toList();
        given().auth().oauth2(admin).contentType("application/json").body(representations)
                .post(location + "/role-mappings/realm").then().statusCode(204);
    }

    private static String adminToken() {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", setting("celltrial.keycloak.admin", "CELLTRIAL_KEYCLOAK_ADMIN", "admin"))
                .formParam("password", setting("celltrial.keycloak.admin-password", "CELLTRIAL_KEYCLOAK_ADMIN_PASSWORD",
                        "admin"))
                .post(KeycloakServer.get().url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
