package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.TestDatabase.assertCheckTableOk;
import static io.flushdb.compat.jdbc.TestDatabase.queryRows;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each common failure reaches JDBC as an {@link SQLException} with MySQL 8.0's error code and
 * SQLSTATE, of the JDBC subclass its SQLSTATE class calls for (42 → {@link SQLSyntaxErrorException},
 * 23 → {@link SQLIntegrityConstraintViolationException}), and the failed statement changes nothing:
 * not the rows, not the secondary indexes ({@code CHECK TABLE} compares them with the rows), not the
 * tables or databases, and not the earlier statements of an open transaction.
 *
 * <p>The failing statements write ids 6 to 9 and the {@code fay}, {@code gus}, {@code hal} values;
 * those that fail at a later row (a multi-row INSERT whose third row is a duplicate, an UPDATE that
 * breaks NOT NULL on its last row) have already changed the earlier rows, in the clustered index and
 * in the secondary indexes, when the error is found.
 */
class ErrorCodesTest {
    /** The statement a transaction runs before the failing one. */
    private static final String EARLIER_INSERT = "INSERT INTO accounts VALUES (10, 'early@example.com', 'early', NULL)";
    /** Values the failing statements try to write: none may ever be found through an index. */
    private static final List<String> ATTEMPTED_EMAILS = List.of("fay@example.com", "gus@example.com",
            "hal@example.com", "same@example.com", "new-ann@example.com", "new-eve@example.com");
    private static final List<String> ATTEMPTED_OWNERS = List.of("fay", "gus", "hal", "ann2", "first");

    @TempDir
    Path dataDir;

    private Connection connection;

    /**
     * One failure: the statement and what JDBC must report. {@code implicitCommit}: MySQL commits an
     * open transaction before running the statement (DDL), so it cannot leave one open to roll back.
     */
    record Failure(String sql, int code, String sqlState, Class<? extends SQLException> type, boolean implicitCommit) {
        @Override
        public String toString() {
            return code + " " + sqlState + ": " + sql;
        }
    }

    private static Failure syntax(String sql) {
        return new Failure(sql, 1064, "42000", SQLSyntaxErrorException.class, false);
    }

    private static Failure noSuchTable(String sql) {
        return new Failure(sql, 1146, "42S02", SQLSyntaxErrorException.class, false);
    }

    private static Failure badField(String sql) {
        return new Failure(sql, 1054, "42S22", SQLSyntaxErrorException.class, false);
    }

    private static Failure duplicate(String sql) {
        return new Failure(sql, 1062, "23000", SQLIntegrityConstraintViolationException.class, false);
    }

    private static Failure badNull(String sql) {
        return new Failure(sql, 1048, "23000", SQLIntegrityConstraintViolationException.class, false);
    }

    static Stream<Failure> failures() {
        return Stream.of(
                syntax("SELEC id FROM accounts"),
                syntax("INSERT INTO accounts VALUES (6, 'fay@example.com', 'fay', NULL"),
                syntax("UPDATE accounts SET owner = 'fay' WHERE"),
                syntax("DELETE FROM accounts WHERE id ="),
                noSuchTable("SELECT * FROM missing"),
                noSuchTable("SELECT a.id FROM accounts a JOIN missing m ON m.id = a.id"),
                noSuchTable("INSERT INTO missing VALUES (6)"),
                noSuchTable("INSERT INTO accounts SELECT * FROM missing"),
                noSuchTable("UPDATE missing SET owner = 'fay'"),
                noSuchTable("DELETE FROM missing"),
                badField("SELECT nope FROM accounts"),
                badField("INSERT INTO accounts (id, email, owner, nope) VALUES (6, 'fay@example.com', 'fay', 1)"),
                badField("UPDATE accounts SET owner = 'fay', nope = 1"),
                badField("UPDATE accounts SET owner = 'fay' WHERE nope = 1"),
                badField("DELETE FROM accounts WHERE nope = 1"),
                new Failure("CREATE TABLE accounts (id INT PRIMARY KEY)", 1050, "42S01", SQLSyntaxErrorException.class,
                        true),
                duplicate("INSERT INTO accounts VALUES (6, 'fay@example.com', 'fay', NULL), "
                        + "(7, 'gus@example.com', 'gus', NULL), (1, 'hal@example.com', 'hal', NULL)"),
                duplicate("INSERT INTO accounts VALUES (6, 'fay@example.com', 'fay', NULL), "
                        + "(7, 'gus@example.com', 'gus', NULL), (8, 'eve@example.com', 'hal', NULL)"),
                duplicate("INSERT INTO accounts VALUES (6, 'fay@example.com', 'fay', NULL), "
                        + "(7, 'gus@example.com', 'gus', NULL), (8, 'fay@example.com', 'hal', NULL)"),
                duplicate("INSERT INTO accounts SELECT 10 - id, CONCAT('new-', email), owner, note FROM accounts"),
                duplicate("UPDATE accounts SET email = 'same@example.com' WHERE id >= 3"),
                duplicate("UPDATE accounts SET id = 9 WHERE id >= 4"),
                badNull("INSERT INTO accounts VALUES (6, 'fay@example.com', NULL, NULL)"),
                badNull("INSERT INTO accounts VALUES (6, 'fay@example.com', 'fay', NULL), "
                        + "(7, 'gus@example.com', 'gus', NULL), (8, 'hal@example.com', NULL, NULL)"),
                badNull("UPDATE accounts SET owner = note"),
                badNull("UPDATE accounts SET owner = IF(id = 5, NULL, CONCAT(owner, '2'))"),
                new Failure("USE nowhere", 1049, "42000", SQLSyntaxErrorException.class, false),
                new Failure("SHOW TABLES FROM nowhere", 1049, "42000", SQLSyntaxErrorException.class, false),
                new Failure("CREATE TABLE nowhere.t (id INT PRIMARY KEY)", 1049, "42000", SQLSyntaxErrorException.class,
                        true));
    }

    static Stream<Failure> failuresWithoutImplicitCommit() {
        return failures().filter(f -> !f.implicitCommit());
    }

    @BeforeEach
    void createAccounts() throws SQLException {
        connection = TestDatabase.open(dataDir);
        execute("CREATE TABLE accounts (id INT PRIMARY KEY, email VARCHAR(40) NOT NULL, owner VARCHAR(40) NOT NULL, "
                + "note VARCHAR(40), UNIQUE KEY uq_accounts_email (email), KEY idx_accounts_owner (owner))");
        execute("INSERT INTO accounts VALUES (1, 'ann@example.com', 'ann', 'first'), (2, 'bob@example.com', 'bob', NULL), "
                + "(3, 'cid@example.com', 'cid', 'third'), (4, 'dee@example.com', 'dee', NULL), "
                + "(5, 'eve@example.com', 'eve', 'fifth')");
    }

    @AfterEach
    void closeConnection() throws SQLException {
        connection.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failsWithMySqlCodeAndChangesNothing(Failure failure) throws SQLException {
        State before = State.of(connection);
        assertFails(failure);
        assertEquals(before, State.of(connection));
        assertCheckTableOk(connection, "accounts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failureInsideATransactionKeepsItsEarlierStatements(Failure failure) throws SQLException {
        State before = State.of(connection);
        connection.setAutoCommit(false);
        execute(EARLIER_INSERT);
        State afterEarlierInsert = State.of(connection);
        assertEquals(before.rows().size() + 1, afterEarlierInsert.rows().size());
        assertFails(failure);
        assertEquals(afterEarlierInsert, State.of(connection), "in the transaction, after the failure");
        connection.commit();
        assertEquals(afterEarlierInsert, State.of(connection), "after commit");
        assertCheckTableOk(connection, "accounts");
    }

    /**
     * The statements that fail after changing rows and index entries, run one after another; what
     * the engine writes at its clean shutdown must be the undone state, so a reopened engine sees the
     * table as it was.
     */
    @Test
    void undoneStatementsStayUndoneAfterReopen() throws SQLException {
        State before = State.of(connection);
        List<Failure> rowChanging = failures().filter(f -> f.code() == 1062 || f.code() == 1048).toList();
        for (Failure failure : rowChanging) {
            assertFails(failure);
        }
        connection.close();

        connection = TestDatabase.open(dataDir);
        assertEquals(before, State.of(connection));
        assertCheckTableOk(connection, "accounts");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failuresWithoutImplicitCommit")
    void failureInsideATransactionLeavesItOpenForRollback(Failure failure) throws SQLException {
        State before = State.of(connection);
        connection.setAutoCommit(false);
        execute(EARLIER_INSERT);
        assertFails(failure);
        connection.rollback();
        assertEquals(before, State.of(connection), "after rollback");
        assertCheckTableOk(connection, "accounts");
    }

    @Test
    void connectingToAnUnknownDatabaseFailsWith1049AndCreatesNothing() throws SQLException {
        List<List<String>> databases = queryRows(connection, "SHOW DATABASES");
        String url = "jdbc:flushdb:" + dataDir.toAbsolutePath() + "?database=nowhere";
        SQLException e = assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close());
        assertError(e, 1049, "42000", SQLSyntaxErrorException.class, url);
        assertEquals(databases, queryRows(connection, "SHOW DATABASES"));
    }

    @Test
    void failedBatchEntryIsReportedAndChangesNothingWhileTheOthersApply() throws SQLException {
        State before = State.of(connection);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO accounts VALUES (?, ?, ?, NULL)")) {
            addBatch(ps, 6, "fay@example.com", "fay");
            addBatch(ps, 7, "ann@example.com", "gus");
            addBatch(ps, 8, "hal@example.com", "hal");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertEquals(1062, e.getErrorCode(), e.toString());
            assertEquals("23000", e.getSQLState(), e.toString());
            assertArrayEquals(new int[] {1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
        }
        List<List<String>> expected = new ArrayList<>(before.rows());
        expected.add(List.of("6", "fay@example.com", "fay", "NULL"));
        expected.add(List.of("8", "hal@example.com", "hal", "NULL"));
        assertEquals(expected, State.of(connection).rows());
        assertEquals(List.of(List.of("1")), queryRows(connection, "SELECT id FROM accounts WHERE email = 'ann@example.com'"));
        assertEquals(List.of(), queryRows(connection, "SELECT id FROM accounts WHERE owner = 'gus'"));
        assertCheckTableOk(connection, "accounts");
    }

    private static void addBatch(PreparedStatement ps, int id, String email, String owner) throws SQLException {
        ps.setInt(1, id);
        ps.setString(2, email);
        ps.setString(3, owner);
        ps.addBatch();
    }

    private void assertFails(Failure failure) {
        SQLException e = assertThrows(SQLException.class, () -> execute(failure.sql()), failure.sql());
        assertError(e, failure.code(), failure.sqlState(), failure.type(), failure.sql());
    }

    private static void assertError(SQLException e, int code, String sqlState, Class<? extends SQLException> type,
            String what) {
        assertEquals(code, e.getErrorCode(), () -> what + " → " + e);
        assertEquals(sqlState, e.getSQLState(), () -> what + " → " + e);
        assertInstanceOf(type, e, () -> what + " → " + e);
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), () -> what + " → no message");
    }

    private void execute(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Everything a failed statement could have changed, as seen through SQL: the rows in primary-key
     * order, what each index finds for every value a failing statement tries to write, the definition
     * of the table, the tables and databases, and the current database.
     */
    record State(List<List<String>> rows, List<List<String>> indexLookups, List<List<String>> createTable,
            List<List<String>> tables, List<List<String>> databases, List<List<String>> currentDatabase) {

        static State of(Connection c) throws SQLException {
            List<List<String>> lookups = new ArrayList<>();
            lookups(c, "SELECT id, owner FROM accounts WHERE email = ?", ATTEMPTED_EMAILS, lookups);
            lookups(c, "SELECT id, email FROM accounts WHERE owner = ?", ATTEMPTED_OWNERS, lookups);
            lookups(c, "SELECT email, owner FROM accounts WHERE id = ?", List.of("6", "7", "8", "9", "10"), lookups);
            return new State(nullsAsText(queryRows(c, "SELECT id, email, owner, note FROM accounts ORDER BY id")),
                    lookups, queryRows(c, "SHOW CREATE TABLE accounts"), queryRows(c, "SHOW TABLES"),
                    queryRows(c, "SHOW DATABASES"), queryRows(c, "SELECT DATABASE()"));
        }

        /** Appends, for each key, the rows {@code sql} finds for it, each prefixed with the key. */
        private static void lookups(Connection c, String sql, List<String> keys, List<List<String>> out)
                throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (String key : keys) {
                    ps.setString(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(List.of(key, rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
        }

        private static List<List<String>> nullsAsText(List<List<String>> rows) {
            List<List<String>> out = new ArrayList<>();
            for (List<String> row : rows) {
                out.add(row.stream().map(v -> v == null ? "NULL" : v).toList());
            }
            return out;
        }
    }
}
