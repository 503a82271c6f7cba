package dev.tradeloop.deployment;

import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The deployment files made from what the build already holds, so they cannot drift from it: the
 * topic catalog as a script that creates the topics (docker compose) and as Strimzi
 * {@code KafkaTopic} resources (Kubernetes), and the methods as a Kubernetes {@code ConfigMap}.
 */
public final class GeneratedFiles {

    /** What every generated file says first: where it comes from and how to make it again. */
    public static final String REGENERATE = "./mvnw -pl deployment -am verify -Dtradeloop.regenerate=true";

    public static final Path CREATE_TOPICS = Path.of("deploy/kafka/create-topics.sh");
    public static final Path KAFKA_TOPICS = Path.of("deploy/kubernetes/overlays/strimzi/kafka-topics.yaml");
    public static final Path METHODS = Path.of("deploy/kubernetes/base/methods.yaml");

    /** The Strimzi cluster the topics belong to, and how many copies each keeps there. */
    public static final String STRIMZI_CLUSTER = "tradeloop";
    public static final int STRIMZI_REPLICAS = 3;

    private GeneratedFiles() {
    }

    /** Every generated file, by its path under the project root, with what it must hold. */
    public static Map<Path, String> all(Path root) {
        return Map.of(CREATE_TOPICS, createTopicsScript(), KAFKA_TOPICS, kafkaTopics(),
                METHODS, methodsConfigMap(root.resolve("methods")));
    }

    /** A bash script that creates the catalog's topics a broker does not have yet. */
    public static String createTopicsScript() {
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # Generated from the topic catalog (common-events Topics): do not edit. To make it again:
                #   %s
                # Creates every topic of the catalog that the broker does not have yet, single copy.
                # Usage: create-topics.sh <bootstrap-servers>
                set -euo pipefail
                bootstrap="$1"
                create() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists "$@"; }
                """.formatted(REGENERATE));
        for (Topic<?> topic : Topics.all()) {
            script.append("create --topic ").append(topic.name()).append(" --partitions ").append(topic.partitions())
                    .append(" --replication-factor 1");
            configOf(topic).forEach((key, value) -> script.append(" --config ").append(key).append('=').append(value));
            script.append('\n');
        }
        script.append("echo \"topics: ").append(Topics.all().size()).append(" in the catalog\"\n");
        return script.toString();
    }

    /** One Strimzi {@code KafkaTopic} per topic of the catalog. */
    public static String kafkaTopics() {
        StringBuilder yaml = new StringBuilder("""
                # Generated from the topic catalog (common-events Topics): do not edit. To make it again:
                #   %s
                # One KafkaTopic per topic, for the Strimzi cluster "%s".
                """.formatted(REGENERATE, STRIMZI_CLUSTER));
        for (Topic<?> topic : Topics.all()) {
            yaml.append("""
                    ---
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaTopic
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: %s
                        app.kubernetes.io/part-of: tradeloop
                    spec:
                      topicName: %s
                      partitions: %d
                      replicas: %d
                      config:
                    """.formatted(topic.name(), STRIMZI_CLUSTER, topic.name(), topic.partitions(), STRIMZI_REPLICAS));
            configOf(topic).forEach((key, value) -> yaml.append("    ").append(key).append(": \"").append(value)
                    .append("\"\n"));
            yaml.append("    min.insync.replicas: \"2\"\n");
        }
        return yaml.toString();
    }

    /** The {@code tradeloop-methods} ConfigMap: every method file, mounted where the services read methods. */
    public static String methodsConfigMap(Path methodsDir) {
        StringBuilder yaml = new StringBuilder("""
                # Generated from methods/*.yaml: do not edit. To make it again:
                #   %s
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: tradeloop-methods
                  labels:
                    app.kubernetes.io/part-of: tradeloop
                data:
                """.formatted(REGENERATE));
        for (Path file : methodFiles(methodsDir)) {
            yaml.append("  ").append(file.getFileName()).append(": |\n");
            for (String line : read(file).split("\n", -1)) {
                if (!line.isEmpty()) {
                    yaml.append("    ").append(line);
                }
                yaml.append('\n');
            }
            while (yaml.toString().endsWith("\n\n")) {
                yaml.setLength(yaml.length() - 1);
            }
        }
        return yaml.toString();
    }

    private static Map<String, String> configOf(Topic<?> topic) {
        return new TreeMap<>(topic.brokerConfig());
    }

    private static List<Path> methodFiles(Path methodsDir) {
        try (Stream<Path> files = Files.list(methodsDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the methods in " + methodsDir, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
