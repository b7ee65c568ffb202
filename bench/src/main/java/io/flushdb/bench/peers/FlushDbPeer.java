package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * FlushDB in file mode: {@code jdbc:flushdb:<datadir>}, found through plain
 * {@link DriverManager} like any application would find it.
 *
 * <p>Durability maps onto {@code innodb_flush_log_at_trx_commit} passed as a URL startup
 * property: 1 for fsync-per-commit, 2 (redo written at commit, fsynced about once a second)
 * for none, nothing for default.
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
        String settings = switch (durability) {
            case DEFAULT -> "";
            case FSYNC_PER_COMMIT -> "?innodb_flush_log_at_trx_commit=1";
            case NONE -> "?innodb_flush_log_at_trx_commit=2";
        };
        url = "jdbc:flushdb:" + dataDir + settings;
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
        int flushLogAtTrxCommit;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT @@innodb_flush_log_at_trx_commit")) {
            rs.next();
            flushLogAtTrxCommit = rs.getInt(1);
        }
        String meaning = switch (flushLogAtTrxCommit) {
            case 1 -> "redo fsynced at every commit (group commit)";
            case 2 -> "redo written at commit, fsynced about once a second";
            case 0 -> "redo written and fsynced about once a second";
            default -> "unexpected value";
        };
        boolean asRequested = switch (requested) {
            case DEFAULT -> true;
            case FSYNC_PER_COMMIT -> flushLogAtTrxCommit == 1;
            case NONE -> flushLogAtTrxCommit != 1;
        };
        return new DurabilityInForce(
                "innodb_flush_log_at_trx_commit=" + flushLogAtTrxCommit + ": " + meaning, asRequested);
    }

    @Override
    public String createTable(String table, String idColumn, String otherColumns) {
        return super.createTable(table, idColumn, otherColumns) + " ENGINE=InnoDB";
    }
}
