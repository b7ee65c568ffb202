package io.flushdb.driver.jdbc;

import io.flushdb.driver.engine.EngineLease;
import io.flushdb.driver.engine.EngineRegistry;
import io.flushdb.driver.url.JdbcUrl;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.error.SqlErrors;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.Engine;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A connection: one engine {@link Session} on a shared engine held through an {@link EngineLease}.
 * Transactions, savepoints, isolation, read-only mode and the default database ({@code setCatalog}
 * is {@code USE}) are the session's; the network timeout, client info and holdability are stored
 * here (an in-process engine has no network), so pools such as HikariCP can set and read them.
 * Closing the connection closes its statements, rolls back an open transaction and returns the
 * lease; the last connection to an engine closes it.
 *
 * <p>MySQL's databases are JDBC catalogs ({@code databaseTerm=CATALOG}, Connector/J's default):
 * {@code getSchema} is null and {@code setSchema} is ignored.
 *
 * <p>Concurrency: the session is confined to one thread at a time, so every use of it holds this
 * connection's monitor ({@link #withSession}); a statement running in one thread makes another
 * thread's call on the same connection wait. {@link #closed} is volatile: written under the monitor
 * or by {@link #abort}, read without it by {@link #isClosed}.
 */
public final class JdbcConnection extends JdbcObject implements Connection {
    private final EngineLease lease;
    private final Session session;
    private final JdbcUrl url;
    /** Open statements, closed with the connection. Guarded by this. */
    private final Set<JdbcStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private volatile boolean closed;
    /** Whether the session and lease were given back. Guarded by this. */
    private boolean released;
    /** Warnings raised by the driver itself (e.g. a downgraded result set type). Guarded by this. */
    private SQLWarning driverWarnings;
    private volatile int networkTimeoutMillis;
    private final Properties clientInfo = new Properties();
    private int savepointIds;

    private JdbcConnection(EngineLease lease, Session session, JdbcUrl url) {
        this.lease = lease;
        this.session = session;
        this.url = url;
    }

    /**
     * Opens a connection for {@code url}: takes a lease on its engine, starts a session, and makes
     * the URL's database the default one (creating it first if {@code createDatabaseIfNotExist}).
     */
    static JdbcConnection open(EngineRegistry registry, JdbcUrl url) throws SQLException {
        EngineLease lease = registry.acquire(url.location(), url.settings());
        Session session = null;
        try {
            session = lease.engine().newSession(null);
            String db = url.database();
            if (db != null) {
                if (url.createDatabaseIfNotExist()) {
                    session.execute("CREATE DATABASE IF NOT EXISTS " + JdbcDatabaseMetaData.quoteIdentifier(db, true));
                }
                session.useDatabase(db);
            }
            return new JdbcConnection(lease, session, url);
        } catch (RuntimeException e) {
            SQLException ex = SqlExceptions.translate(SqlErrors.translate(e));
            try {
                if (session != null) {
                    session.close();
                }
            } catch (RuntimeException suppressed) {
                ex.addSuppressed(suppressed);
            } finally {
                try {
                    lease.close();
                } catch (SQLException suppressed) {
                    ex.addSuppressed(suppressed);
                }
            }
            throw ex;
        }
    }

    // ---- the session --------------------------------------------------------------------------

    /** One call on the session. */
    @FunctionalInterface
    interface SessionCall<T> {
        T apply(Session session);
    }

    /**
     * Runs {@code call} on the session under this connection's monitor, turning engine failures
     * into SQLExceptions.
     */
    <T> T withSession(SessionCall<T> call) throws SQLException {
        synchronized (this) {
            checkOpen();
            try {
                return call.apply(session);
            } catch (MySqlException e) {
                throw SqlExceptions.translate(e);
            } catch (RuntimeException e) {
                throw SqlExceptions.translate(SqlErrors.translate(e));
            }
        }
    }

    /** {@link #withSession} for a call that returns nothing. */
    private void useSession(Consumer<Session> call) throws SQLException {
        withSession(s -> {
            call.accept(s);
            return null;
        });
    }

    /** The warnings of the last statement the session ran. */
    synchronized SQLWarning sessionWarnings() {
        return SqlExceptions.warnings(session.warnings());
    }

    EngineLease lease() {
        return lease;
    }

    JdbcUrl url() {
        return url;
    }

    // ---- statements ---------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        int t = checkResultSetOptions(type, concurrency, holdability);
        return register(new JdbcStatement(this, t));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return prepareStatement(sql, type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepare(sql, checkResultSetOptions(type, concurrency, holdability), false);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, ResultSet.TYPE_FORWARD_ONLY, JdbcStatement.keysFlag(autoGeneratedKeys));
    }

    /** As Connector/J: naming any column asks for the generated key. */
    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql, ResultSet.TYPE_FORWARD_ONLY, JdbcStatement.keysFlag(columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql, ResultSet.TYPE_FORWARD_ONLY, JdbcStatement.keysFlag(columnNames));
    }

    private PreparedStatement prepare(String sql, int type, boolean keys) throws SQLException {
        JdbcStatement.checkSql(sql);
        var prepared = withSession(s -> s.prepare(sql));
        return register(new JdbcPreparedStatement(this, prepared, type, keys));
    }

    private <S extends JdbcStatement> S register(S statement) throws SQLException {
        synchronized (this) {
            checkOpen();
            statements.add(statement);
        }
        return statement;
    }

    synchronized void statementClosed(JdbcStatement statement) {
        statements.remove(statement);
    }

    /**
     * Checks the result set options: scroll-sensitive is downgraded to scroll-insensitive with a
     * warning (JDBC allows it; rows are materialised anyway); updatable result sets and
     * CLOSE_CURSORS_AT_COMMIT are not supported.
     */
    private int checkResultSetOptions(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw SqlExceptions.illegalArgument("Invalid result set type " + type);
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw concurrency == ResultSet.CONCUR_UPDATABLE ? ReadOnlyResultSet.readOnly()
                    : SqlExceptions.illegalArgument("Invalid result set concurrency " + concurrency);
        }
        checkHoldability(holdability);
        if (type == ResultSet.TYPE_SCROLL_SENSITIVE) {
            addDriverWarning(new SQLWarning("TYPE_SCROLL_SENSITIVE is not supported; using TYPE_SCROLL_INSENSITIVE",
                    "01000", 0));
            return ResultSet.TYPE_SCROLL_INSENSITIVE;
        }
        return type;
    }

    private static void checkHoldability(int holdability) throws SQLException {
        if (holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw SqlExceptions.unsupported("CLOSE_CURSORS_AT_COMMIT (results are materialised and held over commit)");
        }
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw SqlExceptions.illegalArgument("Invalid holdability " + holdability);
        }
    }

    private synchronized void addDriverWarning(SQLWarning w) {
        if (driverWarnings == null) {
            driverWarnings = w;
        } else {
            driverWarnings.setNextWarning(w);
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlExceptions.unsupported("Stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        throw SqlExceptions.unsupported("Stored procedures (prepareCall)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        throw SqlExceptions.unsupported("Stored procedures (prepareCall)");
    }

    /** JDBC escapes are not translated: the text is what the engine receives. */
    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ---- transactions -------------------------------------------------------------------------

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        useSession(s -> s.setAutoCommit(autoCommit));
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return withSession(Session::autoCommit);
    }

    @Override
    public void commit() throws SQLException {
        checkNotAutoCommit("commit");
        useSession(Session::commit);
    }

    @Override
    public void rollback() throws SQLException {
        checkNotAutoCommit("rollback");
        useSession(Session::rollback);
    }

    private void checkNotAutoCommit(String what) throws SQLException {
        if (getAutoCommit()) {
            throw SqlExceptions.client("Can't call " + what + " when autocommit=true", SqlExceptions.GENERAL_ERROR);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        JdbcSavepoint sp;
        synchronized (this) {
            sp = JdbcSavepoint.numbered(++savepointIds, this);
        }
        return setSavepoint(sp);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null || name.isEmpty()) {
            throw SqlExceptions.illegalArgument("Savepoint name can not be null or empty");
        }
        return setSavepoint(JdbcSavepoint.named(name, this));
    }

    private Savepoint setSavepoint(JdbcSavepoint sp) throws SQLException {
        checkNotAutoCommit("setSavepoint");
        useSession(s -> s.setSavepoint(sp.engineName()));
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        JdbcSavepoint sp = ours(savepoint);
        checkNotAutoCommit("rollback");
        useSession(s -> s.rollbackToSavepoint(sp.engineName()));
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        JdbcSavepoint sp = ours(savepoint);
        useSession(s -> s.releaseSavepoint(sp.engineName()));
    }

    private JdbcSavepoint ours(Savepoint savepoint) throws SQLException {
        if (!(savepoint instanceof JdbcSavepoint sp) || sp.connection() != this) {
            throw SqlExceptions.illegalArgument("Savepoint was not set on this connection: " + savepoint);
        }
        return sp;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        switch (level) {
            case TRANSACTION_READ_UNCOMMITTED, TRANSACTION_READ_COMMITTED, TRANSACTION_REPEATABLE_READ,
                 TRANSACTION_SERIALIZABLE -> useSession(s -> s.setIsolationLevel(level));
            default -> throw SqlExceptions.illegalArgument("Unsupported transaction isolation level " + level);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return withSession(Session::isolationLevel);
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        useSession(s -> s.setReadOnly(readOnly));
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return withSession(Session::readOnly);
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        checkHoldability(holdability);
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    // ---- database (catalog) -------------------------------------------------------------------

    /** {@code USE catalog}. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        if (catalog == null) {
            throw SqlExceptions.illegalArgument("Catalog can not be null");
        }
        useSession(s -> s.useDatabase(catalog));
    }

    /** The default database, or null when none is selected. */
    @Override
    public String getCatalog() throws SQLException {
        return withSession(Session::database);
    }

    /** Ignored: databases are catalogs ({@code databaseTerm=CATALOG}). */
    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcDatabaseMetaData(this);
    }

    // ---- warnings -----------------------------------------------------------------------------

    /** The driver's own warnings, then those of the last statement the session ran. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        synchronized (this) {
            checkOpen();
            SQLWarning statementWarnings = sessionWarnings();
            if (driverWarnings == null) {
                return statementWarnings;
            }
            List<SQLWarning> all = new ArrayList<>();
            for (SQLWarning w = driverWarnings; w != null; w = w.getNextWarning()) {
                all.add(new SQLWarning(w.getMessage(), w.getSQLState(), w.getErrorCode()));
            }
            SQLWarning head = all.get(0);
            for (int i = 1; i < all.size(); i++) {
                head.setNextWarning(all.get(i));
            }
            if (statementWarnings != null) {
                head.setNextWarning(statementWarnings);
            }
            return head;
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        synchronized (this) {
            checkOpen();
            driverWarnings = null;
            session.clearWarnings();
        }
    }

    // ---- liveness, timeouts, client info -------------------------------------------------------

    /** Open, and its engine serving reads and writes. */
    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        SqlExceptions.checkNonNegative(timeoutSeconds, "Timeout");
        return !closed && lease.engine().storage().state() == Engine.State.OPEN;
    }

    /** Stored only: statements run in the caller's thread, with no network in between. */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (executor == null) {
            throw SqlExceptions.illegalArgument("Executor can not be null");
        }
        SqlExceptions.checkNonNegative(milliseconds, "Network timeout");
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("Connection is closed", Map.of(name, ClientInfoStatus.REASON_UNKNOWN));
        }
        synchronized (clientInfo) {
            if (value == null) {
                clientInfo.remove(name);
            } else {
                clientInfo.setProperty(name, value);
            }
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            Map<String, ClientInfoStatus> failed = new HashMap<>();
            properties.stringPropertyNames().forEach(n -> failed.put(n, ClientInfoStatus.REASON_UNKNOWN));
            throw new SQLClientInfoException("Connection is closed", failed);
        }
        synchronized (clientInfo) {
            clientInfo.clear();
            properties.stringPropertyNames().forEach(n -> clientInfo.setProperty(n, properties.getProperty(n)));
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            return clientInfo.getProperty(name);
        }
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        synchronized (clientInfo) {
            Properties copy = new Properties();
            copy.putAll(clientInfo);
            return copy;
        }
    }

    // ---- unsupported object factories --------------------------------------------------------

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return new HashMap<>();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("Type maps (user-defined types)");
        }
    }

    /**
     * An empty, writable clob, as Connector/J's; bind it with {@code setClob}. (Hibernate probes
     * this at boot; HikariCP evicts a connection whose call fails with SQLSTATE 0A000.)
     */
    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new MemoryClob();
    }

    /** An empty, writable blob, as Connector/J's; bind it with {@code setBlob}. */
    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new MemoryBlob();
    }

    /** An empty, writable NCLOB (utf8mb4 text, as a CLOB). */
    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return new MemoryClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlExceptions.unsupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlExceptions.unsupported("ARRAY values");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlExceptions.unsupported("STRUCT values");
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @Override
    public void close() throws SQLException {
        closed = true;
        release();
    }

    /**
     * Marks the connection closed at once and releases it on {@code executor}; the release waits
     * for a statement running in another thread to finish.
     */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw SqlExceptions.illegalArgument("Executor can not be null");
        }
        if (closed) {
            return;
        }
        closed = true;
        executor.execute(() -> {
            try {
                release();
            } catch (SQLException e) {
                System.getLogger(JdbcConnection.class.getName()).log(System.Logger.Level.WARNING,
                        "Releasing an aborted connection failed", e);
            }
        });
    }

    /** Closes the statements and the session (rolling back) and returns the lease; once. */
    private void release() throws SQLException {
        SQLException failure = null;
        synchronized (this) {
            if (released) {
                return;
            }
            released = true;
            for (JdbcStatement s : statements) {
                s.closeFromConnection();
            }
            statements.clear();
            try {
                session.close();
            } catch (RuntimeException e) {
                failure = SqlExceptions.translate(SqlErrors.translate(e));
            }
        }
        try {
            lease.close();
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.client("No operations allowed after connection closed.", SqlExceptions.CONNECTION_CLOSED);
        }
    }
}
