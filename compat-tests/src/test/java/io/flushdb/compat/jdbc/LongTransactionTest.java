package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction too large for the redo log (whose undo, in this version, lives in the redo) gets
 * MySQL's "table is full" error 1114 instead of stalling every writer; the failed statement
 * changes nothing, the transaction rolls back, and the database takes writes again.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LongTransactionTest {
    @TempDir
    Path dir;

    @Test
    void aTransactionThatOutgrowsTheRedoLogFailsWith1114AndRollsBack() throws SQLException {
        try (Connection c = TestDatabase.open(dir, "innodb_redo_log_capacity=8M")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(200), KEY v (v))");
                s.execute("INSERT INTO t VALUES (-1, 'committed before')");
            }
            c.setAutoCommit(false);
            SQLException full = null;
            long id = 0;
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                while (full == null && id < 1_000_000) {
                    ins.setLong(1, id);
                    ins.setString(2, "row " + id + " ".repeat(100) + id);
                    try {
                        ins.executeUpdate();
                        id++;
                    } catch (SQLException e) {
                        full = e;
                    }
                }
            }
            assertTrue(full != null, "no error after " + id + " rows");
            assertEquals(1114, full.getErrorCode(), full.getMessage());
            assertEquals("HY000", full.getSQLState());
            assertTrue(full.getMessage().contains("innodb_redo_log_capacity"), full.getMessage());
            assertTrue(id > 1000, "many rows fit first: " + id);
            // The failed statement changed nothing: the transaction still sees exactly its rows.
            assertEquals(id + 1, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(1, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
            try (Statement s = c.createStatement()) {
                for (int k = 0; k < 50; k++) {
                    s.execute("INSERT INTO t VALUES (" + (10_000_000 + k) + ", 'after')");
                }
            }
            assertEquals(51, TestDatabase.queryLong(c, "SELECT COUNT(*) FROM t"));
        }
    }
}
