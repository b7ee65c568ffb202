package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement behaviour that does not depend on a statement succeeding. */
class JdbcStatementTest {
    private final EngineRegistry registry = new EngineRegistry();
    private Connection conn;
    private Statement st;

    @BeforeEach
    void open() throws SQLException {
        conn = new JdbcDriver(registry).connect(TestUrls.mem(), new Properties());
        st = conn.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
    }

    @Test
    void generatedKeysMustBeRequested() {
        SQLException e = assertThrows(SQLException.class, st::getGeneratedKeys);
        assertTrue(e.getMessage().startsWith("Generated keys not requested"), e.getMessage());
        assertEquals("S1009", e.getSQLState());
    }

    @Test
    void aFailedBatchReportsEveryEntryAndKeepsGoing() throws SQLException {
        st.addBatch("this is not sql");
        st.addBatch("neither is this");
        BatchUpdateException e = assertThrows(BatchUpdateException.class, st::executeBatch);
        assertArrayEquals(new long[] {Statement.EXECUTE_FAILED, Statement.EXECUTE_FAILED}, e.getLargeUpdateCounts());
        assertTrue(e.getErrorCode() > 1000, "the first failure's MySQL code: " + e.getErrorCode());
        assertTrue(e.getCause() instanceof SQLException);
        assertArrayEquals(new int[0], st.executeBatch(), "the batch was cleared");
    }

    @Test
    void settingsAreCheckedAndKept() throws SQLException {
        st.setMaxRows(10);
        assertEquals(10, st.getMaxRows());
        assertThrows(SQLException.class, () -> st.setMaxRows(-1));
        st.setQueryTimeout(5);
        assertEquals(5, st.getQueryTimeout());
        st.setFetchSize(Integer.MIN_VALUE); // Connector/J's streaming hint is accepted
        st.setFetchSize(50);
        assertEquals(50, st.getFetchSize());
        assertThrows(SQLException.class, () -> st.setFetchDirection(ResultSet.FETCH_REVERSE));
        assertEquals(ResultSet.CONCUR_READ_ONLY, st.getResultSetConcurrency());
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, st.getResultSetHoldability());
        assertEquals(conn, st.getConnection());
        assertThrows(SQLFeatureNotSupportedException.class, st::cancel);
        assertThrows(SQLFeatureNotSupportedException.class, () -> st.setCursorName("c"));
        assertThrows(SQLException.class, () -> st.executeUpdate("x", 99));
    }

    @Test
    void identifiersAreQuotedWithBackticks() throws SQLException {
        assertEquals("`my table`", st.enquoteIdentifier("my table", false));
        assertEquals("plain", st.enquoteIdentifier("plain", false));
        assertEquals("`plain`", st.enquoteIdentifier("plain", true));
        assertEquals("`a``b`", st.enquoteIdentifier("a`b", false));
        assertEquals("`done`", st.enquoteIdentifier("`done`", true));
        assertEquals("'it''s'", st.enquoteLiteral("it's"));
    }

    @Test
    void noResultsBeforeAnyExecution() throws SQLException {
        assertNull(st.getResultSet());
        assertEquals(-1, st.getUpdateCount());
        assertFalse(st.getMoreResults());
        assertNull(st.getWarnings());
    }

    @Test
    void closedStatementRefusesWork() throws SQLException {
        st.close();
        assertTrue(st.isClosed());
        assertThrows(SQLException.class, () -> st.execute("SELECT 1"));
        assertThrows(SQLException.class, st::getResultSet);
        assertThrows(SQLException.class, () -> st.addBatch("SELECT 1"));
        st.close();
    }
}
