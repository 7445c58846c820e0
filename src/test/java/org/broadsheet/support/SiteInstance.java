package org.broadsheet.support;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;


/**
 * One instance of the site in a JVM of its own, started as an operator starts it: {@code java -jar} with the jar
 * the build made ({@code broadsheet.test.jar}, set by the failsafe plugin, which runs these tests after
 * {@code package}), the given arguments, a free port for the site and one for its management server, and its
 * output in {@code target/instances/<name>.log}. Nothing is shared with the test's JVM or with another instance
 * but what real instances share: the database and Redis.
 */
public final class SiteInstance implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private SiteInstance(String name, Process process, int port, int managementPort, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /** Starts the instance; {@link #awaitReady} waits for it. */
    public static SiteInstance start(String name, List<String> arguments) {
        try {
            int port = freePort();
            int managementPort = freePort();
            Path dir = Path.of("target", "instances");
            Files.createDirectories(dir);
            Path log = dir.resolve(name + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(),
                    "--server.port=" + port, "--management.server.port=" + managementPort,
                    "--spring.main.banner-mode=off"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new SiteInstance(name, process, port, managementPort, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the instance's readiness probe answers 200 (database and Redis reached, demo content loaded). */
    public SiteInstance awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest probe = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Instance " + name + " stopped with " + process.exitValue() + ":\n"
                        + tail());
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException("Instance " + name + " not ready after " + timeout + ":\n" + tail());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** An address on the instance's management server (Actuator). */
    public URI managementUri(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The last lines the instance wrote, for a failure's message. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops it as an operator would (SIGTERM: graceful shutdown), and kills it if it does not stop in time. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The jar {@code ./mvnw verify} built; these tests run in its {@code integration-test} phase. */
    public static Path jar() {
        String jar = System.getProperty("broadsheet.test.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No site jar (" + jar + "): run these tests with ./mvnw verify, which"
                    + " builds it first (-Dit.test=TwoInstancesTests -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                    + " for these alone)");
        }
        return Path.of(jar);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
