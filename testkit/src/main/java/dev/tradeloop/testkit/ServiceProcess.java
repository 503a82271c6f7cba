package dev.tradeloop.testkit;

import java.io.IOException;
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
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged service (its {@code quarkus-run.jar}) running as a real operating-system process on
 * a free port ({@link FreePorts}), for tests that cross process boundaries: several services on one broker, a
 * SIGTERM or a SIGKILL in the middle of a scenario. Its output goes to a log file under
 * {@code target/}.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the service module {@code name} found under {@code projectRoot}, with the given
     * configuration as system properties; its HTTP port is chosen here.
     */
    public static ServiceProcess start(Path projectRoot, String name, Map<String, String> config) {
        Path jar = projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + name + " first");
        }
        int port = FreePorts.next();
        Path log = projectRoot.resolve("system-tests/target/processes/" + name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Dquarkus.http.port=" + port,
                "-Dtradeloop.methods.dir=" + projectRoot.toAbsolutePath().resolve("methods"),
                "-Dtradeloop.data-dir=" + projectRoot.toAbsolutePath().resolve("system-tests/target/data/" + name + "-"
                        + port)));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ServiceProcess(name, port, log, process);
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + name, e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health} answers UP, failing with the log's tail at the deadline. */
    public ServiceProcess awaitHealthy(Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        String last = "no answer";
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + "; log:\n" + tail());
            }
            try {
                HttpResponse<String> health = get("/q/health");
                if (health.statusCode() == 200) {
                    return this;
                }
                last = health.statusCode() + " " + health.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            pause();
        }
        throw new AssertionError(name + " was not healthy after " + deadline + " (" + last + "); log:\n" + tail());
    }

    /** Polls {@code GET path} until its answer satisfies {@code accepted}; returns that answer. */
    public HttpResponse<String> awaitGet(String path, java.util.function.Predicate<HttpResponse<String>> accepted,
            Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        String last = "no answer";
        while (Instant.now().isBefore(end)) {
            try {
                HttpResponse<String> answer = get(path);
                if (accepted.test(answer)) {
                    return answer;
                }
                last = answer.statusCode() + " " + answer.body();
            } catch (IOException e) {
                last = e.toString();
            }
            pause();
        }
        throw new AssertionError("GET " + path + " on " + name + " did not give the expected answer within "
                + deadline + "; last: " + last);
    }

    public HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code POST path} with a JSON body. */
    public HttpResponse<String> post(String path, String json) throws IOException {
        return post(path, json, new String[0]);
    }

    /** POSTs {@code json} with more headers, given as name, value, name, value... */
    public HttpResponse<String> post(String path, String json, String... headers) throws IOException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json");
            if (headers.length > 0) {
                request.headers(headers);
            }
            return HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code DELETE path}. */
    public HttpResponse<String> delete(String path) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Waits for a process that is to stop by itself (a refused start); returns its exit code. */
    public int awaitExitCode(Duration deadline) {
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs after " + deadline + "; log:\n" + tail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + name + " to end", e);
        }
    }

    /** SIGTERM, then waits for the process to end. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** SIGKILL: the process ends at once, with no chance to clean up. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** The whole log the process has written so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Between two health probes: the process is starting, there is nothing to await but time. */
    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
