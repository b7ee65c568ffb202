package io.flushdb.sql.exec;

import io.flushdb.sql.ddl.DefaultValues;
import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.route.ParsedStatement;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.types.StoreValues;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.Transaction;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Multi-table UPDATE ({@code UPDATE t1 JOIN t2 ON ... SET t1.a = t2.b, t2.c = ...}, or
 * {@code UPDATE t1, t2 SET ...}) and DELETE ({@code DELETE t1, t2 FROM t1 JOIN t2 ...}, and
 * {@code DELETE FROM t1 USING ...}, which the router rewrites to that form), planned as the
 * single-table forms are: one query over the statement's FROM clause returns, per joined row, the
 * key of each target's row and the new values; each target row is then changed once (the first
 * joined row that reaches it decides its values, as in MySQL), through the same store calls as
 * single-table DML. Targets' rows are locked exclusively, the other tables' as single-table DML
 * locks them. ORDER BY and LIMIT are refused (1221 for UPDATE, a syntax error for DELETE, as in
 * MySQL). The update count is the number of target rows found (UPDATE) or deleted (DELETE),
 * over all targets.
 */
final class MultiTableDml {
    private MultiTableDml() {
    }

    /** A table of the FROM clause: how the statement names it, and the table (null for a derived table). */
    private record Item(String name, Table table, Names.TableName resolved, TableDef def) {
    }

    private static List<Item> items(DmlExecutor x, FromItem first, List<Join> joins, String statement) {
        List<FromItem> from = new ArrayList<>();
        from.add(first);
        if (joins != null) {
            for (Join j : joins) {
                from.add(j.getRightItem());
            }
        }
        List<Item> out = new ArrayList<>();
        for (FromItem f : from) {
            collect(x, f, out, statement);
        }
        return out;
    }

    private static void collect(DmlExecutor x, FromItem f, List<Item> out, String statement) {
        if (f instanceof net.sf.jsqlparser.statement.select.ParenthesedFromItem pf) {
            collect(x, pf.getFromItem(), out, statement);
            if (pf.getJoins() != null) {
                for (Join j : pf.getJoins()) {
                    collect(x, j.getRightItem(), out, statement);
                }
            }
            return;
        }
        String alias = f.getAlias() != null ? SqlText.unquote(f.getAlias().getName()) : null;
        if (f instanceof Table t) {
            Names.TableName n = Names.resolve(t, x.session());
            String name = alias != null ? alias : n.table();
            for (Item i : out) {
                if (i.name().equals(name)) {
                    throw MySqlError.ER_NONUNIQ_TABLE.raise(name);
                }
            }
            TableEntry e = x.session().engine().storage().dictionary().table(n.database(), n.table());
            out.add(new Item(name, t, n, e == null ? null : e.def()));
        } else {
            out.add(new Item(alias == null ? "" : alias, null, null, null));
        }
    }

    /** The target a statement names, which must be a stored table of the FROM clause. */
    private static Item target(DmlExecutor x, List<Item> items, String name, String statement) {
        for (Item i : items) {
            if (i.name().equals(name)) {
                if (i.def() == null) {
                    if (i.resolved() != null && x.session().engine().storage().dictionary()
                            .view(i.resolved().database(), i.resolved().table()) == null) {
                        Names.existing(i.resolved(), x.session()); // 1146
                    }
                    throw MySqlError.ER_NON_UPDATABLE_TABLE.raise(name, statement);
                }
                Names.checkWritable(i.resolved().database());
                return i;
            }
        }
        throw MySqlError.ER_UNKNOWN_TABLE.raise(name, statement.equals("DELETE") ? "MULTI DELETE" : "field list");
    }

    // ---- UPDATE -------------------------------------------------------------------------------

    static DmlExecutor.Plan planUpdate(DmlExecutor x, ParsedStatement p, Update upd) {
        if (upd.getOrderByElements() != null && !upd.getOrderByElements().isEmpty()) {
            throw MySqlError.ER_WRONG_USAGE.raise("UPDATE", "ORDER BY");
        }
        if (upd.getLimit() != null) {
            throw MySqlError.ER_WRONG_USAGE.raise("UPDATE", "LIMIT");
        }
        List<Item> items = items(x, upd.getTable(), upd.getStartJoins(), "UPDATE");
        Map<Item, List<int[]>> assignments = new LinkedHashMap<>();
        List<SelectItem<?>> values = new ArrayList<>();
        List<int[]> pending = new ArrayList<>(); // {item index, column, value index or -1, default-of column}
        for (UpdateSet us : upd.getUpdateSets()) {
            for (int k = 0; k < us.getColumns().size(); k++) {
                Column c = us.getColumns().get(k);
                String col = SqlText.unquote(c.getColumnName());
                Item item;
                if (c.getTable() != null && c.getTable().getName() != null) {
                    String q = SqlText.unquote(c.getTable().getName());
                    if (items.stream().noneMatch(i -> i.name().equals(q))) {
                        throw MySqlError.ER_BAD_FIELD_ERROR.raise(q + "." + col, "field list");
                    }
                    item = target(x, items, q, "UPDATE");
                } else {
                    item = null;
                    for (Item i : items) {
                        if (i.def() != null && i.def().columnIndex(col) >= 0) {
                            if (item != null) {
                                throw MySqlError.ER_NON_UNIQ_ERROR.raise(col, "field list");
                            }
                            item = i;
                        }
                    }
                    if (item == null) {
                        throw MySqlError.ER_BAD_FIELD_ERROR.raise(col, "field list");
                    }
                    item = target(x, items, item.name(), "UPDATE");
                }
                int pos = item.def().columnIndex(col);
                if (pos < 0) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(item.name() + "." + col, "field list");
                }
                Expression v = us.getValues().get(k);
                int[] a;
                int defaultOf;
                if (v instanceof Column dc && dc.getTable() == null && dc.getColumnName().equalsIgnoreCase("DEFAULT")) {
                    a = new int[] {pos, -1};
                } else if ((defaultOf = DmlExecutor.defaultFunctionColumn(item.def(), v)) >= 0) {
                    a = new int[] {pos, -1, defaultOf};
                } else {
                    a = new int[] {pos, values.size()};
                    values.add(new SelectItem<>(v));
                }
                assignments.computeIfAbsent(item, i -> new ArrayList<>()).add(a);
            }
        }
        // Select: each target's key, then the values.
        List<SelectItem<?>> select = new ArrayList<>();
        List<Integer> keyStarts = new ArrayList<>();
        for (Item t : assignments.keySet()) {
            keyStarts.add(select.size());
            select.addAll(DmlExecutor.keyItems(t.def(), aliasRef(t)));
        }
        int valueStart = select.size();
        select.addAll(values);
        PlainSelect ps = new PlainSelect();
        ps.setSelectItems(select);
        ps.setFromItem(upd.getTable());
        ps.setJoins(upd.getStartJoins());
        ps.setWhere(upd.getWhere());
        CompiledQuery q = x.router().compileValues(ps.toString(), ps, p.parameterCount());
        List<DmlExecutor.MultiTarget> multi = new ArrayList<>();
        int k = 0;
        for (Map.Entry<Item, List<int[]>> e : assignments.entrySet()) {
            List<int[]> shifted = new ArrayList<>();
            for (int[] a : e.getValue()) {
                int[] b = a.clone();
                if (b[1] >= 0) {
                    b[1] += valueStart;
                }
                shifted.add(b);
            }
            multi.add(new DmlExecutor.MultiTarget(e.getKey().resolved(), keyStarts.get(k++), shifted));
        }
        return new DmlExecutor.Plan(p, multi.get(0).table(), new LinkedHashSet<>(q.tables()), null, null, q, null,
                null, multi);
    }

    /** The name a key column is qualified with: the alias, else the table as written. */
    private static Table aliasRef(Item t) {
        return new Table(SqlText.quote(t.name()));
    }

    // ---- DELETE -------------------------------------------------------------------------------

    static DmlExecutor.Plan planDelete(DmlExecutor x, ParsedStatement p, Delete del) {
        if (del.getOrderByElements() != null && !del.getOrderByElements().isEmpty() || del.getLimit() != null) {
            throw MySqlError.ER_PARSE_ERROR.raise(del.getOrderByElements() != null ? "ORDER BY" : "LIMIT", 1);
        }
        List<Item> items = items(x, del.getTable(), del.getJoins(), "DELETE");
        List<Table> named = del.getTables() == null || del.getTables().isEmpty() ? List.of(del.getTable()) : del.getTables();
        List<Item> targets = new ArrayList<>();
        for (Table t : named) {
            String name = SqlText.unquote(t.getName());
            Item item = target(x, items, name, "DELETE");
            if (t.getSchemaName() != null && !SqlText.unquote(t.getSchemaName()).equals(item.resolved().database())) {
                throw MySqlError.ER_UNKNOWN_TABLE.raise(name, "MULTI DELETE");
            }
            if (!targets.contains(item)) {
                targets.add(item);
            }
        }
        List<SelectItem<?>> select = new ArrayList<>();
        List<Integer> keyStarts = new ArrayList<>();
        for (Item t : targets) {
            keyStarts.add(select.size());
            select.addAll(DmlExecutor.keyItems(t.def(), aliasRef(t)));
        }
        PlainSelect ps = new PlainSelect();
        ps.setSelectItems(select);
        ps.setFromItem(del.getTable());
        ps.setJoins(del.getJoins());
        ps.setWhere(del.getWhere());
        CompiledQuery q = x.router().compile(ps.toString(), ps, p.parameterCount());
        List<DmlExecutor.MultiTarget> multi = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            multi.add(new DmlExecutor.MultiTarget(targets.get(i).resolved(), keyStarts.get(i), null));
        }
        return new DmlExecutor.Plan(p, multi.get(0).table(), new LinkedHashSet<>(q.tables()), null, null, q, null,
                null, multi);
    }

    // ---- running ------------------------------------------------------------------------------

    static StatementResult run(DmlExecutor x, DmlExecutor.Plan plan, Object[] params) {
        var session = x.session();
        Transaction trx = session.transaction();
        LocalDateTime now = QueryExecutor.statementTime(session);
        // Every joined row is read before anything changes, so each value is computed from the rows
        // as they were when the statement started (no row sees another's change).
        List<Object[]> joined = QueryExecutor.rows(plan.select(), params, session, -1);
        long count = 0;
        boolean update = plan.statement().kind() == io.flushdb.sql.route.StatementKind.UPDATE;
        for (DmlExecutor.MultiTarget t : plan.multi()) {
            TableEntry e = Names.existing(t.table(), session);
            TableStore store = e.store();
            TableDef def = e.def();
            int width = DmlExecutor.keyCount(def);
            Set<List<Object>> done = new HashSet<>();
            long rowNumber = 0;
            for (Object[] result : joined) {
                Object[] keyValues = Arrays.copyOfRange(result, t.keyStart(), t.keyStart() + width);
                if (Arrays.stream(keyValues).anyMatch(java.util.Objects::isNull)) {
                    continue; // the outer side of a LEFT JOIN found no row of this table
                }
                if (!done.add(Arrays.asList(keyValues))) {
                    continue; // each target row changes once
                }
                rowNumber++;
                Object[] key = x.keyRowAt(def, store, result, t.keyStart());
                if (!update) {
                    if (store.delete(key, trx) != null) {
                        count++;
                    }
                    continue;
                }
                Object[] old = new Object[store.rowWidth()];
                if (!store.lookupForChange(key, old)) {
                    continue;
                }
                count++;
                boolean[] assigned = new boolean[def.columns().size()];
                for (int[] a : t.assignments()) {
                    assigned[a[0]] = true;
                }
                Object[] row = x.changedRow(def, t.assignments(), assigned, result, old, rowNumber, now);
                if (row == null) {
                    continue;
                }
                store.update(old, row, trx);
            }
        }
        return StatementResult.updateCount(count, List.of(), session.warnings().size());
    }
}
