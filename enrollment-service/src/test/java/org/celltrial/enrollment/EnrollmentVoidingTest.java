package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.celltrial.enrollment.EnrollmentRequests.count;
import static org.celltrial.enrollment.EnrollmentRequests.string;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Mistaken lymphodepletion administrations and protocol deviations are voided with a reason and If-Match: they
 * stay stored, marked void and audited, and leave the lists and everything computed from them.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentVoidingTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Map<String, Object> FLUDARABINE = Map.of("agent", "fludarabine", "date", "2025-01-27",
            "doseMg", 34);
    private static final Map<String, Object> OMISSION = Map.of("omitted", true, "reason", "Lymphopenic at baseline",
            "date", "2025-01-27");

    @BeforeEach
    void sites() {
        EnrollmentRequests.ensureSite("SITE-01");
        EnrollmentRequests.ensureSite("SITE-02");
    }

    @Test
    void aMistakenDoseIsVoidedStaysStoredAndLeavesTheViewTheStatusAndTheSummary() {
        // A site of its own, so that the summary counts this patient only.
        String site = "VOID-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        EnrollmentRequests.ensureSite(site);
        String id = EnrollmentRequests.enrolled("data-manager", site, "DL1");
        String dose = record("data-manager", id, FLUDARABINE);
        as("data-manager").get(BASE + "/patients/" + id + "/lymphodepletion").then().statusCode(200)
                .body("administrations.id", contains(dose))
                .body("administrations[0].version", equalTo(0));
        as("data-manager").get(BASE + "/patients/" + id).then().body("status", equalTo("LYMPHODEPLETED"));
        summary(site).body("lymphodepleted", equalTo(1)).body("patients[0].lymphodepleted", equalTo(true));

        as("data-manager").header("If-Match", "\"0\"").body(Map.of("reason", "Entered twice; the dose was on day -4"))
                .post(administration(id, dose) + "/void").then().statusCode(204);

        as("data-manager").get(BASE + "/patients/" + id + "/lymphodepletion").then().statusCode(200)
                .body("administrations", hasSize(0));
        assertEquals(1, count("SELECT count(*) FROM lymphodepletion_administration WHERE id = ? AND voided "
                + "AND void_reason = 'Entered twice; the dose was on day -4' AND version = 1", UUID.fromString(dose)));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'VOID' "
                + "AND entity_type = 'LymphodepletionAdministration' AND actor = 'data-manager' "
                + "AND old_value->>'agent' = 'fludarabine' AND reason = 'Entered twice; the dose was on day -4'",
                dose));
        // Nothing given is left in force: the patient is back to ENROLLED, so no infusion can follow yet.
        as("data-manager").get(BASE + "/patients/" + id).then().body("status", equalTo("ENROLLED"));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'STATUS_CHANGE' "
                + "AND old_value->>'value' = 'LYMPHODEPLETED' AND new_value->>'value' = 'ENROLLED' "
                + "AND reason = 'Entered twice; the dose was on day -4'", id));
        as("data-manager").body(Map.of("date", "2025-02-01", "weightKg", 32, "doseLevel", "DL1",
                "totalCellsInfused", 4.8e6)).post(BASE + "/patients/" + id + "/infusion")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("ENROLLED"));
        summary(site).body("lymphodepleted", equalTo(0)).body("patients[0].lymphodepleted", equalTo(false));
    }

    @Test
    void voidingOneOfTwoDosesKeepsThePatientLymphodepleted() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String fludarabine = record("inv-site01", id, FLUDARABINE);
        String cyclophosphamide = record("inv-site01", id, Map.of("agent", "cyclophosphamide", "date", "2025-01-27",
                "doseMg", 336));

        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Wrong agent"))
                .post(administration(id, fludarabine) + "/void").then().statusCode(204);

        as("inv-site01").get(BASE + "/patients/" + id + "/lymphodepletion").then()
                .body("administrations.id", contains(cyclophosphamide))
                .body("administrations[0].doseMg", equalTo(336.0f));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("status", equalTo("LYMPHODEPLETED"));
        assertEquals(0, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'STATUS_CHANGE' "
                + "AND reason = 'Wrong agent'", id));
    }

    @Test
    void voidingAnOmissionVoidsItsDeviationAndDosesMayThenBeRecorded() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String omission = record("inv-site01", id, OMISSION);
        String deviation = as("inv-site01").get(BASE + "/patients/" + id + "/deviations").then().statusCode(200)
                .body("items.category", contains("LYMPHODEPLETION_OMITTED"))
                .body("items[0].version", equalTo(0))
                .extract().path("items[0].id");
        as("inv-site01").body(FLUDARABINE).post(BASE + "/patients/" + id + "/lymphodepletion/administrations")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("omitted"));

        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Entered for the wrong patient"))
                .post(administration(id, omission) + "/void").then().statusCode(204);

        as("inv-site01").get(BASE + "/patients/" + id + "/deviations").then().body("items", hasSize(0));
        assertEquals(1, count("SELECT count(*) FROM protocol_deviation WHERE id = ? AND voided "
                + "AND void_reason = 'Entered for the wrong patient' AND administration_id = ?",
                UUID.fromString(deviation), UUID.fromString(omission)));
        assertEquals(2, count("SELECT count(*) FROM audit_log WHERE entity_id IN (?, ?) AND action = 'VOID' "
                + "AND reason = 'Entered for the wrong patient'", omission, deviation));
        assertEquals("ProtocolDeviation", string("SELECT entity_type FROM audit_log WHERE entity_id = ? "
                + "AND action = 'VOID'", deviation));

        String dose = record("inv-site01", id, FLUDARABINE);
        as("inv-site01").get(BASE + "/patients/" + id + "/lymphodepletion").then()
                .body("administrations.id", contains(dose))
                .body("administrations[0].omitted", equalTo(false));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("status", equalTo("LYMPHODEPLETED"));
    }

    @Test
    void aDeviationVoidedAloneLeavesTheOmissionRecorded() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String omission = record("inv-site01", id, OMISSION);
        String reported = as("inv-site01").body(Map.of("category", "VISIT_OUT_OF_WINDOW",
                "description", "Screening visit 3 days late", "occurredOn", "2025-01-20"))
                .post(BASE + "/patients/" + id + "/deviations").then().statusCode(201)
                .body("version", equalTo(0)).extract().path("id");
        String omitted = as("inv-site01").get(BASE + "/patients/" + id + "/deviations").then()
                .extract().path("items.find { it.category == 'LYMPHODEPLETION_OMITTED' }.id");

        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "The visit was in its window"))
                .post(BASE + "/patients/" + id + "/deviations/" + reported + "/void").then().statusCode(204);
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Classified in error"))
                .post(BASE + "/patients/" + id + "/deviations/" + omitted + "/void").then().statusCode(204);

        as("inv-site01").get(BASE + "/patients/" + id + "/deviations").then().body("items", hasSize(0));
        as("inv-site01").get(BASE + "/patients/" + id + "/lymphodepletion").then()
                .body("administrations.id", contains(omission))
                .body("administrations[0].omitted", equalTo(true));
        assertEquals(0, count("SELECT count(*) FROM lymphodepletion_administration WHERE id = ? AND voided",
                UUID.fromString(omission)));
        assertEquals("The visit was in its window", string("SELECT void_reason FROM protocol_deviation WHERE id = ?",
                UUID.fromString(reported)));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'VOID' "
                + "AND entity_type = 'ProtocolDeviation' AND actor = 'inv-site01' "
                + "AND old_value->>'description' = 'Screening visit 3 days late'", reported));

        // Voiding the omission afterwards keeps its deviation's own reason.
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Entered for the wrong patient"))
                .post(administration(id, omission) + "/void").then().statusCode(204);
        assertEquals("Classified in error", string("SELECT void_reason FROM protocol_deviation WHERE id = ?",
                UUID.fromString(omitted)));
        assertEquals(1, count("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'VOID'", omitted));
    }

    @Test
    void anAdministrationVoidIsRefusedWithoutItsVersionAReasonTheSiteOrTheRightAndOnlyOnce() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String dose = record("inv-site01", id, FLUDARABINE);
        String elsewhere = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        assertRefusals(id, administration(id, dose), administration(elsewhere, dose),
                administration(id, UUID.randomUUID().toString()));
        assertEquals(0, count("SELECT count(*) FROM lymphodepletion_administration WHERE id = ? AND voided",
                UUID.fromString(dose)));

        assertVoidedOnce(administration(id, dose));
        assertEquals(1, count("SELECT count(*) FROM lymphodepletion_administration WHERE id = ? AND voided",
                UUID.fromString(dose)));
    }

    @Test
    void aDeviationVoidIsRefusedWithoutItsVersionAReasonTheSiteOrTheRightAndOnlyOnce() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String deviation = as("inv-site01").body(Map.of("category", "CONSENT",
                "description", "Consent form version 2 signed instead of 3", "occurredOn", "2025-01-12"))
                .post(BASE + "/patients/" + id + "/deviations").then().statusCode(201).extract().path("id");
        String elsewhere = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL1");
        String path = BASE + "/patients/" + id + "/deviations/";
        assertRefusals(id, path + deviation, BASE + "/patients/" + elsewhere + "/deviations/" + deviation,
                path + UUID.randomUUID());
        assertEquals(0, count("SELECT count(*) FROM protocol_deviation WHERE id = ? AND voided",
                UUID.fromString(deviation)));

        assertVoidedOnce(path + deviation);
        assertEquals(1, count("SELECT count(*) FROM protocol_deviation WHERE id = ? AND voided",
                UUID.fromString(deviation)));
    }

    /** Every refusal of voiding the record at {@code record} answers a problem and writes no audit row. */
    private static void assertRefusals(String patientId, String record, String recordOfAnotherPatient,
            String unknownRecord) {
        long audited = count("SELECT count(*) FROM audit_log WHERE action = 'VOID'");
        Map<String, String> reason = Map.of("reason", "Entered in error");
        as("inv-site01").body(reason).post(record + "/void")
                .then().statusCode(428).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:precondition-required"));
        as("inv-site01").header("If-Match", "\"7\"").body(reason).post(record + "/void")
                .then().statusCode(412).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:precondition-failed"))
                .body("detail", containsString("version 0"));
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of()).post(record + "/void")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:validation"))
                .body("violations.field", hasItem("reason"));
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", " ")).post(record + "/void")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItem("reason"));
        as("inv-site02").header("If-Match", "\"0\"").body(reason).post(record + "/void")
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:not-found"))
                .body("detail", containsString(patientId));
        as("inv-site01").header("If-Match", "\"0\"").body(reason).post(recordOfAnotherPatient + "/void")
                .then().statusCode(404).contentType(PROBLEM);
        as("inv-site01").header("If-Match", "\"0\"").body(reason).post(unknownRecord + "/void")
                .then().statusCode(404).contentType(PROBLEM);
        as("monitor-site01").header("If-Match", "\"0\"").body(reason).post(record + "/void")
                .then().statusCode(403).contentType(PROBLEM);
        assertEquals(audited, count("SELECT count(*) FROM audit_log WHERE action = 'VOID'"));
    }

    /** Voids the record with its version; a second void is a conflict that names the first reason. */
    private static void assertVoidedOnce(String record) {
        as("inv-site01").header("If-Match", "\"0\"").body(Map.of("reason", "Entered in error"))
                .post(record + "/void").then().statusCode(204);
        as("inv-site01").header("If-Match", "\"1\"").body(Map.of("reason", "Again"))
                .post(record + "/void").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:celltrial:problem:conflict"))
                .body("detail", containsString("already void: Entered in error"));
    }

    private static String record(String user, String patientId, Map<String, Object> administration) {
        return as(user).body(administration).post(BASE + "/patients/" + patientId + "/lymphodepletion/administrations")
                .then().statusCode(201).body("version", equalTo(0)).extract().path("id");
    }

    private static String administration(String patientId, String administrationId) {
        return BASE + "/patients/" + patientId + "/lymphodepletion/administrations/" + administrationId;
    }

    private static ValidatableResponse summary(String site) {
        return as("data-manager").get(BASE + "/summary?asOf=2025-06-15&siteCode=" + site).then().statusCode(200);
    }
}
