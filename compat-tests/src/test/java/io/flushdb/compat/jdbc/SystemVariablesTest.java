package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.TestDatabase.queryLong;
import static io.flushdb.compat.jdbc.TestDatabase.queryRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SET / SELECT @@ / SHOW VARIABLES through JDBC: every statement form, scope and error. */
class SystemVariablesTest {
    private static String memUrl() {
        return "jdbc:flushdb:mem:vars-" + UUID.randomUUID() + "?innodb_buffer_pool_size=8M";
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String one(Connection c, String sql) throws SQLException {
        List<List<String>> rows = queryRows(c, sql);
        assertEquals(1, rows.size(), sql);
        return rows.get(0).get(0);
    }

    private static SQLException fails(Connection c, String sql, int code, String sqlState) {
        SQLException e = assertThrows(SQLException.class, () -> exec(c, sql), sql);
        assertEquals(code, e.getErrorCode(), sql + ": " + e.getMessage());
        assertEquals(sqlState, e.getSQLState(), sql + ": " + e.getMessage());
        return e;
    }

    @Test
    void selectReadsEachScopeWithMySqlTypes() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@innodb_io_capacity, @@global.innodb_io_capacity, @@autocommit, "
                     + "@@session.sql_mode, @@innodb_max_dirty_pages_pct, @@version")) {
            assertTrue(rs.next());
            assertEquals(200, rs.getLong(1));
            assertEquals("BIGINT UNSIGNED", rs.getMetaData().getColumnTypeName(1));
            assertEquals(200, rs.getLong(2));
            assertEquals(1, rs.getLong(3));
            assertEquals("ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
                    + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION", rs.getString(4));
            assertEquals(90.0, rs.getDouble(5));
            assertTrue(rs.getString(6).startsWith("8.0."), rs.getString(6));
        }
    }

    @Test
    void scopeErrorsAreMySqls() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            SQLException e = fails(c, "SELECT @@session.innodb_io_capacity", 1238, "HY000");
            assertEquals("Variable 'innodb_io_capacity' is a GLOBAL variable", e.getMessage());
            e = fails(c, "SELECT @@global.last_insert_id", 1238, "HY000");
            assertEquals("Variable 'last_insert_id' is a SESSION variable", e.getMessage());
            e = fails(c, "SELECT @@innodb_no_such_thing", 1193, "HY000");
            assertEquals("Unknown system variable 'innodb_no_such_thing'", e.getMessage());
            e = fails(c, "SET SESSION innodb_io_capacity = 300", 1229, "HY000");
            assertEquals("Variable 'innodb_io_capacity' is a GLOBAL variable and should be set with SET GLOBAL",
                    e.getMessage());
            fails(c, "SET innodb_io_capacity = 300", 1229, "HY000");
            fails(c, "SET @@innodb_io_capacity = 300", 1229, "HY000");
            e = fails(c, "SET GLOBAL last_insert_id = 3", 1228, "HY000");
            assertEquals("Variable 'last_insert_id' is a SESSION variable and can't be used with SET GLOBAL",
                    e.getMessage());
            e = fails(c, "SET GLOBAL innodb_page_size = 4096", 1238, "HY000");
            assertEquals("Variable 'innodb_page_size' is a read only variable", e.getMessage());
            fails(c, "SET GLOBAL version = 'x'", 1238, "HY000");
            fails(c, "SET GLOBAL innodb_no_such_thing = 1", 1193, "HY000");
        }
    }

    @Test
    void wrongValuesAreRejectedAndOutOfRangeNumbersClamped() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            SQLException e = fails(c, "SET GLOBAL innodb_adaptive_flushing = 'maybe'", 1231, "42000");
            assertEquals("Variable 'innodb_adaptive_flushing' can't be set to the value of 'maybe'", e.getMessage());
            fails(c, "SET GLOBAL innodb_adaptive_flushing = 2", 1231, "42000");
            e = fails(c, "SET GLOBAL innodb_io_capacity = 'lots'", 1232, "42000");
            assertEquals("Incorrect argument type to variable 'innodb_io_capacity'", e.getMessage());
            fails(c, "SET GLOBAL innodb_io_capacity = 1.5", 1232, "42000");
            fails(c, "SET GLOBAL innodb_io_capacity = NULL", 1231, "42000");
            fails(c, "SET SESSION transaction_isolation = 'SOMETIMES'", 1231, "42000");
            fails(c, "SET time_zone = 'Mars/Olympus'", 1298, "HY000");
            fails(c, "SET NAMES klingon", 1115, "42000");
            SQLException monitor = fails(c, "SET GLOBAL innodb_monitor_enable = 'no_such_counter'", 1231, "42000");
            assertEquals("Variable 'innodb_monitor_enable' can't be set to the value of 'no_such_counter'",
                    monitor.getMessage());
            exec(c, "SET GLOBAL innodb_monitor_disable = 'buffer_pool_reads'");
            assertEquals(List.of(List.of("disabled")), queryRows(c,
                    "SELECT LOWER(STATUS) FROM information_schema.INNODB_METRICS WHERE NAME = 'buffer_pool_reads'"));
            exec(c, "SET GLOBAL innodb_monitor_enable = 'module_buffer', innodb_monitor_reset = 'module_buffer'");
            assertEquals(List.of(List.of("enabled")), queryRows(c,
                    "SELECT LOWER(STATUS) FROM information_schema.INNODB_METRICS WHERE NAME = 'buffer_pool_reads'"));

            try (Statement st = c.createStatement()) {
                st.execute("SET GLOBAL innodb_io_capacity = 50");
                SQLWarning w = st.getWarnings();
                assertTrue(w != null, "clamping warns");
                assertEquals(1292, w.getErrorCode());
                assertEquals("Truncated incorrect innodb_io_capacity value: '50'", w.getMessage());
            }
            assertEquals(List.of(List.of("Warning", "1292", "Truncated incorrect innodb_io_capacity value: '50'")),
                    queryRows(c, "SHOW WARNINGS"));
            assertEquals(100, queryLong(c, "SELECT @@global.innodb_io_capacity"));
            exec(c, "SET GLOBAL innodb_flush_log_at_trx_commit = 7");
            assertEquals(2, queryLong(c, "SELECT @@global.innodb_flush_log_at_trx_commit"));
        }
    }

    @Test
    void aFailedSetChangesNoneOfItsAssignments() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            exec(c, "SET @a = 1");
            fails(c, "SET GLOBAL innodb_io_capacity = 300, @a = 2, SESSION innodb_lock_wait_timeout = 9, "
                    + "GLOBAL innodb_adaptive_flushing = 'many'", 1231, "42000");
            assertEquals(200, queryLong(c, "SELECT @@global.innodb_io_capacity"));
            assertEquals(1, queryLong(c, "SELECT @a"));
            assertEquals(50, queryLong(c, "SELECT @@innodb_lock_wait_timeout"));
        }
    }

    @Test
    void globalChangesAreSeenEverywhereAndSessionChangesOnlyInTheirSession() throws SQLException {
        String url = memUrl();
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            // One SET, several assignments; the GLOBAL keyword holds for the assignments after it.
            exec(a, "SET GLOBAL innodb_io_capacity = 400, innodb_io_capacity_max = 4000, "
                    + "SESSION innodb_lock_wait_timeout = 7, innodb_flush_log_at_trx_commit = 2");
            assertEquals(400, queryLong(b, "SELECT @@innodb_io_capacity"));
            assertEquals(4000, queryLong(b, "SELECT @@global.innodb_io_capacity_max"));
            assertEquals(7, queryLong(a, "SELECT @@session.innodb_lock_wait_timeout"));
            assertEquals(2, queryLong(a, "SELECT @@innodb_flush_log_at_trx_commit"));
            assertEquals(50, queryLong(b, "SELECT @@innodb_lock_wait_timeout"));
            assertEquals(1, queryLong(b, "SELECT @@innodb_flush_log_at_trx_commit"));
            assertEquals(50, queryLong(a, "SELECT @@global.innodb_lock_wait_timeout"));
            assertEquals(1, queryLong(a, "SELECT @@global.innodb_flush_log_at_trx_commit"));

            // A new GLOBAL value of a GLOBAL+SESSION variable is where new sessions start.
            exec(a, "SET @@global.innodb_lock_wait_timeout = 20");
            try (Connection c = DriverManager.getConnection(url)) {
                assertEquals(20, queryLong(c, "SELECT @@innodb_lock_wait_timeout"));
            }
            assertEquals(50, queryLong(b, "SELECT @@innodb_lock_wait_timeout"), "an open session keeps its value");
            // DEFAULT: the compiled default for GLOBAL, the GLOBAL value for SESSION.
            exec(a, "SET SESSION innodb_lock_wait_timeout = DEFAULT, GLOBAL innodb_io_capacity = DEFAULT");
            assertEquals(20, queryLong(a, "SELECT @@innodb_lock_wait_timeout"));
            assertEquals(200, queryLong(b, "SELECT @@innodb_io_capacity"));
        }
    }

    @Test
    void aSessionLockWaitTimeoutGovernsOnlyThatSession(@TempDir Path dir) throws SQLException {
        try (Connection holder = TestDatabase.open(dir); Connection waiter = TestDatabase.open(dir)) {
            exec(holder, "CREATE TABLE t (id INT PRIMARY KEY)");
            holder.setAutoCommit(false);
            exec(holder, "INSERT INTO t VALUES (1)");
            exec(waiter, "SET SESSION innodb_lock_wait_timeout = 1");
            long start = System.nanoTime();
            fails(waiter, "INSERT INTO t VALUES (1)", 1205, "40001"); // the key the holder's open insert has
            long waitedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waitedMs < 20_000, "waited " + waitedMs + " ms: the GLOBAL 50 s applied, not the session's 1 s");
            assertEquals(50, queryLong(holder, "SELECT @@innodb_lock_wait_timeout"));
            holder.rollback();
        }
    }

    @Test
    void ioCapacityPairsAreKeptConsistentWithWarnings() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            exec(c, "SET GLOBAL innodb_io_capacity = 5000");
            assertEquals(List.of(
                    List.of("Warning", "1210", "Setting innodb_io_capacity to 5000 higher than innodb_io_capacity_max 2000"),
                    List.of("Warning", "1210", "Setting innodb_max_io_capacity to 10000")), queryRows(c, "SHOW WARNINGS"));
            assertEquals(10000, queryLong(c, "SELECT @@innodb_io_capacity_max"));
            exec(c, "SET GLOBAL innodb_io_capacity_max = 1000");
            assertEquals(1000, queryLong(c, "SELECT @@innodb_io_capacity"));
            exec(c, "SET GLOBAL innodb_max_dirty_pages_pct_lwm = 95");
            assertEquals(List.of(List.of("innodb_max_dirty_pages_pct_lwm", "90.000000")),
                    queryRows(c, "SHOW GLOBAL VARIABLES LIKE 'innodb_max_dirty_pages_pct_lwm'"));
        }
    }

    @Test
    void userVariablesHoldTypedValues() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            exec(c, "SET @n = 41, @s := 'text', @d = 2.50");
            assertEquals(List.of(java.util.Arrays.asList("42", "text", "5.00", null)), queryRows(c, "SELECT @n + 1, @s, @d * 2, @unset"));
            exec(c, "SET @n = 'now a string'");
            assertEquals("now a string", one(c, "SELECT @n"), "the plan made for a number is not reused");
            exec(c, "SET @x = (SELECT 6 * 7)");
            exec(c, "SET @Y = @x");
            assertEquals(42, queryLong(c, "SELECT @y"), "user variable names are case-insensitive");
            // As in MySQL, every expression of a SET is evaluated before any assignment is made.
            exec(c, "SET @x = 1, @k = @x");
            assertEquals(42, queryLong(c, "SELECT @k"));
            try (var ps = c.prepareStatement("SET @p = ?")) {
                ps.setInt(1, 9);
                ps.execute();
            }
            assertEquals(9, queryLong(c, "SELECT @p"));
        }
    }

    @Test
    void setNamesAndCharacterSet() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            exec(c, "SET NAMES utf8mb4 COLLATE utf8mb4_bin");
            assertEquals(List.of(List.of("utf8mb4", "utf8mb4", "utf8mb4", "utf8mb4_bin")), queryRows(c,
                    "SELECT @@character_set_client, @@character_set_connection, @@character_set_results, "
                            + "@@collation_connection"));
            exec(c, "SET NAMES latin1");
            assertEquals("latin1_swedish_ci", one(c, "SELECT @@collation_connection"));
            exec(c, "SET CHARACTER SET utf8mb4");
            assertEquals("utf8mb4", one(c, "SELECT @@character_set_results"));
            fails(c, "SET NAMES utf8mb4 COLLATE no_such_collation", 1273, "HY000");
        }
    }

    @Test
    void showVariablesFiltersByLikeAndWhere() throws SQLException {
        try (Connection c = DriverManager.getConnection(memUrl())) {
            exec(c, "SET SESSION innodb_lock_wait_timeout = 3");
            assertEquals(List.of(List.of("innodb_io_capacity", "200"), List.of("innodb_io_capacity_max", "2000")),
                    queryRows(c, "SHOW VARIABLES LIKE 'INNODB_IO_CAP%'"));
            assertEquals(List.of(List.of("innodb_lock_wait_timeout", "3")),
                    queryRows(c, "SHOW SESSION VARIABLES LIKE 'innodb_lock_wait_timeout'"));
            assertEquals(List.of(List.of("innodb_lock_wait_timeout", "50")),
                    queryRows(c, "SHOW GLOBAL VARIABLES LIKE 'innodb_lock_wait_timeout'"));
            assertEquals(List.of(List.of("innodb_adaptive_flushing", "ON"), List.of("innodb_flush_sync", "ON")),
                    queryRows(c, "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_flush_sync', "
                            + "'innodb_adaptive_flushing')"));
            assertTrue(queryRows(c, "SHOW GLOBAL VARIABLES").stream().noneMatch(r -> r.get(0).equals("last_insert_id")),
                    "GLOBAL lists only variables with a GLOBAL value");
            assertEquals("OFF", queryRows(c, "SHOW VARIABLES LIKE 'innodb_log_checkpoint_now'").get(0).get(1));
        }
    }

    @Test
    void persistedValuesSurviveReopenAndThePrecedenceIsUrlPersistedFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flushdb.cnf"), """
                [client]
                password = not-ours
                [mysqld]
                innodb-io-capacity = 300
                innodb_old_blocks_pct = 25
                innodb_flush_neighbors = 1
                """);
        try (Connection c = TestDatabase.open(dir)) {
            assertEquals(300, queryLong(c, "SELECT @@innodb_io_capacity"), "flushdb.cnf over the default");
            assertEquals(25, queryLong(c, "SELECT @@innodb_old_blocks_pct"));
            exec(c, "SET PERSIST innodb_io_capacity = 900, innodb_flush_neighbors = 2");
            exec(c, "SET PERSIST_ONLY innodb_buffer_pool_instances = 2");
            assertEquals(900, queryLong(c, "SELECT @@innodb_io_capacity"), "PERSIST also sets the running value");
            assertEquals(1, queryLong(c, "SELECT @@innodb_buffer_pool_instances"), "PERSIST_ONLY waits for a restart");
            fails(c, "SET PERSIST innodb_page_size = 8192", 1238, "HY000");
        }
        assertTrue(Files.readString(dir.resolve("flushdb-auto.cnf")).contains("innodb_io_capacity=900"));
        try (Connection c = TestDatabase.open(dir, "innodb_flush_neighbors=0")) {
            assertEquals(900, queryLong(c, "SELECT @@innodb_io_capacity"), "persisted over flushdb.cnf");
            assertEquals(2, queryLong(c, "SELECT @@innodb_buffer_pool_instances"), "PERSIST_ONLY applied at open");
            assertEquals(0, queryLong(c, "SELECT @@innodb_flush_neighbors"), "the URL over persisted");
            assertEquals(25, queryLong(c, "SELECT @@innodb_old_blocks_pct"));
            exec(c, "RESET PERSIST innodb_io_capacity");
            fails(c, "RESET PERSIST innodb_io_capacity", 3615, "HY000");
            exec(c, "RESET PERSIST IF EXISTS innodb_io_capacity");
        }
        try (Connection c = TestDatabase.open(dir)) {
            assertEquals(300, queryLong(c, "SELECT @@innodb_io_capacity"), "reset: flushdb.cnf's value again");
            exec(c, "RESET PERSIST");
        }
        try (Connection c = TestDatabase.open(dir)) {
            assertEquals(1, queryLong(c, "SELECT @@innodb_flush_neighbors"));
        }
    }

    @Test
    void unknownStartupNamesAreErrors(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flushdb.cnf"), "[mysqld]\ninnodb_io_capacty = 300\n");
        SQLException e = assertThrows(SQLException.class, () -> TestDatabase.open(dir));
        assertEquals("08001", e.getSQLState());
        assertTrue(e.getMessage().contains("flushdb.cnf line 2: unknown variable 'innodb_io_capacty'"), e.getMessage());
        Files.writeString(dir.resolve("flushdb.cnf"), "[mysqld]\nloose-innodb_io_capacty = 300\n");
        TestDatabase.open(dir).close();
        SQLException url = assertThrows(SQLException.class, () -> TestDatabase.open(dir, "innodb_io_capacty=3"));
        assertTrue(url.getMessage().contains("innodb_io_capacty"), url.getMessage());
    }
}
