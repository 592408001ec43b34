package org.celltrial.testing;

import static io.restassured.RestAssured.given;

import java.util.Base64;

/**
 * Real access tokens from the real Keycloak: password grants for the demo users through the dev-only
 * public client {@code celltrial-cli}, and the client-credentials token of {@code sponsor-system}.
 */
public final class Tokens {

    public static final String CLI_CLIENT = "celltrial-cli";

    private Tokens() {
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

    /** The same token with one byte of its signature changed: well-formed, but no longer Keycloak's. */
    public static String withAlteredSignature(String token) {
        int lastDot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
