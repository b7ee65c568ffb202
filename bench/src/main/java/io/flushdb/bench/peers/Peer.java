package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One database product under test, started fresh and empty for one workload run.
 *
 * <p>Lifecycle: {@link Peers#create} makes an unstarted instance; the harness calls
 * {@link #start} once with a new, empty directory that it deletes after {@link #close};
 * {@link #connect} may be called any number of times in between (a concurrent workload opens
 * one connection per client thread).
 *
 * <p>Subclasses hold a peer's differences from the others and nothing else: its JDBC URL, how
 * it maps a requested {@link Durability} onto its own settings, how to read those settings
 * back, and DDL that must differ ({@link #createTable}).
 *
 * <p>Concurrency: {@link #start} and {@link #close} are called by the harness thread;
 * {@link #connect} may be called from client threads after {@link #start} returned.
 */
public abstract class Peer implements AutoCloseable {

    private final String name;

    protected Peer(String name) {
        this.name = name;
    }

    /** The target name used on the command line and in reports, e.g. {@code "sqlite"}. */
    public final String name() {
        return name;
    }

    /**
     * Starts an empty instance whose files all live under {@code dataDir} (which exists and is
     * empty), configured for {@code durability} as far as the product allows.
     */
    public abstract void start(Path dataDir, Durability durability) throws Exception;

    /**
     * {@link #start(Path, Durability)} with startup settings of the product's own ({@code name}
     * to {@code value}, for FlushDB system variables given in the URL). A peer that takes none
     * refuses any.
     */
    public void start(Path dataDir, Durability durability, Map<String, String> startupSettings) throws Exception {
        if (!startupSettings.isEmpty()) {
            throw new IllegalArgumentException(name + " takes no startup settings, got " + startupSettings);
        }
        start(dataDir, durability);
    }

    /** Opens a new connection with autocommit on and any per-connection settings applied. */
    public abstract Connection connect() throws SQLException;

    /**
     * Reads back the settings that govern commit durability on {@code connection}, and states
     * whether they meet {@code requested}.
     */
    public abstract DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException;

    /** How the client reaches the database; a peer reached over a socket must say so. */
    public String access() {
        return "embedded, in-process";
    }

    /**
     * The CREATE TABLE statement for a table whose first column is a 64-bit integer primary
     * key. The default is standard SQL; peers override it where the standard form would give
     * them a needlessly slow layout.
     *
     * @param idColumn the primary-key column's name
     * @param otherColumns the remaining column definitions, comma-separated, in portable SQL
     */
    public String createTable(String table, String idColumn, String otherColumns) {
        return "CREATE TABLE " + table + " (" + idColumn + " BIGINT NOT NULL PRIMARY KEY, "
                + otherColumns + ")";
    }

    /**
     * How many times the database has forced its commit log (redo, WAL) to disk so far, as it
     * counts them itself, or empty for a peer that keeps no such count. The group-commit
     * scenario divides commits by the difference to show how many commits one fsync served.
     */
    public OptionalLong logFsyncs(Connection connection) throws SQLException {
        return OptionalLong.empty();
    }

    /** A numeric {@code SHOW GLOBAL STATUS} value (MySQL family), or empty if there is none. */
    protected static OptionalLong globalStatus(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE '" + name + "'")) {
            return rs.next() ? OptionalLong.of(Long.parseLong(rs.getString(2).trim())) : OptionalLong.empty();
        }
    }

    /** Stops the instance and releases its files. Idempotent; a peer never started is a no-op. */
    @Override
    public void close() throws Exception {
    }
}
