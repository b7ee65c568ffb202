package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver over real statements: DDL, DML with parameters and keys, queries, transactions. */
class SqlIntegrationTest {
    private final EngineRegistry registry = new EngineRegistry();
    private final JdbcDriver driver = new JdbcDriver(registry);
    private String url;
    private Connection conn;

    @BeforeEach
    void open() throws SQLException {
        // a short lock wait: a test that waits on a lock fails in seconds rather than in 50
        url = TestUrls.mem() + "&database=shop&createDatabaseIfNotExist=true&innodb_lock_wait_timeout=2";
        conn = driver.connect(url, new Properties());
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE items (id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY, "
                    + "name VARCHAR(40) NOT NULL, price DECIMAL(10,2), UNIQUE KEY by_name (name))");
        }
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        assertEquals(0, registry.openEngineCount());
    }

    private Connection another() throws SQLException {
        return driver.connect(url, new Properties());
    }

    private List<String> names(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM items ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void createDatabaseIfNotExistMadeAndSelectedIt() throws SQLException {
        assertEquals("shop", conn.getCatalog());
        try (ResultSet rs = conn.getMetaData().getCatalogs()) {
            assertTrue(rs.next());
            assertEquals("shop", rs.getString("TABLE_CAT"));
        }
        try (Connection second = another()) {
            assertEquals("shop", second.getCatalog(), "IF NOT EXISTS: the second connection reuses it");
        }
    }

    @Test
    void insertWithGeneratedKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name, price) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "apple");
            ps.setBigDecimal(2, new BigDecimal("0.50"));
            assertEquals(1, ps.executeUpdate());
            try (ResultSet keys = ps.getGeneratedKeys()) {
                ResultSetMetaData md = keys.getMetaData();
                assertEquals("GENERATED_KEY", md.getColumnLabel(1));
                assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(1));
                assertTrue(keys.next());
                assertEquals(BigInteger.ONE, keys.getObject(1));
                assertEquals(1L, keys.getLong("GENERATED_KEY"));
                assertFalse(keys.next());
            }
        }
        try (Statement s = conn.createStatement()) {
            assertEquals(2, s.executeUpdate("INSERT INTO items (name) VALUES ('pear'), ('plum')",
                    Statement.RETURN_GENERATED_KEYS));
            List<Long> keys = new ArrayList<>();
            try (ResultSet rs = s.getGeneratedKeys()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(2L, 3L), keys);
            s.executeUpdate("INSERT INTO items (name) VALUES ('fig')");
            assertThrows(SQLException.class, s::getGeneratedKeys, "not requested");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name) VALUES (?)", new String[] {"id"})) {
            ps.setString(1, "kiwi");
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                assertTrue(rs.next());
                assertEquals(5L, rs.getLong(1));
            }
        }
    }

    @Test
    void namingAnyColumnAsksForTheGeneratedKey() throws SQLException {
        try (Statement s = conn.createStatement()) {
            assertEquals(1, s.executeUpdate("INSERT INTO items (name) VALUES ('a')", new int[] {1}));
            assertEquals(1L, onlyKey(s));
            assertEquals(1, s.executeLargeUpdate("INSERT INTO items (name) VALUES ('b')", new String[] {"id"}));
            assertEquals(2L, onlyKey(s));
            assertFalse(s.execute("INSERT INTO items (name) VALUES ('c')", new int[] {1}));
            assertEquals(3L, onlyKey(s));
            assertFalse(s.execute("INSERT INTO items (name) VALUES ('d')", new String[] {"id"}));
            assertEquals(4L, onlyKey(s));
            s.executeUpdate("INSERT INTO items (name) VALUES ('e')", new int[0]);
            assertThrows(SQLException.class, s::getGeneratedKeys, "an empty list names no column");
            s.execute("INSERT INTO items (name) VALUES ('f')", (String[]) null);
            assertThrows(SQLException.class, s::getGeneratedKeys, "nor does null");
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name) VALUES ('g')", new int[] {2})) {
            ps.executeUpdate();
            assertEquals(7L, onlyKey(ps));
        }
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name) VALUES ('h')", new String[0])) {
            ps.executeUpdate();
            assertThrows(SQLException.class, ps::getGeneratedKeys);
        }
    }

    private static long onlyKey(Statement s) throws SQLException {
        try (ResultSet rs = s.getGeneratedKeys()) {
            assertTrue(rs.next());
            long key = rs.getLong(1);
            assertFalse(rs.next());
            return key;
        }
    }

    @Test
    void preparedBatchesCountAndKeepKeys() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO items (name, price) VALUES (?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            for (String n : List.of("a", "b", "c")) {
                ps.setString(1, n);
                ps.setNull(2, Types.DECIMAL);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            List<Long> keys = new ArrayList<>();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            assertEquals(List.of(1L, 2L, 3L), keys);
            assertArrayEquals(new int[0], ps.executeBatch(), "the batch was cleared");
        }
        assertEquals(List.of("a", "b", "c"), names(conn));
    }

    @Test
    void aStatementBatchGoesOnAfterAFailure() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.addBatch("INSERT INTO items (name) VALUES ('x')");
            s.addBatch("INSERT INTO items (name) VALUES ('x')");
            s.addBatch("UPDATE items SET price = 1 WHERE name = 'x'");
            BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
            assertArrayEquals(new int[] {1, Statement.EXECUTE_FAILED, 1}, e.getUpdateCounts());
            assertEquals(1062, e.getErrorCode());
            assertEquals("23000", e.getSQLState());
        }
        assertEquals(List.of("x"), names(conn));
    }

    @Test
    void everyGetterFamilyReadsBack() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE TABLE kinds (id INT PRIMARY KEY, i INT, u BIGINT UNSIGNED, d DECIMAL(10,2), f DOUBLE, "
                    + "v VARCHAR(20), b VARBINARY(8), dt DATE, tm TIME, dtm DATETIME(3), ts TIMESTAMP NULL, "
                    + "flag BOOLEAN, n INT)");
        }
        LocalDateTime when = LocalDateTime.of(2024, 5, 17, 13, 45, 30, 125_000_000);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO kinds VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, 1);
            ps.setInt(2, -42);
            ps.setObject(3, new BigInteger("18446744073709551615"));
            ps.setBigDecimal(4, new BigDecimal("1234.50"));
            ps.setDouble(5, 2.5);
            ps.setString(6, "hello");
            ps.setBytes(7, new byte[] {1, 2, 3});
            ps.setObject(8, LocalDate.of(2024, 5, 17));
            ps.setTime(9, Time.valueOf("08:30:00"));
            ps.setObject(10, when);
            ps.setTimestamp(11, Timestamp.valueOf("2024-01-02 03:04:05"));
            ps.setBoolean(12, true);
            ps.setNull(13, Types.INTEGER);
            assertEquals(1, ps.executeUpdate());
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM kinds WHERE id = ?")) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(-42, rs.getInt("i"));
                assertEquals(Integer.valueOf(-42), rs.getObject("i"));
                assertEquals(new BigInteger("18446744073709551615"), rs.getObject("u"));
                assertThrows(SQLException.class, () -> rs.getLong("u"));
                assertEquals(new BigDecimal("1234.50"), rs.getBigDecimal("d"));
                assertEquals("1234.50", rs.getString("d"));
                assertEquals(1234, rs.getInt("d"));
                assertEquals(2.5, rs.getDouble("f"));
                assertEquals("hello", rs.getString("v"));
                assertArrayEquals(new byte[] {1, 2, 3}, rs.getBytes("b"));
                assertEquals(Date.valueOf("2024-05-17"), rs.getObject("dt"));
                assertEquals(LocalDate.of(2024, 5, 17), rs.getObject("dt", LocalDate.class));
                assertEquals(Time.valueOf("08:30:00"), rs.getTime("tm"));
                assertEquals(Time.valueOf("08:30:00"), rs.getObject("tm"));
                assertEquals(LocalTime.of(8, 30), rs.getObject("tm", LocalTime.class));
                assertEquals(java.time.Duration.ofMinutes(510), rs.getObject("tm", java.time.Duration.class));
                assertEquals(when, rs.getObject("dtm"));
                assertEquals("2024-05-17 13:45:30.125", rs.getString("dtm"));
                assertEquals(Timestamp.valueOf("2024-01-02 03:04:05"), rs.getObject("ts"));
                assertEquals(Boolean.TRUE, rs.getObject("flag"));
                assertTrue(rs.getBoolean("flag"));
                assertEquals(0, rs.getInt("n"));
                assertTrue(rs.wasNull());
                ResultSetMetaData md = rs.getMetaData();
                assertEquals("kinds", md.getTableName(2));
                assertEquals("shop", md.getCatalogName(2));
                assertEquals("INT", md.getColumnTypeName(2));
                assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(3));
                assertEquals(Types.DECIMAL, md.getColumnType(4));
                assertEquals(2, md.getScale(4));
                assertEquals("java.time.LocalDateTime", md.getColumnClassName(10));
                assertEquals("java.sql.Timestamp", md.getColumnClassName(11));
                assertEquals(Types.BIT, md.getColumnType(12));
                assertFalse(rs.next());
            }
        }
    }

    @Test
    void preparedParametersMustAllBeSet() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT name FROM items WHERE id = ? AND name = ?")) {
            assertEquals(2, ps.getParameterMetaData().getParameterCount());
            ps.setInt(1, 1);
            SQLException e = assertThrows(SQLException.class, ps::executeQuery);
            assertEquals("07001", e.getSQLState());
            assertEquals("No value specified for parameter 2", e.getMessage());
            assertThrows(SQLException.class, () -> ps.setInt(3, 1));
            ps.setString(2, "none");
            try (ResultSet rs = ps.executeQuery()) {
                assertFalse(rs.next());
            }
            ps.clearParameters();
            assertThrows(SQLException.class, ps::executeQuery);
            assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 1"));
            // Nor the SQL-text forms that also ask for generated keys: the text would run instead.
            String insert = "INSERT INTO items (name) VALUES ('text')";
            assertThrows(SQLException.class, () -> ps.executeUpdate(insert, Statement.RETURN_GENERATED_KEYS));
            assertThrows(SQLException.class, () -> ps.executeUpdate(insert, new int[] {1}));
            assertThrows(SQLException.class, () -> ps.execute(insert, new String[] {"id"}));
            assertThrows(SQLException.class, () -> ps.executeLargeUpdate(insert, Statement.NO_GENERATED_KEYS));
        }
        assertEquals(List.of(), names(conn), "none of the refused statements ran");
    }

    @Test
    void queriesAndUpdatesGoThroughTheRightMethod() throws SQLException {
        try (Statement s = conn.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO items (name) VALUES ('q')"));
            assertEquals("S1009", e.getSQLState());
            assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM items"));
            assertTrue(s.execute("SELECT COUNT(*) FROM items"));
            try (ResultSet rs = s.getResultSet()) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1), "the misdirected INSERT did not run");
            }
            assertEquals(-1, s.getUpdateCount());
            assertFalse(s.execute("INSERT INTO items (name) VALUES ('r')"));
            assertEquals(1, s.getUpdateCount());
            assertNull(s.getResultSet());
            assertFalse(s.getMoreResults());
            assertEquals(-1, s.getUpdateCount());
            assertEquals(0, s.executeUpdate("CREATE TABLE other (id INT)"));
        }
    }

    @Test
    void mySqlErrorsReachJdbc() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO items (name) VALUES ('dup')");
            SQLIntegrityConstraintViolationException dup = assertThrows(SQLIntegrityConstraintViolationException.class,
                    () -> s.executeUpdate("INSERT INTO items (name) VALUES ('dup')"));
            assertEquals(1062, dup.getErrorCode());
            assertEquals("23000", dup.getSQLState());
            assertEquals("Duplicate entry 'dup' for key 'items.by_name'", dup.getMessage());
            SQLSyntaxErrorException missing = assertThrows(SQLSyntaxErrorException.class,
                    () -> s.executeQuery("SELECT * FROM nope"));
            assertEquals(1146, missing.getErrorCode());
            assertEquals("42S02", missing.getSQLState());
            assertEquals("Table 'shop.nope' doesn't exist", missing.getMessage());
            SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class, () -> s.execute("SELEKT 1"));
            assertEquals(1064, syntax.getErrorCode());
        }
    }

    @Test
    void commitRollbackAndSavepoints() throws SQLException {
        conn.setAutoCommit(false);
        try (Statement s = conn.createStatement()) {
            s.executeUpdate("INSERT INTO items (name) VALUES ('gone')");
            conn.rollback();
            assertEquals(List.of(), names(conn));
            s.executeUpdate("INSERT INTO items (name) VALUES ('kept')");
            Savepoint sp = conn.setSavepoint("sp1");
            s.executeUpdate("INSERT INTO items (name) VALUES ('undone')");
            conn.rollback(sp);
            assertEquals(List.of("kept"), names(conn));
            try (Connection other = another()) {
                // Not committed yet: another connection's consistent read sees the last committed
                // state at once, without waiting for this transaction.
                assertEquals(List.of(), names(other));
            }
            conn.commit();
            try (Connection other = another()) {
                assertEquals(List.of("kept"), names(other));
            }
            s.executeUpdate("INSERT INTO items (name) VALUES ('in flight')");
        }
        try (Connection keepsTheDatabase = another()) { // a mem: database ends with its last connection
            conn.close();
            conn = another();
            assertEquals(List.of("kept"), names(conn), "closing rolled the open transaction back");
        }
    }

    @Test
    void useChangesTheCatalog() throws SQLException {
        try (Statement s = conn.createStatement()) {
            s.execute("CREATE DATABASE other");
            s.execute("USE other");
            assertEquals("other", conn.getCatalog());
            conn.setCatalog("shop");
            assertEquals(List.of(), names(conn));
        }
    }

    @Test
    void maxRowsAndScrolling() throws SQLException {
        try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            s.executeUpdate("INSERT INTO items (name) VALUES ('a'), ('b'), ('c')");
            s.setMaxRows(2);
            try (ResultSet rs = s.executeQuery("SELECT name FROM items ORDER BY id")) {
                assertTrue(rs.last());
                assertEquals(2, rs.getRow());
                assertEquals("b", rs.getString(1));
                assertTrue(rs.first());
                assertEquals("a", rs.getString(1));
            }
            s.closeOnCompletion();
            ResultSet rs = s.executeQuery("SELECT name FROM items");
            rs.close();
            assertTrue(s.isClosed(), "closeOnCompletion");
        }
    }

    @Test
    void metaDataSeesCreatedTables() throws SQLException {
        DatabaseMetaData md = conn.getMetaData();
        try (ResultSet rs = md.getTables("shop", null, "%", new String[] {"TABLE"})) {
            assertTrue(rs.next());
            assertEquals("items", rs.getString("TABLE_NAME"));
            assertFalse(rs.next());
        }
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns("shop", null, "items", "%")) {
            while (rs.next()) {
                cols.add(rs.getString("COLUMN_NAME") + ":" + rs.getString("TYPE_NAME") + ":" + rs.getInt("COLUMN_SIZE")
                        + ":" + rs.getString("IS_NULLABLE") + ":" + rs.getString("IS_AUTOINCREMENT"));
            }
        }
        assertEquals(List.of("id:BIGINT UNSIGNED:20:NO:YES", "name:VARCHAR:40:NO:NO", "price:DECIMAL:10:YES:NO"), cols);
        try (ResultSet rs = md.getPrimaryKeys("shop", null, "items")) {
            assertTrue(rs.next());
            assertEquals("id", rs.getString("COLUMN_NAME"));
            assertEquals(1, rs.getInt("KEY_SEQ"));
            assertFalse(rs.next());
        }
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = md.getIndexInfo("shop", null, "items", false, true)) {
            while (rs.next()) {
                indexes.add(rs.getString("INDEX_NAME") + ":" + rs.getString("COLUMN_NAME") + ":" + rs.getBoolean("NON_UNIQUE"));
            }
        }
        assertEquals(List.of("PRIMARY:id:false", "by_name:name:false"), indexes);
    }
}
