package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row locks, as InnoDB takes them, seen through JDBC by two connections to one data directory:
 * writers of different rows do not wait for each other, a row another transaction changed or
 * locked is waited for (1205 after innodb_lock_wait_timeout, here 1 s), REPEATABLE READ locking
 * reads lock gaps against inserts, NOWAIT and SKIP LOCKED, a duplicate key waits for the
 * transaction that holds it, and a deadlock rolls its victim back (1213).
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RowLockTest {
    @TempDir
    Path dir;

    private Connection a;
    private Connection b;
    private ExecutorService background;

    @BeforeEach
    void open() throws SQLException {
        a = TestDatabase.open(dir);
        b = TestDatabase.open(dir);
        exec(a, "CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(20), balance INT, KEY owner (owner))");
        exec(a, "INSERT INTO acct VALUES (10, 'ann', 100), (20, 'bob', 200), (30, 'cy', 300)");
        for (Connection c : List.of(a, b)) {
            exec(c, "SET SESSION innodb_lock_wait_timeout = 1");
        }
        background = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void close() throws SQLException {
        background.shutdownNow();
        b.close();
        a.close();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int errorOf(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> exec(c, sql), sql);
        return e.getErrorCode();
    }

    /** Until information_schema.INNODB_TRX shows a transaction in LOCK WAIT (asked through {@code observer}). */
    private static void awaitLockWait(Connection observer) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (TestDatabase.queryLong(observer,
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'") == 0) {
            assertTrue(System.nanoTime() < deadline, "no transaction started waiting");
            Thread.yield(); // each look is a query: the waiting session gets the cores it needs
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        return TestDatabase.queryRows(c, sql);
    }

    @Test
    void writersOfDifferentRowsDoNotWaitForEachOther() throws SQLException {
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        exec(a, "UPDATE acct SET balance = 1 WHERE id = 10");
        exec(b, "UPDATE acct SET balance = 2 WHERE id = 20");
        exec(b, "INSERT INTO acct VALUES (40, 'dee', 400)");
        b.commit();
        a.commit();
        assertEquals(List.of(List.of("10", "1"), List.of("20", "2"), List.of("30", "300"), List.of("40", "400")),
                rows(a, "SELECT id, balance FROM acct ORDER BY id"));
    }

    @Test
    void aRowAnotherTransactionChangedIsWaitedFor() throws SQLException {
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        exec(a, "UPDATE acct SET balance = 1 WHERE id = 10");
        assertEquals(1205, errorOf(b, "UPDATE acct SET balance = 2 WHERE id = 10"));
        assertEquals(1205, errorOf(b, "DELETE FROM acct WHERE owner = 'ann'"));
        assertEquals(1205, errorOf(b, "SELECT * FROM acct WHERE id = 10 FOR SHARE"));
        // The timed-out statements are rolled back, the transaction goes on.
        exec(b, "UPDATE acct SET balance = 2 WHERE id = 20");
        assertEquals(List.of(List.of("100")), rows(b, "SELECT balance FROM acct WHERE id = 10"), "plain reads do not wait");
        b.commit();
        a.commit();
        assertEquals(List.of(List.of("10", "1"), List.of("20", "2"), List.of("30", "300")),
                rows(a, "SELECT id, balance FROM acct ORDER BY id"));
    }

    /** SELECT ... FOR UPDATE prevents a lost update: the second reader waits and reads the first one's result. */
    @Test
    void selectForUpdatePreventsALostUpdate() throws Exception {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 20");
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        assertEquals("100", rows(a, "SELECT balance FROM acct WHERE id = 10 FOR UPDATE").get(0).get(0));
        Future<String> second = background.submit(() -> {
            String seen = rows(b, "SELECT balance FROM acct WHERE id = 10 FOR UPDATE").get(0).get(0);
            exec(b, "UPDATE acct SET balance = " + (Integer.parseInt(seen) + 10) + " WHERE id = 10");
            b.commit();
            return seen;
        });
        exec(a, "UPDATE acct SET balance = 110 WHERE id = 10");
        a.commit();
        assertEquals("110", second.get(20, TimeUnit.SECONDS), "the second locking read saw the first commit");
        assertEquals(List.of(List.of("120")), rows(a, "SELECT balance FROM acct WHERE id = 10"));
    }

    /** REPEATABLE READ: a locking range read locks the gaps in its range, so no row can appear there. */
    @Test
    void aLockingRangeReadBlocksInsertsIntoItsGaps() throws SQLException {
        exec(a, "INSERT INTO acct VALUES (1, 'first', 0)");
        a.setAutoCommit(false);
        assertEquals(2, rows(a, "SELECT id FROM acct WHERE id BETWEEN 10 AND 20 FOR UPDATE").size());
        assertEquals(1205, errorOf(b, "INSERT INTO acct VALUES (15, 'phantom', 0)"));
        // The range starts at an existing key: InnoDB locks that record without the gap before it.
        exec(b, "INSERT INTO acct VALUES (5, 'before', 0)");
        exec(b, "INSERT INTO acct VALUES (35, 'outside', 0)");
        assertEquals(2, rows(a, "SELECT id FROM acct WHERE id BETWEEN 10 AND 20 FOR UPDATE").size(), "no phantom");
        a.commit();
        exec(b, "INSERT INTO acct VALUES (15, 'now', 0)");

        a.setAutoCommit(false);
        assertEquals(1, rows(a, "SELECT id FROM acct WHERE id BETWEEN 6 AND 10 FOR UPDATE").size());
        assertEquals(1205, errorOf(b, "INSERT INTO acct VALUES (7, 'phantom', 0)"),
                "a range that starts between keys locks the gap before its first record");
        a.commit();
    }

    /** READ COMMITTED: locking reads lock records only, so inserts into the range go through. */
    @Test
    void readCommittedLocksNoGaps() throws SQLException {
        exec(a, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        a.setAutoCommit(false);
        assertEquals(2, rows(a, "SELECT id FROM acct WHERE id BETWEEN 10 AND 20 FOR UPDATE").size());
        exec(b, "INSERT INTO acct VALUES (15, 'allowed', 0)");
        assertEquals(1205, errorOf(b, "UPDATE acct SET balance = 0 WHERE id = 20"), "the records are locked");
        assertEquals(3, rows(a, "SELECT id FROM acct WHERE id BETWEEN 10 AND 20 FOR UPDATE").size());
        a.commit();
    }

    /** A unique lookup that finds its row locks that row alone: the gaps beside it stay open, after the last row too. */
    @Test
    void aUniqueLookupLocksOnlyItsRow() throws SQLException {
        a.setAutoCommit(false);
        exec(a, "UPDATE acct SET balance = 0 WHERE id = 20");
        exec(a, "UPDATE acct SET balance = 0 WHERE id = 30");
        exec(b, "INSERT INTO acct VALUES (15, 'before', 0)");
        exec(b, "INSERT INTO acct VALUES (25, 'after', 0)");
        exec(b, "INSERT INTO acct VALUES (35, 'after the last', 0)");
        a.commit();
    }

    /** LOCK IN SHARE MODE, MySQL's older spelling of FOR SHARE: shared locks that block writers, not other sharers. */
    @Test
    void lockInShareModeTakesSharedLocks() throws SQLException {
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        assertEquals(List.of(List.of("200")), rows(a, "SELECT balance FROM acct WHERE id = 20 LOCK IN SHARE MODE"));
        assertEquals(List.of(List.of("200")), rows(b, "SELECT balance FROM acct WHERE id = 20 lock in share mode;"));
        assertEquals(1205, errorOf(b, "UPDATE acct SET balance = 0 WHERE id = 20"));
        a.commit();
        b.commit();
    }

    /** Row lock waits show in SHOW GLOBAL STATUS (Innodb_row_lock_waits, _time, _current_waits). */
    @Test
    void rowLockWaitsAreCounted() throws SQLException {
        long before = Long.parseLong(rows(a, "SHOW GLOBAL STATUS LIKE 'Innodb_row_lock_waits'").get(0).get(1));
        a.setAutoCommit(false);
        exec(a, "UPDATE acct SET balance = 1 WHERE id = 10");
        assertEquals(1205, errorOf(b, "UPDATE acct SET balance = 2 WHERE id = 10"));
        long aConnection = TestDatabase.queryLong(a, "SELECT CONNECTION_ID()");
        assertEquals(List.of(List.of("RUNNING", String.valueOf(aConnection), "1", "REPEATABLE READ")),
                rows(b, "SELECT trx_state, trx_mysql_thread_id, trx_rows_modified, trx_isolation_level "
                        + "FROM information_schema.INNODB_TRX"));
        assertTrue(TestDatabase.queryLong(b, "SELECT trx_rows_locked FROM information_schema.INNODB_TRX") >= 1);
        String engineStatus = rows(b, "SHOW ENGINE INNODB STATUS").get(0).get(2);
        assertTrue(engineStatus.matches("(?s).*\\d+ lock struct\\(s\\), heap size 0, [1-9]\\d* row lock\\(s\\), undo log entries 1.*"),
                engineStatus);
        a.commit();
        List<List<String>> status = rows(b, "SHOW GLOBAL STATUS LIKE 'Innodb_row_lock%'");
        assertEquals(List.of("Innodb_row_lock_current_waits", "Innodb_row_lock_time", "Innodb_row_lock_time_avg",
                "Innodb_row_lock_time_max", "Innodb_row_lock_waits"), status.stream().map(r -> r.get(0)).toList());
        assertEquals(String.valueOf(before + 1), status.get(4).get(1));
        assertEquals("0", status.get(0).get(1));
        assertTrue(Long.parseLong(status.get(3).get(1)) >= 900, "the longest wait is the 1 s timeout: " + status);
    }

    @Test
    void nowaitFailsAtOnceAndSkipLockedLeavesLockedRowsOut() throws SQLException {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 30");
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        rows(a, "SELECT * FROM acct WHERE id = 20 FOR UPDATE");
        long start = System.nanoTime();
        assertEquals(3572, errorOf(b, "SELECT * FROM acct WHERE id = 20 FOR UPDATE NOWAIT"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10), "NOWAIT does not wait");
        assertEquals(List.of(List.of("10"), List.of("30")), rows(b, "SELECT id FROM acct ORDER BY id FOR UPDATE SKIP LOCKED"));
        b.commit();
        a.commit();
    }

    /** An insert of a key another transaction inserted and has not committed waits for it: its rollback frees the key. */
    @Test
    void aDuplicateKeyWaitsForTheTransactionThatHoldsIt() throws Exception {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 20");
        a.setAutoCommit(false);
        exec(a, "INSERT INTO acct VALUES (50, 'first', 1)");
        Future<?> insert = background.submit(() -> {
            exec(b, "INSERT INTO acct VALUES (50, 'second', 2)");
            return null;
        });
        a.rollback();
        insert.get(20, TimeUnit.SECONDS);
        assertEquals(List.of(List.of("second")), rows(a, "SELECT owner FROM acct WHERE id = 50"));

        exec(a, "DELETE FROM acct WHERE id = 50");
        exec(a, "INSERT INTO acct VALUES (60, 'held', 1)");
        Future<?> again = background.submit(() -> {
            exec(b, "INSERT INTO acct VALUES (60, 'late', 2)");
            return null;
        });
        a.commit();
        Exception e = assertThrows(Exception.class, () -> again.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SQLException s && s.getErrorCode() == 1062, String.valueOf(e.getCause()));
    }

    /** A key whose row another transaction deleted and has not committed cannot be inserted again before it ends. */
    @Test
    void anInsertOfAKeyDeletedByAnOpenTransactionWaits() throws SQLException {
        a.setAutoCommit(false);
        exec(a, "DELETE FROM acct WHERE id = 30");
        assertEquals(1205, errorOf(b, "INSERT INTO acct VALUES (30, 'again', 0)"));
        a.commit();
        exec(b, "INSERT INTO acct VALUES (30, 'again', 0)");
        assertEquals(List.of(List.of("again")), rows(b, "SELECT owner FROM acct WHERE id = 30"));
    }

    /**
     * A unique value whose row an open transaction deleted is not free yet: an insert of it waits,
     * and fails with 1062 once that transaction rolls back (its row is back).
     */
    @Test
    void aUniqueValueDeletedByAnOpenTransactionIsNotFreeYet() throws SQLException {
        exec(a, "CREATE TABLE person (id INT PRIMARY KEY, email VARCHAR(40), UNIQUE KEY email (email))");
        exec(a, "INSERT INTO person VALUES (1, 'x@example.com'), (2, 'y@example.com')");
        a.setAutoCommit(false);
        exec(a, "DELETE FROM person WHERE id = 1");
        assertEquals(1205, errorOf(b, "INSERT INTO person VALUES (3, 'x@example.com')"));
        a.rollback();
        assertEquals(1062, errorOf(b, "INSERT INTO person VALUES (3, 'x@example.com')"));
        exec(a, "DELETE FROM person WHERE id = 1");
        a.commit();
        exec(b, "INSERT INTO person VALUES (3, 'x@example.com')");
        assertEquals(List.of(List.of("2"), List.of("3")), rows(b, "SELECT id FROM person ORDER BY id"));
    }

    /** A locking read through a secondary index waits for a row whose indexed value an open transaction changed. */
    @Test
    void aLockingReadThroughAnIndexWaitsForAChangedValue() throws SQLException {
        a.setAutoCommit(false);
        exec(a, "UPDATE acct SET owner = 'zed' WHERE id = 10");
        assertEquals(1205, errorOf(b, "UPDATE acct SET balance = 0 WHERE owner = 'ann'"));
        a.rollback();
        exec(b, "UPDATE acct SET balance = 0 WHERE owner = 'ann'");
        assertEquals(List.of(List.of("0")), rows(b, "SELECT balance FROM acct WHERE id = 10"));
    }

    /**
     * A locking read that waited for a row an open transaction inserted, which then rolled back,
     * keeps the gap where the row was: another insert there waits (the removed row's lock passes
     * to the next record, as InnoDB's lock inheritance).
     */
    @Test
    void aLockOnARolledBackInsertKeepsItsGap() throws Exception {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 20");
        a.setAutoCommit(false);
        b.setAutoCommit(false);
        exec(a, "INSERT INTO acct VALUES (15, 'new', 0)");
        Future<List<List<String>>> read = background.submit(() -> rows(b, "SELECT id FROM acct WHERE id = 15 FOR UPDATE"));
        // The read waits for a's insert; a's rollback removes the row it waits on.
        awaitLockWait(a);
        a.rollback();
        assertEquals(List.of(), read.get(20, TimeUnit.SECONDS));
        assertEquals(1205, errorOf(a, "INSERT INTO acct VALUES (15, 'again', 0)"), "the gap is still b's");
        b.commit();
        exec(a, "INSERT INTO acct VALUES (15, 'again', 0)");
        a.commit();
    }

    /**
     * performance_schema.data_locks lists every table and record lock with its status, and
     * data_lock_waits pairs the waiting request with the lock that blocks it; THREAD_ID is the
     * session's connection id.
     */
    @Test
    void dataLocksShowHeldAndWaitingLocks() throws Exception {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 20");
        String db = rows(a, "SELECT DATABASE()").get(0).get(0);
        long bThread = TestDatabase.queryLong(b, "SELECT CONNECTION_ID()");
        a.setAutoCommit(false);
        assertEquals(List.of(List.of("20")), rows(a, "SELECT id FROM acct WHERE id = 20 FOR UPDATE"));
        Future<?> update = background.submit(() -> {
            exec(b, "UPDATE acct SET balance = 1 WHERE id = 20");
            return null;
        });
        awaitLockWait(a);
        List<List<String>> locks = rows(a, "SELECT OBJECT_SCHEMA, OBJECT_NAME, INDEX_NAME, LOCK_TYPE, LOCK_MODE,"
                + " LOCK_STATUS, LOCK_DATA FROM performance_schema.data_locks ORDER BY OBJECT_INSTANCE_BEGIN");
        assertEquals(List.of(
                Arrays.asList(db, "acct", null, "TABLE", "IX", "GRANTED", null),
                Arrays.asList(db, "acct", "PRIMARY", "RECORD", "X,REC_NOT_GAP", "GRANTED", "20"),
                Arrays.asList(db, "acct", null, "TABLE", "IX", "GRANTED", null),
                Arrays.asList(db, "acct", "PRIMARY", "RECORD", "X,REC_NOT_GAP", "WAITING", "20")), locks);
        assertEquals(List.of(List.of("WAITING", "GRANTED", Long.toString(bThread), "true")), rows(a,
                "SELECT r.LOCK_STATUS, h.LOCK_STATUS, w.REQUESTING_THREAD_ID,"
                        + " IF(w.BLOCKING_ENGINE_TRANSACTION_ID = h.ENGINE_TRANSACTION_ID, 'true', 'false')"
                        + " FROM performance_schema.data_lock_waits w"
                        + " JOIN performance_schema.data_locks r ON r.ENGINE_LOCK_ID = w.REQUESTING_ENGINE_LOCK_ID"
                        + " JOIN performance_schema.data_locks h ON h.ENGINE_LOCK_ID = w.BLOCKING_ENGINE_LOCK_ID"));
        a.commit();
        update.get(20, TimeUnit.SECONDS);
        assertEquals(List.of(), rows(a, "SELECT * FROM performance_schema.data_lock_waits"));
        assertEquals(List.of(List.of("data_lock_waits"), List.of("data_locks")),
                rows(a, "SHOW TABLES FROM performance_schema"));
        assertEquals(1044, errorOf(a, "DELETE FROM performance_schema.data_locks"));
        assertEquals(1007, errorOf(a, "CREATE DATABASE performance_schema"));
        try (Statement st = a.createStatement(); var rs = st.executeQuery("SELECT lock_mode FROM performance_schema.data_locks")) {
            assertEquals("lock_mode", rs.getMetaData().getColumnLabel(1), "a base table's column is labelled as written");
        }
        assertEquals(1146, errorOf(a, "SELECT * FROM performance_schema.threads"));
    }

    /**
     * A range that starts at an existing primary key locks that record without the gap before it,
     * also when the read waited for a later record and visited the first one again.
     */
    @Test
    void aRangeFromAnExistingKeyLeavesTheGapBeforeItFreeAfterAWait() throws Exception {
        exec(b, "SET SESSION innodb_lock_wait_timeout = 20");
        a.setAutoCommit(false);
        exec(a, "UPDATE acct SET balance = 0 WHERE id = 20");
        b.setAutoCommit(false);
        Future<List<List<String>>> read = background.submit(() -> rows(b, "SELECT id FROM acct WHERE id >= 10 FOR UPDATE"));
        awaitLockWait(a);
        a.commit();
        assertEquals(3, read.get(20, TimeUnit.SECONDS).size());
        try (Connection c = TestDatabase.open(dir)) {
            exec(c, "SET SESSION innodb_lock_wait_timeout = 1");
            exec(c, "INSERT INTO acct VALUES (5, 'before', 0)");
            assertEquals(1205, errorOf(c, "INSERT INTO acct VALUES (15, 'inside', 0)"));
        }
        b.commit();
    }

    /**
     * READ COMMITTED does not lock a row whose delete has committed, even while purge cannot
     * remove it yet (InnoDB's locks_ok_del_marked): an insert that takes the key over goes ahead.
     */
    @Test
    void readCommittedDoesNotLockRowsWhoseDeleteIsCommitted() throws SQLException {
        exec(a, "INSERT INTO acct VALUES (15, 'gone', 0)");
        try (Connection keeper = TestDatabase.open(dir)) {
            keeper.setAutoCommit(false);
            exec(keeper, "START TRANSACTION WITH CONSISTENT SNAPSHOT"); // purge must keep the delete-marked row
            exec(a, "DELETE FROM acct WHERE id = 15");
            exec(a, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
            a.setAutoCommit(false);
            assertEquals(2, rows(a, "SELECT id FROM acct WHERE id BETWEEN 10 AND 20 FOR UPDATE").size());
            exec(b, "INSERT INTO acct VALUES (15, 'again', 0)");
            a.commit();
            keeper.commit();
        }
    }

    /** With innodb_rollback_on_timeout=ON a lock wait timeout rolls back the whole transaction, not only the statement. */
    @Test
    void rollbackOnTimeoutRollsBackTheWholeTransaction(@TempDir Path other) throws SQLException {
        try (Connection holder = TestDatabase.open(other, "innodb_rollback_on_timeout=ON");
             Connection waiter = TestDatabase.open(other)) {
            assertEquals(1, TestDatabase.queryLong(waiter, "SELECT @@innodb_rollback_on_timeout"));
            exec(holder, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            exec(holder, "INSERT INTO t VALUES (1, 0)");
            exec(waiter, "SET SESSION innodb_lock_wait_timeout = 1");
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            exec(holder, "UPDATE t SET v = 1 WHERE id = 1");
            exec(waiter, "INSERT INTO t VALUES (2, 0)");
            assertEquals(1205, errorOf(waiter, "UPDATE t SET v = 2 WHERE id = 1"));
            waiter.commit();
            holder.commit();
            assertEquals(List.of(List.of("1", "1")), rows(holder, "SELECT id, v FROM t ORDER BY id"),
                    "the waiter's earlier insert was rolled back with it");
        }
    }

    /** Two transactions each wait for a row the other holds: one is chosen, rolled back whole, and gets 1213. */
    @Test
    void aDeadlockRollsItsVictimBack() throws Exception {
        for (Connection c : List.of(a, b)) {
            exec(c, "SET SESSION innodb_lock_wait_timeout = 20");
            c.setAutoCommit(false);
        }
        exec(a, "UPDATE acct SET balance = balance + 1 WHERE id = 10");
        exec(b, "UPDATE acct SET balance = balance + 1 WHERE id = 20");
        Future<Integer> first = background.submit(() -> {
            try {
                exec(a, "UPDATE acct SET balance = balance + 1 WHERE id = 20");
                return 0;
            } catch (SQLException e) {
                return e.getErrorCode();
            }
        });
        int second;
        try {
            exec(b, "UPDATE acct SET balance = balance + 1 WHERE id = 10");
            second = 0;
        } catch (SQLException e) {
            second = e.getErrorCode();
            assertEquals("40001", e.getSQLState());
        }
        int firstCode = first.get(20, TimeUnit.SECONDS);
        assertEquals(1213, Math.max(firstCode, second), "one of them is the victim");
        assertEquals(0, Math.min(firstCode, second), "the other goes on");
        (firstCode == 0 ? a : b).commit();
        (firstCode == 0 ? b : a).commit(); // the victim's transaction is already rolled back: nothing to commit
        List<List<String>> now = rows(a, "SELECT id, balance FROM acct WHERE id IN (10, 20) ORDER BY id");
        assertEquals(List.of(List.of("10", "101"), List.of("20", "201")), now,
                "the winner's two updates are in, the victim's one is gone");
        String status = rows(a, "SHOW ENGINE INNODB STATUS").get(0).get(2);
        assertTrue(status.contains("LATEST DETECTED DEADLOCK"), status);
        assertTrue(status.contains("*** WE ROLL BACK TRANSACTION ("), status);
        assertTrue(status.contains("index `PRIMARY` of table `shop`.`acct`"), status);
    }
}
