package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.celltrial.enrollment.EnrollmentRequests.count;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.celltrial.enrollment.eligibility.EligibilityCriteria;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The reference protocol ships the registered trial's eligibility (ClinicalTrials.gov NCT06352281;
 * docs/clinical-rules.md, Eligibility), and the refractory path reads the prior therapies' outcomes recorded at
 * screening, through the API with real tokens.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class RegisteredTrialEligibilityTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String NOT_CHRONIC = "not chronic: ITP diagnosed on 2024-06-01, 7 months 9 days before "
            + "screening on 2025-01-10, more than 12 months required; ";

    @Inject
    ObjectMapper json;

    @BeforeEach
    void site() {
        EnrollmentRequests.ensureSite("SITE-01");
    }

    @Test
    void theProtocolInForceHasTheRegisteredTrialsCriteria() throws Exception {
        String protocol = as("inv-site01").get(BASE + "/protocol").then().statusCode(200)
                .body("version", equalTo(1))
                .extract().asString();

        assertEquals(EligibilityCriteria.defaults(),
                json.treeToValue(json.readTree(protocol).path("eligibility"), EligibilityCriteria.class));
    }

    @Test
    void aRecentlyDiagnosedPatientIsEligibleOnTheRecordedFailureOfBothLines() {
        String id = EnrollmentRequests.screen("inv-site01", refractoryPatient("INTOLERANCE"));

        as("inv-site01").get(BASE + "/patients/" + id).then().statusCode(200)
                .body("priorTherapies.outcome", contains("NO_RESPONSE", "INTOLERANCE"));
        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("criteria.find { it.code == 'CHRONIC_OR_REFRACTORY_ITP' }.why", equalTo(NOT_CHRONIC
                        + "refractory: insufficient response to prednisone (first line); intolerance of eltrombopag "
                        + "(second line)"))
                .body("criteria.find { it.code == 'STABLE_CORTICOSTEROID_DOSE' }.why",
                        equalTo("no corticosteroid taken on 2025-01-10 (prednisone ended on 2024-08-01)"));
    }

    @Test
    void aSecondLineWithoutOutcomeNeedsTheInvestigatorsRefractoryAnswer() {
        String id = EnrollmentRequests.screen("inv-site01", refractoryPatient(null));

        as("inv-site01").body(Map.of("answers", EnrollmentRequests.allAnswersYes()))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("answers.REFRACTORY_ITP"));
        as("inv-site01").get(BASE + "/patients/" + id).then().body("status", equalTo("SCREENING"));
        assertEquals(0, count("SELECT count(*) FROM eligibility_assessment WHERE patient_id = ?",
                UUID.fromString(id)));

        Map<String, Boolean> answers = new HashMap<>(EnrollmentRequests.allAnswersYes());
        answers.put("REFRACTORY_ITP", true);
        as("inv-site01").body(Map.of("answers", answers))
                .post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200)
                .body("outcome", equalTo("ELIGIBLE"))
                .body("criteria.find { it.code == 'CHRONIC_OR_REFRACTORY_ITP' }.why", equalTo(NOT_CHRONIC
                        + "refractory not decided by the data: no outcome recorded for eltrombopag (second line); "
                        + "insufficient response to prednisone (first line); REFRACTORY_ITP: investigator answered "
                        + "yes"));
    }

    /** 34, diagnosed 7 months before screening; no response to prednisone, eltrombopag ending as given. */
    private static Map<String, Object> refractoryPatient(String eltrombopagOutcome) {
        Map<String, Object> eltrombopag = new HashMap<>(Map.of("category", "TPO_RA", "agent", "eltrombopag",
                "start", "2024-08-15", "end", "2024-12-01"));
        eltrombopag.put("outcome", eltrombopagOutcome);
        Map<String, Object> patient = new HashMap<>(EnrollmentRequests.referencePatient("SITE-01"));
        patient.put("birthDate", "1990-06-15");
        patient.put("itpDiagnosisDate", "2024-06-01");
        patient.put("priorTherapies", List.of(Map.of("category", "GLUCOCORTICOID", "agent", "prednisone",
                "start", "2024-06-01", "end", "2024-08-01", "outcome", "NO_RESPONSE"), eltrombopag));
        return patient;
    }
}
