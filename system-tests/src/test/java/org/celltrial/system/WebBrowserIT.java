package org.celltrial.system;

import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The web front end in a real headless Chromium, signing in through Keycloak's login page, against the suite as
 * the other system tests run it (web/e2e/browser-e2e.mjs holds the scenarios; docs/web.md, Tests): the patient made
 * here through the API for the course, records, correction and read-only scenarios, and one the investigator
 * screens, enrolls, lymphodepletes and infuses in the browser (the script checks the API holds what it made). Skips,
 * saying why, where Node.js, the built front end or Chromium is missing. Screenshots:
 * system-tests/target/web-screenshots.
 */
class WebBrowserIT {

    private static final String FEVER_AT = "2025-02-02T10:00";
    private static final List<String[]> PLATELET_COUNTS = List.of(new String[] {"2025-02-08", "12"},
            new String[] {"2025-02-15", "45"}, new String[] {"2025-02-22", "80"}, new String[] {"2025-03-01", "120"});

    @Test
    void sitesMonitorsAndSponsorsWorkThroughThePatientsCourse() throws IOException, InterruptedException {
        BrowserScenarios.assumeRunnable();

        RunningSuite suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        StudyPatients.ensureSite(suite, "SITE-02");
        String patient = StudyPatients.infused(suite, "WEB", "1985-06-15");
        String efficacy = suite.gateway.url() + "/api/v1/efficacy/patients/" + patient;
        for (String[] count : PLATELET_COUNTS) {
            as("inv-site01").body(Map.of("date", count[0], "valuePer1e9L", Double.parseDouble(count[1]), "bleeding", 0))
                    .post(efficacy + "/platelet-counts").then().statusCode(201);
        }
        for (String[] sample : new String[][] {{"2025-02-04", "2000"}, {"2025-02-11", "40000"}, {"2025-02-22", "9000"},
                {"2025-03-01", "3000"}}) {
            as("inv-site01").body(Map.of("date", sample[0], "copiesPerUgDna", Double.parseDouble(sample[1])))
                    .post(efficacy + "/car-t-kinetics").then().statusCode(201);
        }
        BrowserScenarios.run(suite, "browser-e2e.mjs", "web-e2e.log", Map.of("PATIENT_ID", patient,
                "FEVER_AT", FEVER_AT, "PLATELET_COUNTS", String.valueOf(PLATELET_COUNTS.size()),
                "SUMMARY_AS_OF", "2025-06-15"));

        // the refused 50 °C stored nothing: the fever is the patient's only vitals record
        as("inv-site01").get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/vitals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].temperatureC", equalTo(38.6f));
        as("inv-site01").get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/crs")
                .then().statusCode(200).body("maxGrade", equalTo(1));
    }
}
