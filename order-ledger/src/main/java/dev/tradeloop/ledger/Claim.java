package dev.tradeloop.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A position's executions of one purpose, held by this instance while it works them: a PostgreSQL
 * session lock, so it goes with the connection, and an instance that dies holds nothing. Two
 * instances of a service never work the same position at once.
 */
public final class Claim implements AutoCloseable {

    private final Connection connection;

    Claim(Connection connection) {
        this.connection = connection;
    }

    /** Gives the position back (the connection returns to the pool holding no lock). */
    @Override
    public void close() throws SQLException {
        try (connection; Statement unlock = connection.createStatement()) {
            unlock.execute("SELECT pg_advisory_unlock_all()");
        }
    }
}
