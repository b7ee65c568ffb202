package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the tests of this package share: opening a data directory, single values, CHECK TABLE. */
final class TestDatabase {
    /** The database every test works in. */
    static final String DATABASE = "shop";

    private TestDatabase() {
    }

    /**
     * Opens a connection to {@code dataDir}, creating the directory and {@link #DATABASE} if needed.
     * {@code settings} are further URL properties, such as {@code "innodb_buffer_pool_size=8M"}.
     */
    static Connection open(Path dataDir, String... settings) throws SQLException {
        StringBuilder url = new StringBuilder("jdbc:flushdb:").append(dataDir.toAbsolutePath())
                .append("?database=").append(DATABASE).append("&createDatabaseIfNotExist=true");
        for (String setting : settings) {
            url.append('&').append(setting);
        }
        return DriverManager.getConnection(url.toString());
    }

    /** The single value of a query that returns one row and one column, as a {@code long}. */
    static long queryLong(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next(), () -> "no row from " + sql);
            long value = rs.getLong(1);
            assertFalse(rs.wasNull(), () -> "NULL from " + sql);
            assertFalse(rs.next(), () -> "more than one row from " + sql);
            return value;
        }
    }

    /** Every row of {@code sql}, each as its columns' {@code getString} values. */
    static List<List<String>> queryRows(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Asserts that two row lists are equal, reporting only the first difference: the lists here can
     * hold thousands of rows with long values, too many to print whole.
     */
    static <T> void assertSameRows(List<T> expected, List<T> actual, String what) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                assertEquals(expected.get(i), actual.get(i), what + ": row " + i + " of " + expected.size());
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": number of rows");
    }

    /**
     * Asserts that {@code CHECK TABLE} finds {@code table} healthy: every index's B+tree is well
     * formed and each secondary index holds exactly the rows' entries.
     */
    static void assertCheckTableOk(Connection c, String table) throws SQLException {
        assertEquals(List.of(List.of(DATABASE + "." + table, "check", "status", "OK")),
                queryRows(c, "CHECK TABLE " + table), "CHECK TABLE " + table);
    }
}
