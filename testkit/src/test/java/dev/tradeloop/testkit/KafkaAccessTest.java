package dev.tradeloop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker, not the services' good manners, keeps each topic to its writers: the catalog's ACLs on a real broker. */
@ExtendWith(TradeloopInfrastructure.class)
class KafkaAccessTest {

    private static final byte[] VALUE = "{}".getBytes();

    @Test
    void only_risk_service_writes_approved_trades_and_only_monitor_service_writes_exit_triggers(TestKafka kafka) {
        assertThat(KafkaUser.writersOf(Topics.APPROVED_TRADES)).containsExactly(KafkaUser.RISK_SERVICE);
        assertThat(KafkaUser.writersOf(Topics.TRADING_STATE)).containsExactly(KafkaUser.RISK_SERVICE);
        assertThat(KafkaUser.writersOf(Topics.EXIT_TRIGGERS)).containsExactly(KafkaUser.MONITOR_SERVICE);

        assertThat(write(kafka, KafkaUser.RISK_SERVICE, Topics.APPROVED_TRADES.name()).topic()).isEqualTo("approved-trades");
        assertRefused(kafka, KafkaUser.EDGE_SERVICE, Topics.APPROVED_TRADES.name());
        assertRefused(kafka, KafkaUser.ORDER_SERVICE, Topics.TRADING_STATE.name());
        assertRefused(kafka, KafkaUser.EXIT_SERVICE, Topics.EXIT_TRIGGERS.name());
        assertRefused(kafka, KafkaUser.PORTFOLIO_SERVICE, Topics.POSITION_EVENTS.name());
    }

    @Test
    void a_service_writes_alerts_and_the_dead_letters_of_what_it_reads_but_not_others(TestKafka kafka) {
        assertThat(write(kafka, KafkaUser.PORTFOLIO_SERVICE, Topics.ALERTS.name()).topic()).isEqualTo("alerts");
        assertThat(write(kafka, KafkaUser.ORDER_SERVICE, "approved-trades.dlq").topic()).isEqualTo("approved-trades.dlq");
        assertRefused(kafka, KafkaUser.ORDER_SERVICE, "edges.dlq");
    }

    @Test
    void a_model_writes_predictions_and_nothing_else_and_reads_nothing(TestKafka kafka) {
        assertThat(write(kafka, KafkaUser.SCENARIO_MODEL, Topics.PREDICTIONS.name()).topic()).isEqualTo("predictions");
        assertRefused(kafka, KafkaUser.SCENARIO_MODEL, Topics.EDGES.name());
        assertRefused(kafka, KafkaUser.SCENARIO_MODEL, Topics.APPROVED_TRADES.name());
        assertRefused(kafka, KafkaUser.SCENARIO_MODEL, Topics.ALERTS.name());

        Map<String, Object> config = new HashMap<>(kafka.settingsOf(KafkaUser.SCENARIO_MODEL));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "scenario-model-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PREDICTIONS.name()));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
                    .isInstanceOfAny(GroupAuthorizationException.class, TopicAuthorizationException.class);
        }
    }

    @Test
    void a_client_with_a_wrong_password_is_not_let_in(TestKafka kafka) {
        Map<String, Object> config = new HashMap<>(KafkaUser.clientSettings(kafka.bootstrapServers(),
                KafkaUser.RISK_SERVICE.userName(), "not-the-password"));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.APPROVED_TRADES.name(), "k", VALUE))
                    .get(15, TimeUnit.SECONDS))
                    .satisfiesAnyOf(
                            thrown -> assertThat(thrown).isInstanceOf(SaslAuthenticationException.class),
                            thrown -> assertThat(thrown).hasCauseInstanceOf(SaslAuthenticationException.class));
        }
    }

    private static RecordMetadata write(TestKafka kafka, KafkaUser user, String topic) {
        try (KafkaProducer<String, byte[]> producer = producer(kafka, user)) {
            return producer.send(new ProducerRecord<>(topic, "access-test", VALUE)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(user.userName() + " could not write " + topic, e);
        }
    }

    private static void assertRefused(TestKafka kafka, KafkaUser user, String topic) {
        try (KafkaProducer<String, byte[]> producer = producer(kafka, user)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "access-test", VALUE))
                    .get(30, TimeUnit.SECONDS))
                    .as("%s writing %s", user.userName(), topic)
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static KafkaProducer<String, byte[]> producer(TestKafka kafka, KafkaUser user) {
        Map<String, Object> config = new HashMap<>(kafka.settingsOf(user));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
