package org.celltrial.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lets the realm's public {@code web} client sign users in from a front end served at another origin than the
 * realm file names (a test's gateway on a free port): adds the origin's {@code /web/*} redirect and post-logout
 * URIs and the origin itself as a web origin, through Keycloak's admin API.
 */
public final class WebClientOrigins {

    private WebClientOrigins() {
    }

    @SuppressWarnings("unchecked")
    public static synchronized void allow(String origin) {
        String admin = Tokens.keycloakAdminToken();
        String clients = KeycloakServer.get().url() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        Map<String, Object> client = given().auth().oauth2(admin).queryParam("clientId", "web").get(clients)
                .then().statusCode(200).extract().path("[0]");
        List<String> redirects = new ArrayList<>((List<String>) client.get("redirectUris"));
        List<String> origins = new ArrayList<>((List<String>) client.get("webOrigins"));
        if (redirects.contains(origin + "/web/*")) {
            return;
        }
        redirects.add(origin + "/web/*");
        origins.add(origin);
        Map<String, Object> attributes = new java.util.HashMap<>((Map<String, Object>) client.get("attributes"));
        attributes.merge("post.logout.redirect.uris", origin + "/web/*", (old, added) -> old + "##" + added);
        client.put("redirectUris", redirects);
        client.put("webOrigins", origins);
        client.put("attributes", attributes);
        given().auth().oauth2(admin).contentType("application/json").body(client)
                .put(clients + "/" + client.get("id")).then().statusCode(204);
    }
}
