package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain SELECTs are consistent reads, as in InnoDB: they read a snapshot and never wait for
 * writers, and writers never wait for them. Each case runs two connections to one data directory
 * through JDBC: a writer that leaves changes uncommitted or commits them, and a reader at one of
 * the four isolation levels.
 */
class ConsistentReadTest {
    @TempDir
    Path dir;

    private Connection writer;
    private Connection reader;

    @BeforeEach
    void open() throws SQLException {
        writer = TestDatabase.open(dir);
        reader = TestDatabase.open(dir);
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE acct (id INT PRIMARY KEY, owner VARCHAR(20), balance INT, memo TEXT, KEY owner (owner))");
            s.execute("INSERT INTO acct VALUES (1, 'ann', 100, NULL), (2, 'bob', 200, REPEAT('m', 30000)), (3, 'cy', 300, NULL)");
        }
        for (Connection c : List.of(writer, reader)) {
            try (Statement s = c.createStatement()) {
                s.execute("SET SESSION innodb_lock_wait_timeout = 1");
                s.execute("SET SESSION lock_wait_timeout = 1");
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        reader.close();
        writer.close();
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        return TestDatabase.queryRows(c, sql);
    }

    private static List<List<String>> balances(Connection c) throws SQLException {
        return rows(c, "SELECT id, balance FROM acct ORDER BY id");
    }

    private static final List<List<String>> START = List.of(List.of("1", "100"), List.of("2", "200"), List.of("3", "300"));

    /** The writer's uncommitted update, insert and delete change nothing a reader sees, and the reader does not wait. */
    @Test
    void aReaderSeesTheLastCommittedRowsWithoutWaitingForAWriter() throws SQLException {
        writer.setAutoCommit(false);
        exec(writer, "UPDATE acct SET balance = balance - 50, owner = 'anne' WHERE id = 1");
        exec(writer, "INSERT INTO acct VALUES (4, 'dee', 400, NULL)");
        exec(writer, "DELETE FROM acct WHERE id = 3");
        exec(writer, "UPDATE acct SET memo = 'short now' WHERE id = 2");

        assertEquals(START, balances(reader));
        assertEquals(List.of(List.of("1", "100")), rows(reader, "SELECT id, balance FROM acct WHERE id = 1"));
        assertEquals(List.of(List.of("1")), rows(reader, "SELECT id FROM acct WHERE owner = 'ann'"), "through the old entry");
        assertEquals(List.of(), rows(reader, "SELECT id FROM acct WHERE owner = 'anne'"), "not through the new one");
        assertEquals(List.of(List.of("3")), rows(reader, "SELECT id FROM acct WHERE owner >= 'c'"));
        assertEquals(List.of(List.of("30000")), rows(reader, "SELECT LENGTH(memo) FROM acct WHERE id = 2"),
                "the old long value, from its overflow pages");

        writer.commit();
        assertEquals(List.of(List.of("1", "50"), List.of("2", "200"), List.of("4", "400")), balances(reader));
        assertEquals(List.of(List.of("1")), rows(reader, "SELECT id FROM acct WHERE owner = 'anne'"));
        assertEquals(List.of(), rows(reader, "SELECT id FROM acct WHERE owner = 'ann'"));
    }

    /** REPEATABLE READ: the first read of a transaction fixes its snapshot until it ends. */
    @Test
    void repeatableReadKeepsTheSnapshotOfTheFirstRead() throws SQLException {
        reader.setAutoCommit(false);
        assertEquals(START, balances(reader));
        exec(writer, "UPDATE acct SET balance = 0 WHERE id = 2");
        exec(writer, "INSERT INTO acct VALUES (5, 'eve', 500, NULL)");
        assertEquals(START, balances(reader));
        assertEquals("600", rows(reader, "SELECT SUM(balance) FROM acct").get(0).get(0));
        reader.commit();
        assertEquals(List.of(List.of("1", "100"), List.of("2", "0"), List.of("3", "300"), List.of("5", "500")),
                balances(reader));
    }

    /** REPEATABLE READ sees the transaction's own changes over its snapshot. */
    @Test
    void aTransactionSeesItsOwnChangesOverItsSnapshot() throws SQLException {
        reader.setAutoCommit(false);
        assertEquals(START, balances(reader));
        exec(writer, "UPDATE acct SET balance = 0 WHERE id = 3");
        exec(reader, "UPDATE acct SET balance = 111 WHERE id = 1");
        assertEquals(List.of(List.of("1", "111"), List.of("2", "200"), List.of("3", "300")), balances(reader));
        reader.rollback();
    }

    /** START TRANSACTION WITH CONSISTENT SNAPSHOT opens the read view at once, not at the first read. */
    @Test
    void withConsistentSnapshotTheViewOpensAtTheStart() throws SQLException {
        exec(reader, "START TRANSACTION WITH CONSISTENT SNAPSHOT");
        exec(writer, "UPDATE acct SET balance = 0 WHERE id = 1");
        assertEquals(START, balances(reader), "the change committed after START TRANSACTION is not seen");
        exec(reader, "COMMIT");
        exec(reader, "START TRANSACTION");
        exec(writer, "UPDATE acct SET balance = 100 WHERE id = 1");
        assertEquals(START, balances(reader), "a plain START TRANSACTION's view opens at the first read");
        exec(reader, "COMMIT");
    }

    /** READ COMMITTED: each statement sees what was committed when it started. */
    @Test
    void readCommittedSeesEachCommitFromTheNextStatement() throws SQLException {
        exec(reader, "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        reader.setAutoCommit(false);
        assertEquals(START, balances(reader));
        writer.setAutoCommit(false);
        exec(writer, "UPDATE acct SET balance = 7 WHERE id = 1");
        assertEquals(START, balances(reader), "not yet committed");
        writer.commit();
        assertEquals(List.of(List.of("1", "7"), List.of("2", "200"), List.of("3", "300")), balances(reader));
        reader.commit();
    }

    /** READ UNCOMMITTED: reads the latest rows, committed or not, long values included. */
    @Test
    void readUncommittedSeesChangesInFlight() throws SQLException {
        exec(reader, "SET SESSION TRANSACTION ISOLATION LEVEL READ UNCOMMITTED");
        writer.setAutoCommit(false);
        exec(writer, "UPDATE acct SET balance = 1, memo = REPEAT('n', 25000) WHERE id = 1");
        exec(writer, "DELETE FROM acct WHERE id = 3");
        assertEquals(List.of(List.of("1", "1"), List.of("2", "200")), balances(reader));
        assertEquals(List.of(List.of("25000")), rows(reader, "SELECT LENGTH(memo) FROM acct WHERE id = 1"));
        writer.rollback();
        assertEquals(START, balances(reader));
    }

    /** A transaction that read a table holds its metadata: DDL on it waits, up to lock_wait_timeout (1205). */
    @Test
    void ddlWaitsForATransactionThatReadTheTable() throws SQLException {
        reader.setAutoCommit(false);
        assertEquals(START, balances(reader));
        SQLException e = assertThrows(SQLException.class, () -> exec(writer, "TRUNCATE TABLE acct"));
        assertEquals(1205, e.getErrorCode());
        assertEquals("40001", e.getSQLState(), "as Connector/J reports 1205");
        assertEquals(START, balances(reader));
        reader.commit();
        exec(writer, "TRUNCATE TABLE acct");
        assertEquals(List.of(), balances(reader));
    }

    /** Locking reads read the latest rows and wait for the writer (table locks in this version: 1205 here). */
    @Test
    void lockingReadsWaitForTheWriter() throws SQLException {
        writer.setAutoCommit(false);
        exec(writer, "UPDATE acct SET balance = 9 WHERE id = 1");
        reader.setAutoCommit(false);
        for (String sql : List.of("SELECT * FROM acct WHERE id = 1 FOR UPDATE", "SELECT * FROM acct WHERE id = 1 FOR SHARE")) {
            SQLException e = assertThrows(SQLException.class, () -> rows(reader, sql));
            assertEquals(1205, e.getErrorCode(), sql);
        }
        reader.rollback();
        writer.commit();
        assertEquals(List.of(List.of("1", "9")), rows(reader, "SELECT id, balance FROM acct WHERE id = 1 FOR UPDATE"));
        reader.commit();
    }

    /** SERIALIZABLE reads inside a transaction are locking reads: they wait for the writer. */
    @Test
    void serializableReadsInATransactionWaitForTheWriter() throws SQLException {
        exec(reader, "SET SESSION TRANSACTION ISOLATION LEVEL SERIALIZABLE");
        writer.setAutoCommit(false);
        exec(writer, "UPDATE acct SET balance = 9 WHERE id = 1");
        assertEquals(START, balances(reader), "autocommit: a consistent read");
        reader.setAutoCommit(false);
        SQLException e = assertThrows(SQLException.class, () -> balances(reader));
        assertEquals(1205, e.getErrorCode());
        reader.rollback();
        writer.rollback();
    }
}
