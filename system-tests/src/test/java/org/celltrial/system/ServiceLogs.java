package org.celltrial.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The logs of the processes {@link RunningSuite} starts ({@code system-tests/target/service-logs}): each service's
 * output, in which (a test setting) every request the service receives is one line
 * {@code access rid=<X-Request-Id> <status> "<request line>"}, and the gateway's access log. A request is known to
 * have reached a service when its request ID is in that service's log.
 */
final class ServiceLogs {

    static final List<String> SERVICES = List.of("enrollment-service", "safety-service", "efficacy-service");

    /** Quarkus' HTTP access log on each service, to its console (the process log). */
    static final Map<String, String> ACCESS_LOG_SETTINGS = Map.of(
            "quarkus.http.access-log.enabled", "true",
            "quarkus.http.access-log.pattern", "access rid=%{i,X-Request-Id} %s \"%r\"");

    private static final Pattern ACCESS_LINE = Pattern.compile("access rid=(\\S+) (\\d{3}) \"([^\"]*)\"");

    private ServiceLogs() {
    }

    static Path directory() {
        return Path.of(System.getProperty("celltrial.root", "..")).resolve("system-tests/target/service-logs");
    }

    static Path gatewayAccessLog() {
        return directory().resolve("gateway-access.log");
    }

    static Path log(String module) {
        return directory().resolve(module + ".log");
    }

    /** Every log file of the suite: the four processes' output and the gateway's access log. */
    static List<Path> all() {
        List<Path> files = new ArrayList<>();
        for (String module : List.of("enrollment-service", "safety-service", "efficacy-service", "gateway")) {
            files.add(log(module));
        }
        files.add(gatewayAccessLog());
        return files.stream().filter(Files::isRegularFile).toList();
    }

    static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one service received: request ID → "status request-line", for the IDs that start with the prefix. */
    static Map<String, String> received(String module, String requestIdPrefix) {
        Map<String, String> seen = new HashMap<>();
        Matcher line = ACCESS_LINE.matcher(read(log(module)));
        while (line.find()) {
            if (line.group(1).startsWith(requestIdPrefix)) {
                seen.put(line.group(1), line.group(2) + " " + line.group(3));
            }
        }
        return seen;
    }

    /** Gives the processes a moment to write the access lines of requests just answered. */
    static void settle() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
