package dev.tradeloop.system;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a system test starts its services with: the JVM's broker, a database of the test's own on the
 * JVM's PostgreSQL, the JVM's simulator as the exchange, and the operator token.
 */
final class Stack {

    static final Path ROOT = Path.of(System.getProperty("tradeloop.root", "..")).toAbsolutePath().normalize();
    static final Duration START = Duration.ofSeconds(90);
    static final String OPERATOR_TOKEN = "system-test-operator";

    private final Map<String, String> config = new HashMap<>();

    /** The models the system tests post as, each with the secret {@code <model>-system-test}. */
    private static final List<String> MODELS = List.of("loop", "e2e");

    /** The header a model posts a prediction with: its credential. */
    static String[] asModel(String modelId) {
        return new String[] {"Authorization", "Bearer " + modelId + ":" + modelId + "-system-test"};
    }

    /** The credentials file edge-service reads: the hashes of the test models' secrets. */
    private static String modelCredentials() {
        try {
            StringBuilder lines = new StringBuilder();
            for (String model : MODELS) {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                        .digest((model + "-system-test").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                lines.append(model).append(" sha256:").append(java.util.HexFormat.of().formatHex(hash)).append('\n');
            }
            Path file = ROOT.resolve("system-tests/target/models/credentials");
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, lines);
            return file.toString();
        } catch (java.io.IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not write the test models' credentials", e);
        }
    }

    Stack(String database) {
        config.putAll(TestExchange.get().serviceConfig());
        config.put("tradeloop.models.credentials-file", modelCredentials());
        config.putAll(TestPostgres.get().serviceConfig(database));
        config.putAll(TestKafka.get().serviceConfig());
        config.put("tradeloop.risk.operator-token", OPERATOR_TOKEN);
        config.put("tradeloop.market-data.refresh", "1s");
        // the tests of this JVM share one event log among accounts (and write fills of their own to it):
        // no account's holdings can be reconciled with it (the module tests and the local stack do)
        config.put("tradeloop.risk.reconcile-holdings", "false");
    }

    /** This stack with one more setting for every service it starts. */
    Stack with(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** The JDBC URL of this stack's database. */
    String jdbcUrl() {
        return config.get("quarkus.datasource.jdbc.url");
    }

    /** A stack that trades from an account of its own, so the test can read that account's balance alone. */
    Stack(String database, TestExchange.Account account) {
        this(database);
        config.putAll(account.serviceConfig());
    }

    /** Publishes ACTIVE with every breaker closed, as risk-service would, for tests that run without it. */
    static void publishActiveState() {
        List<BreakerState> closed = Arrays.stream(BreakerName.values()).map(name -> new BreakerState(name, false,
                name == BreakerName.EXCHANGE_API ? ResetMode.AUTOMATIC : ResetMode.MANUAL, Optional.empty(),
                Optional.empty())).toList();
        TestKafka.get().produce(Topics.TRADING_STATE, TradingState.KEY, new TradingState(UUID.randomUUID(),
                Instant.now(), "test-active", TradingMode.ACTIVE, false, closed));
    }

    ServiceProcess start(String service) {
        return ServiceProcess.start(ROOT, service, config).awaitHealthy(START);
    }

    /** Starts the services (several instances of one, if named again) side by side; returns them healthy, in order. */
    List<ServiceProcess> startTogether(String... services) {
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (String service : services) {
                started.add(ServiceProcess.start(ROOT, service, config));
            }
            started.forEach(service -> service.awaitHealthy(START));
            return started;
        } catch (RuntimeException | AssertionError e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    ServiceProcess start(String service, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(config);
        merged.putAll(overrides);
        return ServiceProcess.start(ROOT, service, merged).awaitHealthy(START);
    }
}
