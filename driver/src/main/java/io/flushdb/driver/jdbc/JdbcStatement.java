package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.session.PreparedSql;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.MySqlType;
import java.math.BigInteger;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A statement that runs SQL text on its connection's session. Each execution replaces the previous
 * outcome: a result set (closing the previous one) or an update count with the AUTO_INCREMENT
 * values it generated, and the warnings it raised.
 *
 * <p>As JDBC specifies, {@code executeQuery} accepts only statements that return rows and
 * {@code executeUpdate} only statements that do not; the kind is known once the statement is
 * parsed, so a misdirected statement is refused before it runs and changes nothing.
 *
 * <p>Batches run their statements one by one and, as Connector/J does by default
 * ({@code continueBatchOnError=true}), go on after a failed one, which is reported as
 * {@link Statement#EXECUTE_FAILED} in the {@link BatchUpdateException}; a deadlock or lock wait
 * timeout stops the batch, since the transaction was rolled back.
 *
 * <p>Concurrency: as JDBC statements, used by one thread at a time; every engine call holds the
 * connection's monitor (see {@link JdbcConnection}). {@link #setQueryTimeout} is stored but not
 * enforced: the engine cannot yet interrupt a running statement.
 */
public class JdbcStatement extends JdbcObject implements Statement {
    static final Object[] NO_PARAMETERS = {};
    private static final ColumnMeta GENERATED_KEY = new ColumnMeta("GENERATED_KEY", "GENERATED_KEY", "", "", "",
            MySqlType.BIGINT_UNSIGNED, 20, 0, false, false, false, 0);

    final JdbcConnection connection;
    private final int resultSetType;
    private boolean closed;
    private JdbcResultSet currentResult;
    private long updateCount = -1;
    private final List<Long> generatedKeys = new ArrayList<>();
    private boolean generatedKeysRequested;
    private SQLWarning warnings;
    private long maxRows;
    private int maxFieldSize;
    private int fetchSize;
    private int queryTimeoutSeconds;
    private boolean poolable;
    private boolean closeOnCompletion;
    private final List<String> batch = new ArrayList<>();

    JdbcStatement(JdbcConnection connection, int resultSetType) {
        this.connection = connection;
        this.resultSetType = resultSetType;
    }

    // ---- running statements -------------------------------------------------------------------

    /** One engine call that produces a statement's outcome. */
    @FunctionalInterface
    interface Execution {
        StatementResult run(Session session);
    }

    /**
     * Runs {@code execution} and makes its outcome current.
     *
     * @param requestKeys whether {@link #getGeneratedKeys} may be called afterwards
     * @param keepKeys    add the generated keys to the previous ones (batches) instead of replacing them
     * @return whether the outcome is a result set
     */
    final boolean run(Execution execution, boolean requestKeys, boolean keepKeys) throws SQLException {
        checkOpen();
        clearCurrentResult();
        if (!keepKeys) {
            generatedKeys.clear();
        }
        generatedKeysRequested = requestKeys;
        StatementResult r;
        SQLWarning[] raised = new SQLWarning[1];
        try {
            r = connection.withSession(session -> {
                StatementResult result = execution.run(session);
                // As Connector/J: warnings are fetched when the statement's own count says it raised
                // some (SHOW WARNINGS itself raises none, though it leaves them in place). Same call:
                // no other statement in between.
                raised[0] = result.warningCount() > 0 ? SqlExceptions.warnings(session.warnings()) : null;
                return result;
            });
        } finally {
            warnings = raised[0];
        }
        if (r.isResultSet()) {
            currentResult = new JdbcResultSet(this, r.columns(), limit(r.rows(), r.columns()), resultSetType);
            updateCount = -1;
        } else {
            updateCount = r.updateCount();
            generatedKeys.addAll(r.generatedKeys());
        }
        return r.isResultSet();
    }

    /** Rows within {@link #maxRows}, and values within {@link #maxFieldSize} for string and binary columns. */
    private List<Object[]> limit(List<Object[]> rows, List<ColumnMeta> columns) {
        List<Object[]> out = maxRows > 0 && rows.size() > maxRows ? rows.subList(0, (int) maxRows) : rows;
        if (maxFieldSize <= 0) {
            return out;
        }
        List<Object[]> cut = new ArrayList<>(out.size());
        for (Object[] row : out) {
            Object[] copy = row.clone();
            for (int i = 0; i < copy.length; i++) {
                MySqlType t = columns.get(i).type();
                if (copy[i] instanceof String s && t.isString() && s.length() > maxFieldSize) {
                    copy[i] = s.substring(0, maxFieldSize);
                } else if (copy[i] instanceof byte[] b && t.isBinary() && b.length > maxFieldSize) {
                    copy[i] = Arrays.copyOf(b, maxFieldSize);
                }
            }
            cut.add(copy);
        }
        return cut;
    }

    /** Parses {@code sql} without running it. */
    final PreparedSql prepare(String sql) throws SQLException {
        checkOpen();
        checkSql(sql);
        return connection.withSession(s -> s.prepare(sql));
    }

    /** Refuses null SQL text, here and in {@code Connection.prepareStatement}. */
    static void checkSql(String sql) throws SQLException {
        if (sql == null) {
            throw SqlExceptions.illegalArgument("SQL statement can not be null");
        }
    }

    static SQLException notAQuery(String method) {
        return SqlExceptions.illegalArgument(method + " cannot issue statements that do not produce result sets.");
    }

    static SQLException aQuery(String method) {
        return SqlExceptions.illegalArgument("Can not issue " + method + " for statements that produce result sets"
                + " (SELECT, SHOW, ...); use executeQuery() or execute()");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        PreparedSql ps = prepare(sql);
        if (!ps.isQuery()) {
            throw notAQuery("Statement.executeQuery()");
        }
        run(s -> s.execute(ps, NO_PARAMETERS), false, false);
        return currentResult;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return clampToInt(executeLargeUpdate(sql, NO_GENERATED_KEYS));
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return clampToInt(executeLargeUpdate(sql, autoGeneratedKeys));
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return clampToInt(executeLargeUpdate(sql, columnIndexes));
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return clampToInt(executeLargeUpdate(sql, columnNames));
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return executeLargeUpdate(sql, NO_GENERATED_KEYS);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return updateText(sql, keysFlag(autoGeneratedKeys));
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return updateText(sql, keysFlag(columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return updateText(sql, keysFlag(columnNames));
    }

    /** {@code executeUpdate} of SQL text: a statement that returns rows is refused before it runs. */
    private long updateText(String sql, boolean requestKeys) throws SQLException {
        PreparedSql ps = prepare(sql);
        if (ps.isQuery()) {
            throw aQuery("executeUpdate()");
        }
        run(s -> s.execute(ps, NO_PARAMETERS), requestKeys, false);
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return execute(sql, NO_GENERATED_KEYS);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return executeText(sql, keysFlag(autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return executeText(sql, keysFlag(columnIndexes));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return executeText(sql, keysFlag(columnNames));
    }

    /** {@code execute} of SQL text: any kind of statement. */
    private boolean executeText(String sql, boolean requestKeys) throws SQLException {
        checkOpen();
        checkSql(sql);
        return run(s -> s.execute(sql), requestKeys, false);
    }

    /** Whether {@code autoGeneratedKeys} asks for the generated keys. */
    static boolean keysFlag(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != RETURN_GENERATED_KEYS && autoGeneratedKeys != NO_GENERATED_KEYS) {
            throw SqlExceptions.illegalArgument("Invalid autoGeneratedKeys value " + autoGeneratedKeys);
        }
        return autoGeneratedKeys == RETURN_GENERATED_KEYS;
    }

    /** As Connector/J, naming any column asks for the one generated key. */
    static boolean keysFlag(int[] columnIndexes) {
        return columnIndexes != null && columnIndexes.length > 0;
    }

    /** Likewise by column name. */
    static boolean keysFlag(String[] columnNames) {
        return columnNames != null && columnNames.length > 0;
    }

    static int clampToInt(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    // ---- batches ------------------------------------------------------------------------------

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        checkSql(sql);
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> commands = new ArrayList<>(batch);
        batch.clear();
        return runBatch(commands.size(), i -> {
            String sql = commands.get(i);
            return s -> s.execute(sql);
        }, false);
    }

    /** Produces the execution of a batch's i-th entry. */
    @FunctionalInterface
    interface BatchEntry {
        Execution entry(int index) throws SQLException;
    }

    /** Runs {@code size} entries; see the class comment for the failure rules. */
    final long[] runBatch(int size, BatchEntry entries, boolean requestKeys) throws SQLException {
        checkOpen();
        clearCurrentResult();
        generatedKeys.clear();
        long[] counts = new long[size];
        SQLException first = null;
        for (int i = 0; i < size; i++) {
            try {
                if (run(entries.entry(i), requestKeys, true)) {
                    clearCurrentResult();
                    throw SqlExceptions.illegalArgument("Statements in a batch must not produce result sets (entry "
                            + (i + 1) + ")");
                }
                counts[i] = updateCount;
            } catch (SQLException e) {
                counts[i] = EXECUTE_FAILED;
                if (first == null) {
                    first = e;
                }
                if (e instanceof SQLTransactionRollbackException) {
                    Arrays.fill(counts, i + 1, size, EXECUTE_FAILED);
                    break;
                }
            }
        }
        updateCount = -1;
        generatedKeysRequested = requestKeys;
        if (first != null) {
            throw new BatchUpdateException(first.getMessage(), first.getSQLState(), first.getErrorCode(), counts, first);
        }
        return counts;
    }

    static int[] toInts(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = clampToInt(counts[i]);
        }
        return out;
    }

    // ---- results ------------------------------------------------------------------------------

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return currentResult;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return clampToInt(getLargeUpdateCount());
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return currentResult != null ? -1 : updateCount;
    }

    /** FlushDB statements produce one result: there never are more. */
    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != CLOSE_CURRENT_RESULT && current != KEEP_CURRENT_RESULT && current != CLOSE_ALL_RESULTS) {
            throw SqlExceptions.illegalArgument("Invalid getMoreResults argument " + current);
        }
        if (current == KEEP_CURRENT_RESULT) {
            currentResult = null;
        } else {
            clearCurrentResult();
        }
        updateCount = -1;
        return false;
    }

    /**
     * The AUTO_INCREMENT values the last execution (or batch) generated, one row each, in a column
     * {@code GENERATED_KEY} of type BIGINT UNSIGNED, as Connector/J returns them.
     */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        if (!generatedKeysRequested) {
            throw SqlExceptions.illegalArgument("Generated keys not requested. You need to specify "
                    + "Statement.RETURN_GENERATED_KEYS to Statement.executeUpdate(), Statement.executeLargeUpdate() "
                    + "or Connection.prepareStatement().");
        }
        List<Object[]> rows = new ArrayList<>(generatedKeys.size());
        for (long key : generatedKeys) {
            rows.add(new Object[] {new BigInteger(Long.toUnsignedString(key))});
        }
        return JdbcResultSet.detached(this, StatementResult.rows(List.of(GENERATED_KEY), rows, 0));
    }

    private void clearCurrentResult() {
        if (currentResult != null) {
            currentResult.closeFromStatement();
            currentResult = null;
        }
    }

    /** Called by a result set of this statement when the application closes it. */
    void resultSetClosed(JdbcResultSet rs) throws SQLException {
        if (rs == currentResult) {
            currentResult = null;
            if (closeOnCompletion) {
                close();
            }
        }
    }

    // ---- settings -----------------------------------------------------------------------------

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        SqlExceptions.checkNonNegative(max, "maxFieldSize");
        maxFieldSize = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return clampToInt(getLargeMaxRows());
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        SqlExceptions.checkNonNegative(max, "maxRows");
        maxRows = max;
    }

    /** JDBC escape syntax is not translated; turning processing off changes nothing. */
    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeoutSeconds;
    }

    /** Stored for {@link #getQueryTimeout}, not enforced (see the class comment). */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        SqlExceptions.checkNonNegative(seconds, "Query timeout");
        queryTimeoutSeconds = seconds;
    }

    @Override
    public void cancel() throws SQLException {
        throw SqlExceptions.unsupported("Statement.cancel (statements run to completion in the caller's thread)");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        throw SqlExceptions.unsupported("Named cursors (positioned UPDATE/DELETE)");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        JdbcResultSet.checkFetchDirection(direction, resultSetType);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** A hint only: results are materialised by the engine. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows != Integer.MIN_VALUE) { // MIN_VALUE: Connector/J's "stream results" hint
            SqlExceptions.checkNonNegative(rows, "Fetch size");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return resultSetType;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    /** MySQL quotes identifiers with backticks (double quotes are string literals). */
    @Override
    public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
        return JdbcDatabaseMetaData.quoteIdentifier(identifier, alwaysQuote);
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closeFromConnection();
        connection.statementClosed(this);
    }

    /** Closed with its connection, without calling back. */
    void closeFromConnection() {
        closed = true;
        clearCurrentResult();
        batch.clear();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.client("No operations allowed after statement closed.", SqlExceptions.GENERAL_ERROR);
        }
        connection.checkOpen();
    }
}
