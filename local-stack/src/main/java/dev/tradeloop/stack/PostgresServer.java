package dev.tradeloop.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server (official binaries from a Maven jar) with its data kept between runs and
 * fsync on, that listens on loopback and lets nobody in without a password: every connection
 * authenticates with SCRAM, the superuser {@code postgres} included, whose password is set (in
 * single-user mode, before the server takes a connection) on every start. {@link PostgresSetup}
 * then makes a role per service that owns its schema and nothing else.
 *
 * <p>As a process of its own, for the local stack: SIGTERM stops PostgreSQL cleanly before the JVM
 * exits; the server's own processes never outlive it. The test kit starts the same server in the
 * test JVM ({@link #start}).
 *
 * <p>Usage: {@code PostgresServer <data-dir> <port> <secrets-dir>}
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";
    private static final String HBA = """
            # written by dev.tradeloop.stack.PostgresServer on every start: a password for everyone, from loopback only
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: PostgresServer <data-dir> <port> <secrets-dir>");
        }
        Path base = Path.of(args[0]).toAbsolutePath();
        String password = new Secrets(Path.of(args[2]).toAbsolutePath()).password(SUPERUSER);
        EmbeddedPostgres server = start(base.resolve("data"), base.resolve("binaries"), Integer.parseInt(args[1]),
                password, true);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));
        System.err.println("PostgreSQL is up on 127.0.0.1:" + server.getPort() + " with data in " + base.resolve("data"));
        stopped.await();
    }

    /**
     * Starts a server on {@code port} (0: any free one) with its data in {@code data} (kept, or made
     * now), whose superuser's password is {@code superuserPassword}. {@code durable} keeps fsync on.
     */
    public static EmbeddedPostgres start(Path data, Path binaries, int port, String superuserPassword, boolean durable)
            throws IOException {
        Files.createDirectories(data);
        Files.createDirectories(binaries);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(new File(binaries.toString()))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", superuserPassword)
                .setDataDirectoryCustomizer(dir -> lockDown(dir.toPath(), binaries, superuserPassword));
        if (port != 0) {
            builder.setPort(port);
        }
        if (durable) {
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder.start();
    }

    /** Sets the superuser's password with the server still down, and makes every connection need one. */
    private static void lockDown(Path data, Path binaries, String superuserPassword) {
        try {
            Path postgres = binary(binaries);
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("unshare", "-U")); // as the embedded server itself runs when root: PostgreSQL refuses root
            }
            command.addAll(List.of(postgres.toString(), "--single", "-D", data.toString(), SUPERUSER));
            Process single = new ProcessBuilder(command).redirectErrorStream(true).start();
            single.getOutputStream().write(("ALTER ROLE " + SUPERUSER + " PASSWORD '" + superuserPassword + "';\n")
                    .getBytes(StandardCharsets.UTF_8));
            single.getOutputStream().close();
            String output = new String(single.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!single.waitFor(60, TimeUnit.SECONDS) || single.exitValue() != 0 || output.contains("ERROR")) {
                throw new IllegalStateException("could not set the superuser's password: " + output);
            }
            Files.writeString(data.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("could not lock down PostgreSQL in " + data, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while locking down PostgreSQL", e);
        }
    }

    private static Path binary(Path binaries) throws IOException {
        try (Stream<Path> found = Files.walk(binaries, 3)) {
            return found.filter(path -> path.getFileName().toString().equals("postgres")
                            && path.getParent().getFileName().toString().equals("bin") && Files.isExecutable(path))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL binary under " + binaries));
        }
    }
}
