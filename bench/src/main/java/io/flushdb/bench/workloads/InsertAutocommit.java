package io.flushdb.bench.workloads;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code insert-autocommit}: one {@code INSERT INTO t(id, k, v) VALUES (?, ?, ?)} per
 * transaction, through one {@code PreparedStatement} with autocommit on, ids in ascending
 * order (the sequence number) into an initially empty table.
 *
 * <p>Measures the cost of a commit more than anything: each operation is a whole transaction,
 * so the rate follows the peer's commit durability ({@code fsync} per commit or not) far more
 * than its insert path. Read it together with the durability each peer reports.
 */
public final class InsertAutocommit implements Workload {

    @Override
    public String name() {
        return "insert-autocommit";
    }

    @Override
    public String operation() {
        return "one INSERT INTO t(id, k, v) VALUES (?, ?, ?) per autocommit transaction, ascending ids";
    }

    @Override
    public void prepare(Peer peer, Connection connection, WorkloadSettings settings) throws SQLException {
        BenchTable.create(peer, connection);
    }

    @Override
    public Operation open(Connection connection, WorkloadSettings settings) throws SQLException {
        PreparedStatement insert = connection.prepareStatement(BenchTable.insertSql());
        return new Operation() {
            @Override
            public void execute(long sequence) throws SQLException {
                BenchTable.bindRow(insert, sequence);
                int count = insert.executeUpdate();
                if (count != 1) {
                    throw new SQLException("INSERT of id " + sequence + " reported " + count + " rows");
                }
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }

    /** Every inserted row is there, and the last one reads back intact. */
    @Override
    public void verify(Connection connection, WorkloadSettings settings) throws SQLException {
        long lastId = settings.totalOps() - 1;
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + BenchTable.NAME)) {
                rs.next();
                if (rs.getLong(1) != settings.totalOps()) {
                    throw new SQLException("expected " + settings.totalOps() + " rows after the run, found "
                            + rs.getLong(1));
                }
            }
            try (ResultSet rs =
                    s.executeQuery("SELECT k, v FROM " + BenchTable.NAME + " WHERE id = " + lastId)) {
                if (!rs.next() || rs.getInt(1) != BenchTable.k(lastId)
                        || !BenchTable.v(lastId).equals(rs.getString(2))) {
                    throw new SQLException("row " + lastId + " does not read back as inserted");
                }
            }
        }
    }
}
