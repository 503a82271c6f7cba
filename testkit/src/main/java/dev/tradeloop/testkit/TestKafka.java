package dev.tradeloop.testkit;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker in the test JVM (Kafka's own test kit), started once per
 * JVM on a random port with every topic of the catalog created, and the helpers tests use to
 * produce to it and await what the system under test wrote.
 */
public final class TestKafka {

    private static TestKafka instance;

    private final KafkaClusterTestKit cluster;
    private final KafkaProducer<String, byte[]> producer;

    private TestKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.producer = new KafkaProducer<>(producerConfig(cluster.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The broker of this JVM, started (with the catalog's topics) on first use. */
    public static synchronized TestKafka get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-kafka-stop"));
        }
        return instance;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
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
        return new TopicReader<>(bootstrapServers(), topic);
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private static TestKafka start() {
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(Path.of(System.getProperty("java.io.tmpdir"), "tradeloop-kafka-" + UUID.randomUUID()))
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "5")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "5")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "false")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            createCatalogTopics(cluster.bootstrapServers());
            return new TestKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not start", e);
        }
    }

    private static void createCatalogTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(Topics.all().stream()
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig()))
                    .toList()).all().get(60, TimeUnit.SECONDS);
        }
    }

    private static Properties producerConfig(String bootstrapServers) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return config;
    }

    private void stop() {
        try {
            producer.close();
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("the test Kafka broker did not stop cleanly", e);
        }
    }
}
