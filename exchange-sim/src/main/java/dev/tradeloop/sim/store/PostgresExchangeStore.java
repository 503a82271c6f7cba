package dev.tradeloop.sim.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.sim.exchange.ExchangeSnapshot;
import dev.tradeloop.sim.exchange.ExchangeStore;
import dev.tradeloop.sim.exchange.SimAccount;
import dev.tradeloop.sim.exchange.SimFill;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The exchange kept in PostgreSQL (schema {@code sim}): a row per market, account, order, fill and
 * setting, each the entity's state as JSON, in the order they were first kept. A save is one
 * transaction; a connection that failed is opened anew on the next call. Plain JDBC: one connection,
 * used under the exchange's lock, and upserts ({@code ON CONFLICT}) that an ORM does not express.
 */
public final class PostgresExchangeStore implements ExchangeStore, AutoCloseable {

    private static final ObjectMapper JSON = Json.mapper();
    private static final List<String> TABLES = List.of("markets", "accounts", "orders", "fills", "settings");

    private final String url;
    private final Properties credentials = new Properties();
    private Connection connection;

    private PostgresExchangeStore(String url, String user, Optional<String> password) {
        this.url = url;
        credentials.setProperty("user", user);
        password.ifPresent(value -> credentials.setProperty("password", value));
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("socketTimeout", "15");
        credentials.setProperty("ApplicationName", "exchange-sim");
    }

    /**
     * Connects and makes the tables if they are not there (and the schema, when the user may; the
     * local stack gives the simulator's role the schema to own); a database that cannot be reached says so.
     */
    public static PostgresExchangeStore open(String url, String user, Optional<String> password) {
        PostgresExchangeStore store = new PostgresExchangeStore(url, user, password);
        try (Statement statement = store.connection().createStatement()) {
            if (!schemaExists(statement)) {
                statement.execute("CREATE SCHEMA sim");
            }
            for (String table : TABLES) {
                statement.execute("CREATE TABLE IF NOT EXISTS sim." + table
                        + " (id text PRIMARY KEY, added bigserial, state text NOT NULL)");
            }
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException("the simulator's store at " + url + " cannot be used: " + e.getMessage(), e);
        }
        return store;
    }

    private static boolean schemaExists(Statement statement) throws SQLException {
        try (var found = statement.executeQuery("SELECT 1 FROM pg_namespace WHERE nspname = 'sim'")) {
            return found.next();
        }
    }

    @Override
    public synchronized ExchangeSnapshot load() {
        try {
            Map<String, String> settings = new LinkedHashMap<>();
            read("settings").forEach(row -> settings.put(row.id(), row.state()));
            long sequence = Long.parseLong(settings.getOrDefault(SEQUENCE, "0"));
            settings.remove(SEQUENCE);
            return new ExchangeSnapshot(sequence, states("markets", SimMarket.State.class),
                    states("accounts", SimAccount.State.class), states("orders", SimOrder.State.class),
                    states("fills", SimFill.class), settings);
        } catch (SQLException e) {
            dropConnection();
            throw new IllegalStateException("the simulator's store cannot be read: " + e.getMessage(), e);
        }
    }

    /** The setting row that holds the exchange's id sequence. */
    private static final String SEQUENCE = "#sequence";

    @Override
    public synchronized void save(ExchangeSnapshot changes) {
        try {
            Connection db = connection();
            db.setAutoCommit(false);
            try {
                upsert(db, "markets", changes.markets(), SimMarket.State::ticker, true);
                upsert(db, "accounts", changes.accounts(), SimAccount.State::accountId, true);
                upsert(db, "orders", changes.orders(), SimOrder.State::orderId, true);
                upsert(db, "fills", changes.fills(), SimFill::fillId, false);
                Map<String, String> settings = new LinkedHashMap<>(changes.settings());
                settings.put(SEQUENCE, Long.toString(changes.sequence()));
                upsertText(db, "settings", settings, true);
                db.commit();
            } finally {
                if (!db.isClosed()) {
                    db.setAutoCommit(true);
                }
            }
        } catch (SQLException | AssertionError e) {
            // (with assertions on, the driver reports a connection the server dropped as an AssertionError)
            dropConnection();
            throw new IllegalStateException("the simulator's store refused a save: " + e.getMessage(), e);
        }
    }

    private <T> void upsert(Connection db, String table, List<T> rows, java.util.function.Function<T, String> id,
            boolean replace) throws SQLException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (T row : rows) {
            texts.put(id.apply(row), write(row));
        }
        upsertText(db, table, texts, replace);
    }

    private static void upsertText(Connection db, String table, Map<String, String> rows, boolean replace)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String onConflict = replace ? "DO UPDATE SET state = EXCLUDED.state" : "DO NOTHING";
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO sim." + table + " (id, state) VALUES (?, ?) "
                + "ON CONFLICT (id) " + onConflict)) {
            for (Map.Entry<String, String> row : rows.entrySet()) {
                insert.setString(1, row.getKey());
                insert.setString(2, row.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private record Row(String id, String state) {
    }

    private List<Row> read(String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement query = connection().createStatement();
                ResultSet result = query.executeQuery("SELECT id, state FROM sim." + table + " ORDER BY added")) {
            while (result.next()) {
                rows.add(new Row(result.getString(1), result.getString(2)));
            }
        }
        return rows;
    }

    private <T> List<T> states(String table, Class<T> type) throws SQLException {
        List<T> states = new ArrayList<>();
        for (Row row : read(table)) {
            try {
                states.add(JSON.readValue(row.state(), type));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("sim." + table + " row " + row.id() + " cannot be read ("
                        + e.getOriginalMessage() + "); start the exchange afresh (./tradeloop up --fresh)", e);
            }
        }
        return states;
    }

    private static String write(Object state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + state.getClass().getSimpleName(), e);
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = DriverManager.getConnection(url, credentials);
        }
        return connection;
    }

    private void dropConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // it is being replaced because it failed
        }
        connection = null;
    }

    @Override
    public synchronized void close() {
        dropConnection();
    }
}
