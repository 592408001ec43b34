package org.celltrial.system;

import static io.restassured.RestAssured.given;
import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Site membership through the API, end to end with the real Keycloak (docs/interoperability-intake.md): an admin
 * adds inv-site02 to SITE-01 through the gateway, and that user's next token reads a SITE-01 patient; removed again,
 * the next token does not.
 */
class SiteMembershipIT {

    private static RunningSuite suite;

    @BeforeAll
    static void suite() {
        suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        StudyPatients.ensureSite(suite, "SITE-02");
    }

    @Test
    void anAdminAddsInvSite02ToSite01AndItsNextTokenReadsASite01Patient() {
        String patient = StudyPatients.screened(suite, "SITE-01", "inv-site01", "MEMBER", "1990-01-01", null);
        String patientUrl = suite.gateway.url() + "/api/v1/enrollment/patients/" + patient;
        String members = suite.gateway.url() + "/api/v1/enrollment/sites/SITE-01/members";
        as("inv-site02").get(patientUrl).then().statusCode(404);
        try {
            as("admin-user").body(Map.of("username", "inv-site02")).post(members).then().statusCode(200)
                    .body("sites", equalTo(List.of("SITE-01", "SITE-02")));
            String next = Tokens.of("inv-site02");
            assertEquals(List.of("SITE-01", "SITE-02"), Tokens.claimValues(next, "site").stream().sorted().toList());
            given().auth().oauth2(next).get(patientUrl).then().statusCode(200)
                    .body("siteCode", equalTo("SITE-01"));
            as("admin-user").get(members).then().statusCode(200).body("items.username", hasItem("inv-site02"));
        } finally {
            // the other suites count on inv-site02 seeing SITE-02 only
            as("admin-user").delete(members + "/inv-site02").then().statusCode(204);
        }
        as("inv-site02").get(patientUrl).then().statusCode(404);
        as("admin-user").get(suite.gateway.url() + "/api/v1/enrollment/audit/verify").then().statusCode(200)
                .body("verified", equalTo(true));
    }

    @Test
    void onlyAnAdminManagesSiteStaff() {
        String members = suite.gateway.url() + "/api/v1/enrollment/sites/SITE-01/members";
        as("inv-site01").get(members).then().statusCode(403);
        as("data-manager").body(Map.of("username", "inv-site02")).post(members).then().statusCode(403);
        as("admin-user").body(Map.of("username", "no-such-user")).post(members).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
