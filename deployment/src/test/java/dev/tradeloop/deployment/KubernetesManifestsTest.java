package dev.tradeloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests (deploy/kubernetes, the strimzi overlay rendered) are valid against the
 * Kubernetes and Strimzi schemas, as kubernetes-models' validators from npm read them (Node.js runs
 * deploy/kubernetes/validate), and hold what running Tradeloop needs: every application of the build
 * from its image on its port, probed on /q/health, with requests and limits, its settings from the
 * ConfigMap and Secrets, monitor-service's state on a volume of each pod's own, and a KafkaTopic for
 * every topic of the catalog.
 */
class KubernetesManifestsTest {

    private static final Path KUBERNETES = Project.ROOT.resolve("deploy/kubernetes");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path validator;
    private static List<JsonNode> rendered;

    @BeforeAll
    static void installTheValidator() throws Exception {
        rendered = Kustomization.render(KUBERNETES.resolve("overlays/strimzi"));
        validator = Path.of("target/kubernetes-validate").toAbsolutePath();
        Files.createDirectories(validator);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(KUBERNETES.resolve("validate").resolve(file), validator.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(validator.resolve("node_modules/kubernetes-models"))) {
            Run install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), "");
            assertThat(install.exitCode()).as("npm ci of the validator: " + install.output()).isZero();
        }
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(validator.toFile()).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command + " ended").isTrue();
        return new Run(process.exitValue(), output);
    }

    private static Run validate(List<JsonNode> resources) throws Exception {
        return run(List.of("node", "validate.mjs"), JSON.writeValueAsString(resources));
    }

    private static List<JsonNode> ofKind(String... kinds) {
        return rendered.stream().filter(r -> List.of(kinds).contains(r.path("kind").asText())).toList();
    }

    @Test
    void every_rendered_resource_is_valid_against_its_schema() throws Exception {
        Run result = validate(rendered);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(line -> line.startsWith("valid "))).hasSize(rendered.size());
    }

    @Test
    void the_validator_refuses_a_mistyped_field_and_a_missing_one() throws Exception {
        ObjectNode mistyped = ofKind("Deployment").get(0).deepCopy();
        ((ObjectNode) mistyped.path("spec")).put("replicas", "two");
        ObjectNode missing = ofKind("Deployment").get(1).deepCopy();
        ((ObjectNode) missing.path("spec")).remove("selector");
        ObjectNode mistypedTopic = ofKind("KafkaTopic").get(0).deepCopy();
        ((ObjectNode) mistypedTopic.path("spec")).put("partitions", "six");

        Run result = validate(List.of(mistyped, missing, mistypedTopic));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("replicas must be integer")
                .contains("must have required property selector").contains("partitions must be integer");
    }

    private static String selected(JsonNode policy) {
        JsonNode selector = policy.path("spec").path("podSelector");
        return selector.path("matchLabels").has("app.kubernetes.io/name")
                ? selector.path("matchLabels").path("app.kubernetes.io/name").asText()
                : selector.path("matchLabels").has("app.kubernetes.io/part-of") ? "every service"
                : selector.path("matchExpressions").get(0).path("values").toString();
    }

    @Test
    void network_policies_open_only_the_dashboard_to_the_world_and_let_services_reach_only_what_they_use() {
        List<JsonNode> policies = ofKind("NetworkPolicy");
        // every Tradeloop pod denies all ingress and egress but what a policy allows
        assertThat(policies).anySatisfy(policy -> {
            assertThat(selected(policy)).isEqualTo("every service");
            assertThat(policy.path("spec").path("policyTypes").toString()).contains("Ingress", "Egress");
            assertThat(policy.path("spec").has("ingress") || policy.path("spec").has("egress")).isFalse();
        });
        Map<String, List<String>> ingressFrom = new TreeMap<>();
        Map<String, List<String>> egressTo = new TreeMap<>();
        for (JsonNode policy : policies) {
            policy.path("spec").path("ingress").forEach(rule -> ingressFrom.computeIfAbsent(selected(policy),
                    k -> new ArrayList<>()).add(rule.has("from") ? rule.path("from").toString() : "anywhere"));
            policy.path("spec").path("egress").forEach(rule -> egressTo.computeIfAbsent(selected(policy),
                    k -> new ArrayList<>()).add(rule.path("to").toString() + " " + rule.path("ports").toString()));
        }
        // from anywhere: the dashboard alone; from another namespace: only Prometheus's "monitoring"
        ingressFrom.forEach((pods, sources) -> sources.stream().filter(source -> source.equals("anywhere"))
                .forEach(source -> assertThat(pods).isEqualTo("portfolio-service")));
        assertThat(ingressFrom.get("portfolio-service")).contains("anywhere");
        assertThat(ingressFrom.values().stream().flatMap(List::stream).filter(s -> s.contains("namespaceSelector")))
                .allMatch(source -> source.contains("\"kubernetes.io/metadata.name\":\"monitoring\""));
        assertThat(ingressFrom.get("risk-service")).containsExactly(
                "[{\"podSelector\":{\"matchLabels\":{\"app.kubernetes.io/name\":\"portfolio-service\"}}}]");
        // out: DNS, Kafka and PostgreSQL for all; HTTPS to public addresses only for those that talk outside
        assertThat(String.join(" ", egressTo.get("every service"))).contains("kube-dns", "strimzi.io/cluster", "5432");
        egressTo.forEach((pods, destinations) -> destinations.stream().filter(d -> d.contains("ipBlock"))
                .forEach(destination -> {
                    assertThat(pods).contains("edge-service", "order-service", "exit-service")
                            .doesNotContain("risk-service", "monitor-service");
                    assertThat(destination).contains("\"port\":443", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
                }));
    }

    @Test
    void every_application_runs_from_its_image_on_its_port_probed_on_q_health_with_requests_and_limits() {
        List<String> applications = new ArrayList<>();
        for (JsonNode workload : ofKind("Deployment", "StatefulSet")) {
            JsonNode container = workload.path("spec").path("template").path("spec").path("containers").get(0);
            String application = Project.applicationOf(container.path("image").asText()).orElseThrow();
            applications.add(application);
            assertThat(workload.path("metadata").path("name").asText()).isEqualTo(application);
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(Project.httpPort(application));
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            for (String bound : List.of("requests", "limits")) {
                assertThat(container.path("resources").path(bound).has("memory")).as(application + " " + bound).isTrue();
                assertThat(container.path("resources").path(bound).has("cpu")).as(application + " " + bound).isTrue();
            }
            assertThat(container.path("envFrom").get(0).path("configMapRef").path("name").asText())
                    .isEqualTo("tradeloop-config");
            container.path("env").forEach(variable -> assertThat(variable.path("name").asText().equals("POD_NAME")
                    || Project.knowsSetting(application, variable.path("name").asText()))
                    .as(application + " has a setting named by " + variable.path("name")).isTrue());
            assertThat(ofKind("Service")).anySatisfy(service -> {
                assertThat(service.path("metadata").path("name").asText()).isEqualTo(application);
                assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
                        .isEqualTo(Project.httpPort(application));
            });
        }
        List<String> served = new ArrayList<>(Project.applications());
        served.remove("exchange-sim");
        assertThat(applications).containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void the_config_map_names_settings_of_the_applications_and_secrets_come_from_secrets() {
        JsonNode config = ofKind("ConfigMap").stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("tradeloop-config")).findFirst().orElseThrow();
        config.path("data").fieldNames().forEachRemaining(variable -> assertThat(Project.applications().stream()
                .anyMatch(app -> Project.knowsSetting(app, variable))).as(variable + " is a setting").isTrue());
        Settings.assertValuesTheServicesAccept(config.path("data"), "tradeloop-config");
        for (String secret : List.of("TRADELOOP_RISK_OPERATOR_TOKEN", "TRADELOOP_POSTGRES_PASSWORD",
                "TRADELOOP_EXCHANGE_KEY_ID")) {
            assertThat(config.path("data").has(secret)).isFalse();
            assertThat(ofKind("Deployment", "StatefulSet")).anySatisfy(workload -> assertThat(
                    workload.path("spec").path("template").path("spec").path("containers").get(0).path("env"))
                    .anySatisfy(variable -> {
                        assertThat(variable.path("name").asText()).isEqualTo(secret);
                        assertThat(variable.path("valueFrom").path("secretKeyRef").path("name").asText())
                                .isEqualTo("tradeloop-secrets");
                    }));
        }
        // each service logs in to Kafka with the password Strimzi keeps in the Secret of its KafkaUser
        ofKind("Deployment", "StatefulSet").forEach(workload -> {
            String service = workload.path("metadata").path("name").asText();
            assertThat(workload.path("spec").path("template").path("spec").path("containers").get(0).path("env"))
                    .anySatisfy(variable -> {
                        assertThat(variable.path("name").asText()).isEqualTo("TRADELOOP_KAFKA_PASSWORD");
                        assertThat(variable.path("valueFrom").path("secretKeyRef").path("name").asText())
                                .isEqualTo(service);
                    });
            assertThat(Project.read(Project.ROOT.resolve(GeneratedFiles.KAFKA_USERS)))
                    .contains("kind: KafkaUser\nmetadata:\n  name: " + service + "\n");
        });
    }

    @Test
    void monitor_service_keeps_its_state_on_a_volume_of_each_pod_and_is_reached_by_pod_address() {
        JsonNode monitor = ofKind("StatefulSet").get(0);
        JsonNode container = monitor.path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(monitor.path("metadata").path("name").asText()).isEqualTo("monitor-service");
        String claim = monitor.path("spec").path("volumeClaimTemplates").get(0).path("metadata").path("name").asText();
        String mountPath = "";
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("name").asText().equals(claim)) {
                mountPath = mount.path("mountPath").asText();
            }
        }
        Map<String, String> env = new TreeMap<>();
        container.path("env").forEach(v -> env.put(v.path("name").asText(), v.path("value").asText()));
        assertThat(env.get("TRADELOOP_DATA_DIR")).isEqualTo(mountPath).isNotEmpty();
        String headless = monitor.path("spec").path("serviceName").asText();
        assertThat(env.get("TRADELOOP_MONITOR_HOST")).isEqualTo("$(POD_NAME)." + headless);
        assertThat(ofKind("Service")).anySatisfy(service -> {
            assertThat(service.path("metadata").path("name").asText()).isEqualTo(headless);
            assertThat(service.path("spec").path("clusterIP").asText()).isEqualTo("None");
        });
    }

    @Test
    void every_topic_of_the_catalog_has_its_kafka_topic_for_the_strimzi_cluster() {
        Map<String, Integer> topics = new TreeMap<>();
        for (JsonNode topic : ofKind("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(GeneratedFiles.STRIMZI_CLUSTER);
            topics.put(topic.path("spec").path("topicName").asText(), topic.path("spec").path("partitions").asInt());
        }
        assertThat(topics).isEqualTo(Project.catalogPartitions());
    }

    @Test
    void everything_is_rendered_into_the_overlay_namespace() {
        assertThat(rendered).allSatisfy(r -> assertThat(r.path("metadata").path("namespace").asText()).isEqualTo("tradeloop"));
    }
}
