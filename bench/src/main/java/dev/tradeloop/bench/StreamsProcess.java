package dev.tradeloop.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link StreamsApp} started as a child process on this JVM's broker, with {@code heap} (a
 * service's); {@code BENCH_APP_JAVA_OPTS} adds JVM options (a JFR recording, say). Its output other
 * than its protocol lines is copied to this one's, indented.
 */
final class StreamsProcess implements AutoCloseable {

    private final Process process;
    private final Writer in;
    private final CompletableFuture<String> running = new CompletableFuture<>();
    private final CompletableFuture<String> gc = new CompletableFuture<>();

    private StreamsProcess(Process process) {
        this.process = process;
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readOutput, "bench-app-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code kind} and returns once its stream threads have their tasks. */
    static StreamsProcess start(String kind, String guarantee, String application, int commitMillis, String heap)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + heap));
        String options = System.getenv().getOrDefault("BENCH_APP_JAVA_OPTS", "").trim();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.replace("%app", application).split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "-Dtradeloop.test.kafka=" + System.getProperty("tradeloop.test.kafka"),
                "-Dtradeloop.methods.dir=" + System.getProperty("tradeloop.methods.dir", "methods"),
                StreamsApp.class.getName(), kind, guarantee, application, String.valueOf(commitMillis)));
        StreamsProcess app = new StreamsProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        app.running.get(2, TimeUnit.MINUTES);
        return app;
    }

    /** From now on the GC figures count. */
    void measure() throws IOException {
        in.write(StreamsApp.MEASURE + "\n");
        in.flush();
    }

    /** Closes the application and answers its GC figures since {@link #measure}. */
    String stopAndGcFigures() throws IOException, InterruptedException, ExecutionException, TimeoutException {
        in.close();
        String figures = gc.get(2, TimeUnit.MINUTES).substring(StreamsApp.GC.length());
        process.waitFor(60, TimeUnit.SECONDS);
        return figures;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Reads the child's output to its end: its protocol lines complete the futures; warnings are copied. */
    private void readOutput() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(StreamsApp.RUNNING)) {
                    running.complete(line);
                } else if (line.startsWith(StreamsApp.GC)) {
                    gc.complete(line);
                } else if (!line.isBlank() && !line.contains(" INFO ") && !line.contains(" DEBUG ")) {
                    System.out.println("    | " + line);
                }
            }
        } catch (IOException e) {
            System.out.println("    | (output lost: " + e + ")");
        }
        IOException ended = new IOException("the stream application ended");
        running.completeExceptionally(ended);
        gc.completeExceptionally(ended);
    }
}
