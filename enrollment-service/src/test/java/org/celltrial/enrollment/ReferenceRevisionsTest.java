package org.celltrial.enrollment;

import static io.restassured.RestAssured.given;
import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * {@code POST …/patients/reference-revisions} (docs/api.md): the revision of the reference of each patient asked for
 * that the caller may see; a write to what the reference reads gives a new revision, others do not.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class ReferenceRevisionsTest {

    private static final String REVISIONS = BASE + "/patients/reference-revisions";
    private static final String REFERENCES = BASE + "/patients/references";
    private static final int WRITERS = 8;

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
    }

    @Test
    void theRevisionChangesWithWhatTheReferenceReadsAlone() {
        String id = as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                .then().statusCode(201).extract().path("id");
        long first = revision("inv-site01", id);

        // a write the reference does not read (a deviation) keeps the revision
        as("inv-site01").body(Map.of("category", "VISIT_OUT_OF_WINDOW", "description", "Screening visit out of window",
                "occurredOn", "2025-01-10"))
                .post(BASE + "/patients/" + id + "/deviations").then().statusCode(201);
        assertEquals(first, revision("inv-site01", id));

        // eligibility changes the patient's status, which the reference shows: a new revision
        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility").then().statusCode(200);
        long second = revision("inv-site01", id);
        assertNotEquals(first, second);
        as("inv-site01").body(Map.of("ids", List.of(id))).post(REFERENCES)
                .then().statusCode(200).body("status", contains("ELIGIBLE"));

        // a therapy (another table the reference reads): a new revision
        as("inv-site01").body(Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1,
                "doseUnit", "g/kg", "start", "2025-03-01"))
                .post(BASE + "/patients/" + id + "/therapies").then().statusCode(201);
        long third = revision("inv-site01", id);
        assertNotEquals(second, third);

        // another site's investigator does not get it; the sponsor (every site) gets the same revision
        as("inv-site02").body(Map.of("ids", List.of(id))).post(REVISIONS).then().statusCode(200)
                .body("revisions.'" + id + "'", nullValue());
        assertEquals(third, revision("sponsor-user", id));
    }

    /** The patients asked for alone, whatever else there is; an ID that is no patient is left out, not refused. */
    @Test
    void onlyThePatientsAskedForAreAnswered() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                    .then().statusCode(201).extract().path("id"));
        }
        String nobody = UUID.randomUUID().toString();
        Map<String, Object> revisions = as("data-manager").body(Map.of("ids", List.of(ids.get(0), ids.get(2), nobody)))
                .post(REVISIONS).then().statusCode(200).extract().path("revisions");
        assertEquals(Set.of(ids.get(0), ids.get(2)), revisions.keySet());
        assertEquals(revision("data-manager", ids.get(0)), ((Number) revisions.get(ids.get(0))).longValue());
    }

    /** No IDs, more than a page of 2 000, or an ID that is not one: 400 problem+json naming the field. */
    @Test
    void aRequestWithoutIdsOrWithTooManyIs400() {
        as("data-manager").body(Map.of("ids", List.of())).post(REVISIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ids"));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 2001; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        as("data-manager").body(Map.of("ids", tooMany)).post(REVISIONS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("ids"));
        as("data-manager").body(Map.of("ids", List.of("not-an-id"))).post(REVISIONS)
                .then().statusCode(400).contentType("application/problem+json");
        as("data-manager").body("{}").post(REVISIONS)
                .then().statusCode(400).contentType("application/problem+json");
    }

    /** Two patients' therapies written at once, eight at a time: every write stored, each patient's revision new. */
    @Test
    void therapiesWrittenAtOnceEachRaiseTheRevisionAndNoneFails() throws Exception {
        List<String> ids = List.of(
                as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                        .then().statusCode(201).extract().path("id"),
                as("inv-site01").body(EnrollmentRequests.referencePatient("SITE-01")).post(BASE + "/patients")
                        .then().statusCode(201).extract().path("id"));
        List<Long> before = ids.stream().map(id -> revision("inv-site01", id)).toList();
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
        for (int patient = 0; patient < 2; patient++) {
            assertNotEquals(before.get(patient), revision("inv-site01", ids.get(patient)));
        }
        as("inv-site01").body(Map.of("ids", ids)).post(REFERENCES)
                .then().statusCode(200)
                .body("find { it.id == '" + ids.get(0) + "' }.therapies", hasSize(WRITERS / 2))
                .body("find { it.id == '" + ids.get(1) + "' }.therapies", hasSize(WRITERS / 2));
    }

    @Test
    void rolesWithoutPatientDataAreRefused() {
        as("admin-user").body(Map.of("ids", List.of(UUID.randomUUID()))).post(REVISIONS)
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        given().contentType("application/json").body(Map.of("ids", List.of(UUID.randomUUID()))).post(REVISIONS)
                .then().statusCode(401);
    }

    private static long revision(String user, String patientId) {
        Object json = as(user).body(Map.of("ids", List.of(patientId))).post(REVISIONS).then().statusCode(200)
                .extract().path("revisions.'" + patientId + "'");
        return ((Number) json).longValue();
    }
}
