package org.celltrial.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.celltrial.testing.KeycloakServer;
import org.celltrial.testing.WebClientOrigins;

/**
 * Runs one file of web/e2e's browser scenarios in headless Chromium against the running suite (docs/web.md, Tests):
 * what every browser IT shares, so each holds only its data and its own checks.
 */
final class BrowserScenarios {

    private static final Path ROOT = Path.of(System.getProperty("celltrial.root", ".."));
    private static final Path WEB = ROOT.resolve("web");
    private static final Path CHROMIUM = Path.of(System.getProperty("celltrial.chromium",
            System.getenv().getOrDefault("CELLTRIAL_CHROMIUM", "/usr/bin/chromium")));

    private BrowserScenarios() {
    }

    /** Skips the calling test, saying why, where the built front end, playwright-core or Chromium is missing. */
    static void assumeRunnable() {
        assumeTrue(Files.isRegularFile(WEB.resolve("target/dist/index.html")),
                "SKIPPED: the web front end is not built (web/target/dist): Node.js 20+ was missing at build");
        assumeTrue(Files.isDirectory(WEB.resolve("node_modules/playwright-core")),
                "SKIPPED: web/node_modules/playwright-core is missing (npm ci in web/)");
        assumeTrue(Files.isExecutable(CHROMIUM),
                "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install -y chromium chromium-driver)");
    }

    /**
     * Runs {@code web/e2e/{script}} with the suite's URLs, the browser and the screenshots' folder
     * (system-tests/target/web-screenshots) besides the scenarios' own environment, and fails with the scenarios'
     * output unless every one passed. The output also goes to system-tests/target/{log}: a forked test JVM's own
     * stdout is the test runner's channel.
     */
    static void run(RunningSuite suite, String script, String log, Map<String, String> scenarioEnvironment)
            throws IOException, InterruptedException {
        WebClientOrigins.allow(suite.gateway.url());
        Path output = Files.createDirectories(ROOT.resolve("system-tests/target")).resolve(log);
        ProcessBuilder browser = new ProcessBuilder("node", "e2e/" + script).directory(WEB.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> environment = new HashMap<>(scenarioEnvironment);
        environment.putAll(Map.of("WEB_URL", suite.gateway.url() + "/web/",
                "TOKEN_URL", KeycloakServer.get().tokenUrl(),
                "SCREENSHOTS", ROOT.resolve("system-tests/target/web-screenshots").toAbsolutePath().toString(),
                "CHROMIUM", CHROMIUM.toString()));
        browser.environment().putAll(environment);
        Process run = browser.start();
        if (!run.waitFor(8, TimeUnit.MINUTES)) {
            run.destroyForcibly().waitFor();
        }
        String scenarios = Files.readString(output);
        System.out.println(scenarios);
        assertEquals(0, run.exitValue(), "browser scenarios:\n" + scenarios);
    }
}
