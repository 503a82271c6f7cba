package dev.tradeloop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TradeloopInfrastructure.class)
class TestInfrastructureTest {

    @Test
    void the_broker_holds_every_catalog_topic_as_the_catalog_describes_it(TestKafka kafka) throws Exception {
        try (Admin admin = kafka.admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.all().stream().map(Topic::name).toList());

            TopicDescription ticks = admin.describeTopics(Set.of(Topics.PRICE_TICKS.name()))
                    .allTopicNames().get(30, TimeUnit.SECONDS).get(Topics.PRICE_TICKS.name());
            assertThat(ticks.partitions()).hasSize(Topics.PRICE_TICKS.partitions());

            ConfigResource state = new ConfigResource(ConfigResource.Type.TOPIC, Topics.TRADING_STATE.name());
            Map<ConfigResource, Config> configs = admin.describeConfigs(Set.of(state)).all().get(30, TimeUnit.SECONDS);
            assertThat(configs.get(state).get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void an_event_produced_is_awaited_by_its_id(TestKafka kafka) {
        Alert alert = new Alert(UUID.randomUUID(), Instant.now(), "corr-test", AlertSeverity.INFO,
                AlertCode.SERVICE_ERROR, "testkit", "hello", Optional.empty(), Optional.empty());

        kafka.produce(Topics.ALERTS, "k", alert);

        try (TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            assertThat(alerts.await(a -> a.eventId().equals(alert.eventId()), Duration.ofSeconds(30)))
                    .isEqualTo(alert);
        }
    }

    @Test
    void awaiting_what_never_comes_fails_at_the_deadline(TestKafka kafka) {
        try (TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            assertThatThrownBy(() -> alerts.await(a -> a.message().equals("never sent"), Duration.ofSeconds(1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("waited PT1S on alerts");
        }
    }

    @Test
    void the_database_server_is_a_real_postgresql(TestPostgres postgres) throws Exception {
        String database = postgres.createDatabase("testkit");
        try (Connection connection = postgres.superuserConnection(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE ledger (client_order_id TEXT PRIMARY KEY, price NUMERIC(12,6))");
            statement.execute("INSERT INTO ledger VALUES ('pos-1:e1:1', 0.5600)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO ledger VALUES ('pos-1:e1:1', 0.57)"))
                    .hasMessageContaining("duplicate key");
            try (ResultSet version = statement.executeQuery("SHOW server_version")) {
                version.next();
                assertThat(version.getString(1)).startsWith("17.");
            }
        }
    }

    @Test
    void the_quarkus_resources_hand_out_the_broker_and_a_working_database() throws Exception {
        Map<String, String> kafkaConfig = new KafkaTestResource().start();
        Map<String, String> databaseConfig = new PostgresTestResource().start();

        assertThat(kafkaConfig).containsEntry("kafka.bootstrap.servers", TestKafka.get().bootstrapServers())
                .containsEntry("tradeloop.kafka.password", TestKafka.get().servicePassword());
        try (Connection connection = DriverManager.getConnection(databaseConfig.get("quarkus.datasource.jdbc.url"),
                        "risk_service", databaseConfig.get("tradeloop.postgres.password"));
                Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'risk'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
    }
}
