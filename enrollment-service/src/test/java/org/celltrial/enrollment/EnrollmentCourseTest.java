package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The patient's enrollment views in one answer (GET /patients/{id}/course, which the gateway's course reads), with
 * real tokens and PostgreSQL.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentCourseTest {

    @BeforeEach
    void site() {
        EnrollmentRequests.ensureSite("SITE-01");
    }

    @Test
    void everyViewComesInOneAnswerAsItsOwnEndpointAnswersIt() {
        String id = EnrollmentRequests.enrolled("inv-site01", "SITE-01", "DL2");
        as("inv-site01").body(Map.of("omitted", true, "reason", "Lymphopenic at baseline", "date", "2025-01-27"))
                .post(BASE + "/patients/" + id + "/lymphodepletion/administrations").then().statusCode(201);
        as("inv-site01").body(Map.of("date", "2025-02-01", "weightKg", 30, "doseLevel", "DL2",
                        "totalCellsInfused", 1.2e7))
                .post(BASE + "/patients/" + id + "/infusion").then().statusCode(200);
        as("inv-site01").body(Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1,
                        "doseUnit", "g/kg", "start", "2025-03-01"))
                .post(BASE + "/patients/" + id + "/therapies").then().statusCode(201);

        Map<String, Object> patient = as("monitor-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        Map<String, Object> schedule = as("monitor-site01").get(BASE + "/patients/" + id + "/schedule").then()
                .statusCode(200).extract().jsonPath().getMap("");
        List<Object> deviations = as("monitor-site01").get(BASE + "/patients/" + id + "/deviations").then()
                .statusCode(200).extract().jsonPath().getList("items");

        as("monitor-site01").get(BASE + "/patients/" + id + "/course").then().statusCode(200)
                .body("patient", equalTo(patient))
                .body("patient.day0", equalTo("2025-02-01"))
                .body("lymphodepletion.administrations", hasSize(1))
                .body("schedule", equalTo(schedule))
                .body("therapies.agent", equalTo(List.of("IVIG")))
                .body("deviations", equalTo(deviations))
                .body("deviations.category", containsInAnyOrder("LYMPHODEPLETION_OMITTED",
                        "CAR_T_DOSE_OUT_OF_TOLERANCE"));
    }

    @Test
    void beforeEnrollmentTheScheduleIsNullAndTheOtherViewsCome() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));

        as("inv-site01").get(BASE + "/patients/" + id + "/course").then().statusCode(200)
                .body("patient.status", equalTo("SCREENING"))
                .body("schedule", nullValue())
                .body("therapies", empty())
                .body("deviations", empty());
    }

    @Test
    void aPatientOfAnotherSiteIs404AndASponsorMayNotReadIt() {
        String id = EnrollmentRequests.screen("inv-site01", EnrollmentRequests.referencePatient("SITE-01"));

        as("inv-site02").get(BASE + "/patients/" + id + "/course").then().statusCode(404)
                .contentType("application/problem+json");
        as("sponsor-user").get(BASE + "/patients/" + id + "/course").then().statusCode(403);
    }
}
