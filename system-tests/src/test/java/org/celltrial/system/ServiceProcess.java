package org.celltrial.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged CellTrial application ({@code target/quarkus-app}) run as a child process on a free port. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String module;
    final int port;
    private final Map<String, String> config;
    private Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Map<String, String> config, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.config = config;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String module, Map<String, String> config) {
        return start(module, freePort(), config);
    }

    /** Starts the stopped process again, on the same port with the same settings, as a restarted pod would be. */
    void restart() {
        process = start(module, port, config).process;
    }

    private static ServiceProcess start(String module, int port, Map<String, String> config) {
        Path root = Path.of(System.getProperty("celltrial.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the project (./mvnw verify) first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.log.console.json.enabled=false"));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Path logs = Files.createDirectories(root.resolve("system-tests/target/service-logs"));
            Path log = logs.resolve(module + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceProcess(module, port, config, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + module, e);
        }
    }

    String url() {
        return "http://localhost:" + port;
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(module + " was not ready within " + timeout + "; see " + log);
    }

    /** Kills the process at once (SIGKILL, as {@code kill -9}): no shutdown, open requests and transactions cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
