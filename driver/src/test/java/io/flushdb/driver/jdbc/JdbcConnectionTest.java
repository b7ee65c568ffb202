package io.flushdb.driver.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.storage.dict.Collation;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection state that needs no SQL statement: transactions, catalog, settings, lifecycle. */
class JdbcConnectionTest {
    private final EngineRegistry registry = new EngineRegistry();
    private final JdbcDriver driver = new JdbcDriver(registry);
    private String url;
    private JdbcConnection conn;

    @BeforeEach
    void open() throws SQLException {
        url = TestUrls.mem();
        conn = (JdbcConnection) driver.connect(url, new Properties());
    }

    @AfterEach
    void close() throws SQLException {
        conn.close();
        assertEquals(0, registry.openEngineCount());
    }

    private void createDatabase(String name) {
        conn.lease().engine().storage().dictionary().createDatabase(name, Collation.UTF8MB4_0900_AI_CI, false);
    }

    @Test
    void defaultsAreMySqls() throws SQLException {
        assertTrue(conn.getAutoCommit());
        assertEquals(Connection.TRANSACTION_REPEATABLE_READ, conn.getTransactionIsolation());
        assertFalse(conn.isReadOnly());
        assertNull(conn.getCatalog());
        assertNull(conn.getSchema());
        assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, conn.getHoldability());
        assertTrue(conn.isValid(0));
        assertNull(conn.getWarnings());
    }

    @Test
    void transactionSettingsGoToTheSession() throws SQLException {
        conn.setAutoCommit(false);
        assertFalse(conn.getAutoCommit());
        conn.commit();
        conn.rollback();
        conn.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        assertEquals(Connection.TRANSACTION_READ_COMMITTED, conn.getTransactionIsolation());
        conn.setReadOnly(true);
        assertTrue(conn.isReadOnly());
        assertThrows(SQLException.class, () -> conn.setTransactionIsolation(Connection.TRANSACTION_NONE));
        conn.setAutoCommit(true);
        assertTrue(conn.getAutoCommit());
    }

    @Test
    void commitAndRollbackNeedAutocommitOff() {
        SQLException e = assertThrows(SQLException.class, conn::commit);
        assertEquals("Can't call commit when autocommit=true", e.getMessage());
        assertThrows(SQLException.class, conn::rollback);
        assertThrows(SQLException.class, conn::setSavepoint);
    }

    @Test
    void savepoints() throws SQLException {
        conn.setAutoCommit(false);
        Savepoint unnamed = conn.setSavepoint();
        Savepoint named = conn.setSavepoint("before_update");
        assertEquals("before_update", named.getSavepointName());
        assertThrows(SQLException.class, named::getSavepointId);
        assertTrue(unnamed.getSavepointId() > 0);
        assertThrows(SQLException.class, unnamed::getSavepointName);
        conn.rollback(named);
        conn.rollback(named); // still there: a rollback keeps its own savepoint
        conn.releaseSavepoint(named);
        SQLException e = assertThrows(SQLException.class, () -> conn.rollback(named));
        assertEquals(1305, e.getErrorCode(), "ROLLBACK TO a released savepoint: " + e.getMessage());
        assertEquals("SAVEPOINT before_update does not exist", e.getMessage());
        conn.rollback(unnamed);
        conn.releaseSavepoint(unnamed);
        try (Connection other = driver.connect(url, new Properties())) {
            other.setAutoCommit(false);
            Savepoint foreign = other.setSavepoint("x");
            assertThrows(SQLException.class, () -> conn.rollback(foreign));
        }
    }

    @Test
    void catalogIsTheDefaultDatabase() throws SQLException {
        createDatabase("shop");
        conn.setCatalog("shop");
        assertEquals("shop", conn.getCatalog());
        SQLException e = assertThrows(SQLSyntaxErrorException.class, () -> conn.setCatalog("nope"));
        assertEquals(1049, e.getErrorCode());
        assertEquals("42000", e.getSQLState());
        assertEquals("Unknown database 'nope'", e.getMessage());
        assertEquals("shop", conn.getCatalog());
        conn.setSchema("ignored");
        assertNull(conn.getSchema());
    }

    @Test
    void databasePropertySelectsTheDefaultDatabase() throws SQLException {
        createDatabase("app");
        String base = url.substring(0, url.indexOf('?'));
        try (Connection c = driver.connect(base + "?database=app&" + TestUrls.SMALL_POOL, new Properties())) {
            assertEquals("app", c.getCatalog());
        }
        SQLException e = assertThrows(SQLSyntaxErrorException.class,
                () -> driver.connect(base + "?database=missing", new Properties()));
        assertEquals(1049, e.getErrorCode());
        assertEquals(1, registry.openEngineCount(), "the failed connection returned its lease");
    }

    @Test
    void pooledConnectionSettingsAreStored() throws SQLException {
        conn.setNetworkTimeout(Runnable::run, 30_000);
        assertEquals(30_000, conn.getNetworkTimeout());
        SQLException e = assertThrows(SQLException.class, () -> conn.setNetworkTimeout(Runnable::run, -1));
        assertEquals("Network timeout must be >= 0: -1", e.getMessage());
        assertEquals("S1009", e.getSQLState());
        assertThrows(SQLException.class, () -> conn.setNetworkTimeout(null, 1000));
        e = assertThrows(SQLException.class, () -> conn.setNetworkTimeout(null, -1));
        assertEquals("Executor can not be null", e.getMessage(), "checked before the timeout");
        e = assertThrows(SQLException.class, () -> conn.isValid(-1));
        assertEquals("Timeout must be >= 0: -1", e.getMessage());
        assertEquals("S1009", e.getSQLState());
        conn.setClientInfo("ApplicationName", "tests");
        assertEquals("tests", conn.getClientInfo("ApplicationName"));
        assertEquals("tests", conn.getClientInfo().getProperty("ApplicationName"));
        conn.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT);
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
        assertTrue(conn.getTypeMap().isEmpty());
    }

    @Test
    void unsupportedFeaturesSaySo() {
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.prepareCall("CALL p()"));
        assertThrows(SQLFeatureNotSupportedException.class, () -> conn.createArrayOf("INT", new Object[0]));
        assertThrows(SQLFeatureNotSupportedException.class,
                () -> conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_UPDATABLE));
    }

    @Test
    void createdLobsAreWritableAndBindable() throws Exception {
        java.sql.Clob clob = conn.createClob();
        assertEquals(0, clob.length());
        assertEquals(5, clob.setString(1, "hello"));
        assertEquals(6, clob.setString(6, " world"));
        try (java.io.Writer w = clob.setCharacterStream(12)) {
            w.write("!");
        }
        assertEquals("hello world!", clob.getSubString(1, 100));
        assertEquals(7, clob.position("world", 1));
        SQLException outOfRange = assertThrows(SQLException.class, () -> clob.setString(20, "x"));
        assertEquals("S1009", outOfRange.getSQLState());
        clob.truncate(5);

        java.sql.Blob blob = conn.createBlob();
        blob.setBytes(1, new byte[] {1, 2, 3});
        try (java.io.OutputStream out = blob.setBinaryStream(4)) {
            out.write(new byte[] {4, 5});
        }
        assertEquals(5, blob.length());
        assertEquals(3, blob.position(new byte[] {3, 4}, 1));

        java.sql.NClob nclob = conn.createNClob();
        nclob.setString(1, "ünï");

        try (Statement st = conn.createStatement()) {
            st.execute("CREATE DATABASE lobs");
            st.execute("CREATE TABLE lobs.t (c TEXT, b BLOB, n TEXT)");
        }
        try (java.sql.PreparedStatement ps = conn.prepareStatement("INSERT INTO lobs.t VALUES (?, ?, ?)")) {
            ps.setClob(1, clob);
            ps.setBlob(2, blob);
            ps.setNClob(3, nclob);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT c, b, n FROM lobs.t")) {
            assertTrue(rs.next());
            assertEquals("hello", rs.getString(1));
            org.junit.jupiter.api.Assertions.assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, rs.getBytes(2));
            assertEquals("ünï", rs.getString(3));
        }
        clob.free();
        assertThrows(SQLException.class, clob::length);
        conn.close();
        assertThrows(SQLException.class, conn::createClob);
    }

    @Test
    void scrollSensitiveIsDowngradedWithAWarning() throws SQLException {
        Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_READ_ONLY);
        assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, s.getResultSetType());
        assertTrue(conn.getWarnings().getMessage().contains("TYPE_SCROLL_SENSITIVE"));
        conn.clearWarnings();
        assertNull(conn.getWarnings());
    }

    @Test
    void failedStatementsReportMySqlErrors() throws SQLException {
        try (Statement s = conn.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SELEKT nonsense"));
            assertTrue(e.getErrorCode() > 1000, "a MySQL error code: " + e.getErrorCode());
            assertEquals(5, e.getSQLState().length());
            assertTrue(e.getCause() instanceof io.flushdb.sql.error.MySqlException);
        }
    }

    @Test
    void closingTheConnectionClosesItsStatementsAndReturnsTheEngine() throws SQLException {
        Statement s = conn.createStatement();
        try (Connection second = driver.connect(url, new Properties())) {
            assertSame(((JdbcConnection) second).lease().engine(), conn.lease().engine());
        }
        conn.close();
        assertTrue(conn.isClosed());
        assertTrue(s.isClosed());
        assertFalse(conn.isValid(1));
        SQLException e = assertThrows(SQLNonTransientConnectionException.class, conn::createStatement);
        assertEquals("08003", e.getSQLState());
        assertThrows(SQLException.class, conn::getAutoCommit);
        assertThrows(SQLException.class, () -> s.execute("SELECT 1"));
        conn.close(); // twice is fine
        assertEquals(0, registry.openEngineCount());
    }

    @Test
    void abortClosesAtOnceAndReleasesOnTheExecutor() throws SQLException {
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        Executor later = queued::add;
        conn.abort(later);
        assertTrue(conn.isClosed());
        assertEquals(1, queued.size());
        assertEquals(1, registry.openEngineCount(), "released only when the executor runs the task");
        queued.get(0).run();
        assertEquals(0, registry.openEngineCount());
        assertThrows(SQLException.class, () -> conn.abort(null));
    }

    @Test
    void nativeSqlIsTheTextAsGiven() throws SQLException {
        assertEquals("SELECT 1", conn.nativeSQL("SELECT 1"));
    }
}
