package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlType;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;
import org.junit.jupiter.api.Test;

/** Cursor movement, column lookup and the result set's own state. */
class JdbcResultSetTest {

    private static Results threeRows() {
        return new Results().add("id", MySqlType.INT).add("Name", MySqlType.VARCHAR)
                .row(1L, "a").row(2L, "b").row(3L, "c");
    }

    @Test
    void forwardOnlyWalksEachRowOnce() throws SQLException {
        JdbcResultSet rs = threeRows().forwardOnly();
        assertTrue(rs.isBeforeFirst());
        assertEquals(0, rs.getRow());
        SQLException before = assertThrows(SQLException.class, () -> rs.getInt(1));
        assertTrue(before.getMessage().contains("Before start"), before.getMessage());
        int sum = 0;
        while (rs.next()) {
            sum += rs.getInt("id");
        }
        assertEquals(6, sum);
        assertTrue(rs.isAfterLast());
        assertFalse(rs.next());
        assertThrows(SQLException.class, () -> rs.getInt(1));
        SQLException e = assertThrows(SQLException.class, rs::previous);
        assertTrue(e.getMessage().contains("TYPE_FORWARD_ONLY"), e.getMessage());
        assertThrows(SQLException.class, rs::first);
        assertThrows(SQLException.class, () -> rs.absolute(1));
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
    }

    @Test
    void scrollInsensitiveMovesFreely() throws SQLException {
        JdbcResultSet rs = threeRows().scrollable();
        assertTrue(rs.last());
        assertEquals(3, rs.getRow());
        assertTrue(rs.isLast());
        assertTrue(rs.previous());
        assertEquals("b", rs.getString(2));
        assertTrue(rs.first());
        assertTrue(rs.isFirst());
        assertTrue(rs.absolute(-1));
        assertEquals(3, rs.getInt(1));
        assertTrue(rs.absolute(2));
        assertEquals(2, rs.getInt(1));
        assertTrue(rs.relative(-1));
        assertEquals(1, rs.getInt(1));
        assertFalse(rs.relative(10));
        assertTrue(rs.isAfterLast());
        assertFalse(rs.absolute(0));
        assertTrue(rs.isBeforeFirst());
        rs.afterLast();
        assertTrue(rs.previous());
        assertEquals(3, rs.getInt(1));
        rs.beforeFirst();
        assertTrue(rs.next());
        assertEquals(1, rs.getInt(1));
    }

    @Test
    void emptyResultIsNeitherBeforeFirstNorAfterLast() throws SQLException {
        JdbcResultSet rs = new Results().add("x", MySqlType.INT).scrollable();
        assertFalse(rs.isBeforeFirst());
        assertFalse(rs.next());
        assertFalse(rs.isAfterLast());
        assertFalse(rs.first());
        assertFalse(rs.last());
        assertEquals(0, rs.getRow());
    }

    @Test
    void labelsAreCaseInsensitiveAndTheFirstMatchWins() throws SQLException {
        JdbcResultSet rs = new Results().add("id", MySqlType.INT).add("ID", MySqlType.VARCHAR).row(5L, "five").forwardOnly();
        rs.next();
        assertEquals(1, rs.findColumn("Id"));
        assertEquals(5, rs.getInt("iD"));
        assertEquals(1, rs.findColumn("t.id"), "table.column names a column too");
        SQLException e = assertThrows(SQLException.class, () -> rs.getInt("missing"));
        assertEquals("S0022", e.getSQLState());
        assertEquals("Column 'missing' not found.", e.getMessage());
    }

    @Test
    void badIndexIsAnError() throws SQLException {
        JdbcResultSet rs = threeRows().forwardOnly();
        rs.next();
        SQLException e = assertThrows(SQLException.class, () -> rs.getInt(3));
        assertEquals("S1009", e.getSQLState());
        assertThrows(SQLException.class, () -> rs.getInt(0));
    }

    @Test
    void closedResultSetRefusesEverything() throws SQLException {
        JdbcResultSet rs = threeRows().forwardOnly();
        rs.close();
        rs.close();
        assertTrue(rs.isClosed());
        assertThrows(SQLException.class, rs::next);
        assertThrows(SQLException.class, () -> rs.getString(1));
        assertThrows(SQLException.class, rs::getMetaData);
    }

    @Test
    void updatesAreNotSupported() throws SQLException {
        JdbcResultSet rs = threeRows().scrollable();
        rs.next();
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 5));
        assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateString("Name", "x"));
        assertThrows(SQLFeatureNotSupportedException.class, rs::insertRow);
        assertThrows(SQLFeatureNotSupportedException.class, rs::deleteRow);
        assertThrows(SQLFeatureNotSupportedException.class, rs::getCursorName);
        assertThrows(SQLFeatureNotSupportedException.class, () -> rs.getArray(1));
    }

    @Test
    void fetchSettings() throws SQLException {
        JdbcResultSet forward = threeRows().forwardOnly();
        forward.setFetchSize(100);
        assertEquals(100, forward.getFetchSize());
        SQLException e = assertThrows(SQLException.class, () -> forward.setFetchSize(-1));
        assertEquals("Fetch size must be >= 0: -1", e.getMessage());
        assertEquals("S1009", e.getSQLState());
        e = assertThrows(SQLException.class, () -> forward.setFetchSize(Integer.MIN_VALUE));
        assertEquals("Fetch size must be >= 0: " + Integer.MIN_VALUE, e.getMessage(), "no streaming hint here");
        assertThrows(SQLException.class, () -> forward.setFetchDirection(ResultSet.FETCH_REVERSE));
        threeRows().scrollable().setFetchDirection(ResultSet.FETCH_REVERSE);
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, forward.getHoldability());
        assertNull(forward.getStatement());
        assertNull(forward.getWarnings());
    }

    @Test
    void metaDataDescribesColumnsAsConnectorJDoes() throws SQLException {
        ColumnMeta id = new ColumnMeta("item_id", "id", "i", "items", "shop", MySqlType.BIGINT_UNSIGNED, 20, 0, false,
                true, false, 0);
        ColumnMeta price = new ColumnMeta("price", "price", "i", "items", "shop", MySqlType.DECIMAL, 12, 2, true, false,
                false, 0);
        ColumnMeta name = new ColumnMeta("name", "name", "i", "items", "shop", MySqlType.VARCHAR, 40, 0, true, false,
                false, 0);
        ColumnMeta blob = new ColumnMeta("data", "data", "i", "items", "shop", MySqlType.BLOB, 65535, 0, true, false,
                false, 0);
        ColumnMeta expr = ColumnMeta.expression("COUNT(*)", MySqlType.BIGINT, 21, 0, false);
        ResultSetMetaData md = new Results().add(id).add(price).add(name).add(blob).add(expr).forwardOnly().getMetaData();
        assertEquals(5, md.getColumnCount());
        assertEquals("item_id", md.getColumnLabel(1));
        assertEquals("id", md.getColumnName(1));
        assertEquals("items", md.getTableName(1));
        assertEquals("shop", md.getCatalogName(1));
        assertEquals("", md.getSchemaName(1));
        assertEquals(Types.BIGINT, md.getColumnType(1));
        assertEquals("BIGINT UNSIGNED", md.getColumnTypeName(1));
        assertEquals("java.math.BigInteger", md.getColumnClassName(1));
        assertFalse(md.isSigned(1));
        assertTrue(md.isAutoIncrement(1));
        assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
        assertEquals(20, md.getPrecision(1));
        assertTrue(md.isSigned(2));
        assertEquals(12, md.getPrecision(2));
        assertEquals(2, md.getScale(2));
        assertEquals(Types.DECIMAL, md.getColumnType(2));
        assertEquals(ResultSetMetaData.columnNullable, md.isNullable(2));
        assertFalse(md.isCaseSensitive(3), "text uses a case-insensitive collation");
        assertTrue(md.isCaseSensitive(4), "binary strings compare bytes");
        assertEquals(Types.LONGVARBINARY, md.getColumnType(4));
        assertEquals("[B", md.getColumnClassName(4));
        assertEquals(40, md.getColumnDisplaySize(3));
        assertFalse(md.isReadOnly(3));
        assertTrue(md.isWritable(3));
        assertEquals("COUNT(*)", md.getColumnName(5));
        assertEquals("", md.getTableName(5));
        assertTrue(md.isReadOnly(5), "computed columns are read-only");
        assertThrows(SQLException.class, () -> md.getColumnName(6));
        assertTrue(md.isWrapperFor(JdbcResultSetMetaData.class));
    }
}
