package org.celltrial.testing;

import static io.restassured.RestAssured.given;

import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Real access tokens from the real Keycloak: password grants for the demo users through the dev-only
 * public client {@code celltrial-cli}, and the client-credentials token of {@code sponsor-system}.
 */
public final class Tokens {

    public static final String CLI_CLIENT = "celltrial-cli";

    private Tokens() {
    }

    /** A JSON request as a demo user, with a real token. */
    public static RequestSpecification as(String username) {
        return given().auth().oauth2(of(username)).contentType("application/json");
    }

    /** A fresh access token of a demo user (password {@code <username>-pw}, see dev/keycloak/import). */
    public static String of(String username) {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", CLI_CLIENT)
                .formParam("username", username)
                .formParam("password", username + "-pw")
                .post(KeycloakServer.get().tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    public static String sponsorSystem() {
        return given()
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "sponsor-system")
                .formParam("client_secret", PostgresServer.setting("celltrial.sponsor-system.secret",
                        "CELLTRIAL_SPONSOR_SYSTEM_CLIENT_SECRET", "sponsor-system-dev-secret"))
                .post(KeycloakServer.get().tokenUrl())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * A real token of a demo user that expires {@code seconds} after issue: made through a temporary client
     * with that access-token lifespan, created and deleted again with Keycloak's admin API.
     */
    public static String expiringIn(String username, int seconds) {
        KeycloakServer keycloak = KeycloakServer.get();
        String admin = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", PostgresServer.setting("celltrial.keycloak.admin", "CELLTRIAL_KEYCLOAK_ADMIN",
                        "admin"))
                .formParam("password", PostgresServer.setting("celltrial.keycloak.admin-password",
                        "CELLTRIAL_KEYCLOAK_ADMIN_PASSWORD", "admin"))
                .post(keycloak.url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        String clientId = "short-lived-" + UUID.randomUUID();
        String location = given().auth().oauth2(admin)
                .contentType("application/json")
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                        "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                        "attributes", Map.of("access.token.lifespan", String.valueOf(seconds))))
                .post(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients")
                .then().statusCode(201)
                .extract().header("Location");
        try {
            return given()
                    .formParam("grant_type", "password")
                    .formParam("client_id", clientId)
                    .formParam("username", username)
                    .formParam("password", username + "-pw")
                    .post(keycloak.tokenUrl())
                    .then().statusCode(200)
                    .extract().path("access_token");
        } finally {
            given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }

    /** The {@code exp} claim of a token, in epoch seconds. */
    public static long expiresAt(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return JsonPath.from(payload).getLong("exp");
    }

    /** The same token with one byte of its signature changed: well-formed, but no longer Keycloak's. */
    public static String withAlteredSignature(String token) {
        int lastDot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
