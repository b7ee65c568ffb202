package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.TestDatabase.queryLong;
import static io.flushdb.compat.jdbc.TestDatabase.queryRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SHOW [GLOBAL | SESSION] STATUS [LIKE | WHERE]} through JDBC: the row counters move by
 * exactly the rows a statement changed or read (and a rollback's undo is not counted), the
 * per-session counters count only their own session's statements while GLOBAL counts every
 * session's, and LIKE and WHERE filter as MySQL's do.
 */
class StatusVariablesTest {
    @TempDir
    Path dataDir;

    /** Every row of {@code SHOW <scope> STATUS}, by name. */
    static Map<String, Long> status(Connection c, String scope) throws SQLException {
        Map<String, Long> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (List<String> row : queryRows(c, "SHOW " + scope + " STATUS")) {
            out.put(row.get(0), Long.parseLong(row.get(1)));
        }
        return out;
    }

    /** One status variable's value, read with LIKE (which must match exactly that one row). */
    static long statusValue(Connection c, String scope, String name) throws SQLException {
        List<List<String>> rows = queryRows(c, "SHOW " + scope + " STATUS LIKE '" + name + "'");
        assertEquals(1, rows.size(), () -> "rows for " + name + ": " + rows);
        assertEquals(name, rows.get(0).get(0));
        return Long.parseLong(rows.get(0).get(1));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void rowCountersMoveByExactlyTheRowsChangedAndRead() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            execute(c, "CREATE TABLE items (id INT PRIMARY KEY, grp INT NOT NULL, n INT, name VARCHAR(40), KEY by_grp (grp))");
            Map<String, Long> before = status(c, "GLOBAL");

            try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= 120; i++) {
                    ps.setInt(1, i);
                    ps.setInt(2, i % 7);
                    ps.setInt(3, i);
                    ps.setString(4, "item " + i);
                    ps.executeUpdate();
                }
            }
            execute(c, "INSERT INTO items VALUES (121, 1, 121, 'x'), (122, 2, 122, 'y'), (123, 3, 123, 'z')");
            Map<String, Long> inserted = status(c, "GLOBAL");
            assertEquals(123, inserted.get("Innodb_rows_inserted") - before.get("Innodb_rows_inserted"));
            assertEquals(0, inserted.get("Innodb_rows_updated") - before.get("Innodb_rows_updated"));
            assertEquals(0, inserted.get("Innodb_rows_deleted") - before.get("Innodb_rows_deleted"));
            assertEquals(0, inserted.get("Innodb_rows_read") - before.get("Innodb_rows_read"),
                    "an INSERT ... VALUES reads no rows");

            // A full scan reads every row once; a primary key lookup reads one.
            assertEquals(123, queryRows(c, "SELECT * FROM items").size());
            assertEquals(1, queryRows(c, "SELECT name FROM items WHERE id = 42").size());
            Map<String, Long> read = status(c, "GLOBAL");
            assertEquals(124, read.get("Innodb_rows_read") - inserted.get("Innodb_rows_read"));

            // UPDATE and DELETE count the rows they change, and the rows their search read once each:
            // n has no index, so each search scans the whole table.
            try (Statement st = c.createStatement()) {
                assertEquals(10, st.executeUpdate("UPDATE items SET name = 'changed' WHERE n BETWEEN 11 AND 20"));
                assertEquals(5, st.executeUpdate("DELETE FROM items WHERE n > 118"));
            }
            Map<String, Long> changed = status(c, "GLOBAL");
            assertEquals(10, changed.get("Innodb_rows_updated") - read.get("Innodb_rows_updated"));
            assertEquals(5, changed.get("Innodb_rows_deleted") - read.get("Innodb_rows_deleted"));
            assertEquals(123 + 123, changed.get("Innodb_rows_read") - read.get("Innodb_rows_read"),
                    "the UPDATE's and the DELETE's scans read every row once, and nothing more");
            assertEquals(123, changed.get("Innodb_rows_inserted") - before.get("Innodb_rows_inserted"));
        }
    }

    @Test
    void rolledBackRowsCountAsInsertedButTheUndoIsNotCounted() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            execute(c, "CREATE TABLE t (id INT PRIMARY KEY, v INT)");
            execute(c, "INSERT INTO t VALUES (1, 1), (2, 2)");
            Map<String, Long> before = status(c, "GLOBAL");
            c.setAutoCommit(false);
            execute(c, "INSERT INTO t VALUES (3, 3), (4, 4), (5, 5)");
            execute(c, "UPDATE t SET v = 10 WHERE id = 1");
            execute(c, "DELETE FROM t WHERE id = 2");
            c.rollback();
            c.setAutoCommit(true);
            Map<String, Long> after = status(c, "GLOBAL");
            assertEquals(3, after.get("Innodb_rows_inserted") - before.get("Innodb_rows_inserted"));
            assertEquals(1, after.get("Innodb_rows_updated") - before.get("Innodb_rows_updated"));
            assertEquals(1, after.get("Innodb_rows_deleted") - before.get("Innodb_rows_deleted"));
            assertEquals(List.of(List.of("1", "1"), List.of("2", "2")), queryRows(c, "SELECT id, v FROM t ORDER BY id"));
        }
    }

    @Test
    void sessionCountersCountOnlyTheirOwnSessionAndGlobalCountsAll() throws SQLException {
        try (Connection a = TestDatabase.open(dataDir); Connection b = TestDatabase.open(dataDir)) {
            execute(a, "CREATE TABLE t (id INT PRIMARY KEY)");
            long aSelects = statusValue(a, "SESSION", "Com_select");
            long bSelects = statusValue(b, "SESSION", "Com_select");
            long globalSelects = statusValue(a, "GLOBAL", "Com_select");
            long aQuestions = statusValue(a, "", "Questions");

            for (int i = 0; i < 3; i++) {
                queryRows(b, "SELECT COUNT(*) FROM t");
            }
            assertEquals(aSelects, statusValue(a, "SESSION", "Com_select"), "B's SELECTs are not A's");
            assertEquals(bSelects + 3, statusValue(b, "SESSION", "Com_select"));
            queryRows(a, "SELECT 1");
            queryRows(a, "SELECT 2");
            assertEquals(aSelects + 2, statusValue(a, "LOCAL", "Com_select"));
            assertEquals(globalSelects + 5, statusValue(a, "GLOBAL", "Com_select"));

            // Every statement is a question, SHOW STATUS included: three SHOWs and two SELECTs since
            // the first reading, and this SHOW.
            assertEquals(aQuestions + 6, statusValue(a, "SESSION", "Questions"));
            assertEquals(statusValue(a, "SESSION", "Questions"), statusValue(a, "SESSION", "Queries") - 1,
                    "Queries is read one statement later");
            // The SHOW being run is counted before it runs, as in MySQL.
            long shows = statusValue(b, "SESSION", "Com_show_status");
            assertEquals(shows + 1, statusValue(b, "SESSION", "Com_show_status"));

            assertEquals(2, statusValue(a, "GLOBAL", "Threads_connected"));
            assertEquals(1, statusValue(a, "GLOBAL", "Threads_running"), "the session asking is running");
            assertTrue(statusValue(a, "GLOBAL", "Max_used_connections") >= 2);
        }
    }

    @Test
    void likeAndWhereFilterAsMySqlDoes() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            List<List<String>> rows = queryRows(c, "SHOW GLOBAL STATUS LIKE 'innodb\\_rows\\_%'");
            List<String> names = new ArrayList<>();
            rows.forEach(r -> names.add(r.get(0)));
            assertEquals(List.of("Innodb_rows_deleted", "Innodb_rows_inserted", "Innodb_rows_read", "Innodb_rows_updated"),
                    names, "LIKE matches names case-insensitively");

            execute(c, "CREATE TABLE t (id INT PRIMARY KEY)");
            execute(c, "INSERT INTO t VALUES (1), (2)");
            List<List<String>> where = queryRows(c, "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_rows_inserted', "
                    + "'Innodb_rows_deleted') AND Value > 0");
            assertEquals(1, where.size(), () -> "rows: " + where);
            assertEquals("Innodb_rows_inserted", where.get(0).get(0));
            assertEquals(List.of(List.of("Innodb_page_size", "16384")),
                    queryRows(c, "SHOW STATUS WHERE variable_name = 'innodb_page_size'"));
            assertEquals(List.of(), queryRows(c, "SHOW STATUS LIKE 'no_such_variable'"));

            SQLException e = assertThrows(SQLException.class, () -> queryRows(c, "SHOW STATUS WHERE nope = 1"));
            assertEquals(1054, e.getErrorCode());
            assertEquals("42S22", e.getSQLState());
        }
    }

    @Test
    void rowsComeInMySqlsOrderWithEveryValueANumber() throws SQLException {
        try (Connection c = TestDatabase.open(dataDir)) {
            List<List<String>> rows = queryRows(c, "SHOW GLOBAL STATUS");
            List<String> outside = new ArrayList<>();
            int firstInnodb = -1;
            int lastInnodb = -1;
            for (int i = 0; i < rows.size(); i++) {
                String name = rows.get(i).get(0);
                Long.parseLong(rows.get(i).get(1));
                if (name.startsWith("Innodb_")) {
                    firstInnodb = firstInnodb < 0 ? i : firstInnodb;
                    lastInnodb = i;
                } else {
                    outside.add(name);
                }
            }
            assertTrue(firstInnodb > 0, "some Innodb_ rows");
            assertEquals(lastInnodb - firstInnodb + 1, rows.size() - outside.size(), "InnoDB's rows form one block");
            List<String> sorted = new ArrayList<>(outside);
            sorted.sort(String.CASE_INSENSITIVE_ORDER);
            assertEquals(sorted, outside, "the other rows are sorted by name");
            assertTrue(String.CASE_INSENSITIVE_ORDER.compare(rows.get(firstInnodb - 1).get(0), "Innodb") < 0);
            assertTrue(String.CASE_INSENSITIVE_ORDER.compare(rows.get(lastInnodb + 1).get(0), "Innodb") > 0);
            assertEquals(queryLong(c, "SELECT 16384"), statusValue(c, "GLOBAL", "Innodb_page_size"));
        }
    }
}
