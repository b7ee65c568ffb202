package io.flushdb.sql.route;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.ddl.DdlExecutor;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.DmlExecutor;
import io.flushdb.sql.exec.QueryExecutor;
import io.flushdb.sql.exec.ShowExecutor;
import io.flushdb.sql.exec.StatementResult;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.plan.QueryCompiler;
import io.flushdb.sql.plan.SqlNodeTranslator;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.row.RowLocking;
import io.flushdb.storage.trx.TableLock;
import io.flushdb.storage.trx.lock.DeadlockException;
import io.flushdb.storage.trx.lock.LockMode;
import io.flushdb.storage.trx.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * Parses statements (JSqlParser, plus a few MySQL statements it does not know, by their leading
 * words) and runs each kind: queries through Calcite and the plan cache, DML through
 * {@link DmlExecutor}, DDL through {@link DdlExecutor}, transaction control, USE, SHOW.
 *
 * <p>Every statement that reads or writes tables runs inside the session's transaction with
 * statement atomicity: a savepoint before it, and on any failure the transaction is rolled back to
 * it. It first locks its tables (shared to read, exclusive to write) in table id order.
 */
public final class StatementRouter {
    private final SqlEngine engine;
    private final Session session;
    /** Stands for the AST of a SET statement, which {@link io.flushdb.sql.vars.SetExecutor} parses itself. */
    private static final Statement SET_MARKER = new SetStatement();

    public StatementRouter(SqlEngine engine, Session session) {
        this.engine = engine;
        this.session = session;
    }

    // ---- parsing ------------------------------------------------------------------------------

    public ParsedStatement parse(String sql) {
        String text = SqlText.trim(sql);
        if (text.isEmpty()) {
            throw MySqlError.ER_EMPTY_QUERY.raise();
        }
        int params = SqlText.countParameters(text);
        List<String> w = SqlText.leadingWords(text, 4);
        String w0 = w.get(0);
        String w1 = w.size() > 1 ? w.get(1) : "";
        // Statements JSqlParser does not parse, or parses into something unhelpful.
        if (w0.equals("BEGIN") || (w0.equals("START") && w1.equals("TRANSACTION"))
                || (w0.equals("RELEASE") && w1.equals("SAVEPOINT"))
                || (w0.equals("SET") && (w1.equals("TRANSACTION") || (w.size() > 2 && w.get(2).equals("TRANSACTION"))))) {
            return new ParsedStatement(text, null, StatementKind.TRANSACTION, params);
        }
        if (w0.equals("SET") || (w0.equals("RESET") && w1.equals("PERSIST"))) {
            // SET is parsed by SetExecutor (JSqlParser knows neither PERSIST nor every MySQL form);
            // a RESET PERSIST has no AST.
            return new ParsedStatement(text, w0.equals("SET") ? SET_MARKER : null, StatementKind.SET, params);
        }
        if ((w0.equals("CREATE") || w0.equals("ALTER")) && DdlExecutor.isViewDdl(text)) {
            return new ParsedStatement(text, null, StatementKind.DDL, params);
        }
        if (w0.equals("ALTER") && (w1.equals("TABLE") || w1.equals("ONLINE") || w1.equals("IGNORE"))
                || w0.equals("RENAME") && (w1.equals("TABLE") || w1.equals("TABLES"))) {
            // Parsed by AlterTableHandler: JSqlParser's ALTER covers only part of MySQL's grammar.
            return new ParsedStatement(text, null, StatementKind.DDL, params);
        }
        if (w0.equals("CREATE") && w1.equals("TABLE") && DdlExecutor.isCreateSelect(text)) {
            return new ParsedStatement(text, null, StatementKind.DDL, params);
        }
        if ((w0.equals("CREATE") || w0.equals("DROP")) && (w1.equals("DATABASE") || w1.equals("SCHEMA"))) {
            return new ParsedStatement(text, null, StatementKind.DDL, params);
        }
        if (w0.equals("SHOW") || w0.equals("DESC") || w0.equals("DESCRIBE") || w0.equals("EXPLAIN")
                || w0.equals("CHECK") && (w1.equals("TABLE") || w1.equals("TABLES"))) {
            return new ParsedStatement(text, null, StatementKind.SHOW, params);
        }
        Statement st = MySqlParser.parse(w0.equals("DELETE") ? multiDeleteForm(text) : text);
        StatementKind kind;
        if (st instanceof Select) {
            kind = StatementKind.QUERY;
        } else if (st instanceof Insert || st instanceof net.sf.jsqlparser.statement.upsert.Upsert u
                && (u.getUpsertType() == net.sf.jsqlparser.statement.upsert.UpsertType.REPLACE
                        || u.getUpsertType() == net.sf.jsqlparser.statement.upsert.UpsertType.REPLACE_SET)) {
            kind = StatementKind.INSERT; // REPLACE: an INSERT that deletes the rows it collides with
        } else if (st instanceof Update) {
            kind = StatementKind.UPDATE;
        } else if (st instanceof Delete) {
            kind = StatementKind.DELETE;
        } else if (st instanceof CreateTable || st instanceof Drop || st instanceof CreateIndex || st instanceof Truncate) {
            kind = StatementKind.DDL;
        } else if (st instanceof UseStatement) {
            kind = StatementKind.USE;
        } else if (st instanceof Commit || st instanceof RollbackStatement || st instanceof SavepointStatement) {
            kind = StatementKind.TRANSACTION;
        } else if (st instanceof SetStatement) {
            kind = StatementKind.SET;
        } else if (st instanceof ShowStatement || st instanceof ShowColumnsStatement || st instanceof ShowTablesStatement
                || st instanceof ShowIndexStatement || st instanceof DescribeStatement || st instanceof ExplainStatement) {
            kind = StatementKind.SHOW;
        } else {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(text.length() > 60 ? text.substring(0, 60) + "..." : text);
        }
        return new ParsedStatement(text, st, kind, params);
    }

    private static final java.util.regex.Pattern DELETE_USING = java.util.regex.Pattern.compile(
            "(?is)\\s*DELETE\\s+((?:(?:LOW_PRIORITY|QUICK|IGNORE)\\s+)*)FROM\\s+(.+?)\\s+USING\\s+(.+)");
    private static final java.util.regex.Pattern DELETE_TARGETS = java.util.regex.Pattern.compile(
            "(?is)(\\s*DELETE\\s+(?:(?:LOW_PRIORITY|QUICK|IGNORE)\\s+)*)(.+?)(\\s+FROM\\s+.+)");

    /**
     * MySQL's multi-table DELETE in the one form JSqlParser reads: {@code DELETE FROM t1, t2 USING
     * ...} becomes {@code DELETE t1, t2 FROM ...}, and a target written {@code t1.*} becomes
     * {@code t1}.
     */
    static String multiDeleteForm(String sql) {
        java.util.regex.Matcher m = DELETE_USING.matcher(sql);
        String out = m.matches() ? "DELETE " + m.group(1) + m.group(2) + " FROM " + m.group(3) : sql;
        java.util.regex.Matcher t = DELETE_TARGETS.matcher(out);
        if (t.matches() && t.group(2).contains(".*")) {
            out = t.group(1) + t.group(2).replaceAll("\\.\\s*\\*", "") + t.group(3);
        }
        return out;
    }

    // ---- execution ----------------------------------------------------------------------------

    /**
     * The values bound to the running statement's markers (null for none): planning types a marker
     * that nothing around it types by its value ({@link QueryCompiler#withParameterValues}).
     */
    private Object[] boundParams;

    public StatementResult execute(ParsedStatement p, Object[] params) {
        Object[] saved = boundParams;
        boundParams = params;
        try {
            return dispatch(p, params);
        } finally {
            boundParams = saved;
        }
    }

    private StatementResult dispatch(ParsedStatement p, Object[] params) {
        return switch (p.kind()) {
            case QUERY -> query(p, params);
            case INSERT, UPDATE, DELETE -> dml(p, params);
            case DDL -> ddl(p);
            case USE -> {
                session.useDatabase(SqlText.unquote(((UseStatement) p.ast()).getName()));
                yield StatementResult.updateCount(0, List.of(), 0);
            }
            case TRANSACTION -> transaction(p);
            case SET -> set(p, params);
            case SHOW -> new ShowExecutor(session, this).execute(p, params);
        };
    }

    /** Compiles (or finds in the plan cache) the plan of a query statement. */
    public CompiledQuery compile(String sql, Select select, int userParams) {
        return compile(sql, () -> select, userParams, false);
    }

    /**
     * As {@link #compile(String, Select, int)} for a statement the caller has as text only: it is
     * parsed only when no plan of it is cached.
     */
    public CompiledQuery compile(String sql, int userParams) {
        return compile(sql, () -> (Select) MySqlParser.parse(sql), userParams, false);
    }

    /**
     * Compiles a query whose select list gives values to store (INSERT ... SELECT, computed INSERT
     * values, UPDATE's new values): there, as in MySQL's strict mode, division by zero is error
     * 1365 rather than NULL.
     */
    public CompiledQuery compileValues(String sql, Select select, int userParams) {
        return compile(sql, () -> select, userParams, true);
    }

    private CompiledQuery compile(String sql, java.util.function.Supplier<Select> select, int userParams,
                                  boolean storedValues) {
        long version = engine.storage().dictionary().version();
        String db = session.database();
        // The same text plans differently as stored values; no statement text starts with NUL.
        String key = storedValues ? "\0values\0" + sql : sql;
        if (sql.indexOf('@') >= 0) {
            // A user variable is typed by the value it holds when planned: key by those types.
            key = key + session.variables().userTypes();
        }
        Object groupConcatMax = session.variables().get(io.flushdb.sql.vars.SystemVariables.GROUP_CONCAT_MAX_LEN);
        if (((Number) groupConcatMax).longValue() != 1024) {
            // GROUP_CONCAT's result type and limit come from group_concat_max_len when planned (in
            // the statement or in a view it reads): a plan made under another value is not reused.
            key = key + "\0gcml=" + groupConcatMax;
        }
        Object[] values = userParams > 0 && boundParams != null && boundParams.length >= userParams ? boundParams : null;
        // Most plans do not depend on the parameters' values: they are cached under the text. One
        // that typed a marker by its value is cached under the text and the values' kinds, with
        // TYPED_BY_VALUES under the text alone to say so; only such statements pay for the
        // longer key on every execution.
        Object cached = engine.plans().get(key, db, version);
        if (cached instanceof CompiledQuery q) {
            return q;
        }
        String typedKey = values == null ? null : key + QueryCompiler.parameterSignature(values, userParams);
        if (cached == TYPED_BY_VALUES && typedKey != null) {
            Object typed = engine.plans().get(typedKey, db, version);
            if (typed != null) {
                return (CompiledQuery) typed;
            }
        }
        SqlNodeTranslator t = new SqlNodeTranslator(session, sql, userParams);
        if (storedValues) {
            t.strictValues();
        }
        var node = t.query(select.get());
        QueryCompiler compiler = new QueryCompiler(engine.storage().dictionary()).withParameterValues(values, storedValues);
        CompiledQuery q = compiler.compile(node, t.labels(), userParams,
                t.hiddenParams(), t.tables(), db, Collation.UTF8MB4_0900_AI_CI, t.recursiveCtes());
        if (compiler.typedByParameterValues()) {
            engine.plans().put(key, db, version, TYPED_BY_VALUES);
            engine.plans().put(typedKey, db, version, q);
        } else {
            engine.plans().put(key, db, version, q);
        }
        return q;
    }

    /** A plan cache entry: the statement's plans depend on its parameters' kinds (see {@link #compile}). */
    private static final Object TYPED_BY_VALUES = new Object();

    /*
     * Plans are made before the statement's table locks are taken (planning needs to know the
     * tables), so DDL may commit in between: a TRUNCATE or DROP INDEX would leave the plan reading
     * a replaced tablespace or a freed index. Once the locks are held, a changed dictionary means
     * planning again; if the new plan needs tables not locked, the statement fails with 1412 as
     * MySQL does when a table changes under a statement.
     */

    private StatementResult query(ParsedStatement p, Object[] params) {
        long version = dictionaryVersion();
        Select select = (Select) p.ast();
        CompiledQuery q = compile(p.sql(), select, p.parameterCount());
        return inStatement(q.tables(), lockMode(select), lockPolicy(select), Set.of(), false, () -> {
            CompiledQuery current = q;
            if (dictionaryVersion() != version) {
                current = compile(p.sql(), select, p.parameterCount());
                if (!q.tables().containsAll(current.tables())) {
                    throw MySqlError.ER_TABLE_DEF_CHANGED.raise();
                }
            }
            return QueryExecutor.run(current, params, session);
        });
    }

    /**
     * How a query locks the rows it reads: null for a plain SELECT (a consistent read); X for FOR
     * UPDATE, S for FOR SHARE, and S for a plain SELECT under SERIALIZABLE inside a transaction,
     * as InnoDB does.
     */
    private LockMode lockMode(Select select) {
        ForMode mode = select.getForMode();
        if (mode == ForMode.UPDATE || mode == ForMode.NO_KEY_UPDATE) {
            return LockMode.X;
        }
        if (mode == ForMode.SHARE || mode == ForMode.KEY_SHARE) {
            return LockMode.S;
        }
        if (session.isolationLevel() == java.sql.Connection.TRANSACTION_SERIALIZABLE && session.inExplicitTransaction()) {
            return LockMode.S;
        }
        return null;
    }

    private static int lockPolicy(Select select) {
        if (select.isSkipLocked()) {
            return RowLocking.SKIP_LOCKED;
        }
        if (select.isNoWait() || (select instanceof net.sf.jsqlparser.statement.select.PlainSelect ps && ps.isNoWait())) {
            return RowLocking.NOWAIT;
        }
        return RowLocking.WAIT;
    }

    private long dictionaryVersion() {
        return engine.storage().dictionary().version();
    }

    private StatementResult dml(ParsedStatement statement, Object[] params) {
        engine.storage().checkWritable();
        // Through an updatable view: the same statement on the view's base table.
        io.flushdb.sql.exec.ViewDml.Rewritten through = io.flushdb.sql.exec.ViewDml.rewriteAll(statement, session);
        ParsedStatement p = through.statement();
        if (session.readOnly()) {
            throw MySqlError.ER_READ_ONLY_TRANSACTION.raise();
        }
        DmlExecutor dml = new DmlExecutor(session, this);
        long version = dictionaryVersion();
        DmlExecutor.Plan plan = dml.plan(p, params);
        return inStatement(plan.readTables(), dmlReadMode(), RowLocking.WAIT, plan.writeTables(), true, () -> {
            DmlExecutor.Plan current = plan;
            if (dictionaryVersion() != version) {
                current = dml.plan(p, params); // see query()
                if (!current.writeTables().equals(plan.writeTables()) || !plan.readTables().containsAll(current.readTables())) {
                    throw MySqlError.ER_TABLE_DEF_CHANGED.raise();
                }
            }
            io.flushdb.storage.dict.ViewDef checked = checkedView(through, current);
            long before = checked == null ? 0 : viewRows(checked);
            StatementResult result = dml.run(current, params);
            if (checked != null) {
                long expected = p.kind() == StatementKind.INSERT ? before + result.updateCount() : before;
                if (viewRows(checked) < expected) {
                    throw MySqlError.ER_VIEW_CHECK_FAILED.raise(checked.database(), checked.name());
                }
            }
            return result;
        });
    }

    /**
     * The view whose CHECK OPTION the statement must respect, or null: an UPDATE, or an INSERT
     * without IGNORE or ON DUPLICATE KEY UPDATE, through a view WITH CHECK OPTION. Each changed row
     * must remain a row of the view (CASCADED: of every view below it too, which counting the
     * outer view's rows checks; LOCAL is checked the same, more strictly than MySQL), so the
     * view's row count must not drop (UPDATE) or must grow by every inserted row (INSERT).
     */
    private static io.flushdb.storage.dict.ViewDef checkedView(io.flushdb.sql.exec.ViewDml.Rewritten through,
                                                               DmlExecutor.Plan plan) {
        if (through.checked() == null) {
            return null;
        }
        if (plan.statement().ast() instanceof net.sf.jsqlparser.statement.insert.Insert ins) {
            boolean plain = !ins.isModifierIgnore() && (ins.getDuplicateUpdateSets() == null
                    || ins.getDuplicateUpdateSets().isEmpty());
            return plain ? through.checked() : null;
        }
        return plan.statement().ast() instanceof Update ? through.checked() : null;
    }

    /** The number of rows view {@code v} shows now, as the running statement sees them. */
    private long viewRows(io.flushdb.storage.dict.ViewDef v) {
        String sql = "SELECT COUNT(*) FROM " + SqlText.quote(v.database()) + "." + SqlText.quote(v.name());
        CompiledQuery q = compile(sql, 0);
        return ((Number) QueryExecutor.rows(q, new Object[0], session, -1).get(0)[0]).longValue();
    }

    /**
     * How a changing statement locks the rows it reads from tables other than the one it changes,
     * as InnoDB: shared next-key locks under REPEATABLE READ and SERIALIZABLE; under READ
     * COMMITTED and below a consistent read (null).
     */
    private LockMode dmlReadMode() {
        return session.isolationLevel() >= java.sql.Connection.TRANSACTION_REPEATABLE_READ ? LockMode.S : null;
    }

    /**
     * Runs {@code body} as one statement: takes the tables' metadata locks, intention locks and
     * row-locking plan ({@code read} read with row locks of {@code readMode}, or consistently when
     * that is null; {@code write} changed, its rows locked exclusively), remembers a savepoint,
     * rolls back to it on failure (the whole transaction for a deadlock victim), releases statement
     * locks, and commits in autocommit mode.
     */
    public StatementResult inStatement(Set<Names.TableName> read, LockMode readMode, int policy,
                                       Set<Names.TableName> write, boolean writes,
                                       java.util.function.Supplier<StatementResult> body) {
        Transaction trx = session.transaction();
        long savepoint = trx.savepoint();
        boolean ok = false;
        try {
            List<TableEntry> targets = lockTables(trx, read, write);
            boolean gaps = session.isolationLevel() >= java.sql.Connection.TRANSACTION_REPEATABLE_READ;
            trx.setGapLocking(gaps);
            trx.setLockWaitTimeout(session.variables().lockWaitTimeoutMillis());
            trx.setForeignKeyChecks(session.variables().foreignKeyChecks());
            RowLocking target = null;
            long[] targetIds = new long[targets.size()];
            for (int i = 0; i < targets.size(); i++) {
                targetIds[i] = targets.get(i).def().id();
                trx.lockTable(targetIds[i], LockMode.IX);
            }
            if (!targets.isEmpty()) {
                target = new RowLocking(trx, LockMode.X, gaps, RowLocking.WAIT);
            }
            RowLocking reads = null;
            if (readMode != null) {
                reads = new RowLocking(trx, readMode, gaps, policy);
                for (Names.TableName n : read) {
                    if (!write.contains(n)) {
                        trx.lockTable(Names.existing(n, session).def().id(), readMode == LockMode.X ? LockMode.IX : LockMode.IS);
                    }
                }
            }
            session.startStatementRead(readMode == null, targetIds, target, reads);
            StatementResult r = body.get();
            ok = true;
            return r;
        } catch (RuntimeException e) {
            if (e instanceof DeadlockException
                    || (e instanceof io.flushdb.storage.trx.LockWaitTimeoutException && rollbackOnTimeout())) {
                // A deadlock victim's whole transaction is rolled back, as InnoDB does (1213); a
                // lock wait timeout only the statement, unless innodb_rollback_on_timeout is ON.
                // The session leaves BEGIN's transaction mode, as MySQL 8.0's trans_rollback_implicit
                // clears OPTION_BEGIN (MariaDB keeps it: see concurrency/deadlock.test).
                undo(e, session::rollback);
            } else if (writes) {
                undo(e, () -> trx.rollbackTo(savepoint));
            }
            throw e;
        } finally {
            session.endStatementRead();
            trx.releaseStatementLocks();
            if (!session.inExplicitTransaction()) {
                if (ok) {
                    session.commit();
                } else {
                    session.rollback();
                }
            }
        }
    }

    /** Runs a rollback after {@code failure}; if the rollback fails too, the engine stops taking writes. */
    private void undo(RuntimeException failure, Runnable rollback) {
        try {
            rollback.run();
        } catch (RuntimeException undoFailure) {
            engine.storage().fail(undoFailure);
            failure.addSuppressed(undoFailure);
        }
    }

    private boolean rollbackOnTimeout() {
        return Boolean.TRUE.equals(engine.globals().get(io.flushdb.sql.vars.SystemVariables.INNODB_ROLLBACK_ON_TIMEOUT));
    }

    /**
     * Takes the metadata (READ) lock of every table the statement uses, in table id order, waiting
     * only for DDL, up to lock_wait_timeout; kept until the transaction ends (the statement's end in
     * autocommit mode). Returns the entries of {@code write}.
     */
    private List<TableEntry> lockTables(Transaction trx, Set<Names.TableName> read, Set<Names.TableName> write) {
        long timeout = session.variables().metadataLockTimeoutMillis();
        boolean forStatement = !session.inExplicitTransaction();
        if (write.isEmpty() && read.size() == 1) {
            // The common case (a single-table query), without building the ordered list.
            TableEntry e = Names.existing(read.iterator().next(), session);
            trx.lock(e.lock(), TableLock.Mode.READ, forStatement, timeout);
            return List.of();
        }
        List<TableEntry> entries = new ArrayList<>();
        List<TableEntry> targets = new ArrayList<>(1);
        for (Names.TableName n : write) {
            TableEntry e = Names.existing(n, session);
            entries.add(e);
            targets.add(e);
        }
        for (Names.TableName n : read) {
            if (!write.contains(n)) {
                entries.add(Names.existing(n, session));
            }
        }
        entries.sort(Comparator.comparingLong(e -> e.def().id()));
        for (TableEntry e : entries) {
            trx.lock(e.lock(), TableLock.Mode.READ, forStatement, timeout);
        }
        return targets;
    }

    // ---- DDL, transactions, SET ---------------------------------------------------------------

    private StatementResult ddl(ParsedStatement p) {
        // DDL commits the open transaction before it runs, even when it then fails (as MySQL).
        session.commit();
        DdlExecutor ddl = new DdlExecutor(session, this);
        if (p.ast() == null) {
            String w0 = SqlText.leadingWords(p.sql(), 1).get(0);
            if (DdlExecutor.isViewDdl(p.sql())) {
                return ddl.createView(p.sql(), this);
            }
            if (w0.equals("ALTER")) {
                return ddl.alterTable(p.sql());
            }
            if (w0.equals("RENAME")) {
                return ddl.renameTables(p.sql());
            }
            if (w0.equals("CREATE") && DdlExecutor.isCreateSelect(p.sql())) {
                return ddl.createTableSelect(p.sql(), this);
            }
            return databaseDdl(ddl, p.sql());
        }
        Statement st = p.ast();
        if (st instanceof CreateTable ct) {
            return ddl.createTable(ct, p.sql());
        }
        if (st instanceof Drop d) {
            return ddl.drop(d);
        }
        if (st instanceof CreateIndex ci) {
            return ddl.createIndex(ci);
        }
        if (st instanceof Truncate t) {
            return ddl.truncate(t);
        }
        throw MySqlError.ER_NOT_SUPPORTED_YET.raise(p.sql());
    }

    /** CREATE/DROP {DATABASE|SCHEMA} [IF [NOT] EXISTS] name [options], parsed by words. */
    private StatementResult databaseDdl(DdlExecutor ddl, String sql) {
        List<String> w = SqlText.leadingWords(sql, 32);
        boolean create = w.get(0).equals("CREATE");
        int i = 2;
        boolean cond = false;
        if (i < w.size() && w.get(i).equals("IF")) {
            cond = true;
            i += create ? 3 : 2;
        }
        if (i >= w.size()) {
            throw MySqlError.ER_PARSE_ERROR.raise("", 1);
        }
        String name = SqlText.unquote(rawWord(sql, w, i));
        if (!create) {
            if (w.size() > i + 1) {
                throw MySqlError.ER_PARSE_ERROR.raise(w.get(i + 1), 1);
            }
            return ddl.dropDatabase(name, cond);
        }
        String charset = null;
        String collation = null;
        for (int k = i + 1; k < w.size(); k++) {
            String t = w.get(k);
            if (t.equals("DEFAULT") || t.equals("=")) {
                continue;
            }
            if (t.equals("CHARACTER") || t.equals("CHARSET")) {
                if (t.equals("CHARACTER")) {
                    k++;
                }
                k++;
                if (k < w.size() && w.get(k).equals("=")) {
                    k++;
                }
                charset = SqlText.unquote(rawWord(sql, w, k));
            } else if (t.equals("COLLATE")) {
                k++;
                if (k < w.size() && w.get(k).equals("=")) {
                    k++;
                }
                collation = SqlText.unquote(rawWord(sql, w, k));
            } else if (t.equals("ENCRYPTION")) {
                k += 2;
            } else {
                throw MySqlError.ER_PARSE_ERROR.raise(t, 1);
            }
        }
        return ddl.createDatabase(name, cond, charset, collation);
    }

    /** The word at {@code i} as written (case preserved), from the statement text. */
    private static String rawWord(String sql, List<String> upper, int i) {
        if (i >= upper.size()) {
            throw MySqlError.ER_PARSE_ERROR.raise("", 1);
        }
        List<String> raw = new ArrayList<>();
        // leadingWords upper-cases identifiers; re-scan preserving case.
        String s = SqlText.trim(sql);
        int pos = 0;
        int count = 0;
        while (pos < s.length() && count <= i) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            int start = pos;
            if (c == '`' || c == '\'' || c == '"') {
                char q = c;
                pos++;
                while (pos < s.length() && s.charAt(pos) != q) {
                    pos++;
                }
                pos++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '$') {
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_'
                        || s.charAt(pos) == '@' || s.charAt(pos) == '.' || s.charAt(pos) == '$')) {
                    pos++;
                }
            } else {
                pos++;
            }
            raw.add(s.substring(start, Math.min(pos, s.length())));
            count++;
        }
        return raw.get(i);
    }

    private StatementResult transaction(ParsedStatement p) {
        Statement st = p.ast();
        if (st == null) {
            List<String> w = SqlText.leadingWords(p.sql(), 8);
            if (w.get(0).equals("BEGIN") || w.get(0).equals("START")) {
                session.begin();
                String mode = String.join(" ", w);
                if (mode.contains("READ ONLY")) {
                    session.setTransactionReadOnly(true);
                } else if (mode.contains("READ WRITE")) {
                    session.setTransactionReadOnly(false);
                }
                if (mode.contains("WITH CONSISTENT SNAPSHOT")
                        && session.isolationLevel() == java.sql.Connection.TRANSACTION_REPEATABLE_READ) {
                    // The read view opens now rather than at the first read (only REPEATABLE READ
                    // has a view that lasts, so MySQL ignores the clause at other levels).
                    session.transaction().readView();
                }
                return StatementResult.updateCount(0, List.of(), 0);
            }
            if (w.get(0).equals("RELEASE")) {
                session.releaseSavepoint(SqlText.unquote(rawWord(p.sql(), w, 2)));
                return StatementResult.updateCount(0, List.of(), 0);
            }
            // SET [SESSION|GLOBAL] TRANSACTION ISOLATION LEVEL ... / READ ONLY|WRITE
            String text = String.join(" ", SqlText.leadingWords(p.sql(), 12));
            if (text.contains("READ UNCOMMITTED")) {
                session.setIsolationLevel(java.sql.Connection.TRANSACTION_READ_UNCOMMITTED);
            } else if (text.contains("READ COMMITTED")) {
                session.setIsolationLevel(java.sql.Connection.TRANSACTION_READ_COMMITTED);
            } else if (text.contains("REPEATABLE READ")) {
                session.setIsolationLevel(java.sql.Connection.TRANSACTION_REPEATABLE_READ);
            } else if (text.contains("SERIALIZABLE")) {
                session.setIsolationLevel(java.sql.Connection.TRANSACTION_SERIALIZABLE);
            } else if (text.contains("READ ONLY")) {
                session.setReadOnly(true);
            } else if (text.contains("READ WRITE")) {
                session.setReadOnly(false);
            } else {
                throw MySqlError.ER_PARSE_ERROR.raise(p.sql(), 1);
            }
            return StatementResult.updateCount(0, List.of(), 0);
        }
        if (st instanceof Commit) {
            session.commit();
        } else if (st instanceof RollbackStatement r) {
            if (r.getSavepointName() != null) {
                session.rollbackToSavepoint(SqlText.unquote(r.getSavepointName()));
            } else {
                session.rollback();
            }
        } else if (st instanceof SavepointStatement s) {
            session.setSavepoint(SqlText.unquote(s.getSavepointName()));
        }
        return StatementResult.updateCount(0, List.of(), 0);
    }

    private StatementResult set(ParsedStatement p, Object[] params) {
        if (p.ast() == null) {
            return new io.flushdb.sql.vars.SetExecutor(session, this).resetPersist(p.sql());
        }
        return new io.flushdb.sql.vars.SetExecutor(session, this).execute(p.sql(), params);
    }

    public Session session() {
        return session;
    }

    public SqlEngine engine() {
        return engine;
    }
}
