package org.celltrial.devtools.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.celltrial.devtools.demo.DemoStudyLoader.Loaded;
import org.celltrial.devtools.demo.GatewayClient.ApiException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code ./suite demo}: reads the study file, loads it through the gateway (or, with {@code --summary-only}, finds
 * an earlier load), prints each patient as the engines see it and the study summary at the cut-off, and checks the
 * summary against the figures the file expects.
 * <pre>
 * java -jar celltrial-dev-tools-runnable.jar demo [--gateway http://localhost:8080] [--keycloak http://localhost:8180] \
 *     [--study dev/demo/reference-study-2025-06-15.json] [--site CODE] [--writer USER] [--summary-only] [--no-check]
 * </pre>
 * Exit status: 0 loaded and as expected; 1 a call failed (the problem+json is printed); 2 bad arguments;
 * 3 loaded, but the summary differs from the expected figures.
 */
public final class DemoCommand {

    private static final String USAGE = "Usage: java -jar celltrial-dev-tools-runnable.jar demo [--gateway URL] "
            + "[--keycloak URL] [--study FILE] [--site CODE] [--writer USER] [--summary-only] [--no-check]";

    private DemoCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--summary-only", "--no-check" -> options.put(arg, "true");
                case "--gateway", "--keycloak", "--study", "--site", "--writer" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "Missing value of " + arg);
                    }
                    options.put(arg, args[++i]);
                }
                case "-h", "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    return usage(err, "Unknown argument " + arg);
                }
            }
        }
        Path file = Path.of(options.getOrDefault("--study", DemoStudyReader.DEFAULT_STUDY));
        GatewayClient api = new GatewayClient(options.getOrDefault("--gateway", "http://localhost:8080"),
                options.getOrDefault("--keycloak", "http://localhost:8180"));
        try {
            DemoStudy study = DemoStudyReader.read(file);
            DemoStudyLoader loader = new DemoStudyLoader(api, study, options.get("--site"), options.get("--writer"),
                    out);
            Loaded loaded = options.containsKey("--summary-only") ? loader.find() : loader.load();
            DemoStudyReport report = new DemoStudyReport(api, study.users().reader(), out);
            report.printPatients(loaded);
            ObjectNode summary = report.summary(loaded);
            out.println();
            out.println("Study summary, site " + loaded.siteCode() + ", asOf " + loaded.asOf()
                    + " (GET /api/v1/study/summary):");
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary));
            if (options.containsKey("--no-check")) {
                return 0;
            }
            List<String> differences = ExpectedFiguresCheck.differences(study.expected(), summary);
            if (differences.isEmpty()) {
                out.println("Every expected figure matches (" + file + ", \"expected\").");
                return 0;
            }
            out.println("The summary differs from the expected figures (" + file + ", \"expected\"):");
            differences.forEach(difference -> out.println("  " + difference));
            out.println("(Other patients at site " + loaded.siteCode() + " count too; load into a site of its own "
                    + "with --site.)");
            return 3;
        } catch (ApiException e) {
            err.println("demo: " + e.getMessage());
            if (e.status() == 422 && e.detail().contains("Idempotency-Key")) {
                err.println("demo: the study file changed since this site was loaded; load it into another "
                        + "site (--site CODE) or a fresh database.");
            }
            return 1;
        } catch (IllegalStateException | IllegalArgumentException | JsonProcessingException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(PrintStream err, String error) {
        err.println("demo: " + error);
        err.println(USAGE);
        return 2;
    }
}
