package org.celltrial.system;

import static org.celltrial.system.StudyPatients.as;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The oversight screens in a real headless Chromium (web/e2e/oversight-e2e.mjs holds the scenarios; docs/web.md,
 * Tests): the course's B-cell, temperature and ANC plots and the grades' explanations, the safety officer's SAEs due,
 * adverse events and feed, the sponsor's summary at a chosen cut-off and site, and the downloads. Skips, saying why,
 * as {@link WebBrowserIT} does. Screenshots: system-tests/target/web-screenshots/oversight-*; output:
 * system-tests/target/web-oversight-e2e.log.
 */
class WebOversightIT {

    // Day 0 is 2025-02-01 (StudyPatients): a fever from day 1, with hypotension on day 2 (CRS grade 2), gone by day 4
    private static final List<String[]> TEMPERATURES = List.of(new String[] {"2025-02-02T08:00:00Z", "38.6", "NONE"},
            new String[] {"2025-02-02T20:00:00Z", "39.1", "NONE"},
            new String[] {"2025-02-03T08:00:00Z", "39.4", "NO_VASOPRESSOR"},
            new String[] {"2025-02-04T08:00:00Z", "37.8", "NONE"}, new String[] {"2025-02-05T08:00:00Z", "36.9", "NONE"});
    // neutropenia from day 1, below 0.5 ×10⁹/L for a week (early ICAHT grade 2), recovering by day 14
    private static final List<String[]> ANC = List.of(new String[] {"2025-01-30T08:00:00Z", "2.4"},
            new String[] {"2025-02-02T08:00:00Z", "0.4"}, new String[] {"2025-02-05T08:00:00Z", "0.08"},
            new String[] {"2025-02-08T08:00:00Z", "0.3"}, new String[] {"2025-02-10T08:00:00Z", "0.9"},
            new String[] {"2025-02-15T08:00:00Z", "1.9"});
    // CD19 counts: normal before Day 0, aplasia from day 14, sustained
    private static final List<String[]> B_CELLS = List.of(new String[] {"2025-01-27", "150"},
            new String[] {"2025-02-08", "12"}, new String[] {"2025-02-15", "0.4"}, new String[] {"2025-03-01", "0"},
            new String[] {"2025-04-01", "0.2"});

    @Test
    void safetyOfficersAndSponsorsOverseeTheStudy() throws IOException, InterruptedException {
        BrowserScenarios.assumeRunnable();

        RunningSuite suite = RunningSuite.get();
        StudyPatients.ensureSite(suite);
        StudyPatients.ensureSite(suite, "SITE-02");
        String patient = StudyPatients.infused(suite, "OVS", "1979-03-21");
        String other = StudyPatients.infused(suite, "SITE-02", "inv-site02", "OVS", "1990-11-02", null);
        String safety = suite.gateway.url() + "/api/v1/safety/patients/" + patient;
        for (String[] vitals : TEMPERATURES) {
            as("inv-site01").body(Map.of("at", vitals[0], "temperatureC", Double.parseDouble(vitals[1]),
                    "hypotension", vitals[2], "oxygen", "NONE", "antipyreticOrAntiCytokine", false))
                    .post(safety + "/vitals").then().statusCode(201);
        }
        for (String[] anc : ANC) {
            as("inv-site01").body(Map.of("at", anc[0], "analyte", "ANC", "value", Double.parseDouble(anc[1]),
                    "unit", "10*9/L", "lowerLimitNormal", 1.5, "upperLimitNormal", 7.5))
                    .post(safety + "/labs").then().statusCode(201);
        }
        for (String[] count : B_CELLS) {
            as("inv-site01").body(Map.of("date", count[0], "cd19PerUl", Double.parseDouble(count[1])))
                    .post(suite.gateway.url() + "/api/v1/efficacy/patients/" + patient + "/b-cells")
                    .then().statusCode(201);
        }
        // two serious events: one whose 15-day deadline passed long ago, one of today at the other site (7 days)
        String overdue = seriousEvent(suite, "inv-site01", patient, "Encephalopathy", "HOSPITALISATION", "2025-02-06");
        String due = seriousEvent(suite, "inv-site02", other, "Cardiac arrest", "LIFE_THREATENING",
                LocalDate.now().toString());

        BrowserScenarios.run(suite, "oversight-e2e.mjs", "web-oversight-e2e.log", Map.of("PATIENT_ID", patient,
                "TEMPERATURES", String.valueOf(TEMPERATURES.size()), "ANC_COUNTS", String.valueOf(ANC.size()),
                "B_CELL_COUNTS", String.valueOf(B_CELLS.size()), "OVERDUE_AE", overdue, "DUE_AE", due,
                "SUMMARY_AS_OF", "2025-03-01", "SUMMARY_SITE", StudyPatients.SITE));
    }

    private static String seriousEvent(RunningSuite suite, String writer, String patient, String term,
            String criterion, String awareness) {
        return as(writer).body(Map.of("ctcaeTerm", term, "meddraCode", "10014625", "onset", "2025-02-06",
                        "grade", 3, "serious", true, "seriousnessCriteria", List.of(criterion), "treatments", List.of(),
                        "relatedToCarT", "PROBABLE", "expected", false, "awarenessDate", awareness))
                .post(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/adverse-events")
                .then().statusCode(201).extract().path("id");
    }
}
