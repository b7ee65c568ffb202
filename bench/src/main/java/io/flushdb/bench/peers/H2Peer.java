package io.flushdb.bench.peers;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * H2 in file mode (MVStore): {@code jdbc:h2:file:<dir>/bench}.
 *
 * <p>H2 never fsyncs at commit: committed changes are written to the file by a background
 * thread within {@code WRITE_DELAY} ms (500 by default) and forced only when the store is
 * closed. With {@code WRITE_DELAY=0} each commit is written to the OS at once, but still not
 * forced, so fsync-per-commit is reported as not met. H2's own docs say the same about its
 * durability ("does not guarantee" that committed transactions survive a power failure).
 */
final class H2Peer extends Peer {

    private String url;

    H2Peer() {
        super("h2");
    }

    @Override
    public void start(Path dataDir, Durability durability) {
        String settings = switch (durability) {
            case DEFAULT, NONE -> "";
            // The strongest H2 offers: write each commit out at once (still no fsync).
            case FSYNC_PER_COMMIT -> ";WRITE_DELAY=0";
        };
        url = "jdbc:h2:file:" + dataDir.resolve("bench") + settings;
    }

    @Override
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, "sa", "");
    }

    @Override
    public DurabilityInForce durabilityInForce(Connection connection, Durability requested)
            throws SQLException {
        String writeDelay = firstValue(connection, "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                + " WHERE SETTING_NAME = 'WRITE_DELAY'");
        String meaning = "0".equals(writeDelay)
                ? "each commit written to the OS at once, never fsynced per commit"
                : "commits written by a background thread within " + writeDelay
                        + " ms, never fsynced per commit";
        return new DurabilityInForce("WRITE_DELAY=" + writeDelay + ": " + meaning,
                requested != Durability.FSYNC_PER_COMMIT);
    }

    /**
     * Besides SQLSTATE class 40 (a deadlock is 40001): a lock wait timeout (50200, LOCK_TIMEOUT_1,
     * SQLSTATE HYT00) and, under REPEATABLE READ, a row changed by a transaction that committed
     * after this one's snapshot (90131, CONCURRENT_UPDATE_1).
     */
    @Override
    public boolean isConflict(SQLException e) {
        return super.isConflict(e) || e.getErrorCode() == 50200 || e.getErrorCode() == 90131;
    }
}
