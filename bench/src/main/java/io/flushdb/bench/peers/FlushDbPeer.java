package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;

/**
 * FlushDB in file mode: {@code jdbc:flushdb:<datadir>}, found through plain
 * {@link DriverManager} like any application would find it.
 *
 * <p>Durability maps onto {@code innodb_flush_log_at_trx_commit}, as for MariaDB, through the
 * URL (which sets the variable's starting value, so every session inherits it): default leaves
 * it as shipped (1), fsync-per-commit sets 1 (redo written and fsynced at every commit, one
 * fsync serving every commit of a group-commit pass), none sets 2 (redo written at commit,
 * fsynced about once a second). The read-back is the session value, which governs a session's
 * commits, and the global one.
 */
final class FlushDbPeer extends Peer {

    /**
     * Loaded by name when present, in case the driver jar lacks its service entry; when it is
     * absent {@link DriverManager} reports "No suitable driver", which the run reports.
     */
    private static final String DRIVER_CLASS = "io.flushdb.driver.jdbc.JdbcDriver";

    private String url;

    FlushDbPeer() {
        super(Peers.FLUSHDB);
    }

    @Override
    public void start(Path dataDir, Durability durability) {
        start(dataDir, durability, Map.of());
    }

    /**
     * With startup settings: system variables given in the URL as their starting values (for
     * example {@code innodb_buffer_pool_size=16M}); durability sets
     * {@code innodb_flush_log_at_trx_commit}, which the settings must therefore not name.
     */
    @Override
    public void start(Path dataDir, Durability durability, Map<String, String> startupSettings) {
        StringBuilder settings = new StringBuilder(switch (durability) {
            case DEFAULT -> "";
            case FSYNC_PER_COMMIT -> "&innodb_flush_log_at_trx_commit=1";
            case NONE -> "&innodb_flush_log_at_trx_commit=2";
        });
        for (Map.Entry<String, String> e : startupSettings.entrySet()) {
            if (e.getKey().equalsIgnoreCase("innodb_flush_log_at_trx_commit") && durability != Durability.DEFAULT) {
                throw new IllegalArgumentException("innodb_flush_log_at_trx_commit is set by the durability ("
                        + durability.optionName() + "), not as a startup setting");
            }
            settings.append('&').append(e.getKey()).append('=').append(e.getValue());
        }
        // A MySQL-style server has no default database: name one, as a JDBC URL to MySQL would.
        url = "jdbc:flushdb:" + dataDir + "?database=bench&createDatabaseIfNotExist=true" + settings;
    }

    @Override
    public Connection connect() throws SQLException {
        try {
            Class.forName(DRIVER_CLASS);
        } catch (ClassNotFoundException e) {
            // Not built yet or not on the class path: DriverManager says so below.
        }
        return DriverManager.getConnection(url);
    }

    @Override
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException {
        int session;
        int global;
        String doublewrite;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@session.innodb_flush_log_at_trx_commit,"
                        + " @@global.innodb_flush_log_at_trx_commit, @@innodb_doublewrite")) {
            rs.next();
            session = rs.getInt(1);
            global = rs.getInt(2);
            doublewrite = rs.getString(3);
        }
        String meaning = switch (session) {
            case 1 -> "redo written and fsynced at every commit (group commit)";
            case 2 -> "redo written at commit, fsynced about once a second";
            default -> "redo written and fsynced about once a second";
        };
        boolean asRequested = switch (requested) {
            case DEFAULT -> true;
            case FSYNC_PER_COMMIT -> session == 1 && global == 1;
            case NONE -> session != 1 && global != 1;
        };
        return new DurabilityInForce("innodb_flush_log_at_trx_commit=" + session
                + (global == session ? "" : " (global " + global + ")") + ": " + meaning
                + "; innodb_doublewrite=" + doublewrite, asRequested);
    }

    /** The redo log's fsync count ({@code Innodb_os_log_fsyncs}): one per group-commit pass. */
    @Override
    public OptionalLong logFsyncs(Connection connection) throws SQLException {
        return globalStatus(connection, "Innodb_os_log_fsyncs");
    }

    /** Deadlocks (1213), lock wait timeouts (1205) and SQLSTATE class 40. */
    @Override
    public boolean isConflict(SQLException e) {
        return isMySqlConflict(e);
    }

    @Override
    public String createTable(String table, String idColumn, String otherColumns) {
        return super.createTable(table, idColumn, otherColumns) + " ENGINE=InnoDB";
    }
}
