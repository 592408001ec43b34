package org.celltrial.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
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

    /**
     * A token from signing in on Keycloak's login page (authorization code with PKCE, as a browser does), which
     * unlike a password grant's says when the user signed in ({@code auth_time}): what signatures need. Then, after
     * {@code secondsLater}, the session refreshed, as a browser left open does: a new token with the old sign-in.
     * Through a temporary public client, deleted again.
     */
    public static String signedInOnLoginPage(String username, int secondsLater) {
        KeycloakServer keycloak = KeycloakServer.get();
        String admin = keycloakAdminToken();
        String clientId = "temporary-" + UUID.randomUUID();
        String callback = "http://localhost/callback";
        String location = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", true, "standardFlowEnabled", true,
                        "directAccessGrantsEnabled", false, "redirectUris", List.of(callback),
                        "attributes", Map.of("pkce.code.challenge.method", "S256")))
                .post(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients")
                .then().statusCode(201).extract().header("Location");
        try {
            String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
            Response login = given().redirects().follow(false)
                    .queryParam("client_id", clientId).queryParam("response_type", "code")
                    .queryParam("scope", "openid").queryParam("redirect_uri", callback)
                    .queryParam("code_challenge", challenge).queryParam("code_challenge_method", "S256")
                    .get(keycloak.url() + "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/auth");
            login.then().statusCode(200);
            String page = login.asString();
            Matcher form = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"").matcher(page);
            if (!form.find()) {
                throw new IllegalStateException("no login form on Keycloak's page");
            }
            // the login session's cookies, sent as they came (Keycloak marks them Secure, which a cookie store
            // would keep from a plain-HTTP test server)
            String redirect = given().cookies(login.getCookies()).redirects().follow(false)
                    .formParam("username", username).formParam("password", username + "-pw")
                    .post(form.group(1).replace("&amp;", "&"))
                    .then().statusCode(302).extract().header("Location");
            Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(redirect);
            if (!code.find()) {
                throw new IllegalStateException("Keycloak redirected without a code: " + redirect);
            }
            String refresh = given()
                    .formParam("grant_type", "authorization_code").formParam("client_id", clientId)
                    .formParam("code", code.group(1)).formParam("redirect_uri", callback)
                    .formParam("code_verifier", verifier)
                    .post(keycloak.tokenUrl())
                    .then().statusCode(200).extract().path(secondsLater == 0 ? "access_token" : "refresh_token");
            if (secondsLater == 0) {
                return refresh;
            }
            Thread.sleep(secondsLater * 1000L);
            return given()
                    .formParam("grant_type", "refresh_token").formParam("client_id", clientId)
                    .formParam("refresh_token", refresh)
                    .post(keycloak.tokenUrl())
                    .then().statusCode(200).extract().path("access_token");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            given().auth().oauth2(admin).delete(location).then().statusCode(204);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
     * The secret of enrollment-service's Keycloak client (site membership through the admin API): the realm's
     * development value unless {@code CELLTRIAL_ENROLLMENT_CLIENT_SECRET} says otherwise, as in the realm import.
     */
    public static String enrollmentClientSecret() {
        return PostgresServer.setting("celltrial.enrollment.client-secret", "CELLTRIAL_ENROLLMENT_CLIENT_SECRET",
                "celltrial-enrollment-dev-secret");
    }

    /**
     * A real token of a demo user that expires {@code seconds} after issue: made through a temporary client
     * with that access-token lifespan.
     */
    public static String expiringIn(String username, int seconds) {
        return throughTemporaryClient(username,
                Map.of("attributes", Map.of("access.token.lifespan", String.valueOf(seconds))));
    }

    /**
     * A real, validly signed token of a demo user issued to a client that does not get the {@code celltrial}
     * client scope, so its audience lacks {@code celltrial-api}.
     */
    public static String withoutApiAudience(String username) {
        return throughTemporaryClient(username, Map.of("defaultClientScopes", List.of("basic", "roles")));
    }

    /** A real token from the same Keycloak's {@code master} realm: signed by Keycloak, but the wrong issuer. */
    public static String fromOtherRealm() {
        return keycloakAdminToken();
    }

    /** The token's header and claims with {@code "alg": "none"} and no signature (RFC 7519 unsecured JWT). */
    public static String unsigned(String token) {
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + token.split("\\.")[1] + ".";
    }

    /** One claim of a token, as text. */
    public static String claim(String token, String name) {
        return claims(token).getString(name);
    }

    /** A multi-valued claim (the {@code site} claim, say); empty when the token has none. */
    public static List<String> claimValues(String token, String name) {
        List<String> values = claims(token).getList(name, String.class);
        return values == null ? List.of() : values;
    }

    /** The {@code exp} claim of a token, in epoch seconds. */
    public static long expiresAt(String token) {
        return claims(token).getLong("exp");
    }

    private static JsonPath claims(String token) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    /** A token of a demo user through a public client created for it and deleted again (Keycloak's admin API). */
    private static String throughTemporaryClient(String username, Map<String, Object> settings) {
        KeycloakServer keycloak = KeycloakServer.get();
        String admin = keycloakAdminToken();
        String clientId = "temporary-" + UUID.randomUUID();
        Map<String, Object> client = new HashMap<>(Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true));
        client.putAll(settings);
        String location = given().auth().oauth2(admin)
                .contentType("application/json")
                .body(client)
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

    /** A token of Keycloak's own administrator (realm master), for the admin API. */
    static String keycloakAdminToken() {
        return given()
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", PostgresServer.setting("celltrial.keycloak.admin", "CELLTRIAL_KEYCLOAK_ADMIN",
                        "admin"))
                .formParam("password", PostgresServer.setting("celltrial.keycloak.admin-password",
                        "CELLTRIAL_KEYCLOAK_ADMIN_PASSWORD", "admin"))
                .post(KeycloakServer.get().url() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The same token with one byte of its signature changed: well-formed, but no longer Keycloak's. */
    /**
     * The token with its payload changed (every {@code from} in the claims' JSON replaced by {@code to}) and its
     * header and signature kept: what a forger of a token's claims can send.
     */
    public static String withPayloadChanged(String token, String from, String to) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!claims.contains(from)) {
            throw new IllegalArgumentException("the token's claims do not hold " + from);
        }
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.replace(from, to).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    public static String withAlteredSignature(String token) {
        int lastDot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
        signature[signature.length / 2] ^= 0x01;
        return token.substring(0, lastDot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }
}
