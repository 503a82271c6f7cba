package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestPostgres;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every packaged service starts as a process on a real broker and answers {@code /q/health} with UP;
 * without the password of its own Kafka user or database role it does not start, and says which setting.
 */
@ExtendWith(TradeloopInfrastructure.class)
class EveryServiceStartsTest {

    private static final Path ROOT = Path.of(System.getProperty("tradeloop.root", ".."));
    private static final List<String> SERVICES = List.of("exchange-sim", "risk-service", "edge-service",
            "order-service", "monitor-service", "exit-service", "portfolio-service");

    @Test
    void every_service_process_reports_healthy(TestKafka kafka) throws Exception {
        Map<String, String> config = new java.util.HashMap<>(TestExchange.get().serviceConfig());
        config.putAll(kafka.serviceConfig());
        config.putAll(TestPostgres.get().serviceConfig("every_service"));
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String service : SERVICES) {
                started.add(ServiceProcess.start(ROOT, service, config));
            }
            for (ServiceProcess service : started) {
                service.awaitHealthy(Duration.ofSeconds(120));
                JsonNode health = Json.mapper().readTree(service.get("/q/health").body());
                assertThat(health.get("status").asText()).isEqualTo("UP");
            }
        } finally {
            started.forEach(ServiceProcess::close);
        }
    }

    @Test
    void a_service_without_its_kafka_or_database_password_does_not_start_and_names_the_setting(TestKafka kafka) {
        Map<String, String> config = new java.util.HashMap<>(TestExchange.get().serviceConfig());
        config.putAll(kafka.serviceConfig());
        config.putAll(TestPostgres.get().serviceConfig("no_password"));

        Map<String, String> noKafkaPassword = new java.util.HashMap<>(config);
        noKafkaPassword.remove("tradeloop.kafka.password");
        try (ServiceProcess edge = ServiceProcess.start(ROOT, "edge-service", noKafkaPassword)) {
            assertThat(edge.awaitExitCode(Duration.ofSeconds(60))).isNotZero();
            assertThat(edge.log()).contains("tradeloop.kafka.password");
        }
        Map<String, String> noDatabasePassword = new java.util.HashMap<>(config);
        noDatabasePassword.remove("tradeloop.postgres.password");
        try (ServiceProcess risk = ServiceProcess.start(ROOT, "risk-service", noDatabasePassword)) {
            assertThat(risk.awaitExitCode(Duration.ofSeconds(60))).isNotZero();
            assertThat(risk.log()).contains("tradeloop.postgres.password");
        }
    }
}
