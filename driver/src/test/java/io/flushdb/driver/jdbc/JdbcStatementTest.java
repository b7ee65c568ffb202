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
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

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

    /** Refused as an illegal argument (Connector/J's S1009), with exactly {@code message}. */
    private static void refused(String message, Executable call) {
        SQLException e = assertThrows(SQLException.class, call);
        assertEquals(message, e.getMessage());
        assertEquals("S1009", e.getSQLState());
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

    @Test
    void aClosedStatementSaysSoBeforeLookingAtArguments() throws SQLException {
        st.close();
        for (Executable call : new Executable[] {() -> st.setMaxFieldSize(-1), () -> st.setFetchSize(-1),
                () -> st.execute(null), () -> st.executeUpdate(null, new int[] {1}), () -> st.addBatch(null),
                () -> st.setFetchDirection(12345)}) {
            SQLException e = assertThrows(SQLException.class, call);
            assertEquals("No operations allowed after statement closed.", e.getMessage());
            assertEquals("HY000", e.getSQLState());
        }
    }

    @Test
    void negativeSettingsAreRefused() {
        refused("maxFieldSize must be >= 0: -1", () -> st.setMaxFieldSize(-1));
        refused("maxRows must be >= 0: -2", () -> st.setMaxRows(-2));
        refused("maxRows must be >= 0: -3000000000", () -> st.setLargeMaxRows(-3_000_000_000L));
        refused("Query timeout must be >= 0: -1", () -> st.setQueryTimeout(-1));
        refused("Fetch size must be >= 0: -1", () -> st.setFetchSize(-1));
    }

    @Test
    void nullSqlIsRefused() {
        String nullSql = "SQL statement can not be null";
        refused(nullSql, () -> st.execute(null));
        refused(nullSql, () -> st.execute(null, new int[] {1}));
        refused(nullSql, () -> st.executeQuery(null));
        refused(nullSql, () -> st.executeUpdate(null));
        refused(nullSql, () -> st.executeLargeUpdate(null, new String[] {"id"}));
        refused(nullSql, () -> st.addBatch(null));
        refused(nullSql, () -> conn.prepareStatement(null));
        refused(nullSql, () -> conn.prepareStatement(null, new int[0]));
        refused("Invalid autoGeneratedKeys value 7", () -> st.execute(null, 7));
        refused("Invalid autoGeneratedKeys value 7", () -> st.executeUpdate(null, 7));
        refused("Invalid autoGeneratedKeys value 7", () -> conn.prepareStatement(null, 7));
    }

    @Test
    void fetchDirectionsFollowTheResultSetType() throws SQLException {
        refused("Illegal fetch direction 1001", () -> st.setFetchDirection(ResultSet.FETCH_REVERSE));
        st.setFetchDirection(ResultSet.FETCH_FORWARD);
        try (ResultSet rs = st.executeQuery("SELECT 1")) {
            rs.setFetchDirection(ResultSet.FETCH_FORWARD);
            refused("Illegal fetch direction 1002", () -> rs.setFetchDirection(ResultSet.FETCH_UNKNOWN));
        }
        try (Statement scrolling = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY)) {
            scrolling.setFetchDirection(ResultSet.FETCH_REVERSE);
            scrolling.setFetchDirection(ResultSet.FETCH_UNKNOWN);
            refused("Illegal fetch direction 12345", () -> scrolling.setFetchDirection(12345));
            assertEquals(ResultSet.FETCH_FORWARD, scrolling.getFetchDirection(), "a hint only");
            try (ResultSet rs = scrolling.executeQuery("SELECT 1")) {
                rs.setFetchDirection(ResultSet.FETCH_REVERSE);
                rs.setFetchDirection(ResultSet.FETCH_UNKNOWN);
                refused("Illegal fetch direction 12345", () -> rs.setFetchDirection(12345));
                assertEquals(ResultSet.FETCH_FORWARD, rs.getFetchDirection(), "a hint only");
            }
        }
    }

    @Test
    void parameterIndexesAreChecked() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT ?, ?")) {
            refused("Parameter index out of range (3 > number of parameters, which is 2).", () -> ps.setInt(3, 1));
            refused("Parameter index out of range (0 > number of parameters, which is 2).", () -> ps.setNull(0, 0));
            ParameterMetaData pmd = ps.getParameterMetaData();
            refused("Parameter index out of range (3 > number of parameters, which is 2).", () -> pmd.isNullable(3));
            refused("Parameter index out of range (0 > number of parameters, which is 2).",
                    () -> pmd.getParameterMode(0));
            assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(2));
            assertThrows(SQLFeatureNotSupportedException.class, () -> pmd.getParameterType(1));
        }
    }
}
