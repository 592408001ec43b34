package org.celltrial.enrollment;

import static org.celltrial.enrollment.EnrollmentRequests.BASE;
import static org.celltrial.enrollment.EnrollmentRequests.as;
import static org.celltrial.enrollment.EnrollmentRequests.ensureSite;
import static org.celltrial.enrollment.EnrollmentRequests.referencePatient;
import static org.celltrial.enrollment.EnrollmentRequests.screen;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.celltrial.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A site lock in enrollment-service (docs/data-review.md, Lock): a screening, a therapy and a deviation dated in the
 * locked period are 423 and store nothing; later dates and other sites are open; lifting needs a reason.
 */
@QuarkusTest
@TestProfile(EnrollmentTestProfile.class)
class EnrollmentLockTest {

    private static final String SITE = "SITE-LK";

    @Test
    void writesDatedInALockedPeriodAreRefused() {
        ensureSite(SITE);
        String patient = screen("data-manager", referencePatient(SITE));
        UUID lockId = UUID.randomUUID();
        as("data-manager").body(Map.of("id", lockId, "cutoff", "2025-06-15", "siteCode", SITE))
                .post(BASE + "/locks").then().statusCode(200)
                .body("frozen.name", hasItem("summary")).body("inForce", equalTo(true));
        try {
            long patients = TestDatabase.count(EnrollmentTestProfile.DATABASE,
                    "SELECT count(*) FROM patient WHERE site_code = ?", SITE);
            as("data-manager").body(referencePatient(SITE)).post(BASE + "/patients")
                    .then().statusCode(423).body("detail", containsString(lockId.toString()));
            assertEquals(patients, TestDatabase.count(EnrollmentTestProfile.DATABASE,
                    "SELECT count(*) FROM patient WHERE site_code = ?", SITE));
            as("data-manager").body(therapy("2025-03-01")).post(BASE + "/patients/" + patient + "/therapies")
                    .then().statusCode(423);
            as("data-manager").body(Map.of("category", "VISIT_OUT_OF_WINDOW", "description", "late visit",
                    "occurredOn", "2025-06-15")).post(BASE + "/patients/" + patient + "/deviations")
                    .then().statusCode(423);
            as("data-manager").body(therapy("2025-06-16")).post(BASE + "/patients/" + patient + "/therapies")
                    .then().statusCode(201);
            ensureSite("SITE-LK2");
            screen("data-manager", referencePatient("SITE-LK2"));
        } finally {
            as("data-manager").body(Map.of("reason", "end of test")).post(BASE + "/locks/" + lockId + "/unlock")
                    .then().statusCode(200).body("inForce", equalTo(false));
        }
        as("data-manager").body(therapy("2025-03-01")).post(BASE + "/patients/" + patient + "/therapies")
                .then().statusCode(201);
    }

    private static Map<String, Object> therapy(String start) {
        return Map.of("kind", "RESCUE", "agent", "IVIG", "category", "IVIG", "doseValue", 1, "doseUnit", "g/kg",
                "start", start);
    }
}
