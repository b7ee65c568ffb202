package io.flushdb.sql.session;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.error.SqlErrors;
import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.route.ParsedStatement;
import io.flushdb.sql.route.StatementRouter;
import io.flushdb.storage.trx.Transaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client session (a JDBC connection): its default database, autocommit mode and transaction,
 * savepoints, LAST_INSERT_ID() and warnings. Statements run through {@link #execute}; every
 * failure comes out as a {@link MySqlException} and leaves the data as it was before the
 * statement (statement atomicity, as InnoDB gives).
 *
 * <p>Concurrency: confined to one thread at a time (as a JDBC connection is).
 */
public final class Session implements AutoCloseable {
    /**
     * The account every session acts as (USER(), CURRENT_USER(), error messages): FlushDB has no
     * authentication, so every session holds every privilege, as MySQL's root does.
     */
    public static final String USER = "root";
    /** The host part of {@link #USER}'s account: an embedded session is local. */
    public static final String HOST = "localhost";

    private final SqlEngine engine;
    private final long id;
    private final StatementRouter router;
    private String database;
    private boolean autoCommit = true;
    private Transaction transaction;
    private final Map<String, Long> savepoints = new LinkedHashMap<>();
    private long lastInsertId;
    private final List<SqlWarning> warnings = new ArrayList<>();
    private int isolationLevel = java.sql.Connection.TRANSACTION_REPEATABLE_READ;
    private boolean readOnly;
    /** START TRANSACTION READ ONLY / READ WRITE: the access mode of the current transaction only. */
    private Boolean transactionReadOnly;
    private boolean closed;
    private final io.flushdb.sql.vars.SessionVariables variables;
    private final io.flushdb.sql.status.SessionStatus status;

    public Session(SqlEngine engine, long id) {
        this.engine = engine;
        this.id = id;
        this.router = new StatementRouter(engine, this);
        this.variables = new io.flushdb.sql.vars.SessionVariables(this, engine.globals());
        this.status = new io.flushdb.sql.status.SessionStatus(engine.status());
        engine.status().sessionOpened(this);
    }

    /** The session's status counters (SHOW SESSION STATUS). */
    public io.flushdb.sql.status.SessionStatus status() {
        return status;
    }

    /** The session's system variables and user variables. */
    public io.flushdb.sql.vars.SessionVariables variables() {
        return variables;
    }

    public SqlEngine engine() {
        return engine;
    }

    /** CONNECTION_ID(). */
    public long connectionId() {
        return id;
    }

    // ---- statements ---------------------------------------------------------------------------

    /** Runs one SQL statement. */
    public StatementResult execute(String sql) {
        PreparedSql ps;
        try {
            ps = prepareInternal(sql);
        } catch (MySqlException e) {
            status.question(); // a statement that does not parse is still a question
            warnings.clear();
            throw failed(e);
        }
        return execute(ps, new Object[0]);
    }

    /** Records a statement's error where SHOW WARNINGS and SHOW ERRORS find it, as MySQL does. */
    private MySqlException failed(MySqlException e) {
        addWarning(new SqlWarning("Error", e.code(), e.getMessage()));
        return e;
    }

    /** Parses and checks a statement for repeated execution with parameters. */
    public PreparedSql prepare(String sql) {
        return prepareInternal(sql);
    }

    private PreparedSql prepareInternal(String sql) {
        checkOpen();
        try {
            ParsedStatement p = router.parse(sql);
            return new PreparedSql(sql, p.parameterCount(), p.isQuery(), p);
        } catch (RuntimeException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Runs a prepared statement with {@code params} bound to its {@code ?} markers in order. */
    public StatementResult execute(PreparedSql ps, Object[] params) {
        checkOpen();
        ParsedStatement p = (ParsedStatement) ps.parsed;
        status.question();
        status.command(io.flushdb.sql.status.Command.of(p));
        if (params.length != p.parameterCount()) {
            throw MySqlError.ER_WRONG_ARGUMENTS.raise("mysqld_stmt_execute");
        }
        if (!p.keepsDiagnostics()) {
            warnings.clear();
        }
        int scanDepth = variables.lruScanDepthOverride();
        var pool = engine.storage().bufferPool();
        if (scanDepth > 0) {
            pool.setThreadScanDepth(scanDepth);
        }
        status.statementStarted();
        try {
            return router.execute(p, params);
        } catch (RuntimeException e) {
            throw failed(SqlErrors.translate(e));
        } finally {
            status.statementEnded();
            if (scanDepth > 0) {
                pool.setThreadScanDepth(0);
            }
        }
    }

    // ---- database -----------------------------------------------------------------------------

    /** The default database, or null. */
    public String database() {
        return database;
    }

    /**
     * Runs {@code body} with {@code db} as the default database, then restores it: a view's query
     * resolves its names in the view's database, wherever it is used.
     */
    public <T> T inDatabase(String db, java.util.function.Supplier<T> body) {
        String saved = database;
        database = db;
        try {
            return body.get();
        } finally {
            database = saved;
        }
    }

    /** USE: makes {@code db} the default database. */
    public void useDatabase(String db) {
        String system = Names.systemDatabase(db);
        if (system != null) {
            this.database = system;
            return;
        }
        if (engine.storage().dictionary().database(db) == null) {
            throw MySqlError.ER_BAD_DB_ERROR.raise(db);
        }
        this.database = db;
    }

    /** Forgets the default database (after it was dropped). */
    public void clearDatabase() {
        this.database = null;
    }

    // ---- transactions -------------------------------------------------------------------------

    public boolean autoCommit() {
        return autoCommit;
    }

    /** Sets autocommit; turning it on commits an open transaction, as MySQL does. */
    public void setAutoCommit(boolean on) {
        if (on && !autoCommit) {
            commit();
        }
        autoCommit = on;
    }

    /**
     * The transaction statements of this session run in, started on first use. Its undo log and
     * table locks live until {@link #commit} or {@link #rollback} (or, in autocommit mode, the end
     * of the statement).
     */
    public Transaction transaction() {
        if (transaction == null) {
            transaction = engine.storage().newTransaction();
            status.transactionStarted(engine.storage().config().clock().millis());
        }
        return transaction;
    }

    /**
     * The session's current transaction without starting one: null when none is open. For status
     * output from other threads (a racy read).
     */
    public Transaction currentTransaction() {
        return transaction;
    }

    public boolean inTransaction() {
        return transaction != null && transaction.hasChanges();
    }

    /** Begins an explicit transaction (START TRANSACTION / BEGIN): commits any open one first. */
    public void begin() {
        commit();
        transaction();
        explicitTransaction = true;
    }

    private boolean explicitTransaction;

    /** Whether statements run inside a transaction that outlives them. */
    public boolean inExplicitTransaction() {
        return !autoCommit || explicitTransaction;
    }

    public void commit() {
        if (transaction != null) {
            try {
                transaction.commit(flushLogAtTrxCommit());
            } finally {
                transaction = null;
            }
        }
        savepoints.clear();
        explicitTransaction = false;
        transactionReadOnly = null;
    }

    /** The session's {@code innodb_flush_log_at_trx_commit}: how long its commits wait for the log. */
    private int flushLogAtTrxCommit() {
        Object v = variables().get(io.flushdb.sql.vars.SystemVariables.INNODB_FLUSH_LOG_AT_TRX_COMMIT);
        return v instanceof Number n ? n.intValue() : 1;
    }

    public void rollback() {
        if (transaction != null) {
            try {
                transaction.rollback();
            } finally {
                transaction = null;
            }
        }
        savepoints.clear();
        explicitTransaction = false;
        transactionReadOnly = null;
    }

    /** SAVEPOINT name (replacing one of the same name). */
    public void setSavepoint(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        savepoints.remove(key);
        savepoints.put(key, transaction().savepoint());
    }

    /** ROLLBACK TO SAVEPOINT name: undoes later changes; later savepoints are forgotten. */
    public void rollbackToSavepoint(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        Long sp = savepoints.get(key);
        if (sp == null) {
            throw MySqlError.ER_SAVEPOINT_DOES_NOT_EXIST.raise(name);
        }
        transaction().rollbackTo(sp);
        forgetSavepointsAfter(key, false);
    }

    /** RELEASE SAVEPOINT name: forgets it and every savepoint set after it, as MySQL does. */
    public void releaseSavepoint(String name) {
        String key = name.toLowerCase(java.util.Locale.ROOT);
        if (!savepoints.containsKey(key)) {
            throw MySqlError.ER_SAVEPOINT_DOES_NOT_EXIST.raise(name);
        }
        forgetSavepointsAfter(key, true);
    }

    /** Forgets the savepoints set after {@code key} (in the order set), and {@code key} itself if asked. */
    private void forgetSavepointsAfter(String key, boolean inclusive) {
        boolean after = false;
        for (var it = savepoints.entrySet().iterator(); it.hasNext(); ) {
            String k = it.next().getKey();
            boolean self = k.equals(key);
            if (after || self && inclusive) {
                it.remove();
            }
            after |= self;
        }
    }

    /** Whether the running statement's plain reads are consistent reads (see {@link #statementReadView}). */
    private boolean consistentRead;

    /** The running statement's locking of the table it changes, and which table that is. */
    private io.flushdb.storage.row.RowLocking targetLocking;
    private long[] targetTableIds = new long[0];
    /** The running statement's locking of the other tables it reads (null: consistent reads). */
    private io.flushdb.storage.row.RowLocking readLocking;

    /**
     * Called as a statement starts: whether its plain reads are consistent reads, and how it locks
     * rows: those of each table of {@code targetTableIds} as {@code target} (the rows a statement changes),
     * the others it reads as {@code reads} (a locking read's; null for consistent reads).
     */
    public void startStatementRead(boolean consistent, long[] targetTableIds, io.flushdb.storage.row.RowLocking target,
                                   io.flushdb.storage.row.RowLocking reads) {
        consistentRead = consistent;
        this.targetTableIds = targetTableIds;
        this.targetLocking = target;
        this.readLocking = reads;
    }

    /**
     * How the running statement locks the rows it reads from table {@code tableId}: null for no
     * locks (a consistent read, or the latest rows).
     */
    public io.flushdb.storage.row.RowLocking rowLocking(long tableId) {
        if (targetLocking != null) {
            for (long id : targetTableIds) {
                if (id == tableId) {
                    return targetLocking;
                }
            }
        }
        return readLocking;
    }

    /**
     * Called as a statement ends. Under READ COMMITTED (and READ UNCOMMITTED) a consistent read's
     * view lasts one statement; under REPEATABLE READ and SERIALIZABLE it lasts until the
     * transaction ends.
     */
    public void endStatementRead() {
        consistentRead = false;
        targetLocking = null;
        readLocking = null;
        if (transaction != null && isolationLevel <= java.sql.Connection.TRANSACTION_READ_COMMITTED) {
            transaction.closeReadView();
        }
    }

    /** Whether the running statement's plain reads are consistent reads (READ UNCOMMITTED's included). */
    /** Whether sql_mode has STRICT_TRANS_TABLES or STRICT_ALL_TABLES (every table is transactional). */
    public boolean strictMode() {
        Object mode = variables().get(io.flushdb.sql.vars.SystemVariables.SQL_MODE);
        String m = mode == null ? "" : mode.toString().toUpperCase(java.util.Locale.ROOT);
        return m.contains("STRICT_TRANS_TABLES") || m.contains("STRICT_ALL_TABLES");
    }

    public boolean readsConsistently() {
        return consistentRead;
    }

    /**
     * The read view the running statement's plain reads see, opened on first use (InnoDB's
     * consistent read); null when they read the latest rows instead: a statement that changes or
     * locks rows (its table locks keep others' uncommitted changes away), or READ UNCOMMITTED.
     */
    public io.flushdb.storage.trx.ReadView statementReadView() {
        if (!consistentRead || isolationLevel == java.sql.Connection.TRANSACTION_READ_UNCOMMITTED) {
            return null;
        }
        return transaction().readView();
    }

    /** JDBC isolation level constant (REPEATABLE READ by default, as InnoDB). */
    public int isolationLevel() {
        return isolationLevel;
    }

    public void setIsolationLevel(int level) {
        this.isolationLevel = level;
    }

    /** Whether writes are refused: the current transaction's mode if it set one, else the session's. */
    public boolean readOnly() {
        return transactionReadOnly != null ? transactionReadOnly : readOnly;
    }

    /** START TRANSACTION READ ONLY or READ WRITE: the mode until this transaction ends. */
    public void setTransactionReadOnly(boolean readOnly) {
        this.transactionReadOnly = readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    // ---- results of earlier statements --------------------------------------------------------

    /** LAST_INSERT_ID(): the first AUTO_INCREMENT value generated by the last INSERT that made one. */
    public long lastInsertId() {
        return lastInsertId;
    }

    public void setLastInsertId(long id) {
        this.lastInsertId = id;
    }

    public List<SqlWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** How many warnings the last statement raised. */
    public int warningCount() {
        return warnings.size();
    }

    /** {@link #addWarning}, as a reusable sink (no allocation per statement). */
    public final java.util.function.Consumer<SqlWarning> warningSink = this::addWarning;

    public void addWarning(SqlWarning w) {
        if (warnings.size() < 64) {
            warnings.add(w);
        }
    }

    public void clearWarnings() {
        warnings.clear();
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    public boolean isClosed() {
        return closed;
    }

    /** Closes the session, rolling back an open transaction. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            rollback();
        } finally {
            engine.status().sessionClosed(this);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw MySqlError.ER_UNKNOWN_ERROR.raise("session is closed");
        }
    }
}
