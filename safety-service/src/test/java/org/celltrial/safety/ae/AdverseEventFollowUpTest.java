package org.celltrial.safety.ae;

import static org.celltrial.testing.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.safety.SafetyTestProfile;
import org.celltrial.testing.EnrollmentStub;
import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An adverse event's follow-up ({@code PUT /safety/adverse-events/{aeId}}): a JSON Merge Patch, so fields left out
 * keep their values, and the fields that move SUSAR deadlines ({@code expected}, {@code awarenessDate},
 * {@code reportedOn}, {@code confirmedGrade}) are the safety officer's alone.
 */
@QuarkusTest
@TestProfile(SafetyTestProfile.class)
class AdverseEventFollowUpTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    private String event;

    @BeforeEach
    void aSeriousUnexpectedEventReportedAtSite01() {
        EnrollmentStub.reset();
        UUID patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, """
                {"id":"%s","subjectId":"CT-SITE-01-%s","siteCode":"SITE-01","sex":"F","birthDate":"2016-01-01",
                 "ageAtInfusionYears":9,"day0":"2025-03-01","lymphodepletionStart":"2025-02-24","weightKg":30.0,
                 "baselinePlateletCountPer1e9L":9,"status":"INFUSED","therapies":[]}
                """.formatted(patient, patient.toString().substring(0, 4)));
        event = as("inv-site01").body(Map.of("ctcaeTerm", "Febrile neutropenia", "meddraCode", "10016288",
                "onset", "2025-03-04", "grade", 3, "serious", true, "seriousnessCriteria", List.of("HOSPITALISATION"),
                "treatments", List.of("meropenem"), "awarenessDate", "2025-03-04", "expected", false))
                .post("/api/v1/safety/patients/" + patient + "/adverse-events")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void anInvestigatorChangingExpectedIs403NamingTheFieldAndNothingIsStored() {
        as("inv-site01").header("If-Match", etag())
                .body(Map.of("expected", true, "outcome", "RECOVERING", "reason", "Listed in the IB after all"))
                .put(url())
                .then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("expected"))
                .body("violations.field", hasItem("expected"));
        as("safety-officer").get(url()).then().statusCode(200)
                .body("expected", equalTo(false))
                .body("outcome", nullValue())
                .body("version", equalTo(0));
        assertEquals(0, corrections());
    }

    @Test
    void aDataManagerMayNotSetOrClearTheDeadlineFieldsEither() {
        as("data-manager").header("If-Match", etag())
                .body(Map.of("reportedOn", "2025-03-05", "reason", "Sent to the authority"))
                .put(url())
                .then().statusCode(403).body("violations.field", hasItem("reportedOn"));
        as("data-manager").header("If-Match", etag())
                .body("{\"awarenessDate\":null,\"reason\":\"Not sure when we knew\"}")
                .put(url())
                .then().statusCode(403).body("detail", containsString("awarenessDate"));
        as("safety-officer").get(url()).then().body("awarenessDate", equalTo("2025-03-04"))
                .body("reportedOn", nullValue());
        assertEquals(0, corrections());
    }

    @Test
    void aFollowUpThatLeavesFieldsOutKeepsThem() {
        as("inv-site01").header("If-Match", etag())
                .body(Map.of("outcome", "RECOVERING", "reason", "Afebrile since yesterday"))
                .put(url())
                .then().statusCode(200)
                .body("outcome", equalTo("RECOVERING"))
                .body("awarenessDate", equalTo("2025-03-04"))
                .body("expected", equalTo(false))
                .body("serious", equalTo(true))
                .body("seriousnessCriteria", equalTo(List.of("HOSPITALISATION")))
                .body("treatments", equalTo(List.of("meropenem")));
        // sending a deadline field with its stored value is not a change
        as("inv-site01").header("If-Match", etag())
                .body(Map.of("expected", false, "treatments", List.of("meropenem", "G-CSF"), "reason", "G-CSF added"))
                .put(url())
                .then().statusCode(200).body("treatments", equalTo(List.of("meropenem", "G-CSF")))
                .body("outcome", equalTo("RECOVERING"))
                .body("awarenessDate", equalTo("2025-03-04"));
        assertEquals(2, corrections());
    }

    @Test
    void theSafetyOfficerMovesTheDeadlineFieldsByMergePatch() {
        as("safety-officer").contentType(MERGE_PATCH).header("If-Match", etag())
                .body("{\"awarenessDate\":\"2025-03-05\",\"expected\":true,\"reportedOn\":\"2025-03-06\","
                        + "\"reason\":\"Awareness per the site's e-mail of 5 March\"}")
                .put(url())
                .then().statusCode(200)
                .body("awarenessDate", equalTo("2025-03-05"))
                .body("expected", equalTo(true))
                .body("reportedOn", equalTo("2025-03-06"))
                .body("treatments", equalTo(List.of("meropenem")));
        as("safety-officer").contentType(MERGE_PATCH).header("If-Match", etag())
                .body("{\"reportedOn\":null,\"reason\":\"Not sent after all\"}")
                .patch(url())
                .then().statusCode(200)
                .body("reportedOn", nullValue())
                .body("awarenessDate", equalTo("2025-03-05"));
        assertEquals(2, corrections());
    }

    @Test
    void aFollowUpNeedsAReasonAndCannotClearRequiredFieldsOrSendUnknownOnes() {
        as("inv-site01").header("If-Match", etag()).body(Map.of("outcome", "RECOVERING"))
                .put(url())
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("reason"));
        as("inv-site01").header("If-Match", etag()).body("{\"serious\":null,\"reason\":\"x\"}")
                .put(url())
                .then().statusCode(400).body("violations.field", hasItem("serious"));
        as("inv-site01").header("If-Match", etag()).body("{\"severity\":3,\"reason\":\"x\"}")
                .put(url())
                .then().statusCode(400).contentType(PROBLEM);
        as("inv-site01").header("If-Match", etag()).body("[]")
                .put(url())
                .then().statusCode(400).contentType(PROBLEM);
        as("safety-officer").get(url()).then().body("version", equalTo(0)).body("outcome", nullValue());
        assertEquals(0, corrections());
    }

    private String url() {
        return "/api/v1/safety/adverse-events/" + event;
    }

    private String etag() {
        return as("safety-officer").get(url()).then().statusCode(200).extract().header("ETag");
    }

    private long corrections() {
        return TestDatabase.count(SafetyTestProfile.DATABASE,
                "SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'CORRECT'", event);
    }
}
