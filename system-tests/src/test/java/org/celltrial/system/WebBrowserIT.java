package org.celltrial.system;

import static org.celltrial.system.StudyPatients.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.celltrial.testing.KeycloakServer;
import org.celltrial.testing.WebClientOrigins;
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

    private static final Path ROOT = Path.of(System.getProperty("celltrial.root", ".."));
    private static final Path WEB = ROOT.resolve("web");
    private static final Path CHROMIUM = Path.of(System.getProperty("celltrial.chromium",
            System.getenv().getOrDefault("CELLTRIAL_CHROMIUM", "/usr/bin/chromium")));
    private static final String FEVER_AT = "2025-02-02T10:00";
    private static final List<String[]> PLATELET_COUNTS = List.of(new String[] {"2025-02-08", "12"},
            new String[] {"2025-02-15", "45"}, new String[] {"2025-02-22", "80"}, new String[] {"2025-03-01", "120"});

    @Test
    void sitesMonitorsAndSponsorsWorkThroughThePatientsCourse() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(WEB.resolve("target/dist/index.html")),
                "SKIPPED: the web front end is not built (web/target/dist): Node.js 20+ was missing at build");
        assumeTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "SKIPPED: web/node_modules/playwright-core is missing (npm ci in web/)");
        assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)");

        RunningSuite suite = RunningSuite.get();
        WebClientOrigins.allow(suite.gateway.url());
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
        Path screenshots = ROOT.resolve("system-tests/target/web-screenshots");
        // the scenarios' output goes to a file (a forked test JVM's own stdout is the test runner's channel)
        Path output = Files.createDirectories(ROOT.resolve("system-tests/target")).resolve("web-e2e.log");
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/browser-e2e.mjs").directory(WEB.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        browser.environment().putAll(Map.of("WEB_URL", suite.gateway.url() + "/web/", "PATIENT_ID", patient,
                "FEVER_AT", FEVER_AT, "PLATELET_COUNTS", String.valueOf(PLATELET_COUNTS.size()),
                "SUMMARY_AS_OF", "2025-06-15", "TOKEN_URL", KeycloakServer.get().tokenUrl(),
                "SCREENSHOTS", screenshots.toAbsolutePath().toString(), "CHROMIUM", CHROMIUM.toString()));
        Process run = browser.start();
        if (!run.waitFor(5, TimeUnit.MINUTES)) {
            run.destroyForcibly();
        }
        String scenarios = Files.readString(output);
        System.out.println(scenarios);
        assertEquals(0, run.exitValue(), "browser scenarios:\n" + scenarios);

        // the refused 50 °C stored nothing: the fever is the patient's only vitals record
        as("inv-site01").get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/vitals")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].temperatureC", equalTo(38.6f));
        as("inv-site01").get(suite.gateway.url() + "/api/v1/safety/patients/" + patient + "/crs")
                .then().statusCode(200).body("maxGrade", equalTo(1));
    }
}
