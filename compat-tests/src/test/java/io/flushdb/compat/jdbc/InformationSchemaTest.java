package io.flushdb.compat.jdbc;

import static io.flushdb.compat.jdbc.TestDatabase.queryLong;
import static io.flushdb.compat.jdbc.TestDatabase.queryRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * information_schema through JDBC: a read-only database that full SQL reads (joins with user
 * tables and with itself, WHERE, GROUP BY, ORDER BY, LIMIT) with MySQL 8.0's column names and
 * types, whose rows are those of the moment a statement runs even when its plan comes from the
 * plan cache, and which refuses every write with MySQL's error 1044.
 */
class InformationSchemaTest {
    @TempDir
    Path dataDir;

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = TestDatabase.open(dataDir);
        exec("CREATE TABLE customers (id INT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                + "name VARCHAR(40), born DATE, UNIQUE KEY by_email (email), KEY by_name (name, born))");
        exec("CREATE TABLE orders (customer_id INT NOT NULL, seq SMALLINT UNSIGNED NOT NULL, "
                + "total DECIMAL(10,2) DEFAULT '0.00', note TEXT, placed DATETIME(3) DEFAULT CURRENT_TIMESTAMP(3), "
                + "PRIMARY KEY (customer_id, seq)) COMMENT 'customer orders'");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<List<String>> rows(String... rows) {
        List<List<String>> out = new ArrayList<>();
        for (String r : rows) {
            out.add(List.of(r.split("\\|", -1)).stream().map(v -> v.equals("null") ? null : v).toList());
        }
        return out;
    }

    @Test
    void schemataListsEveryDatabaseAndTheSystemDatabases() throws SQLException {
        exec("CREATE DATABASE archive COLLATE utf8mb4_bin");
        assertEquals(rows("def|archive|utf8mb4|utf8mb4_bin|null|NO",
                        "def|information_schema|utf8mb3|utf8mb3_general_ci|null|NO",
                        "def|performance_schema|utf8mb4|utf8mb4_0900_ai_ci|null|NO",
                        "def|shop|utf8mb4|utf8mb4_0900_ai_ci|null|NO"),
                queryRows(c, "SELECT * FROM information_schema.SCHEMATA ORDER BY SCHEMA_NAME"));
    }

    @Test
    void tablesJoinColumnsWithWhereGroupByOrderByAndLimit() throws SQLException {
        assertEquals(rows("customers|BASE TABLE|InnoDB|4", "orders|BASE TABLE|InnoDB|5"),
                queryRows(c, "SELECT t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE, COUNT(*) FROM information_schema.TABLES t "
                        + "JOIN information_schema.COLUMNS col ON col.TABLE_SCHEMA = t.TABLE_SCHEMA "
                        + "AND col.TABLE_NAME = t.TABLE_NAME WHERE t.TABLE_SCHEMA = DATABASE() "
                        + "GROUP BY t.TABLE_NAME, t.TABLE_TYPE, t.ENGINE ORDER BY t.TABLE_NAME"));
        assertEquals(rows("orders|placed|5", "orders|note|4"),
                queryRows(c, "SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION FROM information_schema.COLUMNS "
                        + "WHERE TABLE_SCHEMA = 'shop' ORDER BY ORDINAL_POSITION DESC, TABLE_NAME DESC LIMIT 2"));
        assertEquals(rows("date|1", "datetime|1", "decimal|1", "int|2", "smallint|1", "text|1", "varchar|2"),
                queryRows(c, "SELECT DATA_TYPE, COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' "
                        + "GROUP BY DATA_TYPE ORDER BY DATA_TYPE"));
    }

    @Test
    void joinsWithUserTables() throws SQLException {
        exec("CREATE TABLE wanted (name VARCHAR(64) PRIMARY KEY, why VARCHAR(20))");
        exec("INSERT INTO wanted VALUES ('customers', 'a'), ('missing', 'b'), ('orders', 'c')");
        assertEquals(rows("customers|BASE TABLE|0", "missing|null|null", "orders|BASE TABLE|0"),
                queryRows(c, "SELECT w.name, t.TABLE_TYPE, t.TABLE_ROWS FROM wanted w LEFT JOIN information_schema.TABLES t "
                        + "ON t.TABLE_SCHEMA = 'shop' AND t.TABLE_NAME = w.name ORDER BY w.name"));
        // A subquery over information_schema filtering a user table.
        assertEquals(rows("orders"), queryRows(c, "SELECT name FROM wanted WHERE name IN (SELECT TABLE_NAME FROM "
                + "information_schema.TABLES WHERE TABLE_COMMENT = 'customer orders')"));
    }

    @Test
    void statisticsAndKeyColumnUsageJoinedWithColumns() throws SQLException {
        assertEquals(rows("customers|PRIMARY|0|1|id|NO", "customers|by_email|0|1|email|NO",
                        "customers|by_name|1|1|name|YES", "customers|by_name|1|2|born|YES",
                        "orders|PRIMARY|0|1|customer_id|NO", "orders|PRIMARY|0|2|seq|NO"),
                queryRows(c, "SELECT s.TABLE_NAME, s.INDEX_NAME, s.NON_UNIQUE, s.SEQ_IN_INDEX, s.COLUMN_NAME, "
                        + "col.IS_NULLABLE FROM information_schema.STATISTICS s JOIN information_schema.COLUMNS col "
                        + "ON col.TABLE_SCHEMA = s.TABLE_SCHEMA AND col.TABLE_NAME = s.TABLE_NAME "
                        + "AND col.COLUMN_NAME = s.COLUMN_NAME WHERE s.TABLE_SCHEMA = 'shop' "
                        + "ORDER BY s.TABLE_NAME, s.NON_UNIQUE, s.INDEX_NAME = 'PRIMARY' DESC, s.INDEX_NAME, s.SEQ_IN_INDEX"));
        assertEquals(rows("PRIMARY|customers|id|1", "by_email|customers|email|1", "PRIMARY|orders|customer_id|1",
                        "PRIMARY|orders|seq|2"),
                queryRows(c, "SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION "
                        + "FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'shop' AND "
                        + "REFERENCED_TABLE_NAME IS NULL ORDER BY TABLE_NAME, CONSTRAINT_NAME = 'PRIMARY' DESC, "
                        + "CONSTRAINT_NAME, ORDINAL_POSITION"));
    }

    @Test
    void columnsDescribeEachColumnAsMySql80Does() throws SQLException {
        assertEquals(rows(
                        "id|null|NO|int|null|null|10|0|null|null|null|int|PRI|auto_increment",
                        "email|null|NO|varchar|100|400|null|null|null|utf8mb4|utf8mb4_0900_ai_ci|varchar(100)|UNI|",
                        "name|null|YES|varchar|40|160|null|null|null|utf8mb4|utf8mb4_0900_ai_ci|varchar(40)|MUL|",
                        "born|null|YES|date|null|null|null|null|null|null|null|date||",
                        "customer_id|null|NO|int|null|null|10|0|null|null|null|int|PRI|",
                        "seq|null|NO|smallint|null|null|5|0|null|null|null|smallint unsigned|PRI|",
                        "total|0.00|YES|decimal|null|null|10|2|null|null|null|decimal(10,2)||",
                        "note|null|YES|text|16383|65535|null|null|null|utf8mb4|utf8mb4_0900_ai_ci|text||",
                        "placed|CURRENT_TIMESTAMP(3)|YES|datetime|null|null|null|null|3|null|null|datetime(3)||DEFAULT_GENERATED"),
                queryRows(c, "SELECT COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                        + "CHARACTER_OCTET_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, "
                        + "CHARACTER_SET_NAME, COLLATION_NAME, COLUMN_TYPE, COLUMN_KEY, EXTRA "
                        + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME, ORDINAL_POSITION"));
    }

    @Test
    void columnsAgreeWithShowColumns() throws SQLException {
        for (String table : List.of("customers", "orders")) {
            List<List<String>> shown = queryRows(c, "SHOW FULL COLUMNS FROM " + table);
            List<List<String>> viewed = queryRows(c, "SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME, IS_NULLABLE, "
                    + "COLUMN_KEY, COLUMN_DEFAULT, EXTRA, PRIVILEGES, COLUMN_COMMENT FROM information_schema.COLUMNS "
                    + "WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = '" + table + "' ORDER BY ORDINAL_POSITION");
            assertEquals(shown, viewed, table);
        }
    }

    @Test
    void resultMetadataHasMySqlTypesAndUpperCaseLabels() throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name, t.table_rows, create_time, TABLE_COMMENT "
                     + "FROM information_schema.tables t WHERE table_schema = 'shop' ORDER BY 1")) {
            ResultSetMetaData md = rs.getMetaData();
            // MySQL 8.0 labels a column of an information_schema table by its declared name.
            assertEquals("TABLE_NAME", md.getColumnLabel(1));
            assertEquals("TABLE_ROWS", md.getColumnLabel(2));
            assertEquals("CREATE_TIME", md.getColumnLabel(3));
            assertEquals("VARCHAR", md.getColumnTypeName(1));
            assertEquals(64, md.getPrecision(1));
            assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(2));
            assertEquals("TIMESTAMP", md.getColumnTypeName(3));
            assertEquals("MEDIUMTEXT", md.getColumnTypeName(4));
            assertEquals("TABLES", md.getTableName(1));
            assertTrue(rs.next());
            assertEquals("customers", rs.getString(1));
            assertTrue(rs.getTimestamp(3) != null);
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT ORDINAL_POSITION, NUMERIC_PRECISION, CHARACTER_MAXIMUM_LENGTH, "
                     + "table_name AS tn FROM information_schema.COLUMNS LIMIT 1")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals("INT UNSIGNED", md.getColumnTypeName(1));
            assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(2));
            assertEquals("BIGINT", md.getColumnTypeName(3));
            assertEquals("tn", md.getColumnLabel(4), "an alias is kept as written");
        }
    }

    @Test
    void rowsAreReadWhenTheStatementRunsNotWhenItIsPlanned() throws SQLException {
        String sizes = "SELECT TABLE_ROWS, AUTO_INCREMENT FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'customers'";
        assertEquals(rows("0|1"), queryRows(c, sizes));
        // No DDL in between: the same text runs the plan compiled above, from the plan cache.
        exec("INSERT INTO customers (email, name) VALUES ('a@x', 'a'), ('b@x', 'b'), ('c@x', 'c')");
        assertEquals(rows("3|4"), queryRows(c, sizes));
        exec("DELETE FROM customers WHERE id = 2");
        assertEquals(rows("2|4"), queryRows(c, sizes));
        assertEquals(queryLong(c, "SELECT COUNT(*) FROM customers"),
                queryLong(c, "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_NAME = 'customers'"));

        String names = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME";
        assertEquals(rows("customers", "orders"), queryRows(c, names));
        exec("CREATE TABLE later (x INT)");
        exec("DROP TABLE orders");
        assertEquals(rows("customers", "later"), queryRows(c, names));

        try (PreparedStatement ps = c.prepareStatement("SELECT COLUMN_NAME FROM information_schema.COLUMNS "
                + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            ps.setString(1, "shop");
            ps.setString(2, "later");
            assertEquals(List.of("x"), column(ps));
            exec("DROP TABLE later");
            exec("CREATE TABLE later (y INT, z INT)");
            assertEquals(List.of("y", "z"), column(ps));
        }
    }

    private static List<String> column(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void tablesMeasuresSizes() throws SQLException {
        String sizes = "SELECT DATA_LENGTH, INDEX_LENGTH, AVG_ROW_LENGTH, TABLE_ROWS, DATA_FREE "
                + "FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'shop' AND TABLE_NAME = 'orders'";
        List<String> empty = queryRows(c, sizes).get(0);
        long emptyData = Long.parseLong(empty.get(0));
        assertTrue(emptyData > 0, "an empty table has its root page");
        assertEquals("0", empty.get(1), "no secondary index");
        assertEquals("0", empty.get(2), "no rows");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders (customer_id, seq, note) VALUES (?, ?, ?)")) {
            for (int i = 0; i < 2000; i++) {
                ps.setInt(1, i / 10);
                ps.setInt(2, i % 10);
                ps.setString(3, "note ".repeat(40) + i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        exec("CREATE INDEX by_total ON orders (total)");
        List<String> full = queryRows(c, sizes).get(0);
        long data = Long.parseLong(full.get(0));
        long rows = Long.parseLong(full.get(3));
        assertEquals(2000, rows);
        assertTrue(data > emptyData, "2000 rows of 200 bytes take more than a page");
        assertTrue(Long.parseLong(full.get(1)) > 0, "the secondary index has pages");
        assertEquals(data / rows, Long.parseLong(full.get(2)), "AVG_ROW_LENGTH = DATA_LENGTH / TABLE_ROWS");
        assertTrue(Long.parseLong(full.get(4)) >= 0);
        // Information_schema's own tables have no engine and no sizes.
        assertEquals(rows("SYSTEM VIEW|null|null|null"), queryRows(c, "SELECT TABLE_TYPE, ENGINE, TABLE_ROWS, "
                + "DATA_LENGTH FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'information_schema' "
                + "AND TABLE_NAME = 'COLUMNS'"));
    }

    @Test
    void namesAreCaseInsensitiveAndUseWorks() throws SQLException {
        long tables = queryLong(c, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES");
        assertTrue(tables >= 8, "two user tables and the information_schema tables");
        assertEquals(tables, queryLong(c, "SELECT COUNT(*) FROM information_schema.tables"));
        assertEquals(tables, queryLong(c, "SELECT COUNT(*) FROM `Information_Schema`.`Tables`"));
        exec("INSERT INTO customers (email) VALUES ('a@x')");
        exec("USE INFORMATION_SCHEMA");
        assertEquals(rows("information_schema"), queryRows(c, "SELECT DATABASE()"));
        assertEquals(tables, queryLong(c, "SELECT COUNT(*) FROM tables"));
        assertEquals(rows("customers|a@x"), queryRows(c, "SELECT t.TABLE_NAME, cu.email FROM tables t "
                + "JOIN shop.customers cu ON t.TABLE_NAME = 'customers'"));
        Set<String> shown = new HashSet<>();
        for (List<String> r : queryRows(c, "SHOW TABLES")) {
            shown.add(r.get(0));
        }
        assertTrue(shown.containsAll(List.of("SCHEMATA", "TABLES", "COLUMNS", "STATISTICS", "KEY_COLUMN_USAGE",
                "INNODB_BUFFER_POOL_STATS")), shown.toString());
        exec("USE shop");
        assertEquals(rows("COLUMNS|SYSTEM VIEW"), queryRows(c, "SHOW FULL TABLES FROM information_schema LIKE 'col%'"));
        List<List<String>> described = queryRows(c, "DESCRIBE information_schema.SCHEMATA");
        assertEquals(java.util.Arrays.asList("SCHEMA_NAME", "varchar(64)", "NO", "", null, ""), described.get(1));
        assertEquals(6, described.size());
    }

    @Test
    void writesAreRefusedWithError1044() throws SQLException {
        List<String> writes = List.of(
                "INSERT INTO information_schema.SCHEMATA (SCHEMA_NAME) VALUES ('x')",
                "UPDATE information_schema.TABLES SET TABLE_COMMENT = 'x'",
                "DELETE FROM INFORMATION_SCHEMA.COLUMNS",
                "CREATE TABLE information_schema.t (a INT)",
                "DROP TABLE information_schema.TABLES",
                "DROP TABLE IF EXISTS information_schema.no_such_table",
                "TRUNCATE TABLE information_schema.STATISTICS",
                "CREATE INDEX i ON information_schema.TABLES (TABLE_NAME)",
                "CREATE DATABASE information_schema",
                "CREATE DATABASE IF NOT EXISTS Information_Schema",
                "DROP DATABASE information_schema");
        for (String sql : writes) {
            SQLException e = assertThrows(SQLException.class, () -> exec(sql), sql);
            assertEquals(1044, e.getErrorCode(), sql + ": " + e.getMessage());
            assertEquals("42000", e.getSQLState(), sql);
            assertTrue(e instanceof SQLSyntaxErrorException, sql);
            assertTrue(e.getMessage().contains("to database 'information_schema'"), e.getMessage());
        }
        exec("USE information_schema");
        SQLException e = assertThrows(SQLException.class, () -> exec("CREATE TABLE t (a INT)"));
        assertEquals(1044, e.getErrorCode());
        exec("USE shop");
        SQLException unknown = assertThrows(SQLException.class,
                () -> queryRows(c, "SELECT * FROM information_schema.no_such_table"));
        assertEquals(1109, unknown.getErrorCode());
        assertEquals("42S02", unknown.getSQLState());
        // Nothing was created.
        assertEquals(rows("customers", "orders"), queryRows(c, "SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = 'shop' ORDER BY TABLE_NAME"));
    }

    @Test
    void bufferPoolStatsHasOneRowPerInstance() throws SQLException {
        String stats = "SELECT * FROM information_schema.INNODB_BUFFER_POOL_STATS ORDER BY POOL_ID";
        List<List<String>> first = queryRows(c, stats);
        assertFalse(first.isEmpty());
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(stats)) {
            assertEquals(32, rs.getMetaData().getColumnCount());
            assertEquals("BIGINT UNSIGNED", rs.getMetaData().getColumnTypeName(1));
            assertEquals("DOUBLE", rs.getMetaData().getColumnTypeName(13));
            assertEquals("PAGES_MADE_YOUNG_RATE", rs.getMetaData().getColumnLabel(13));
            assertEquals("UNCOMPRESS_CURRENT", rs.getMetaData().getColumnLabel(32));
        }
        for (int i = 0; i < first.size(); i++) {
            List<String> r = first.get(i);
            assertEquals(String.valueOf(i), r.get(0), "POOL_ID");
            long size = Long.parseLong(r.get(1));
            long free = Long.parseLong(r.get(2));
            long pages = Long.parseLong(r.get(3));
            assertTrue(free + pages <= size, r.toString());
            assertTrue(Long.parseLong(r.get(4)) <= pages, "OLD_DATABASE_PAGES");
            assertTrue(Long.parseLong(r.get(5)) <= pages, "MODIFIED_DATABASE_PAGES");
        }
        long getsBefore = queryLong(c, "SELECT SUM(NUMBER_PAGES_GET) FROM information_schema.INNODB_BUFFER_POOL_STATS");
        exec("INSERT INTO customers (email) VALUES ('z@x')");
        queryRows(c, "SELECT * FROM customers");
        List<List<String>> after = queryRows(c, "SELECT SUM(NUMBER_PAGES_GET), MIN(HIT_RATE), MAX(HIT_RATE), "
                + "MIN(PAGES_READ_RATE) FROM information_schema.INNODB_BUFFER_POOL_STATS");
        assertTrue(Long.parseLong(after.get(0).get(0)) > getsBefore, "reading pages counts page requests");
        assertTrue(Long.parseLong(after.get(0).get(1)) >= 0 && Long.parseLong(after.get(0).get(2)) <= 1000);
        assertTrue(Double.parseDouble(after.get(0).get(3)) >= 0);
    }

    @Test
    void sessionFunctionsWork() throws SQLException {
        List<String> r = queryRows(c, "SELECT VERSION(), DATABASE(), USER(), CURRENT_USER(), CURRENT_USER, "
                + "CONNECTION_ID()").get(0);
        assertTrue(r.get(0).startsWith("8.0"), r.get(0));
        assertEquals("shop", r.get(1));
        assertEquals("root@localhost", r.get(2));
        assertEquals("root@localhost", r.get(3));
        assertEquals("root@localhost", r.get(4));
        assertTrue(Long.parseLong(r.get(5)) > 0);
        // EXPLAIN shows an information_schema table as a scan.
        assertEquals(List.of("TABLES", "ALL"), queryRows(c, "EXPLAIN SELECT TABLE_NAME FROM information_schema.TABLES")
                .get(0).subList(2, 5).stream().filter(v -> v != null).toList());
    }

    @Test
    void databaseMetaDataKeepsWorking() throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = md.getTables("shop", null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        assertEquals(List.of("customers", "orders"), tables);
        try (ResultSet rs = md.getColumns("shop", null, "orders", "placed")) {
            assertTrue(rs.next());
            assertEquals("CURRENT_TIMESTAMP(3)", rs.getString("COLUMN_DEF"));
            assertEquals("YES", rs.getString("IS_NULLABLE"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getPrimaryKeys("shop", null, "orders")) {
            assertTrue(rs.next());
            assertEquals("customer_id", rs.getString("COLUMN_NAME"));
            assertTrue(rs.next());
            assertEquals("seq", rs.getString("COLUMN_NAME"));
            assertFalse(rs.next());
        }
        try (ResultSet rs = md.getIndexInfo("shop", null, "customers", true, false)) {
            List<String> unique = new ArrayList<>();
            while (rs.next()) {
                unique.add(rs.getString("INDEX_NAME") + "." + rs.getString("COLUMN_NAME"));
            }
            assertEquals(List.of("PRIMARY.id", "by_email.email"), unique);
        }
    }
}
