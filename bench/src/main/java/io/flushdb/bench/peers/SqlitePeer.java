package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite (xerial sqlite-jdbc, native library in the jar) in file mode:
 * {@code jdbc:sqlite:<dir>/bench.db}.
 *
 * <p>Durability: default is SQLite as shipped, a rollback journal ({@code journal_mode=DELETE})
 * with {@code synchronous=FULL}, several fsyncs per commit. fsync-per-commit uses the faster
 * durable setup SQLite recommends, {@code journal_mode=WAL} with {@code synchronous=FULL} (one
 * WAL fsync per commit); none uses WAL with {@code synchronous=NORMAL} (the WAL is fsynced only
 * at checkpoints). {@code synchronous} is per connection, so {@link #connect} sets it each time.
 *
 * <p>SQLite admits one writer at a time. A connection that finds the database locked retries
 * for {@code busy_timeout} ms and then fails with SQLITE_BUSY; sqlite-jdbc's default of 3 s is
 * too short for 16 connections inserting at once (group-commit scenario), so {@link #connect}
 * sets {@value #BUSY_TIMEOUT_MILLIS} ms, as an application with several writers would: waiting
 * for the lock then shows as a low commit rate instead of a failed run. With one connection
 * it never waits.
 */
final class SqlitePeer extends Peer {

    private static final List<String> SYNCHRONOUS_NAMES = List.of("OFF", "NORMAL", "FULL", "EXTRA");
    private static final int BUSY_TIMEOUT_MILLIS = 60_000;
    private static final int SQLITE_BUSY = 5;

    private String url;
    private Durability durability;

    SqlitePeer() {
        super("sqlite");
    }

    @Override
    public void start(Path dataDir, Durability durability) {
        this.url = "jdbc:sqlite:" + dataDir.resolve("bench.db");
        this.durability = durability;
    }

    @Override
    public Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + BUSY_TIMEOUT_MILLIS);
            switch (durability) {
                case DEFAULT -> { }
                case FSYNC_PER_COMMIT -> {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=FULL");
                }
                case NONE -> {
                    s.execute("PRAGMA journal_mode=WAL");
                    s.execute("PRAGMA synchronous=NORMAL");
                }
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    @Override
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException {
        String journalMode;
        int synchronous;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                journalMode = rs.getString(1);
            }
            try (ResultSet rs = s.executeQuery("PRAGMA synchronous")) {
                rs.next();
                synchronous = rs.getInt(1);
            }
        }
        boolean wal = "wal".equalsIgnoreCase(journalMode);
        String meaning;
        boolean fsyncPerCommit;
        if (synchronous == 0) {
            meaning = "never fsynced";
            fsyncPerCommit = false;
        } else if (wal && synchronous == 1) {
            meaning = "WAL fsynced only at checkpoints, not per commit";
            fsyncPerCommit = false;
        } else if (wal) {
            meaning = "WAL fsynced at every commit";
            fsyncPerCommit = true;
        } else {
            meaning = "journal and database file fsynced at every commit";
            fsyncPerCommit = true;
        }
        String name = synchronous >= 0 && synchronous < SYNCHRONOUS_NAMES.size()
                ? SYNCHRONOUS_NAMES.get(synchronous) : String.valueOf(synchronous);
        boolean asRequested = switch (requested) {
            case DEFAULT -> true;
            case FSYNC_PER_COMMIT -> fsyncPerCommit;
            case NONE -> !fsyncPerCommit;
        };
        return new DurabilityInForce(
                "journal_mode=" + journalMode + ", synchronous=" + name + ": " + meaning, asRequested);
    }

    /**
     * {@code INTEGER PRIMARY KEY} makes the key SQLite's rowid (a 64-bit integer), so the table
     * is one B-tree as in the other peers. The standard {@code BIGINT PRIMARY KEY} would build
     * a rowid table plus a separate unique index, and every lookup would search both.
     */
    @Override
    public String createTable(String table, String idColumn, String otherColumns) {
        return "CREATE TABLE " + table + " (" + idColumn + " INTEGER PRIMARY KEY, " + otherColumns + ")";
    }

    /**
     * SQLite has no {@code SELECT ... FOR UPDATE}: it locks the whole database for writing, at a
     * transaction's first write.
     */
    @Override
    public boolean locksRowsForUpdate() {
        return false;
    }

    /**
     * SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT: a WAL reader's snapshot went stale
     * before it could write): sqlite-jdbc reports the primary code, 5, as the error code. It comes
     * after {@code busy_timeout} ran out, or at once where waiting could not help.
     */
    @Override
    public boolean isConflict(SQLException e) {
        return super.isConflict(e) || (e.getErrorCode() & 0xff) == SQLITE_BUSY;
    }
}
