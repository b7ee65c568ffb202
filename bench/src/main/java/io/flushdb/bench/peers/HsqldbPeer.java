package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * HSQLDB in file mode with CACHED (disk-based) tables: {@code jdbc:hsqldb:file:<dir>/bench}.
 * {@code shutdown=true} closes the database when the last connection closes.
 *
 * <p>Durability: by default HSQLDB fsyncs its log every {@code hsqldb.write_delay_millis}
 * (500 ms), not at commit; fsync-per-commit sets {@code hsqldb.write_delay=false}; none keeps
 * the default. The cache limits are reported too: a CACHED table larger than the row cache is
 * read from its file.
 */
final class HsqldbPeer extends Peer {

    private String url;

    HsqldbPeer() {
        super("hsqldb");
    }

    @Override
    public void start(Path dataDir, Durability durability) {
        String settings = switch (durability) {
            case DEFAULT, NONE -> "";
            case FSYNC_PER_COMMIT -> ";hsqldb.write_delay=false";
        };
        url = "jdbc:hsqldb:file:" + dataDir.resolve("bench") + ";shutdown=true" + settings;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "SA", "");
    }

    @Override
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException {
        Map<String, String> p = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT PROPERTY_NAME, PROPERTY_VALUE"
                        + " FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES WHERE PROPERTY_NAME IN"
                        + " ('hsqldb.write_delay', 'hsqldb.write_delay_millis',"
                        + " 'hsqldb.cache_rows', 'hsqldb.cache_size')")) {
            while (rs.next()) {
                p.put(rs.getString(1), rs.getString(2));
            }
        }
        boolean delayed = !"false".equalsIgnoreCase(p.get("hsqldb.write_delay"));
        String millis = p.getOrDefault("hsqldb.write_delay_millis", "?");
        String durability = delayed
                ? "write_delay=true, write_delay_millis=" + millis + ": log fsynced every " + millis
                        + " ms, not per commit"
                : "write_delay=false: log fsynced at every commit";
        String cache = "; CACHED tables, cache_rows=" + p.getOrDefault("hsqldb.cache_rows", "?")
                + ", cache_size=" + p.getOrDefault("hsqldb.cache_size", "?") + " KB";
        boolean asRequested = switch (requested) {
            case DEFAULT -> true;
            case FSYNC_PER_COMMIT -> !delayed;
            case NONE -> delayed;
        };
        return new DurabilityInForce(durability + cache, asRequested);
    }

    /** Without CACHED, HSQLDB keeps a file database's tables wholly in memory (MEMORY tables). */
    @Override
    public String createTable(String table, String idColumn, String otherColumns) {
        return "CREATE CACHED TABLE " + table + " (" + idColumn + " BIGINT NOT NULL PRIMARY KEY, "
                + otherColumns + ")";
    }

    /**
     * HSQLDB as shipped runs {@code hsqldb.tx=LOCKS}: two-phase locking with table locks, in
     * which REPEATABLE READ runs as SERIALIZABLE although JDBC reports the level it was set to.
     * {@code ISOLATION_LEVEL()} tells the level in force.
     */
    @Override
    public String isolationInForce(Connection connection) throws SQLException {
        String tx = firstValue(connection, "SELECT PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
                + " WHERE PROPERTY_NAME = 'hsqldb.tx'");
        String level = firstValue(connection, "VALUES (ISOLATION_LEVEL())");
        return level + " (hsqldb.tx=" + tx + ("LOCKS".equalsIgnoreCase(tx) ? ": table locks" : "") + ")";
    }
}
