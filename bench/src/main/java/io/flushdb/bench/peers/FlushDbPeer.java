package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * FlushDB in file mode: {@code jdbc:flushdb:<datadir>}, found through plain
 * {@link DriverManager} like any application would find it.
 *
 * <p>Durability: FlushDB has no redo log yet (it comes with the durability issue), so a commit
 * is not made durable at all: committed changes reach the data files when pages are evicted or
 * at a clean close. Every run is therefore reported as "no durability", whatever was asked;
 * when the redo log lands this maps onto {@code innodb_flush_log_at_trx_commit} like MariaDB's.
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
        // A MySQL-style server has no default database: name one, as a JDBC URL to MySQL would.
        url = "jdbc:flushdb:" + dataDir + "?database=bench&createDatabaseIfNotExist=true";
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
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested) {
        return new DurabilityInForce("no redo log yet: commits are not durable (a clean close writes every page)",
                requested == Durability.NONE);
    }

    @Override
    public String createTable(String table, String idColumn, String otherColumns) {
        return super.createTable(table, idColumn, otherColumns) + " ENGINE=InnoDB";
    }
}
