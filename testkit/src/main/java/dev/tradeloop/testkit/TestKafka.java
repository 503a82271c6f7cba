package dev.tradeloop.testkit;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Topic;
import dev.tradeloop.stack.KafkaBroker;
import dev.tradeloop.stack.KafkaSetup;
import dev.tradeloop.stack.Secrets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A real single-node KRaft Kafka broker in the test JVM, the very broker the local stack runs
 * ({@link KafkaBroker}): every client authenticates (SCRAM) and may do only what the catalog's ACLs
 * give its user ({@link KafkaUser}). It is started once per JVM on free ports with every topic,
 * user and ACL of the catalog made by {@link KafkaSetup}. Every service and model user has the
 * same password here ({@link #servicePassword()}); the test's own helpers (produce, read, admin)
 * use the superuser, so a test can write what no service may. A JVM has one broker, shared by
 * every class loader in it (Quarkus gives each test application its own).
 */
public final class TestKafka {

    private static TestKafka instance;

    /** Where the JVM's broker is, for every class loader of the JVM (each Quarkus test application has its own). */
    private static final String RUNNING = "tradeloop.test.kafka";

    private final String bootstrapServers;
    private final String adminPassword;
    private final String servicePassword;
    private final KafkaProducer<String, byte[]> producer;

    private TestKafka(String bootstrapServers, String adminPassword, String servicePassword) {
        this.bootstrapServers = bootstrapServers;
        this.adminPassword = adminPassword;
        this.servicePassword = servicePassword;
        Map<String, Object> config = new HashMap<>(adminSettings());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** The broker of this JVM, started (with the catalog's topics, users and ACLs) on first use. */
    public static TestKafka get() {
        synchronized (System.class) { // one lock for the whole JVM, whatever loaded this class
            if (instance == null) {
                String running = System.getProperty(RUNNING);
                instance = running != null ? attach(running) : start();
            }
            return instance;
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The password of every service's and model's user on this broker. */
    public String servicePassword() {
        return servicePassword;
    }

    /** What a service needs to reach this broker as its own user: the settings its configuration reads. */
    public Map<String, String> serviceConfig() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers(), "tradeloop.kafka.password", servicePassword);
    }

    /** Client settings to connect as {@code user}, with that user's rights and no more. */
    public Map<String, Object> settingsOf(KafkaUser user) {
        return KafkaUser.clientSettings(bootstrapServers(), user.userName(), servicePassword);
    }

    /** Client settings to connect as the superuser, for what a test sets up or inspects. */
    public Map<String, Object> adminSettings() {
        return KafkaUser.clientSettings(bootstrapServers(), KafkaUser.ADMIN, adminPassword);
    }

    /** Produces {@code event} under {@code key} and waits for the broker's acknowledgement. */
    public <V extends Event> void produce(Topic<V> topic, String key, V event) {
        produceRaw(topic.name(), key, topic.codec().encode(event));
    }

    /** Produces raw bytes, for sending what no codec would write (malformed input). */
    public void produceRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
    }

    /** A reader of {@code topic} from its beginning, in a consumer group of its own. */
    public <V extends Event> TopicReader<V> reader(Topic<V> topic) {
        return new TopicReader<>(adminSettings(), topic);
    }

    public Admin admin() {
        return Admin.create(adminSettings());
    }

    private static TestKafka start() {
        try {
            String adminPassword = Secrets.newPassword();
            String servicePassword = Secrets.newPassword();
            Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "tradeloop-kafka-" + UUID.randomUUID());
            KafkaBroker broker = KafkaBroker.start(dataDir, FreePorts.next(), FreePorts.next(), adminPassword,
                    Secrets.newPassword());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                broker.close();
                TempDirectories.delete(dataDir);
            }, "test-kafka-stop"));
            KafkaSetup.apply(broker.bootstrapServers(), adminPassword, user -> servicePassword);
            System.setProperty(RUNNING, String.join(" ", broker.bootstrapServers(), adminPassword, servicePassword));
            return new TestKafka(broker.bootstrapServers(), adminPassword, servicePassword);
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not start", e);
        }
    }

    private static TestKafka attach(String running) {
        String[] parts = running.split(" ");
        return new TestKafka(parts[0], parts[1], parts[2]);
    }
}
