package io.flushdb.sql.exec;

import io.flushdb.sql.ddl.DefaultValues;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.error.SqlErrors;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.trx.lock.LockMode;
import io.flushdb.storage.row.RowLocking;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.plan.schema.EngineTable;
import io.flushdb.sql.route.ParsedStatement;
import io.flushdb.sql.route.StatementRouter;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.CalciteValues;
import io.flushdb.sql.types.StoreValues;
import io.flushdb.sql.types.TypeMapping;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.Transaction;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * INSERT, UPDATE and DELETE. Rows to change are found by running the statement's WHERE (with its
 * ORDER BY and LIMIT) as a compiled query over the table, so index lookups serve DML as they serve
 * SELECT; that query returns each row's primary key (or hidden row id), the stored row is then read
 * exactly by key and changed through {@link TableStore}, and each change is recorded in the
 * transaction's undo log. Values are converted to their columns' stored form with MySQL's rules
 * ({@link StoreValues}: strict mode by default, as MySQL 8.0's sql_mode).
 */
public final class DmlExecutor {
    private final Session session;
    private final StatementRouter router;
    private final RowExpressions expressions;

    public DmlExecutor(Session session, StatementRouter router) {
        this.session = session;
        this.router = router;
        this.expressions = new RowExpressions(session, router);
    }

    /** A value source in an INSERT row: a constant, a user parameter, DEFAULT, or a computed expression. */
    private record Source(int kind, Object constant, int param, CompiledQuery query, int queryParamStart, int queryParams) {
        static final int CONSTANT = 0;
        static final int PARAM = 1;
        static final int DEFAULT = 2;
        static final int QUERY = 3;
    }

    /** What a DML statement will do, worked out before its table locks are taken. */
    public record Plan(ParsedStatement statement, Names.TableName target, Set<Names.TableName> readTables,
                       int[] columns, List<Source[]> rows, CompiledQuery select, List<int[]> assignments,
                       OnDuplicate onDuplicate, List<MultiTarget> multi) {
        /** The tables the statement changes (their rows are locked exclusively). */
        public Set<Names.TableName> writeTables() {
            if (multi == null) {
                return Set.of(target);
            }
            Set<Names.TableName> out = new LinkedHashSet<>();
            for (MultiTarget t : multi) {
                out.add(t.table());
            }
            return out;
        }
    }

    /**
     * A table a multi-table UPDATE or DELETE changes: its key is read at {@code keyStart} of the
     * planning query's rows, and its assignments (UPDATE) are {column, result index}, or {column,
     * -1} for DEFAULT.
     */
    public record MultiTarget(Names.TableName table, int keyStart, List<int[]> assignments) {
    }

    /**
     * An INSERT's ON DUPLICATE KEY UPDATE, as an UPDATE of one row by primary key: its parameters
     * are the values of the new row's columns {@code valueColumns} (each {@code VALUES(col)} or
     * row-alias reference, in order), then the key of the row the insert collided with.
     */
    private record OnDuplicate(Plan update, int[] valueColumns) {
    }

    public Plan plan(ParsedStatement p, Object[] params) {
        return switch (p.kind()) {
            case INSERT -> planInsert(p);
            case UPDATE -> planUpdate(p);
            case DELETE -> planDelete(p);
            default -> throw new IllegalArgumentException(p.kind().toString());
        };
    }

    public StatementResult run(Plan plan, Object[] params) {
        strict = session.strictMode();
        if (plan.multi() != null) {
            return MultiTableDml.run(this, plan, params);
        }
        return switch (plan.statement().kind()) {
            case INSERT -> runInsert(plan, params);
            case UPDATE -> runUpdate(plan, params);
            case DELETE -> runDelete(plan, params);
            default -> throw new IllegalArgumentException(plan.statement().kind().toString());
        };
    }

    private TableEntry entry(Names.TableName n) {
        return Names.existing(n, session);
    }

    /** Values are converted by sql_mode: strict mode fails the statement where MySQL would warn. */
    private StoreValues.Context context(long row) {
        return new StoreValues.Context(strict, row, ZoneId.systemDefault(), session::addWarning);
    }

    /** The statement's strictness, read once when it starts ({@link #run}). */
    private boolean strict = true;

    /** INSERT IGNORE: values are adjusted with a warning where strict mode would fail the statement. */
    private StoreValues.Context lenientContext(long row) {
        return new StoreValues.Context(false, row, ZoneId.systemDefault(), session::addWarning);
    }

    // ---- INSERT -------------------------------------------------------------------------------

    private Plan planInsert(ParsedStatement p) {
        Insert ins = insertOf(p.ast());
        Names.TableName target = Names.resolveForWrite(ins.getTable(), session);
        TableEntry e = entry(target);
        TableDef def = e.def();
        OnDuplicate onDuplicate = ins.getDuplicateUpdateSets() == null || ins.getDuplicateUpdateSets().isEmpty()
                ? null : planOnDuplicate(ins, def);
        int[] columns;
        int[] counter = {0};
        List<Source[]> rows = new ArrayList<>();
        CompiledQuery select = null;
        Set<Names.TableName> reads = new LinkedHashSet<>();
        if (ins.getSetUpdateSets() != null && !ins.getSetUpdateSets().isEmpty()) {
            List<String> names = new ArrayList<>();
            List<Expression> values = new ArrayList<>();
            for (UpdateSet us : ins.getSetUpdateSets()) {
                for (int i = 0; i < us.getColumns().size(); i++) {
                    names.add(SqlText.unquote(us.getColumns().get(i).getColumnName()));
                    values.add(us.getValues().get(i));
                }
            }
            columns = columnPositions(def, names);
            rows.add(sources(def, values, counter, reads));
        } else {
            if (ins.getColumns() != null && !ins.getColumns().isEmpty()) {
                List<String> names = new ArrayList<>();
                for (Column c : ins.getColumns()) {
                    names.add(SqlText.unquote(c.getColumnName()));
                }
                columns = columnPositions(def, names);
            } else {
                columns = new int[def.columns().size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = i;
                }
            }
            Select source = ins.getSelect();
            Values values = source instanceof Values v ? v : null;
            if (values != null) {
                ExpressionList<?> list = values.getExpressions();
                boolean singleRow = !list.isEmpty() && !(list.get(0) instanceof ParenthesedExpressionList<?>)
                        && !(list.get(0) instanceof ExpressionList<?>);
                boolean allDefaults = !singleRow && list.stream().allMatch(r -> ((ExpressionList<?>) r).isEmpty());
                if (allDefaults && (ins.getColumns() == null || ins.getColumns().isEmpty())) {
                    columns = new int[0]; // INSERT INTO t VALUES (): every column takes its default
                }
                if (singleRow) {
                    rows.add(sources(def, toExpressions(list), counter, reads));
                } else {
                    for (Object r : list) {
                        rows.add(sources(def, toExpressions((ExpressionList<?>) r), counter, reads));
                    }
                }
                for (int i = 0; i < rows.size(); i++) {
                    if (rows.get(i).length != columns.length) {
                        throw MySqlError.ER_WRONG_VALUE_COUNT_ON_ROW.raise(i + 1);
                    }
                }
            } else if (source != null) {
                String text = source.toString();
                select = router.compileValues(text, source, p.parameterCount());
                reads.addAll(select.tables());
                if (select.columns().size() != columns.length) {
                    throw MySqlError.ER_WRONG_VALUE_COUNT_ON_ROW.raise(1);
                }
            } else {
                throw MySqlError.ER_PARSE_ERROR.raise(p.sql(), 1);
            }
        }
        return new Plan(p, target, reads, columns, rows, select, null, onDuplicate, null);
    }

    /**
     * ON DUPLICATE KEY UPDATE as an UPDATE of one row by primary key: {@code VALUES(col)} and
     * row-alias references ({@code INSERT ... AS new ... new.col}) become parameters bound to the
     * values the insert would have stored; other column names mean the existing row's columns.
     */
    private OnDuplicate planOnDuplicate(Insert ins, TableDef def) {
        String alias = ins.getSelect() instanceof Values v && v.getAlias() != null
                ? SqlText.unquote(v.getAlias().getName()) : null;
        List<Integer> refs = new ArrayList<>();
        StringBuilder sql = new StringBuilder("UPDATE ").append(ins.getTable()).append(" SET ");
        String separator = "";
        for (UpdateSet us : ins.getDuplicateUpdateSets()) {
            for (int i = 0; i < us.getColumns().size(); i++) {
                StringBuilder value = new StringBuilder();
                NewRowReferences deparser = new NewRowReferences(def, alias, refs, value);
                us.getValues().get(i).accept(deparser, null);
                sql.append(separator).append(us.getColumns().get(i)).append(" = ").append(value);
                separator = ", ";
            }
        }
        sql.append(" WHERE ");
        separator = "";
        for (SelectItem<?> key : keyItems(def, new Table(ins.getTable().getName()))) {
            sql.append(separator).append(key.getExpression()).append(" = ?");
            separator = " AND ";
        }
        String text = sql.toString();
        Update update = (Update) io.flushdb.sql.parse.MySqlParser.parse(text);
        int keyCount = def.hasHiddenPrimaryKey() ? 1 : def.clusteredIndex().columns().length;
        ParsedStatement parsed = new ParsedStatement(text, update, io.flushdb.sql.route.StatementKind.UPDATE,
                refs.size() + keyCount);
        return new OnDuplicate(planUpdate(parsed), refs.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Writes an ON DUPLICATE KEY UPDATE value as SQL text, with each reference to the new row
     * ({@code VALUES(col)}, {@code alias.col}) replaced by a parameter whose column is recorded.
     */
    private static final class NewRowReferences extends net.sf.jsqlparser.util.deparser.ExpressionDeParser {
        private final TableDef def;
        private final String alias;
        private final List<Integer> refs;

        NewRowReferences(TableDef def, String alias, List<Integer> refs, StringBuilder out) {
            this.def = def;
            this.alias = alias;
            this.refs = refs;
            setBuilder(out);
            setSelectVisitor(new net.sf.jsqlparser.util.deparser.SelectDeParser(this, out));
        }

        @Override
        public <S> StringBuilder visit(net.sf.jsqlparser.expression.Function f, S context) {
            if (f.getName().equalsIgnoreCase("VALUES") && f.getParameters() != null && f.getParameters().size() == 1
                    && f.getParameters().get(0) instanceof Column c) {
                return reference(c);
            }
            return super.visit(f, context);
        }

        @Override
        public <S> StringBuilder visit(Column c, S context) {
            if (alias != null && c.getTable() != null && c.getTable().getName() != null
                    && SqlText.unquote(c.getTable().getName()).equalsIgnoreCase(alias)) {
                return reference(c);
            }
            return super.visit(c, context);
        }

        @Override
        public <S> StringBuilder visit(JdbcParameter p, S context) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise("parameters in ON DUPLICATE KEY UPDATE");
        }

        private StringBuilder reference(Column c) {
            int pos = def.columnIndex(SqlText.unquote(c.getColumnName()));
            if (pos < 0) {
                throw MySqlError.ER_BAD_FIELD_ERROR.raise(c.getFullyQualifiedName(), "field list");
            }
            refs.add(pos);
            return getBuilder().append('?');
        }
    }

    /** The INSERT an INSERT or REPLACE statement describes (REPLACE differs only when it runs). */
    private static Insert insertOf(net.sf.jsqlparser.statement.Statement ast) {
        if (ast instanceof net.sf.jsqlparser.statement.upsert.Upsert u) {
            Insert ins = new Insert();
            ins.setTable(u.getTable());
            ins.setColumns(u.getColumns());
            ins.setSelect(u.getSelect());
            if (u.getUpdateSets() != null) {
                ins.withSetUpdateSets(u.getUpdateSets());
            }
            return ins;
        }
        return (Insert) ast;
    }

    private static List<Expression> toExpressions(ExpressionList<?> list) {
        List<Expression> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add((Expression) o);
        }
        return out;
    }

    private int[] columnPositions(TableDef def, List<String> names) {
        int[] out = new int[names.size()];
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            int pos = def.columnIndex(names.get(i));
            if (pos < 0) {
                throw MySqlError.ER_BAD_FIELD_ERROR.raise(names.get(i), "field list");
            }
            if (!seen.add(pos)) {
                throw MySqlError.ER_FIELD_SPECIFIED_TWICE.raise(names.get(i));
            }
            out[i] = pos;
        }
        return out;
    }

    private Source[] sources(TableDef def, List<Expression> values, int[] counter, Set<Names.TableName> reads) {
        Source[] out = new Source[values.size()];
        for (int i = 0; i < values.size(); i++) {
            out[i] = source(def, values.get(i), counter, reads);
        }
        return out;
    }

    private Source source(TableDef def, Expression e, int[] counter, Set<Names.TableName> reads) {
        if (e instanceof JdbcParameter) {
            return new Source(Source.PARAM, null, counter[0]++, null, 0, 0);
        }
        if (e instanceof Column c && c.getTable() == null && c.getColumnName().equalsIgnoreCase("DEFAULT")) {
            return new Source(Source.DEFAULT, null, -1, null, 0, 0);
        }
        int defaultOf = defaultFunctionColumn(def, e);
        if (defaultOf >= 0) {
            return new Source(Source.DEFAULT, null, defaultOf, null, 0, 0);
        }
        Object constant = constant(e);
        if (constant != NOT_CONSTANT) {
            return new Source(Source.CONSTANT, constant, -1, null, 0, 0);
        }
        // A computed value: compiled as "SELECT expr" with its own parameters numbered from 0.
        String text = "SELECT " + e;
        int n = SqlText.countParameters(e.toString());
        PlainSelect ps = new PlainSelect();
        ps.setSelectItems(List.of(new SelectItem<>(e)));
        CompiledQuery q = router.compileValues(text, ps, n);
        reads.addAll(q.tables());
        Source s = new Source(Source.QUERY, null, -1, q, counter[0], n);
        counter[0] += n;
        return s;
    }

    /**
     * For {@code DEFAULT(col)}, the position of {@code col} in {@code def}; -1 for other
     * expressions. An unknown column is error 1054.
     */
    static int defaultFunctionColumn(TableDef def, Expression e) {
        if (!(e instanceof net.sf.jsqlparser.expression.Function f) || !f.getName().equalsIgnoreCase("DEFAULT")
                || f.getParameters() == null || f.getParameters().size() != 1
                || !(f.getParameters().get(0) instanceof Column c)) {
            return -1;
        }
        int pos = def.columnIndex(SqlText.unquote(c.getColumnName()));
        if (pos < 0) {
            throw MySqlError.ER_BAD_FIELD_ERROR.raise(c.getColumnName(), "field list");
        }
        return pos;
    }

    /** The value DEFAULT(col) gives for column {@code col}: its default, or 1364 if it has none. */
    private static Object defaultOf(ColumnDef col, StoreValues.Context ctx, LocalDateTime now) {
        Object stored = DefaultValues.storedDefault(col, ctx, now);
        if (stored == null && !col.nullable() && !col.autoIncrement()) {
            throw MySqlError.ER_NO_DEFAULT_FOR_FIELD.raise(col.name());
        }
        if (stored == null) {
            return null;
        }
        ZoneId zone = ZoneId.systemDefault();
        return CalciteValues.toCanonical(TypeMapping.relType(TYPES, col), CalciteValues.fromStored(col, stored, zone));
    }

    private static final org.apache.calcite.rel.type.RelDataTypeFactory TYPES = new io.flushdb.sql.plan.MySqlTypeFactory();

    private static final Object NOT_CONSTANT = new Object();

    /** The canonical value of a literal, or NOT_CONSTANT. */
    private static Object constant(Expression e) {
        if (e instanceof NullValue) {
            return null;
        }
        if (e instanceof StringValue s) {
            if ("B".equalsIgnoreCase(s.getPrefix())) {
                return SqlText.bitLiteralBytes(s.getValue());
            }
            return unescape(s.getValue());
        }
        if (e instanceof Column c && (c.getTable() == null || c.getTable().getName() == null)
                && SqlText.isBitLiteral(c.getColumnName())) {
            return SqlText.bitLiteralBytes(c.getColumnName());
        }
        if (e instanceof LongValue l) {
            BigInteger bi = new BigInteger(l.getStringValue());
            return bi.bitLength() < 64 ? (Object) bi.longValue() : new BigDecimal(bi);
        }
        if (e instanceof DoubleValue d) {
            String s = d.toString();
            return s.toLowerCase(Locale.ROOT).contains("e") ? (Object) Double.parseDouble(s) : new BigDecimal(s);
        }
        if (e instanceof BooleanValue b) {
            return b.getValue() ? 1L : 0L;
        }
        if (e instanceof HexValue h) {
            return SqlText.hexLiteralBytes(h.getValue());
        }
        if (e instanceof SignedExpression s && (s.getSign() == '-' || s.getSign() == '+')) {
            Object inner = constant(s.getExpression());
            if (s.getSign() == '+') {
                return inner;
            }
            if (inner instanceof Long l) {
                return -l;
            }
            if (inner instanceof BigDecimal bd) {
                return bd.negate();
            }
            if (inner instanceof Double d) {
                return -d;
            }
            return NOT_CONSTANT;
        }
        if (e instanceof DateTimeLiteralExpression) {
            return NOT_CONSTANT;
        }
        return NOT_CONSTANT;
    }

    private static String unescape(String raw) {
        return io.flushdb.sql.plan.SqlNodeTranslatorAccess.unescape(raw);
    }

    private StatementResult runInsert(Plan plan, Object[] params) {
        TableEntry e = entry(plan.target());
        TableStore store = e.store();
        TableDef def = e.def();
        Transaction trx = session.transaction();
        LocalDateTime now = QueryExecutor.statementTime(session);
        boolean ignore = plan.statement().ast() instanceof Insert ins && ins.isModifierIgnore();
        boolean replace = plan.statement().ast() instanceof net.sf.jsqlparser.statement.upsert.Upsert;
        List<Long> generated = new ArrayList<>();
        long count = 0;
        long rowNumber = 0;
        List<Object[]> values;
        if (plan.select() != null) {
            values = QueryExecutor.rows(plan.select(), params, session, -1);
        } else {
            values = new ArrayList<>(plan.rows().size());
            for (Source[] sources : plan.rows()) {
                Object[] v = new Object[sources.length];
                for (int i = 0; i < sources.length; i++) {
                    v[i] = evaluate(sources[i], params);
                }
                values.add(v);
            }
        }
        // Outside strict mode, a NULL for a NOT NULL column is an error only in a one-row INSERT VALUES.
        boolean nullsAdjusted = ignore || !strict && (plan.select() != null || values.size() > 1);
        boolean replaceInPlace = replace && onlyPrimaryUnique(def) && !referenced(store);
        for (Object[] v : values) {
            int generatedBefore = generated.size();
            Object[] row = buildRow(def, store, plan.columns(), v, ++rowNumber, now, generated, ignore, nullsAdjusted);
            if (row == null) {
                generated.subList(generatedBefore, generated.size()).clear(); // IGNORE left it out
                continue;
            }
            if (plan.onDuplicate() != null) {
                long affected = upsertRow(store, def, row, trx, plan.onDuplicate());
                count += affected;
                if (affected != 1 || !insertedLast) {
                    generated.subList(generatedBefore, generated.size()).clear();
                }
            } else if (replace) {
                count += replaceRow(store, row, trx, replaceInPlace);
            } else if (insertRow(store, row, trx, ignore)) {
                count++;
            } else {
                generated.subList(generatedBefore, generated.size()).clear();
            }
        }
        if (!generated.isEmpty()) {
            session.setLastInsertId(generated.get(0));
        }
        return StatementResult.updateCount(count, generated, session.warnings().size());
    }

    /** Whether the last {@link #upsertRow} inserted its row (rather than updating another). */
    private boolean insertedLast;

    /**
     * INSERT ... ON DUPLICATE KEY UPDATE of one row: inserts it, or, when it collides with a row
     * on a unique key, updates that row. Returns the rows affected as Connector/J counts them
     * (found rows): 1 inserted, 2 updated, 1 when the update changed nothing.
     */
    private long upsertRow(TableStore store, TableDef def, Object[] row, Transaction trx, OnDuplicate onDuplicate) {
        while (true) {
            try {
                store.insert(row, trx);
                insertedLast = true;
                return 1;
            } catch (DuplicateKeyException d) {
                Object[] holder = store.conflictingRowKey(row, d.indexName());
                if (holder == null) {
                    continue; // the holder went away meanwhile: insert again
                }
                insertedLast = false;
                ZoneId zone = ZoneId.systemDefault();
                List<ColumnDef> cols = def.columns();
                int[] values = onDuplicate.valueColumns();
                Object[] params = new Object[values.length + (def.hasHiddenPrimaryKey() ? 1 : def.clusteredIndex().columns().length)];
                for (int i = 0; i < values.length; i++) {
                    params[i] = canonical(cols.get(values[i]), row[values[i]], zone);
                }
                if (def.hasHiddenPrimaryKey()) {
                    params[values.length] = holder[cols.size()];
                } else {
                    int[] pk = def.clusteredIndex().columns();
                    for (int i = 0; i < pk.length; i++) {
                        params[values.length + i] = canonical(cols.get(pk[i]), holder[pk[i]], zone);
                    }
                }
                long[] foundAndChanged = updateRows(onDuplicate.update(), params);
                if (foundAndChanged[0] == 0) {
                    continue; // the row is gone meanwhile: insert again
                }
                return foundAndChanged[1] > 0 ? 2 : 1;
            }
        }
    }

    /** A stored value in the form a query parameter takes. */
    private static Object canonical(ColumnDef col, Object stored, ZoneId zone) {
        return stored == null ? null
                : CalciteValues.toCanonical(TypeMapping.relType(TYPES, col), CalciteValues.fromStored(col, stored, zone));
    }

    /**
     * REPLACE of one row: while its insert collides with a row on a unique key, that row is locked
     * (X), deleted, and the insert tried again. Returns the rows affected, deleted ones included.
     * As MySQL, which updates the row in place when the collision is on the table's last unique
     * key: on a table whose only unique key is the primary key, a row identical to the one it
     * collides with changes nothing and counts 1.
     */
    private long replaceRow(TableStore store, Object[] row, Transaction trx, boolean onlyPrimaryUnique) {
        long affected = 0;
        Object[] scratch = new Object[store.rowWidth()];
        RowLocking exclusive = new RowLocking(trx, LockMode.X, false, RowLocking.WAIT);
        while (true) {
            try {
                store.insert(row, trx);
                return affected + 1;
            } catch (DuplicateKeyException d) {
                Object[] holder = store.conflictingRowKey(row, d.indexName());
                if (holder != null && store.lockRow(holder, exclusive, scratch)) {
                    if (onlyPrimaryUnique && sameRow(scratch, row)) {
                        return affected + 1;
                    }
                    store.delete(scratch, trx);
                    affected++;
                }
                // Else the holder went away meanwhile: insert again.
            }
        }
    }

    /**
     * Whether a FOREIGN KEY references the table: REPLACE then always deletes the row it collides
     * with, so that the constraint's ON DELETE action applies (MySQL's write_record asks
     * referenced_by_foreign_key() before updating in place).
     */
    private static boolean referenced(TableStore store) {
        io.flushdb.storage.row.ForeignKeyLinks links = store.foreignKeyLinks();
        return links != null && links.isReferenced();
    }

    /** Whether the table's primary key is its only unique key (REPLACE may then update in place). */
    private static boolean onlyPrimaryUnique(TableDef def) {
        for (int i = 1; i < def.indexes().size(); i++) {
            if (def.indexes().get(i).isUnique()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Inserts one row; with IGNORE a duplicate key or a missing parent row leaves the row out with
     * warning 1062 or 1452 (the row's own changes are already undone by the store) and returns false.
     */
    private boolean insertRow(TableStore store, Object[] row, Transaction trx, boolean ignore) {
        try {
            store.insert(row, trx);
            return true;
        } catch (DuplicateKeyException | io.flushdb.storage.row.ForeignKeyException d) {
            // IGNORE: a missing parent row (1452) leaves the row out too, as in MySQL.
            if (!ignore) {
                throw d;
            }
            MySqlException m = SqlErrors.translate(d);
            session.addWarning(new SqlWarning("Warning", m.code(), m.getMessage()));
            return false;
        }
    }

    /** Marks a DEFAULT in an INSERT row. */
    private static final Object DEFAULT = new Object();

    /** Marks DEFAULT(column) in an INSERT row. */
    private record DefaultOf(int column) {
    }

    private Object evaluate(Source s, Object[] params) {
        return switch (s.kind()) {
            case Source.CONSTANT -> s.constant();
            case Source.PARAM -> CalciteValues.canonicalInput(params[s.param()]);
            case Source.DEFAULT -> s.param() < 0 ? DEFAULT : new DefaultOf(s.param());
            default -> {
                Object[] sub = Arrays.copyOfRange(params, s.queryParamStart(), s.queryParamStart() + s.queryParams());
                List<Object[]> r = QueryExecutor.rows(s.query(), sub, session, 1);
                yield r.get(0)[0];
            }
        };
    }

    /**
     * The full stored row for an INSERT giving {@code values} for {@code columns}. A NULL given
     * for a NOT NULL column fails the statement (1048) unless {@code nullsAdjusted}; a missing
     * value for a column without a default fails it (1364) in strict mode only. Otherwise the
     * column takes its type's implicit default and the error becomes a warning, as in MySQL.
     */
    private Object[] buildRow(TableDef def, TableStore store, int[] columns, Object[] values, long rowNumber,
                              LocalDateTime now, List<Long> generated, boolean ignore, boolean nullsAdjusted) {
        List<ColumnDef> cols = def.columns();
        Object[] row = new Object[store.rowWidth()];
        boolean[] given = new boolean[cols.size()];
        StoreValues.Context ctx = ignore ? lenientContext(rowNumber) : context(rowNumber);
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            ColumnDef col = cols.get(c);
            Object v = values[i];
            if (v == DEFAULT || v instanceof DefaultOf d && d.column() == c) {
                continue;
            }
            if (col.isGenerated()) {
                throw MySqlError.ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN.raise(col.name(), def.name());
            }
            if (v instanceof DefaultOf d) {
                v = defaultOf(cols.get(d.column()), ctx, now);
            }
            given[c] = true;
            row[c] = v == null ? null : StoreValues.coerce(col, v, ctx);
        }
        for (int c = 0; c < cols.size(); c++) {
            ColumnDef col = cols.get(c);
            if (col.autoIncrement()) {
                Object v = row[c];
                if (v == null || isZero(v)) {
                    long next = store.nextAutoIncrement(1);
                    row[c] = StoreValues.coerce(col, next, ctx);
                    generated.add(next);
                } else {
                    store.observeAutoIncrement(((Number) v).longValue());
                }
                continue;
            }
            if (col.isGenerated()) {
                continue; // computed below, once every other column has its value
            }
            if (!given[c]) {
                row[c] = DefaultValues.storedDefault(col, ctx, now);
            }
            if (row[c] == null && !col.nullable()) {
                MySqlError error = given[c] ? MySqlError.ER_BAD_NULL_ERROR : MySqlError.ER_NO_DEFAULT_FOR_FIELD;
                boolean adjusted = given[c] ? nullsAdjusted : ignore || !strict;
                row[c] = implicitDefaultOrFail(col, error, adjusted, ctx);
            }
        }
        if (RowExpressions.any(def)) {
            expressions.generate(def, row, ctx);
            if (!checked(def, row, ignore)) {
                return null;
            }
        }
        return row;
    }

    /**
     * Whether {@code row} satisfies {@code def}'s CHECK constraints; a violation fails the
     * statement (3819), or with IGNORE is a warning and the row is left out (false).
     */
    private boolean checked(TableDef def, Object[] row, boolean ignore) {
        io.flushdb.storage.dict.CheckDef c = expressions.violated(def, row);
        if (c == null) {
            return true;
        }
        MySqlException m = MySqlError.ER_CHECK_CONSTRAINT_VIOLATED.raise(c.name());
        if (!ignore) {
            throw m;
        }
        session.addWarning(new SqlWarning("Warning", m.code(), m.getMessage()));
        return false;
    }

    /**
     * The implicit default of {@code col}'s type with {@code error} as a warning when
     * {@code adjusted} (IGNORE, or outside strict mode); else {@code error} fails the statement.
     */
    private Object implicitDefaultOrFail(ColumnDef col, MySqlError error, boolean adjusted, StoreValues.Context ctx) {
        MySqlException m = error.raise(col.name());
        if (!adjusted) {
            throw m;
        }
        session.addWarning(new SqlWarning("Warning", m.code(), m.getMessage()));
        return DefaultValues.implicitDefault(col, ctx);
    }

    private static boolean isZero(Object v) {
        return v instanceof Number n && (n instanceof BigDecimal bd ? bd.signum() == 0 : n.doubleValue() == 0);
    }

    // ---- UPDATE -------------------------------------------------------------------------------

    private Plan planUpdate(ParsedStatement p) {
        Update upd = (Update) p.ast();
        if (upd.getFromItem() != null || upd.getJoins() != null && !upd.getJoins().isEmpty()) {
            throw MySqlError.ER_PARSE_ERROR.raise("FROM", 1); // UPDATE ... FROM is not MySQL
        }
        if (upd.getStartJoins() != null && !upd.getStartJoins().isEmpty()) {
            return MultiTableDml.planUpdate(this, p, upd);
        }
        Table table = upd.getTable();
        Names.TableName target = Names.resolveForWrite(table, session);
        TableDef def = entry(target).def();
        List<SelectItem<?>> items = keyItems(def, table);
        List<int[]> assignments = new ArrayList<>();
        for (UpdateSet us : upd.getUpdateSets()) {
            for (int i = 0; i < us.getColumns().size(); i++) {
                Column c = us.getColumns().get(i);
                int pos = def.columnIndex(SqlText.unquote(c.getColumnName()));
                if (pos < 0) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(c.getColumnName(), "field list");
                }
                Expression v = us.getValues().get(i);
                if (v instanceof Column dc && dc.getTable() == null && dc.getColumnName().equalsIgnoreCase("DEFAULT")) {
                    assignments.add(new int[] {pos, -1});
                    continue;
                }
                if (def.columns().get(pos).isGenerated()) {
                    throw MySqlError.ER_NON_DEFAULT_VALUE_FOR_GENERATED_COLUMN.raise(def.columns().get(pos).name(), def.name());
                }
                int defaultOf = defaultFunctionColumn(def, v);
                if (defaultOf >= 0) {
                    assignments.add(new int[] {pos, -1, defaultOf});
                    continue;
                }
                assignments.add(new int[] {pos, items.size()});
                items.add(new SelectItem<>(v));
            }
        }
        PlainSelect ps = new PlainSelect();
        ps.setSelectItems(items);
        ps.setFromItem(table);
        ps.setWhere(upd.getWhere());
        ps.setOrderByElements(upd.getOrderByElements());
        ps.setLimit(upd.getLimit());
        CompiledQuery q = router.compileValues(ps.toString(), ps, p.parameterCount());
        return new Plan(p, target, new LinkedHashSet<>(q.tables()), null, null, q, assignments, null, null);
    }

    /** Select items reading the primary key columns (or the hidden row id) of the target table. */
    static List<SelectItem<?>> keyItems(TableDef def, Table table) {
        Table ref = table.getAlias() != null ? new Table(table.getAlias().getName()) : table;
        List<SelectItem<?>> items = new ArrayList<>();
        if (def.hasHiddenPrimaryKey()) {
            items.add(new SelectItem<>(new Column(ref, EngineTable.ROW_ID_COLUMN)));
        } else {
            for (int c : def.clusteredIndex().columns()) {
                items.add(new SelectItem<>(new Column(ref, "`" + def.columns().get(c).name() + "`")));
            }
        }
        return items;
    }

    static int keyCount(TableDef def) {
        return def.hasHiddenPrimaryKey() ? 1 : def.clusteredIndex().columns().length;
    }

    /** The key row (for {@link TableStore#lookup}) from a result row's leading key values. */
    private Object[] keyRow(TableDef def, TableStore store, Object[] result) {
        Object[] key = new Object[store.rowWidth()];
        StoreValues.Context ctx = new StoreValues.Context(false, 1, ZoneId.systemDefault(), null);
        if (def.hasHiddenPrimaryKey()) {
            key[def.columns().size()] = ((Number) result[0]).longValue();
        } else {
            IndexDef pk = def.clusteredIndex();
            for (int i = 0; i < pk.columns().length; i++) {
                int c = pk.columns()[i];
                key[c] = StoreValues.coerce(def.columns().get(c), result[i], ctx);
            }
        }
        return key;
    }

    private StatementResult runUpdate(Plan plan, Object[] params) {
        long found = updateRows(plan, params)[0];
        return StatementResult.updateCount(found, List.of(), session.warnings().size());
    }

    /** Runs an UPDATE plan: returns the rows it found and the rows it changed. */
    private long[] updateRows(Plan plan, Object[] params) {
        TableEntry e = entry(plan.target());
        TableStore store = e.store();
        TableDef def = e.def();
        List<ColumnDef> cols = def.columns();
        Transaction trx = session.transaction();
        LocalDateTime now = QueryExecutor.statementTime(session);
        List<Object[]> targets = QueryExecutor.rows(plan.select(), params, session, -1);
        long found = 0;
        long changed = 0;
        long rowNumber = 0;
        boolean[] assigned = new boolean[cols.size()];
        for (int[] a : plan.assignments()) {
            assigned[a[0]] = true;
        }
        for (Object[] result : targets) {
            rowNumber++;
            Object[] old = new Object[store.rowWidth()];
            // The query above read (and counted) the row; fetching it again to change it is not a new read.
            if (!store.lookupForChange(keyRow(def, store, result), old)) {
                continue;
            }
            found++;
            Object[] row = changedRow(def, plan.assignments(), assigned, result, old, rowNumber, now);
            if (row == null) {
                continue;
            }
            store.update(old, row, trx);
            changed++;
        }
        return new long[] {found, changed};
    }

    /**
     * The row an UPDATE makes of {@code old}: its assignments (values from the statement's
     * {@code result} row, DEFAULT, DEFAULT(col)), then generated columns, ON UPDATE
     * CURRENT_TIMESTAMP columns and CHECK constraints. Null when the assignments change nothing.
     * Shared by single- and multi-table UPDATE.
     */
    Object[] changedRow(TableDef def, List<int[]> assignments, boolean[] assigned, Object[] result, Object[] old,
                        long rowNumber, LocalDateTime now) {
        List<ColumnDef> cols = def.columns();
        Object[] row = old.clone();
        StoreValues.Context ctx = context(rowNumber);
        for (int[] a : assignments) {
            ColumnDef col = cols.get(a[0]);
            if (col.isGenerated()) {
                continue; // SET g = DEFAULT: computed below
            }
            Object v;
            if (a[1] < 0 && a.length > 2 && a[2] != a[0]) {
                Object d = defaultOf(cols.get(a[2]), ctx, now);
                v = d == null ? null : StoreValues.coerce(col, d, ctx);
            } else if (a[1] < 0) {
                v = DefaultValues.storedDefault(col, ctx, now);
            } else {
                Object computed = result[a[1]];
                v = computed == null ? null : StoreValues.coerce(col, computed, ctx);
            }
            if (v == null && !col.nullable()) {
                v = implicitDefaultOrFail(col, MySqlError.ER_BAD_NULL_ERROR, !strict, ctx);
            }
            row[a[0]] = v;
        }
        boolean computed = RowExpressions.any(def);
        if (computed) {
            expressions.generate(def, row, ctx);
        }
        if (sameRow(old, row)) {
            return null;
        }
        for (int c = 0; c < cols.size(); c++) {
            if (cols.get(c).onUpdateCurrentTimestamp() && !assigned[c]) {
                row[c] = StoreValues.coerce(cols.get(c), QueryExecutor.atPrecision(now, cols.get(c).fsp()), ctx);
            }
        }
        if (computed) {
            expressions.generate(def, row, ctx); // again: one may read an ON UPDATE column
            expressions.check(def, row);
        }
        return row;
    }

    private static boolean sameRow(Object[] a, Object[] b) {
        for (int i = 0; i < a.length; i++) {
            Object x = a[i];
            Object y = b[i];
            if (x instanceof byte[] bx && y instanceof byte[] by) {
                if (!Arrays.equals(bx, by)) {
                    return false;
                }
            } else if (x instanceof BigDecimal dx && y instanceof BigDecimal dy) {
                if (dx.compareTo(dy) != 0 || dx.scale() != dy.scale()) {
                    return false;
                }
            } else if (!java.util.Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    // ---- DELETE -------------------------------------------------------------------------------

    private Plan planDelete(ParsedStatement p) {
        Delete del = (Delete) p.ast();
        if (!del.isHasFrom()) {
            // JSqlParser takes "DELETE t WHERE ..."; MySQL requires FROM (it is a syntax error).
            // MySQL reads "DELETE t" as the start of a multi-table DELETE and fails at what follows t.
            String[] words = SqlText.trim(p.sql()).split("\\s+", 3);
            throw MySqlError.ER_PARSE_ERROR.raise(words.length > 2 ? words[2] : "", 1);
        }
        if (del.getTables() != null && !del.getTables().isEmpty() || del.getJoins() != null && !del.getJoins().isEmpty()
                || del.getUsingList() != null && !del.getUsingList().isEmpty()) {
            return MultiTableDml.planDelete(this, p, del);
        }
        Table table = del.getTable();
        Names.TableName target = Names.resolveForWrite(table, session);
        TableDef def = entry(target).def();
        PlainSelect ps = new PlainSelect();
        ps.setSelectItems(keyItems(def, table));
        ps.setFromItem(table);
        ps.setWhere(del.getWhere());
        ps.setOrderByElements(del.getOrderByElements());
        ps.setLimit(del.getLimit());
        CompiledQuery q = router.compile(ps.toString(), ps, p.parameterCount());
        return new Plan(p, target, new LinkedHashSet<>(q.tables()), null, null, q, null, null, null);
    }

    private StatementResult runDelete(Plan plan, Object[] params) {
        TableEntry e = entry(plan.target());
        TableStore store = e.store();
        TableDef def = e.def();
        Transaction trx = session.transaction();
        List<Object[]> targets = QueryExecutor.rows(plan.select(), params, session, -1);
        long count = 0;
        for (Object[] result : targets) {
            Object[] stored = store.delete(keyRow(def, store, result), trx);
            if (stored != null) {
                count++;
            }
        }
        return StatementResult.updateCount(count, List.of(), session.warnings().size());
    }

    // ---- for MultiTableDml (same package) -----------------------------------------------------

    Session session() {
        return session;
    }

    StatementRouter router() {
        return router;
    }

    /** The key row of a target from a result row's key values starting at {@code start}. */
    Object[] keyRowAt(TableDef def, TableStore store, Object[] result, int start) {
        return keyRow(def, store, Arrays.copyOfRange(result, start, result.length));
    }
}
