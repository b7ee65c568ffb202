package io.flushdb.compat.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parameters whose type nothing around them implies, as MySQL accepts them: a whole select item
 * ({@code SELECT ?}, {@code INSERT ... SELECT ?}), a whole SET value, and an operand of a
 * function such as CONCAT. Values must arrive unchanged, binary ones included.
 */
class ParametersTest {
    @TempDir
    Path dir;

    /** Bytes that are not valid UTF-8: any detour through text would change them. */
    private static final byte[] BINARY = {0, (byte) 0xff, (byte) 0xc3, 0x28, (byte) 0x80, 7};

    @Test
    void untypedParametersKeepTheirValues() throws SQLException {
        try (Connection c = TestDatabase.open(dir)) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, n INT, amount DECIMAL(8,2), label VARCHAR(20), data VARBINARY(16))");
                s.execute("INSERT INTO t VALUES (1, 1, 1.00, 'a', NULL)");
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?, ? FROM t WHERE id = 1")) {
                ps.setInt(1, 42);
                ps.setString(2, "text");
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(42, rs.getInt(1));
                    assertEquals("text", rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE t SET n = ?, amount = ?, label = CONCAT(label, ?), data = ? WHERE id = ?")) {
                ps.setLong(1, 7);
                ps.setBigDecimal(2, new BigDecimal("12.34"));
                ps.setString(3, "-suffix");
                ps.setBytes(4, BINARY);
                ps.setInt(5, 1);
                assertEquals(1, ps.executeUpdate());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id, n, amount, label, data) SELECT ?, ?, ?, ?, ?")) {
                ps.setInt(1, 2);
                ps.setInt(2, -3);
                ps.setString(3, "0.50");
                ps.setString(4, "copy");
                ps.setBytes(5, BINARY);
                assertEquals(1, ps.executeUpdate());
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id, n, amount, label, data FROM t ORDER BY id")) {
                assertTrue(rs.next());
                assertEquals(7, rs.getInt("n"));
                assertEquals(new BigDecimal("12.34"), rs.getBigDecimal("amount"));
                assertEquals("a-suffix", rs.getString("label"));
                assertArrayEquals(BINARY, rs.getBytes("data"));
                assertTrue(rs.next());
                assertEquals(-3, rs.getInt("n"));
                assertEquals(new BigDecimal("0.50"), rs.getBigDecimal("amount"));
                assertEquals("copy", rs.getString("label"));
                assertArrayEquals(BINARY, rs.getBytes("data"));
            }
        }
    }
}
