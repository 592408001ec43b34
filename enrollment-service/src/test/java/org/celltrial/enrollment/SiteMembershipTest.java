package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.celltrial.enrollment.EnrollmentRequests.count;
import static org.celltrial.enrollment.EnrollmentRequests.ensureSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.TestUsers;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Site membership through Keycloak's admin API, against the real Keycloak the tests take tokens from: the change
 * lands in the user's {@code site} attribute, so the user's next token carries it, and every change is audited.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class SiteMembershipTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void anAdminAddsAUserToASiteAuditedAndTheUsersNextTokenCarriesIt() {
        String site = newSite();
        String user = "member-" + suffix();
        TestUsers.ensure(user, List.of("investigator"), List.of("SITE-02"));
        String members = BASE + "/sites/" + site + "/members";
        as("admin-user").get(members).then().statusCode(200).body("siteCode", equalTo(site))
                .body("items.username", not(hasItem(user)));

        as("admin-user").body(Map.of("username", user)).post(members).then().statusCode(200)
                .body("username", equalTo(user)).body("roles", contains("investigator"))
                .body("sites", contains(site, "SITE-02"));
        assertEquals(List.of(site, "SITE-02"), Tokens.claimValues(Tokens.of(user), "site").stream().sorted().toList());
        as("admin-user").get(members).then().statusCode(200).body("items.username", contains(user));
        String entity = site + "/" + user;
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_type = 'SiteMembership' AND entity_id = ? "
                + "AND action = 'GRANT' AND actor = 'admin-user' AND old_value->>'sites' = '[\"SITE-02\"]' "
                + "AND new_value->>'sites' = ?", entity, "[\"" + site + "\", \"SITE-02\"]"));

        // Adding again changes nothing and audits nothing.
        as("admin-user").body(Map.of("username", user)).post(members).then().statusCode(200)
                .body("sites", contains(site, "SITE-02"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ?", entity));

        as("admin-user").delete(members + "/" + user).then().statusCode(204);
        assertEquals(List.of("SITE-02"), Tokens.claimValues(Tokens.of(user), "site"));
        as("admin-user").get(members).then().statusCode(200).body("items.username", not(hasItem(user)));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'REVOKE' "
                + "AND new_value->>'sites' = '[\"SITE-02\"]'", entity));
        as("admin-user").delete(members + "/" + user).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void anAdminCreatesASiteUserWithOneSiteRole() {
        String site = newSite();
        String user = "new-monitor-" + suffix();
        Map<String, Object> request = Map.of("username", user, "role", "monitor", "email", user + "@celltrial.test",
                "firstName", "New", "lastName", "Monitor");
        as("admin-user").body(request).post(BASE + "/sites/" + site + "/users").then().statusCode(201)
                .body("username", equalTo(user)).body("roles", contains("monitor")).body("sites", contains(site))
                .body("enabled", equalTo(true));
        as("admin-user").get(BASE + "/sites/" + site + "/members").then().statusCode(200)
                .body("items.username", contains(user));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_type = 'SiteUser' AND entity_id = ? "
                + "AND action = 'CREATE' AND new_value->>'role' = 'monitor'", user));

        as("admin-user").body(request).post(BASE + "/sites/" + site + "/users").then().statusCode(409)
                .contentType(PROBLEM);
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ?", user));
    }

    @Test
    void unknownUsersSitesAndRolesAreProblemsAndChangeNothing() {
        String site = newSite();
        String nobody = "nobody-" + suffix();
        as("admin-user").body(Map.of("username", nobody)).post(BASE + "/sites/" + site + "/members").then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString(nobody));
        as("admin-user").get(BASE + "/sites/NO-SUCH-SITE/members").then().statusCode(404).contentType(PROBLEM);
        as("admin-user").body(Map.of("username", nobody, "role", "admin", "email", nobody + "@celltrial.test",
                "firstName", "No", "lastName", "Body")).post(BASE + "/sites/" + site + "/users").then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("role"));
        as("admin-user").body(Map.of("username", "Not A Name")).post(BASE + "/sites/" + site + "/members").then()
                .statusCode(400).contentType(PROBLEM);
        as("inv-site01").get(BASE + "/sites/" + site + "/members").then().statusCode(403).contentType(PROBLEM);
        as("admin-user").get(BASE + "/sites/" + site + "/members").then().statusCode(200)
                .body("items.username", not(hasItem(nobody)));
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE entity_id LIKE ?", "%" + nobody));
    }

    private static String newSite() {
        String site = "MEM-" + suffix().toUpperCase(Locale.ROOT);
        ensureSite(site);
        return site;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
