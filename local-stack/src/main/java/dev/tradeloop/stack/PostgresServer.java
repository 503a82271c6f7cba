package dev.tradeloop.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A PostgreSQL server (official binaries from a Maven jar) as a process of its own, with its data
 * kept between runs and fsync on. SIGTERM stops PostgreSQL cleanly before the JVM exits; the
 * server's own processes never outlive it.
 *
 * <p>Usage: {@code PostgresServer <data-dir> <port>}
 */
public final class PostgresServer {

    private PostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PostgresServer <data-dir> <port>");
        }
        Path base = Path.of(args[0]).toAbsolutePath();
        Path data = base.resolve("data");
        Path binaries = base.resolve("binaries");
        Files.createDirectories(data);
        Files.createDirectories(binaries);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(args[1]))
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(new File(binaries.toString()))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .start();
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
        System.err.println("PostgreSQL is up on 127.0.0.1:" + server.getPort() + " with data in " + data);
        stopped.await();
    }
}
