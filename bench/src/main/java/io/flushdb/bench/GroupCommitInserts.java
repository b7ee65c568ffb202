package io.flushdb.bench;

import io.flushdb.bench.peers.Peer;
import io.flushdb.bench.workloads.BenchTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The group-commit scenario's workload: {@code c(id BIGINT PRIMARY KEY, v INT)}, and each step
 * one {@value #INSERT} in autocommit, with ids from one counter shared by every thread of every
 * phase, so they ascend across threads as with AUTO_INCREMENT. Afterwards the table must hold
 * exactly the rows inserted, and the last one must read back as written.
 */
final class GroupCommitInserts implements ConcurrentWorkload {

    static final String TABLE = "c";
    static final String INSERT = "INSERT INTO " + TABLE + " VALUES (?, ?)";
    static final String OPERATION = INSERT + ", one per autocommit transaction; N threads, each on its"
            + " own connection, distinct ids from one ascending counter";

    private final AtomicLong nextId = new AtomicLong();

    @Override
    public String name() {
        return BenchOptions.GROUP_COMMIT;
    }

    @Override
    public String operation() {
        return OPERATION;
    }

    @Override
    public String setUp(Peer peer, Connection admin) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute(peer.createTable(TABLE, "id", "v INT"));
        }
        return "";
    }

    @Override
    public Client client(Peer peer, Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        PreparedStatement insert = connection.prepareStatement(INSERT);
        return new Client() {
            @Override
            public void step(Tally tally) throws SQLException {
                long id = nextId.getAndIncrement();
                insert.setLong(1, id);
                insert.setInt(2, BenchTable.k(id));
                StatementLoop.expectOneRow(insert.executeUpdate(), "INSERT", id);
                tally.committed();
            }

            @Override
            public void close() throws SQLException {
                insert.close();
            }
        };
    }

    /** Every inserted row is there, and the last one reads back as written. */
    @Override
    public void verify(Connection admin) throws SQLException {
        long rows = nextId.get();
        try (Statement s = admin.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                if (rs.getLong(1) != rows) {
                    throw new SQLException("expected " + rows + " rows after the run, found " + rs.getLong(1));
                }
            }
            long last = rows - 1;
            try (ResultSet rs = s.executeQuery("SELECT v FROM " + TABLE + " WHERE id = " + last)) {
                if (!rs.next() || rs.getInt(1) != BenchTable.k(last)) {
                    throw new SQLException("row " + last + " does not read back as inserted");
                }
            }
        }
    }
}
