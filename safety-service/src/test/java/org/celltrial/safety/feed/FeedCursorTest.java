package org.celltrial.safety.feed;

import static io.restassured.RestAssured.given;
import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A feed cursor names the database it was handed out by (cluster system identifier, WAL timeline, database oid): a
 * cursor of another cluster (a restore, an import, a failover since), or an old one naming none, is a 422 that says
 * to restart from a date, and {@code from=<date>} restarts there.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class FeedCursorTest {

    private static final String FEED = "/api/v1/safety/feed";
    private static final String PROBLEM = "application/problem+json";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private UUID patient;
    private String sponsor;

    @BeforeEach
    void patient() {
        EnrollmentStub.reset();
        circuitBreakers.resetAll();
        patient = EnrollmentStub.newInfusedPatient("SITE-02");
        sponsor = Tokens.sponsorSystem();
    }

    @Test
    void aCursorNamesThisClusterTimelineAndDatabase() {
        report("Nausea");
        String cursor = drain(null);
        String[] parts = decode(cursor);
        assertEquals(4, parts.length, String.join(":", parts));
        assertEquals("v2", parts[0]);
        String expected = TestDatabase.string(SafetyTestProfile.DATABASE,
                "SELECT (SELECT system_identifier FROM pg_control_system())::text || '-' || "
                        + "(SELECT timeline_id FROM pg_control_checkpoint())::text || '-' || "
                        + "(SELECT oid FROM pg_database WHERE datname = current_database())::text");
        assertEquals(expected, parts[1], "system identifier, timeline and database oid");
        // and it still reads here: nothing new after it
        given().auth().oauth2(sponsor).queryParam("since", cursor).get(FEED).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("nextCursor", equalTo(cursor));
    }

    @Test
    void aCursorOfAnotherClusterOrTimelineOrDatabaseIsRefusedWithWhereToRestart() {
        report("Headache");
        String[] parts = decode(drain(null));
        String[] identity = parts[1].split("-");
        List<String> elsewhere = List.of(
                (Long.parseLong(identity[0]) + 1) + "-" + identity[1] + "-" + identity[2],
                identity[0] + "-" + (Integer.parseInt(identity[1]) + 1) + "-" + identity[2],
                identity[0] + "-" + identity[1] + "-" + (Long.parseLong(identity[2]) + 1));
        for (String other : elsewhere) {
            String foreign = encode("v2:" + other + ":" + parts[2] + ":" + parts[3]);
            given().auth().oauth2(sponsor).queryParam("since", foreign).get(FEED).then().statusCode(422)
                    .contentType(PROBLEM)
                    .body("type", equalTo("urn:celltrial:problem:unprocessable"))
                    .body("detail", containsString("another database"))
                    .body("detail", containsString("from=YYYY-MM-DD"));
        }
    }

    @Test
    void anOldCursorWithoutADatabaseIsRefusedTheSameWay() {
        report("Fatigue");
        String[] parts = decode(drain(null));
        String old = encode(parts[2] + ":" + parts[3]);
        given().auth().oauth2(sponsor).queryParam("since", old).get(FEED).then().statusCode(422)
                .contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:unprocessable"))
                .body("detail", containsString("before cursors named their database"))
                .body("detail", containsString("from=YYYY-MM-DD"));
        given().auth().oauth2(sponsor).queryParam("since", encode("v2:x:1")).get(FEED).then().statusCode(400)
                .body("violations[0].field", equalTo("since"));
        given().auth().oauth2(sponsor).queryParam("since", encode("v3:1-1-1:1:1")).get(FEED).then().statusCode(400);
    }

    @Test
    void fromADateRestartsThereAndThenContinuesByCursor() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        String first = report("Rash");

        // today's changes, every page of them: other tests of this database write many today too
        JsonPath page = given().auth().oauth2(sponsor).queryParam("from", today).queryParam("limit", 200).get(FEED)
                .then().statusCode(200).extract().jsonPath();
        List<String> ids = new ArrayList<>();
        while (!page.getList("items").isEmpty()) {
            ids.addAll(page.getList("items.adverseEventId"));
            page = given().auth().oauth2(sponsor).queryParam("since", page.getString("nextCursor"))
                    .queryParam("limit", 200).get(FEED).then().statusCode(200).extract().jsonPath();
        }
        assertTrue(ids.contains(first), "a change made today is served from today: " + ids);

        // Nothing on or after tomorrow yet: an empty page whose cursor serves exactly what comes next.
        JsonPath empty = given().auth().oauth2(sponsor).queryParam("from", tomorrow).get(FEED).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(0, empty.getList("items").size());
        String horizon = empty.getString("nextCursor");
        String next = report("Pyrexia");
        List<Map<String, Object>> after = given().auth().oauth2(sponsor).queryParam("since", horizon)
                .queryParam("limit", 200).get(FEED).then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(next), after.stream().map(item -> item.get("adverseEventId")).toList(),
                "exactly the change made after the horizon");

        given().auth().oauth2(sponsor).queryParam("from", today).queryParam("since", horizon).get(FEED).then()
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("from"));
        given().auth().oauth2(sponsor).queryParam("from", "yesterday").get(FEED).then().statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    private String report(String term) {
        return as("inv-site02").body(Map.of("ctcaeTerm", term, "meddraCode", "10028813", "onset", "2025-03-08",
                "grade", 1, "serious", false, "seriousnessCriteria", List.of(), "treatments", List.of(),
                "relatedToCarT", "POSSIBLE", "expected", false))
                .post("/api/v1/safety/patients/" + patient + "/adverse-events").then().statusCode(201).extract()
                .path("id");
    }

    private String drain(String cursor) {
        while (true) {
            JsonPath page = given().auth().oauth2(sponsor).queryParam("since", cursor == null ? "" : cursor)
                    .queryParam("limit", 200).get(FEED).then().statusCode(200).extract().jsonPath();
            String next = page.getString("nextCursor");
            if (page.getList("items").isEmpty()) {
                return next;
            }
            cursor = next;
        }
    }

    static String[] decode(String cursor) {
        return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
    }

    static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
