package io.flushdb.bench.workloads;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * {@code point-select}: {@code SELECT k, v FROM t WHERE id = ?} for uniformly random existing
 * ids, through one {@code PreparedStatement}, reading both columns and checking them.
 *
 * <p>{@link #prepare} loads {@code rows} rows in batched transactions (not timed). Measures the
 * per-statement path (bind, plan reuse, primary-key lookup, result set) with a data set that
 * fits in memory: at the default 100,000 rows the table is a few MB.
 */
public final class PointSelect implements Workload {

    @Override
    public String name() {
        return "point-select";
    }

    @Override
    public String operation() {
        return "one SELECT k, v FROM t WHERE id = ? for a random existing id, autocommit on";
    }

    @Override
    public void prepare(Peer peer, Connection connection, WorkloadSettings settings) throws SQLException {
        BenchTable.create(peer, connection);
        BenchTable.load(connection, settings.rows());
    }

    @Override
    public Operation open(Connection connection, WorkloadSettings settings) throws SQLException {
        PreparedStatement select =
                connection.prepareStatement("SELECT k, v FROM " + BenchTable.NAME + " WHERE id = ?");
        SplittableRandom random = new SplittableRandom(settings.seed());
        int rows = settings.rows();
        return new Operation() {
            @Override
            public void execute(long sequence) throws SQLException {
                long id = random.nextInt(rows);
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new SQLException("row " + id + " not found");
                    }
                    int k = rs.getInt(1);
                    String v = rs.getString(2);
                    if (k != BenchTable.k(id) || !BenchTable.v(id).equals(v)) {
                        throw new SQLException("row " + id + " read back as (" + k + ", " + v + ")");
                    }
                }
            }

            @Override
            public void close() throws SQLException {
                select.close();
            }
        };
    }
}
