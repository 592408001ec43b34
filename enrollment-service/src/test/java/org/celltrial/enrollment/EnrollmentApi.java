package org.celltrial.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;

import io.restassured.specification.RequestSpecification;

/** Test helpers that drive enrollment-service through its REST API with real tokens, and read its database. */
final class EnrollmentApi {

    static final String BASE = "/api/v1/enrollment";

    private EnrollmentApi() {
    }

    static RequestSpecification as(String user) {
        return Tokens.as(user);
    }

    static void ensureSite(String code) {
        int status = as("admin-user").body(Map.of("code", code, "name", "Site " + code))
                .post(BASE + "/sites").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Could not create site " + code + ": " + status);
        }
    }

    /** The reference study's first patient: 140 cm, 32 kg, baseline 9×10⁹/L, four prior therapies. */
    static Map<String, Object> referencePatient(String siteCode) {
        return Map.ofEntries(
                Map.entry("siteCode", siteCode),
                Map.entry("screeningNumber", "S-" + UUID.randomUUID().toString().substring(0, 8)),
                Map.entry("sex", "F"),
                Map.entry("birthDate", "2013-03-01"),
                Map.entry("initials", "AB"),
                Map.entry("heightCm", 140),
                Map.entry("weightKg", 32),
                Map.entry("itpDiagnosisDate", "2018-01-15"),
                Map.entry("baselinePlateletCountPer1e9L", 9),
                Map.entry("priorTherapies", List.of(
                        Map.of("category", "GLUCOCORTICOID", "agent", "prednisone"),
                        Map.of("category", "IVIG", "agent", "IVIG"),
                        Map.of("category", "TPO_RA", "agent", "eltrombopag"),
                        Map.of("category", "RITUXIMAB", "agent", "rituximab"))),
                Map.entry("gpAutoantibodyPositive", true),
                Map.entry("screeningDate", "2025-01-10"));
    }

    static String screen(String user, Map<String, Object> patient) {
        return as(user).body(patient).post(BASE + "/patients").then().statusCode(201).extract().path("id");
    }

    static Map<String, Boolean> allAnswersYes() {
        return Map.of("NO_SECONDARY_ITP", true, "NO_ACTIVE_INFECTION", true, "ADEQUATE_ORGAN_FUNCTION", true,
                "NOT_PREGNANT_OR_BREASTFEEDING", true, "INFORMED_CONSENT", true, "NO_PRIOR_CAR_T", true);
    }

    /** Screens, finds eligible and enrolls a patient at the dose level; returns its id. */
    static String enrolled(String user, String siteCode, String doseLevel) {
        String id = screen(user, referencePatient(siteCode));
        as(user).body(Map.of("answers", allAnswersYes())).post(BASE + "/patients/" + id + "/eligibility")
                .then().statusCode(200);
        as(user).body(Map.of("consentDate", "2025-01-12", "doseLevel", doseLevel))
                .post(BASE + "/patients/" + id + "/enrollment").then().statusCode(200);
        return id;
    }

    static long count(String sql, Object... parameters) {
        return TestDatabase.count(EnrollmentTestProfile.DATABASE, sql, parameters);
    }

    static String string(String sql, Object... parameters) {
        return TestDatabase.string(EnrollmentTestProfile.DATABASE, sql, parameters);
    }
}
