package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction that writes several times more redo than the redo log holds: its undo lives in undo
 * pages, which the checkpoint covers like any page, so an open transaction no longer holds the
 * checkpoint back. It rolls back whole, and the same work then commits whole.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongTransactionTest {
    private static final int ROWS = 60_000; // about 25 MB of redo against an 8 MB log

    @TempDir
    Path dir;

    @Test
    void aTransactionLargerThanTheRedoLogRollsBackAndCommitsWhole() throws SQLException {
        try (Connection c = TestDatabase.open(dir, "innodb_redo_log_capacity=8M")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(200), KEY v (v))");
                s.execute("INSERT INTO t VALUES (-1, 'committed before')");
            }
            c.setAutoCommit(false);
            insert(c);
            assertEquals(ROWS + 1, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
            c.rollback();
            assertEquals(1, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
            insert(c);
            c.commit();
            c.setAutoCommit(true);
            assertEquals(ROWS + 1, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
        }
    }

    private static void insert(Connection c) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
            for (int id = 0; id < ROWS; id++) {
                ins.setLong(1, id);
                ins.setString(2, "row " + id + " ".repeat(100) + id);
                ins.addBatch();
                if (id % 500 == 499) {
                    ins.executeBatch();
                }
            }
            ins.executeBatch();
        }
    }
}
