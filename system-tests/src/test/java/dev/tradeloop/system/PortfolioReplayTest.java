package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeloop.testkit.PositionStory;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TestPostgres;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The read side is a pure function of the event log: portfolio-service projects the topics, is
 * stopped, every table of its schema is dropped, and started again it replays every topic from offset 0 into rows
 * identical to the first ones, table by table.
 */
@ExtendWith(TradeloopInfrastructure.class)
class PortfolioReplayTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final List<String> TABLES = List.of("position", "position_exit", "exit_attempt", "exchange_order",
            "order_event", "fill", "risk_decision", "alert", "trading_state", "reconciliation_run", "projected_event",
            "position_mark", "read_offset");
    private static final List<String> TOPICS = List.of("position-events", "position-marks", "order-events", "fills",
            "risk-decisions", "trading-state", "alerts", "account-balance");

    @Test
    void dropping_the_tables_and_replaying_from_offset_0_rebuilds_identical_rows() throws Exception {
        Stack.publishActiveState();
        new PositionStory().publish(TestKafka.get());
        new PositionStory().publish(TestKafka.get());
        Stack stack = new Stack("portfolio_replay");

        Map<String, List<String>> first;
        try (ServiceProcess portfolio = stack.start("portfolio-service")) {
            first = awaitCaughtUpRows(stack.jdbcUrl());
        }
        assertThat(first.get("position")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.get("position_exit")).hasSizeGreaterThanOrEqualTo(4);

        try (Connection db = connect(stack.jdbcUrl()); Statement drop = db.createStatement()) {
            drop.execute(DROP_EVERY_TABLE); // as the service's own role, which owns the schema but may not make one
        }
        try (ServiceProcess portfolio = stack.start("portfolio-service")) {
            Map<String, List<String>> second = awaitCaughtUpRows(stack.jdbcUrl());
            for (String table : TABLES) {
                assertThat(second.get(table)).as(table).containsExactlyElementsOf(first.get(table));
            }
        }
    }

    /** Every row of every table, once the stored offsets have reached the end of every projected topic. */
    private static Map<String, List<String>> awaitCaughtUpRows(String jdbcUrl) throws Exception {
        Map<String, Long> ends = endOffsets();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250)).until(() -> storedOffsets(jdbcUrl).equals(ends));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (Connection db = connect(jdbcUrl)) {
            for (String table : TABLES) {
                rows.put(table, rowsOf(db, table));
            }
        }
        return rows;
    }

    private static Map<String, Long> endOffsets() throws Exception {
        try (Admin admin = TestKafka.get().admin()) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(TOPICS).allTopicNames().get().values()
                    .stream().flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().topic() + "-" + entry.getKey().partition(),
                            entry -> entry.getValue().offset()));
        }
    }

    private static Map<String, Long> storedOffsets(String jdbcUrl) {
        try (Connection db = connect(jdbcUrl); Statement select = db.createStatement();
                ResultSet rows = select.executeQuery("SELECT topic, partition_no, next_offset FROM read_offset")) {
            Map<String, Long> offsets = new LinkedHashMap<>();
            while (rows.next()) {
                offsets.put(rows.getString(1) + "-" + rows.getInt(2), rows.getLong(3));
            }
            return offsets;
        } catch (SQLException notYet) {
            return Map.of();
        }
    }

    private static List<String> rowsOf(Connection db, String table) throws SQLException {
        try (Statement select = db.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
            List<String> all = new ArrayList<>();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(rows.getObject(i)));
                }
                all.add(String.join("|", values));
            }
            return all;
        }
    }

    /** The rebuild procedure of portfolio-service's README, run as its role: every table of the schema goes. */
    private static final String DROP_EVERY_TABLE = "DO $$ DECLARE t text; BEGIN FOR t IN SELECT tablename FROM pg_tables "
            + "WHERE schemaname = 'portfolio' LOOP EXECUTE format('DROP TABLE portfolio.%I CASCADE', t); END LOOP; END $$";

    private static Connection connect(String jdbcUrl) throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl, "portfolio_service", TestPostgres.get().servicePassword());
        try (Statement schema = db.createStatement()) {
            schema.execute("SET search_path TO portfolio");
        }
        return db;
    }
}
