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
 * back, DDL that must differ ({@link #createTable}), and how it isolates transactions, locks rows
 * and reports a lost conflict ({@link #isolationInForce}, {@link #locksRowsForUpdate},
 * {@link #isConflict}).
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

    /**
     * The transaction isolation {@code connection} runs its transactions with, as the database
     * reports it, in a few words; by default the JDBC level's SQL name. A peer whose database
     * runs another level than JDBC reports says so.
     */
    public String isolationInForce(Connection connection) throws SQLException {
        return isolationName(connection.getTransactionIsolation());
    }

    /** The SQL name of a JDBC isolation level ({@code REPEATABLE READ}). */
    public static String isolationName(int level) {
        return switch (level) {
            case Connection.TRANSACTION_NONE -> "NONE";
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            case Connection.TRANSACTION_READ_COMMITTED -> "READ COMMITTED";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            default -> "level " + level;
        };
    }

    /**
     * Whether {@code SELECT ... FOR UPDATE} locks the rows it reads until the transaction ends.
     * The bank scenario locks both accounts of a transfer that way; on a peer without it, the
     * transfer's first statement is the debit {@code UPDATE}, which takes the peer's write lock.
     */
    public boolean locksRowsForUpdate() {
        return true;
    }

    /**
     * Whether {@code e} says the transaction lost a conflict with another one and may succeed if
     * run again from the start: a deadlock, a serialization failure or a lock wait timeout. The
     * default is SQLSTATE class 40 (transaction rollback); peers add their own codes.
     */
    public boolean isConflict(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("40");
    }

    /**
     * {@link #isConflict} for the MySQL family: class 40, and the error codes 1213 (deadlock,
     * ER_LOCK_DEADLOCK) and 1205 (lock wait timeout, ER_LOCK_WAIT_TIMEOUT, which MySQL sends
     * with SQLSTATE HY000).
     */
    protected static boolean isMySqlConflict(SQLException e) {
        String state = e.getSQLState();
        return e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || state != null && state.startsWith("40");
    }

    /** The first column of the first row {@code sql} returns, as a string; "?" if it returns no row. */
    protected static String firstValue(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "?";
        }
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
