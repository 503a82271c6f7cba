package dev.tradeloop.stack;

import dev.tradeloop.events.KafkaUser;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node KRaft Kafka broker that authenticates every client and authorises by ACL: clients
 * log in with SCRAM ({@link KafkaUser#MECHANISM}) and may do only what their ACLs allow (nothing
 * when there is no ACL); the controller's own listener takes only the node itself (PLAIN, with a
 * password of its own). The superuser {@link KafkaUser#ADMIN} is written into the metadata when the
 * data directory is formatted; it creates the other users and their ACLs ({@link KafkaSetup}).
 *
 * <p>As a process of its own, for the local stack: the first start formats the data directory;
 * later starts reuse it, so topics and events survive a {@code down} and {@code up}. Stops cleanly
 * on SIGTERM. The test kit runs the same broker inside the test JVM ({@link #start}).
 *
 * <p>Usage: {@code KafkaBroker <data-dir> <broker-port> <controller-port> <secrets-dir>}
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "tradeloop-local-cluster1";
    static final String CONTROLLER_USER = "tradeloop-controller";
    private static final String AUTHENTICATED_SINCE = "authenticated";

    private final KafkaRaftServer server;
    private final int brokerPort;

    private KafkaBroker(KafkaRaftServer server, int brokerPort) {
        this.server = server;
        this.brokerPort = brokerPort;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: KafkaBroker <data-dir> <broker-port> <controller-port> <secrets-dir>");
        }
        Secrets secrets = new Secrets(Path.of(args[3]).toAbsolutePath());
        Path config = prepare(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                secrets.password(KafkaUser.ADMIN), secrets.password(CONTROLLER_USER), System.out);
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /** Formats {@code dataDir} if it is new, then starts the broker in this JVM; {@link #close} stops it. */
    public static KafkaBroker start(Path dataDir, int brokerPort, int controllerPort, String adminPassword,
            String controllerPassword) throws IOException {
        Path config = prepare(dataDir, brokerPort, controllerPort, adminPassword, controllerPassword,
                new PrintStream(OutputStream.nullOutputStream()));
        Properties properties = new Properties();
        try (var in = Files.newInputStream(config)) {
            properties.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
        server.startup();
        return new KafkaBroker(server, brokerPort);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static Path prepare(Path dataDir, int brokerPort, int controllerPort, String adminPassword,
            String controllerPassword, PrintStream out) throws IOException {
        Path logDir = dataDir.resolve("log");
        Path config = dataDir.resolve("server.properties");
        Files.createDirectories(logDir);
        if (Files.exists(logDir.resolve("meta.properties")) && !Files.exists(dataDir.resolve(AUTHENTICATED_SINCE))) {
            throw new IllegalStateException(dataDir + " holds a broker made before Kafka authenticated its clients; "
                    + "it has no superuser to make the services' users. Start afresh: ./tradeloop up --fresh "
                    + "(this deletes the stored events)");
        }
        writeConfig(config, logDir, brokerPort, controllerPort, adminPassword, controllerPassword);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(new String[] {
                "format", "-t", clusterId(), "-c", config.toString(), "--standalone",
                "--add-scram", KafkaUser.MECHANISM + "=[name=" + KafkaUser.ADMIN + ",password=" + adminPassword + "]"},
                    out);
            if (formatted != 0) {
                throw new IllegalStateException("formatting " + logDir + " failed with exit code " + formatted);
            }
            Files.writeString(dataDir.resolve(AUTHENTICATED_SINCE), "SASL/" + KafkaUser.MECHANISM + " with ACLs\n");
        }
        return config;
    }

    /** A cluster id is 16 bytes in URL-safe Base64 (22 characters); this one is fixed for the local stack. */
    private static String clusterId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                CLUSTER_ID.substring(0, 16).getBytes(StandardCharsets.US_ASCII));
    }

    private static void writeConfig(Path config, Path logDir, int brokerPort, int controllerPort, String adminPassword,
            String controllerPassword) throws IOException {
        String mechanism = KafkaUser.MECHANISM.toLowerCase(java.util.Locale.ROOT);
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        properties.setProperty("listeners", "CLIENTS://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.setProperty("advertised.listeners", "CLIENTS://127.0.0.1:" + brokerPort);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "CLIENTS");
        properties.setProperty("listener.security.protocol.map", "CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        // clients: SCRAM, the users made by KafkaSetup; the broker talks to itself as the superuser
        properties.setProperty("listener.name.clients.sasl.enabled.mechanisms", KafkaUser.MECHANISM);
        properties.setProperty("sasl.mechanism.inter.broker.protocol", KafkaUser.MECHANISM);
        properties.setProperty("listener.name.clients." + mechanism + ".sasl.jaas.config",
                KafkaUser.jaasConfig(KafkaUser.ADMIN, adminPassword));
        // the controller's listener: the node itself, PLAIN with a password of its own
        properties.setProperty("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        properties.setProperty("sasl.mechanism.controller.protocol", "PLAIN");
        properties.setProperty("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + CONTROLLER_USER
                        + "\" password=\"" + controllerPassword + "\" user_" + CONTROLLER_USER + "=\""
                        + controllerPassword + "\";");
        properties.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        properties.setProperty("allow.everyone.if.no.acl.found", "false");
        properties.setProperty("super.users", "User:" + KafkaUser.ADMIN + ";User:" + CONTROLLER_USER);
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "10");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("transaction.state.log.num.partitions", "10");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("num.partitions", "1");
        Files.deleteIfExists(config);
        Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "written by dev.tradeloop.stack.KafkaBroker on every start; it holds passwords");
        }
    }
}
