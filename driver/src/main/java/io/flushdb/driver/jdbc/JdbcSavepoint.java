package io.flushdb.driver.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint of a connection's transaction: named by the application, or numbered and named
 * {@code FLUSHDB_SAVEPOINT_<id>} by the driver. The engine knows it by its name.
 */
final class JdbcSavepoint implements Savepoint {
    private final int id;
    private final String name;
    private final JdbcConnection connection;

    private JdbcSavepoint(int id, String name, JdbcConnection connection) {
        this.id = id;
        this.name = name;
        this.connection = connection;
    }

    static JdbcSavepoint named(String name, JdbcConnection connection) {
        return new JdbcSavepoint(0, name, connection);
    }

    static JdbcSavepoint numbered(int id, JdbcConnection connection) {
        return new JdbcSavepoint(id, null, connection);
    }

    /** The name the engine knows it by. */
    String engineName() {
        return name != null ? name : "FLUSHDB_SAVEPOINT_" + id;
    }

    JdbcConnection connection() {
        return connection;
    }

    @Override
    public int getSavepointId() throws SQLException {
        if (name != null) {
            throw SqlExceptions.illegalArgument("Only unnamed savepoints have an id");
        }
        return id;
    }

    @Override
    public String getSavepointName() throws SQLException {
        if (name == null) {
            throw SqlExceptions.illegalArgument("Unnamed savepoints have no name");
        }
        return name;
    }

    @Override
    public String toString() {
        return engineName();
    }
}
