package dev.tradeloop.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A single-node KRaft Kafka broker as a process of its own, for the local stack and benchmarks.
 * The first start formats the data directory; later starts reuse it, so topics and events survive
 * a {@code down} and {@code up}. Stops cleanly on SIGTERM.
 *
 * <p>Usage: {@code KafkaBroker <data-dir> <broker-port> <controller-port>}
 */
public final class KafkaBroker {

    private static final String CLUSTER_ID = "tradeloop-local-cluster1";

    private KafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: KafkaBroker <data-dir> <broker-port> <controller-port>");
        }
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path logDir = dataDir.resolve("log");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);
        writeConfig(config, logDir, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {
                "format", "-t", clusterId(), "-c", config.toString(), "--standalone"}, System.out);
            if (formatted != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + formatted);
            }
        }
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** A cluster id is 16 bytes in URL-safe Base64 (22 characters); this one is fixed for the local stack. */
    private static String clusterId() {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                CLUSTER_ID.substring(0, 16).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static void writeConfig(Path config, Path logDir, int brokerPort, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "10");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "10");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("num.partitions", "1");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "written by dev.tradeloop.stack.KafkaBroker on every start");
        }
    }
}
