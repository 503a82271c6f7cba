package dev.tradeloop.events;

import static dev.tradeloop.events.Topics.ACCOUNT_BALANCE;
import static dev.tradeloop.events.Topics.ALERTS;
import static dev.tradeloop.events.Topics.APPROVED_TRADES;
import static dev.tradeloop.events.Topics.EDGES;
import static dev.tradeloop.events.Topics.EXIT_TRIGGERS;
import static dev.tradeloop.events.Topics.FILLS;
import static dev.tradeloop.events.Topics.OPERATIONAL_ERRORS;
import static dev.tradeloop.events.Topics.ORDER_EVENTS;
import static dev.tradeloop.events.Topics.POSITION_EVENTS;
import static dev.tradeloop.events.Topics.POSITION_MARKS;
import static dev.tradeloop.events.Topics.PREDICTIONS;
import static dev.tradeloop.events.Topics.PRICE_TICKS;
import static dev.tradeloop.events.Topics.RISK_DECISIONS;
import static dev.tradeloop.events.Topics.TRADING_STATE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may write and who may read each topic: the half of the catalog the broker enforces. Every
 * service, and the simulator's model, connects to Kafka as a user of its own, and that user's ACLs
 * are made from this table (by the local stack, the test kit, docker compose and Strimzi alike), so
 * a service can write only the topics it owns: only risk-service writes {@code approved-trades}
 * and {@code trading-state}, only monitor-service writes {@code exit-triggers}, a model writes
 * {@code predictions} and nothing else.
 *
 * <p>A service also writes {@code alerts} and {@code operational-errors} (anything may need a
 * person), and the dead-letter topic of each topic it reads; it reads in consumer groups named
 * after it. The Kafka Streams service owns the internal topics and transactions named after it.
 */
public enum KafkaUser {

    EDGE_SERVICE("edge-service", Kind.SERVICE, List.of(PRICE_TICKS, PREDICTIONS, EDGES),
            List.of(PRICE_TICKS, PREDICTIONS, TRADING_STATE)),
    RISK_SERVICE("risk-service", Kind.SERVICE, List.of(APPROVED_TRADES, RISK_DECISIONS, TRADING_STATE, ACCOUNT_BALANCE),
            List.of(EDGES, APPROVED_TRADES, ORDER_EVENTS, FILLS, POSITION_EVENTS, POSITION_MARKS, ACCOUNT_BALANCE,
                    OPERATIONAL_ERRORS, TRADING_STATE)),
    ORDER_SERVICE("order-service", Kind.SERVICE, List.of(ORDER_EVENTS, FILLS, ACCOUNT_BALANCE),
            List.of(APPROVED_TRADES, TRADING_STATE)),
    MONITOR_SERVICE("monitor-service", Kind.STREAMS_SERVICE, List.of(POSITION_EVENTS, POSITION_MARKS, EXIT_TRIGGERS),
            List.of(PRICE_TICKS, PREDICTIONS, FILLS, ORDER_EVENTS, RISK_DECISIONS, TRADING_STATE)),
    EXIT_SERVICE("exit-service", Kind.SERVICE, List.of(ORDER_EVENTS, FILLS, ACCOUNT_BALANCE),
            List.of(EXIT_TRIGGERS, TRADING_STATE)),
    PORTFOLIO_SERVICE("portfolio-service", Kind.SERVICE, List.of(),
            List.of(POSITION_EVENTS, POSITION_MARKS, ORDER_EVENTS, FILLS, RISK_DECISIONS, TRADING_STATE, ALERTS,
                    ACCOUNT_BALANCE)),
    /** The exchange simulator's scenario model: it writes predictions, as any model may. */
    SCENARIO_MODEL("scenario-model", Kind.MODEL, List.of(PREDICTIONS), List.of());

    /** The SASL mechanism every client and the broker use (the one Strimzi offers too). */
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's superuser: it creates the topics, the users and their ACLs, and nothing else uses it. */
    public static final String ADMIN = "tradeloop-admin";

    private enum Kind { SERVICE, STREAMS_SERVICE, MODEL }

    private final String userName;
    private final Kind kind;
    private final List<Topic<?>> writes;
    private final List<Topic<?>> reads;

    KafkaUser(String userName, Kind kind, List<Topic<?>> writes, List<Topic<?>> reads) {
        this.userName = userName;
        this.kind = kind;
        this.writes = writes;
        this.reads = reads;
    }

    /** The user's name on the broker; for a service, its application name. */
    public String userName() {
        return userName;
    }

    /** The Kafka principal, as ACLs name it. */
    public String principal() {
        return "User:" + userName;
    }

    public boolean isService() {
        return kind != Kind.MODEL;
    }

    /** Every topic this user may write: its own, and for a service the reporting and dead-letter topics. */
    public Set<String> writableTopics() {
        Set<String> topics = new LinkedHashSet<>();
        writes.forEach(topic -> topics.add(topic.name()));
        if (isService()) {
            topics.add(ALERTS.name());
            topics.add(OPERATIONAL_ERRORS.name());
            reads.forEach(topic -> topics.add(topic.deadLetterTopic()));
        }
        return topics;
    }

    public Set<String> readableTopics() {
        Set<String> topics = new LinkedHashSet<>();
        reads.forEach(topic -> topics.add(topic.name()));
        return topics;
    }

    /** The users that may write {@code topic}. */
    public static List<KafkaUser> writersOf(Topic<?> topic) {
        return Arrays.stream(values()).filter(user -> user.writableTopics().contains(topic.name())).toList();
    }

    /** The ACLs that give this user exactly what it may do, and nothing more. */
    public List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        Map<String, Set<AclOperation>> topics = new LinkedHashMap<>(); // one grant per topic, written, read or both
        writableTopics().forEach(topic -> topics.computeIfAbsent(topic, t -> new LinkedHashSet<>())
                .addAll(List.of(AclOperation.WRITE, AclOperation.DESCRIBE)));
        readableTopics().forEach(topic -> topics.computeIfAbsent(topic, t -> new LinkedHashSet<>())
                .addAll(List.of(AclOperation.READ, AclOperation.DESCRIBE)));
        topics.forEach((topic, operations) -> grants.add(new Grant(ResourceType.TOPIC, PatternType.LITERAL, topic,
                List.copyOf(operations))));
        if (isService()) {
            grants.add(Grant.prefixed(ResourceType.GROUP, userName, AclOperation.READ, AclOperation.DESCRIBE));
        }
        if (kind == Kind.STREAMS_SERVICE) {
            grants.add(Grant.prefixed(ResourceType.TOPIC, userName + "-", AclOperation.ALL));
            grants.add(Grant.prefixed(ResourceType.GROUP, userName, AclOperation.DELETE));
            grants.add(Grant.prefixed(ResourceType.TRANSACTIONAL_ID, userName,
                    AclOperation.WRITE, AclOperation.DESCRIBE));
        }
        return List.copyOf(grants);
    }

    /** The grants as the broker's ACL bindings, every one an allow from any host. */
    public List<AclBinding> aclBindings() {
        List<AclBinding> bindings = new ArrayList<>();
        for (Grant grant : grants()) {
            for (AclOperation operation : grant.operations()) {
                bindings.add(new AclBinding(new ResourcePattern(grant.resource(), grant.name(), grant.pattern()),
                        new AccessControlEntry(principal(), "*", operation, AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** What a Kafka client needs to connect to {@code bootstrapServers} as {@code userName}. */
    public static Map<String, Object> clientSettings(String bootstrapServers, String userName, String password) {
        return Map.of("bootstrap.servers", bootstrapServers, "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaasConfig(userName, password));
    }

    /** The JAAS line a client of this user logs in with. */
    public static String jaasConfig(String userName, String password) {
        if (password.contains("\"") || password.contains("\\") || userName.contains("\"")) {
            throw new IllegalArgumentException("a Kafka user name or password may not hold a quote or a backslash");
        }
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + userName
                + "\" password=\"" + password + "\";";
    }

    /** One permission: some operations on a resource named exactly, or on every resource whose name starts so. */
    public record Grant(ResourceType resource, PatternType pattern, String name, List<AclOperation> operations) {

        static Grant prefixed(ResourceType resource, String prefix, AclOperation... operations) {
            return new Grant(resource, PatternType.PREFIXED, prefix, List.of(operations));
        }
    }
}
