package dev.tradeloop.deployment;

import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.stack.PostgresSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The deployment files made from what the build already holds, so they cannot drift from it: the
 * topic catalog and its users as a script that sets up the broker (docker compose) and as Strimzi
 * {@code KafkaTopic} and {@code KafkaUser} resources (Kubernetes), the database's roles as the
 * PostgreSQL image's first-start script, and the methods as a Kubernetes {@code ConfigMap}.
 */
public final class GeneratedFiles {

    /** What every generated file says first: where it comes from and how to make it again. */
    public static final String REGENERATE = "./mvnw -pl deployment -am verify -Dtradeloop.regenerate=true";

    public static final Path SETUP_KAFKA = Path.of("deploy/kafka/setup-kafka.sh");
    public static final Path DATABASE_ROLES = Path.of("deploy/postgres/roles.sh");
    public static final Path KAFKA_TOPICS = Path.of("deploy/kubernetes/overlays/strimzi/kafka-topics.yaml");
    public static final Path KAFKA_USERS = Path.of("deploy/kubernetes/overlays/strimzi/kafka-users.yaml");
    public static final Path METHODS = Path.of("deploy/kubernetes/base/methods.yaml");

    /** The Strimzi cluster the topics belong to, and how many copies each keeps there. */
    public static final String STRIMZI_CLUSTER = "tradeloop";
    public static final int STRIMZI_REPLICAS = 3;

    private GeneratedFiles() {
    }

    /** Every generated file, by its path under the project root, with what it must hold. */
    public static Map<Path, String> all(Path root) {
        return Map.of(SETUP_KAFKA, setupKafkaScript(), DATABASE_ROLES, databaseRolesScript(),
                KAFKA_TOPICS, kafkaTopics(), KAFKA_USERS, kafkaUsers(), METHODS, methodsConfigMap(root.resolve("methods")));
    }

    /** The environment variable that holds a Kafka user's password in docker compose. */
    public static String kafkaPasswordVariable(KafkaUser user) {
        return "TRADELOOP_KAFKA_PASSWORD_" + user.name();
    }

    /** The environment variable that holds a database role's password in docker compose. */
    public static String databasePasswordVariable(PostgresSetup.Role role) {
        return "TRADELOOP_POSTGRES_PASSWORD_" + role.name();
    }

    /**
     * A bash script that makes a broker hold what the catalog says, as its superuser: the topics it
     * does not have yet, a SCRAM user per service and model, and each user's ACLs.
     */
    public static String setupKafkaScript() {
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # Generated from the topic catalog (common-events Topics and KafkaUser): do not edit. To make it again:
                #   %s
                # Makes the broker hold the catalog's topics (single copy), a SCRAM user per service and model
                # with its password (from TRADELOOP_KAFKA_PASSWORD_<USER>), and exactly the ACLs each may have.
                # Usage: setup-kafka.sh <bootstrap-servers>, with TRADELOOP_KAFKA_ADMIN_PASSWORD set.
                set -euo pipefail
                bootstrap="$1"
                admin=/tmp/setup-kafka-admin.properties
                cat >"$admin" <<CONFIG
                security.protocol=SASL_PLAINTEXT
                sasl.mechanism=%s
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%s" password="${TRADELOOP_KAFKA_ADMIN_PASSWORD:?}";
                CONFIG
                topic() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists "$@"; }
                user() { /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter --entity-type users --entity-name "$1" --add-config "%s=[iterations=8192,password=$2]"; }
                allow() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "$@" >/dev/null; }
                """.formatted(REGENERATE, KafkaUser.MECHANISM, KafkaUser.ADMIN, KafkaUser.MECHANISM));
        for (Topic<?> topic : Topics.all()) {
            script.append("topic --topic ").append(topic.name()).append(" --partitions ").append(topic.partitions())
                    .append(" --replication-factor 1");
            configOf(topic).forEach((key, value) -> script.append(" --config ").append(key).append('=').append(value));
            script.append('\n');
        }
        for (KafkaUser user : KafkaUser.values()) {
            script.append("user ").append(user.userName()).append(" \"${").append(kafkaPasswordVariable(user))
                    .append(":?}\"\n");
            for (KafkaUser.Grant grant : user.grants()) {
                script.append("allow ").append(user.principal()).append(' ').append(aclResource(grant));
                grant.operations().forEach(operation -> script.append(" --operation ").append(aclOperation(operation)));
                script.append('\n');
            }
        }
        script.append("echo \"topics: ").append(Topics.all().size()).append(" in the catalog; users: ")
                .append(KafkaUser.values().length).append(" with their ACLs\"\n");
        return script.toString();
    }

    /**
     * A script for the PostgreSQL image's first start ({@code /docker-entrypoint-initdb.d}): a role per
     * service that owns its schema and nothing else, its password from TRADELOOP_POSTGRES_PASSWORD_<ROLE>.
     */
    public static String databaseRolesScript() {
        StringBuilder script = new StringBuilder("""
                #!/usr/bin/env bash
                # Generated from the local stack's roles (local-stack PostgresSetup.Role): do not edit. To make it again:
                #   %s
                # Run once by the PostgreSQL image when it makes its database: a role per service, owning its
                # schema only, with its password from TRADELOOP_POSTGRES_PASSWORD_<ROLE>.
                set -euo pipefail
                sql() { psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c "$1"; }
                sql "REVOKE ALL ON SCHEMA public FROM PUBLIC"
                """.formatted(REGENERATE));
        for (PostgresSetup.Role role : PostgresSetup.Role.values()) {
            script.append("sql \"CREATE ROLE ").append(role.roleName())
                    .append(" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '${")
                    .append(databasePasswordVariable(role)).append(":?}'\"\n");
            script.append("sql \"CREATE SCHEMA ").append(role.schema()).append(" AUTHORIZATION ")
                    .append(role.roleName()).append("\"\n");
        }
        return script.toString();
    }

    /** One Strimzi {@code KafkaUser} per user of the catalog: SCRAM, with exactly its ACLs. */
    public static String kafkaUsers() {
        StringBuilder yaml = new StringBuilder("""
                # Generated from the topic catalog (common-events KafkaUser): do not edit. To make it again:
                #   %s
                # One KafkaUser per service and model, for the Strimzi cluster "%s": SCRAM-SHA-512, and the ACLs
                # that let it write only the topics it owns. Strimzi keeps each password in a Secret of the
                # user's name, which the service's Deployment reads.
                """.formatted(REGENERATE, STRIMZI_CLUSTER));
        for (KafkaUser user : KafkaUser.values()) {
            yaml.append("""
                    ---
                    apiVersion: kafka.strimzi.io/v1beta2
                    kind: KafkaUser
                    metadata:
                      name: %s
                      labels:
                        strimzi.io/cluster: %s
                        app.kubernetes.io/part-of: tradeloop
                    spec:
                      authentication:
                        type: scram-sha-512
                      authorization:
                        type: simple
                        acls:
                    """.formatted(user.userName(), STRIMZI_CLUSTER));
            for (KafkaUser.Grant grant : user.grants()) {
                yaml.append("      - resource:\n          type: ").append(strimziType(grant.resource()))
                        .append("\n          name: ").append(grant.name())
                        .append("\n          patternType: ")
                        .append(grant.pattern() == PatternType.PREFIXED ? "prefix" : "literal")
                        .append("\n        operations: [")
                        .append(String.join(", ", grant.operations().stream().map(GeneratedFiles::aclOperation).toList()))
                        .append("]\n");
            }
        }
        return yaml.toString();
    }

    private static String aclResource(KafkaUser.Grant grant) {
        String flag = switch (grant.resource()) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            default -> throw new IllegalArgumentException("no ACL flag for " + grant.resource());
        };
        String pattern = grant.pattern() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        return flag + " " + grant.name() + pattern;
    }

    private static String strimziType(ResourceType type) {
        return switch (type) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
            default -> throw new IllegalArgumentException("no Strimzi resource type for " + type);
        };
    }

    /** An ACL operation as the Kafka tools and Strimzi spell it: Write, Describe, All. */
    private static String aclOperation(AclOperation operation) {
        String name = operation.name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
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
