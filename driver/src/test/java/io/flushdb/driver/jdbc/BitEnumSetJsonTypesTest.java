package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BIT, ENUM, SET and JSON columns through JDBC, as Connector/J presents them: BIT(1) reads as
 * Boolean and BIT(n) as its big-endian bytes (getString gives the number), ENUM and SET are CHAR
 * text, JSON is LONGVARCHAR named "JSON"; and the writes Hibernate makes (setBoolean on a bit).
 */
class BitEnumSetJsonTypesTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection(TestUrls.mem());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE d");
            s.execute("USE d");
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, flag BIT NOT NULL DEFAULT 0, bits BIT(12), "
                    + "size ENUM('small','medium','large'), colors SET('red','green','blue'), doc JSON)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void bitOneIsBooleanAndWiderBitsAreBytes() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO t (id, flag, bits) VALUES (1, 1, b'101000000011')");
            try (ResultSet rs = s.executeQuery("SELECT flag, bits, bits + 0 FROM t")) {
                assertTrue(rs.next());
                assertEquals(Boolean.TRUE, rs.getObject(1));
                assertTrue(rs.getBoolean(1));
                assertEquals("1", rs.getString(1));
                assertEquals(1, rs.getInt(1));
                assertArrayEquals(new byte[] {0x0A, 0x03}, (byte[]) rs.getObject(2));
                assertArrayEquals(new byte[] {0x0A, 0x03}, rs.getBytes(2));
                assertEquals(2563L, rs.getLong(2));
                assertEquals("2563", rs.getString(2));
                assertEquals(2563L, rs.getLong(3));
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(Types.BIT, md.getColumnType(1));
                assertEquals("BIT", md.getColumnTypeName(1));
                assertEquals(Boolean.class.getName(), md.getColumnClassName(1));
                assertEquals(Types.BIT, md.getColumnType(2));
                assertEquals(byte[].class.getName(), md.getColumnClassName(2));
                assertEquals(12, md.getPrecision(2));
                assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(3));
            }
        }
    }

    @Test
    void setBooleanWritesABitAsHibernateDoes() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, flag) VALUES (?, ?)")) {
            ps.setInt(1, 1);
            ps.setBoolean(2, true);
            ps.executeUpdate();
            ps.setInt(1, 2);
            ps.setBoolean(2, false);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM t WHERE flag = ? ORDER BY id")) {
            ps.setBoolean(1, true);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertFalse(rs.next());
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE t SET flag = ? WHERE id = ?")) {
            ps.setBoolean(1, true);
            ps.setInt(2, 2);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE flag")) {
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
        }
    }

    @Test
    void bitTooLongIsError1406() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, flag) VALUES (1, ?)")) {
            ps.setInt(1, 2);
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals(1406, e.getErrorCode());
            assertEquals("22001", e.getSQLState());
        }
    }

    @Test
    void enumAndSetReadAsCharText() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, size, colors) VALUES (?, ?, ?)")) {
            ps.setInt(1, 1);
            ps.setString(2, "LARGE");
            ps.setString(3, "blue,red,blue");
            ps.executeUpdate();
            ps.setInt(1, 2);
            ps.setInt(2, 1);
            ps.setInt(3, 2);
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT size, colors, size + 0 FROM t ORDER BY size DESC")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.CHAR, md.getColumnType(1));
            assertEquals("CHAR", md.getColumnTypeName(1));
            assertEquals(Types.CHAR, md.getColumnType(2));
            assertEquals(String.class.getName(), md.getColumnClassName(1));
            assertTrue(rs.next());
            assertEquals("large", rs.getObject(1));
            assertEquals("red,blue", rs.getString(2));
            assertEquals(3, rs.getInt(3));
            assertTrue(rs.next());
            assertEquals("small", rs.getString(1));
            assertEquals("green", rs.getObject(2));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, size) VALUES (3, ?)")) {
            ps.setString(1, "huge");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals(1265, e.getErrorCode());
        }
    }

    @Test
    void jsonIsLongvarcharNamedJson() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, doc) VALUES (1, ?)")) {
            ps.setString(1, "{\"b\":[1,2.5,true],\"a\":null}");
            ps.executeUpdate();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT doc FROM t")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(Types.LONGVARCHAR, md.getColumnType(1));
            assertEquals("JSON", md.getColumnTypeName(1));
            assertTrue(rs.next());
            assertEquals("{\"a\": null, \"b\": [1, 2.5, true]}", rs.getString(1));
            assertEquals("{\"a\": null, \"b\": [1, 2.5, true]}", rs.getObject(1));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, doc) VALUES (2, ?)")) {
            ps.setString(1, "{\"a\":");
            SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
            assertEquals(3140, e.getErrorCode());
            assertEquals("22032", e.getSQLState());
        }
    }

    @Test
    void getColumnsDescribesTheNewTypes() throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns("d", null, "t", null)) {
            java.util.Map<String, String> types = new java.util.HashMap<>();
            java.util.Map<String, Integer> codes = new java.util.HashMap<>();
            while (rs.next()) {
                types.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
                codes.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
            }
            assertEquals(Types.BIT, codes.get("flag"));
            assertEquals("BIT", types.get("flag"));
            assertEquals(Types.CHAR, codes.get("size"));
            assertEquals(Types.CHAR, codes.get("colors"));
            assertEquals(Types.LONGVARCHAR, codes.get("doc"));
            assertEquals("JSON", types.get("doc"));
        }
    }
}
