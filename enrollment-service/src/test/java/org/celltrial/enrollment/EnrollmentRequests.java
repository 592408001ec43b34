package org.celltrial.enrollment;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.TestDatabase;
import org.celltrial.testing.Tokens;

import io.restassured.specification.RequestSpecification;

/** Test helpers that drive enrollment-service through its REST API with real tokens, and read its database. */
final class EnrollmentRequests {

    static final String BASE = "/api/v1/enrollment";

    private EnrollmentRequests() {
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

    /**
     * Yes to every investigator criterion of the reference protocol, and to STABLE_CORTICOSTEROID_DOSE, which the
     * reference patient's prednisone (no dates recorded) needs (docs/clinical-rules.md, Eligibility).
     */
    static Map<String, Boolean> allAnswersYes() {
        return Map.ofEntries(Map.entry("INFORMED_CONSENT", true), Map.entry("NO_SECONDARY_ITP", true),
                Map.entry("ADEQUATE_ORGAN_FUNCTION", true), Map.entry("CONTRACEPTION", true),
                Map.entry("NO_PREVENTIVE_SPLENECTOMY", true), Map.entry("NO_HEMOSTATIC_DISORDER", true),
                Map.entry("NOT_PREGNANT_OR_BREASTFEEDING", true), Map.entry("NO_PRIOR_CAR_T", true),
                Map.entry("NO_OTHER_TRIAL_WITHIN_4_WEEKS", true), Map.entry("NO_ACTIVE_INFECTION", true),
                Map.entry("STABLE_CORTICOSTEROID_DOSE", true));
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
