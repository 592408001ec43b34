package org.celltrial.enrollment;

import static io.restassured.RestAssured.given;
import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.celltrial.testing.Tokens;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code POST …/patients/changed-references} (docs/api.md): every visible patient's revision, and the references whose
 * revision the caller did not give; a write to what the reference reads gives a new revision, others do not.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class ChangedReferencesTest {

    private static final String CHANGED = BASE + "/patients/changed-references";
    private static final int WRITERS = 8;

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
    }

    @Test
    void onlyTheReferencesWhoseRevisionChangedAreAnswered() {
        String id = as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(201).extract().path("id");
        String unknown = UUID.randomUUID().toString();

        // nothing known: the revision and the reference; an unknown ID in neither
        long first = revision(as("inv-site01").body(Map.of("ids", List.of(id, unknown))).post(CHANGED)
                .then().statusCode(200)
                .body("revisions.keySet()", contains(id))
                .body("references.id", contains(id))
                .body("references[0].status", equalTo("SCREENING"))
                .extract().path("revisions.'" + id + "'"));

        // the revision known: the same revision, no reference
        as("inv-site01").body(Map.of("ids", List.of(id), "known", Map.of(id, first))).post(CHANGED)
                .then().statusCode(200)
                .body("revisions.'" + id + "'", equalTo((int) first))
                .body("references", hasSize(0));

        // a write the reference does not read (a deviation) keeps the revision
        as("inv-site01").body(Map.of("category", "VISIT_OUT_OF_WINDOW", "description", "Screening visit out of window",
                "occurredOn", "2025-01-10"))
                .post(BASE + "/patients/" + id + "/deviations").then().statusCode(201);
        as("inv-site01").body(Map.of("ids", List.of(id), "known", Map.of(id, first))).post(CHANGED)
                .then().statusCode(200)
                .body("references", hasSize(0));

        // eligibility changes the patient's status, which the reference shows: a new revision and the reference
        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility").then().statusCode(200);
        long second = revision(as("inv-site01").body(Map.of("ids", List.of(id), "known", Map.of(id, first)))
                .post(CHANGED)
                .then().statusCode(200)
                .body("references.id", contains(id))
                .body("references[0].status", equalTo("ELIGIBLE"))
                .extract().path("revisions.'" + id + "'"));
        assertNotEquals(first, second);

        // a therapy (another table the reference reads): a new revision, the reference with it
        as("inv-site01").body(Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1,
                "doseUnit", "g/kg", "start", "2025-03-01"))
                .post(BASE + "/patients/" + id + "/therapies").then().statusCode(201);
        long third = revision(as("inv-site01").body(Map.of("ids", List.of(id), "known", Map.of(id, second)))
                .post(CHANGED)
                .then().statusCode(200)
                .body("references[0].therapies.agent", contains("IVIG"))
                .extract().path("revisions.'" + id + "'"));
        assertNotEquals(second, third);

        // another site's investigator: neither the revision nor the reference
        as("inv-site02").body(Map.of("ids", List.of(id))).post(CHANGED)
                .then().statusCode(200)
                .body("revisions", anEmptyMap())
                .body("references", hasSize(0));
        assertEquals(third, revision(as("sponsor-user").body(Map.of("ids", List.of(id), "known", Map.of(id, third)))
                .post(CHANGED).then().statusCode(200).body("references", hasSize(0))
                .extract().path("revisions.'" + id + "'")));
    }

    /** Two patients' therapies written at once, eight at a time: every write stored, each patient's revision new. */
    @Test
    void therapiesWrittenAtOnceEachRaiseTheRevisionAndNoneFails() throws Exception {
        List<String> ids = List.of(
                as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                        .then().statusCode(201).extract().path("id"),
                as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                        .then().statusCode(201).extract().path("id"));
        Map<String, Object> known = new HashMap<>();
        as("inv-site01").body(Map.of("ids", ids)).post(CHANGED).then().statusCode(200).extract()
                .<Map<String, Object>>path("revisions").forEach(known::put);
        String token = Tokens.of("inv-site01");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<Integer>> answers = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int writer = 0; writer < WRITERS; writer++) {
                String id = ids.get(writer % 2);
                String therapyStart = "2025-03-%02d".formatted(1 + writer);
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json")
                            .body(Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1,
                                    "doseUnit", "g/kg", "start", therapyStart))
                            .post(BASE + "/patients/" + id + "/therapies").then().extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(201, answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        as("inv-site01").body(Map.of("ids", ids, "known", known)).post(CHANGED)
                .then().statusCode(200)
                .body("references", hasSize(2))
                .body("references.find { it.id == '" + ids.get(0) + "' }.therapies", hasSize(WRITERS / 2))
                .body("references.find { it.id == '" + ids.get(1) + "' }.therapies", hasSize(WRITERS / 2));
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        as("inv-site01").body(Map.of("ids", List.of())).post(CHANGED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("ids")));
        Map<String, Object> nullRevision = new HashMap<>();
        nullRevision.put(UUID.randomUUID().toString(), null);
        as("inv-site01").body(Map.of("ids", List.of(UUID.randomUUID().toString()), "known", nullRevision))
                .post(CHANGED)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("known")));
        as("inv-site01").body("{\"ids\":[\"" + UUID.randomUUID() + "\"],\"known\":{\"not-a-uuid\":1}}").post(CHANGED)
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static long revision(Object json) {
        return ((Number) json).longValue();
    }
}
