package io.flushdb.sql.exec;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.route.ParsedStatement;
import io.flushdb.sql.session.Names;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.dict.ViewDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * INSERT, UPDATE and DELETE through an updatable view, as MySQL's MERGE of the view into the
 * statement: the statement is rewritten to change the view's base table, its view columns
 * renamed to the base columns they show and the view's WHERE added to its own. A view is
 * updatable when its query reads one table without aggregation, DISTINCT, GROUP BY, HAVING, UNION
 * or LIMIT (and is not ALGORITHM=TEMPTABLE); any other is error 1288 (1471 for INSERT). A
 * computed view column cannot be assigned (1348). With WITH CHECK OPTION, a row the statement
 * inserts or updates must remain a row of the view ({@link Rewritten#checked()}, 1369).
 */
public final class ViewDml {
    private ViewDml() {
    }

    /** Whether a view's query is a plain SELECT from one table (MySQL's updatable, mergeable views). */
    public static boolean updatable(ViewDef v) {
        return base(v) != null;
    }

    private static PlainSelect base(ViewDef v) {
        try {
            Statement st = MySqlParser.parse(v.query());
            if (!(st instanceof PlainSelect ps) || v.algorithm().equals("TEMPTABLE")) {
                return null;
            }
            if (ps.getDistinct() != null || ps.getGroupBy() != null || ps.getHaving() != null || ps.getLimit() != null
                    || ps.getJoins() != null && !ps.getJoins().isEmpty() || ps.getWithItemsList() != null
                    || !(ps.getFromItem() instanceof Table)) {
                return null;
            }
            String items = ps.getSelectItems().toString().toUpperCase(Locale.ROOT);
            if (items.matches("(?s).*\\b(COUNT|SUM|AVG|MIN|MAX|GROUP_CONCAT|BIT_AND|BIT_OR|BIT_XOR|STD|STDDEV|VARIANCE)\\s*\\(.*")) {
                return null;
            }
            return ps;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * A statement rewritten to change a base table, and the outermost view with a CHECK OPTION it
     * went through (null if none): the rows the statement leaves must still be rows of that view.
     */
    public record Rewritten(ParsedStatement statement, ViewDef checked) {
    }

    /** {@code p} rewritten through every view it changes (a view on a view is merged twice). */
    public static Rewritten rewriteAll(ParsedStatement p, Session session) {
        ViewDef checked = null;
        ParsedStatement current = p;
        for (int depth = 0; depth < 32; depth++) {
            ViewDef view = targetView(current, session);
            if (view == null) {
                return new Rewritten(current, checked);
            }
            if (checked == null && !view.checkOption().equals("NONE")) {
                checked = view;
            }
            current = rewrite(current, session);
        }
        throw MySqlError.ER_VIEW_INVALID.raise(p.sql(), "");
    }

    /** The view {@code p} changes, or null. */
    private static ViewDef targetView(ParsedStatement p, Session session) {
        Table target;
        if (p.ast() instanceof Update u && (u.getStartJoins() == null || u.getStartJoins().isEmpty())) {
            target = u.getTable();
        } else if (p.ast() instanceof Delete d && (d.getTables() == null || d.getTables().isEmpty())
                && (d.getJoins() == null || d.getJoins().isEmpty())) {
            target = d.getTable();
        } else if (p.ast() instanceof Insert i) {
            target = i.getTable();
        } else {
            return null;
        }
        Names.TableName n = Names.resolve(target, session);
        return session.engine().storage().dictionary().view(n.database(), n.table());
    }

    /** {@code p} rewritten to its view's base table when it changes a view; else {@code p}. */
    public static ParsedStatement rewrite(ParsedStatement p, Session session) {
        Statement st = p.ast();
        Table target;
        String kind;
        if (st instanceof Update u && (u.getJoins() == null || u.getJoins().isEmpty())
                && (u.getStartJoins() == null || u.getStartJoins().isEmpty())) {
            target = u.getTable();
            kind = "UPDATE";
        } else if (st instanceof Delete d && (d.getTables() == null || d.getTables().isEmpty())
                && (d.getJoins() == null || d.getJoins().isEmpty())) {
            target = d.getTable();
            kind = "DELETE";
        } else if (st instanceof Insert i) {
            target = i.getTable();
            kind = "INSERT";
        } else {
            return p;
        }
        Names.TableName n = Names.resolve(target, session);
        ViewDef view = session.engine().storage().dictionary().view(n.database(), n.table());
        if (view == null) {
            return p;
        }
        // Work on a fresh tree: the statement's own may be executed again (a prepared statement).
        st = MySqlParser.parse(p.sql());
        PlainSelect body = base(view);
        if (body == null) {
            throw kind.equals("INSERT") ? MySqlError.ER_NON_INSERTABLE_TABLE.raise(view.name(), kind)
                    : MySqlError.ER_NON_UPDATABLE_TABLE.raise(view.name(), kind);
        }
        Table base = (Table) body.getFromItem();
        String baseDb = base.getSchemaName() != null ? SqlText.unquote(base.getSchemaName()) : view.database();
        String baseName = SqlText.unquote(base.getName());
        String baseAlias = base.getAlias() != null ? SqlText.unquote(base.getAlias().getName()) : baseName;
        boolean baseIsView = session.engine().storage().dictionary().view(baseDb, baseName) != null;
        String alias = target.getAlias() != null ? SqlText.unquote(target.getAlias().getName()) : view.name();
        // View column name (lower case) -> the base expression it shows.
        Map<String, Expression> columns = new HashMap<>();
        List<String> order = new ArrayList<>();
        int k = 0;
        for (SelectItem<?> item : body.getSelectItems()) {
            if (item.getExpression() instanceof AllColumns) {
                if (baseIsView) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.raise("changing rows through a SELECT * view of a view");
                }
                TableEntry entry = Names.existing(new Names.TableName(baseDb, baseName), session);
                for (ColumnDef c : entry.def().columns()) {
                    String name = view.columns().isEmpty() ? c.name() : view.columns().get(k);
                    columns.put(name.toLowerCase(Locale.ROOT), new Column(c.name()));
                    order.add(name);
                    k++;
                }
                continue;
            }
            Expression e = item.getExpression();
            String name = !view.columns().isEmpty() ? view.columns().get(k)
                    : item.getAlias() != null ? SqlText.unquote(item.getAlias().getName())
                    : e instanceof Column c ? SqlText.unquote(c.getColumnName()) : e.toString();
            columns.put(name.toLowerCase(Locale.ROOT), e);
            order.add(name);
            k++;
        }
        String viewName = view.name();
        Table newTarget = new Table(SqlText.quote(baseDb), SqlText.quote(baseName));
        // The view's own condition, its base qualifiers renamed to the statement's alias.
        Expression viewWhere = body.getWhere();
        if (viewWhere != null) {
            viewWhere.accept(new ExpressionVisitorAdapter<Void>() {
                @Override
                public <S> Void visit(Column c, S context) {
                    if (c.getTable() != null && c.getTable().getName() != null
                            && (SqlText.unquote(c.getTable().getName()).equals(baseAlias)
                                || SqlText.unquote(c.getTable().getName()).equals(baseName))) {
                        c.setTable(new Table(SqlText.quote(alias)));
                    }
                    return null;
                }
            }, null);
        }
        ExpressionVisitorAdapter<Void> renamer = new ExpressionVisitorAdapter<>() {
            @Override
            public <S> Void visit(Column c, S context) {
                String q = c.getTable() == null || c.getTable().getName() == null ? null : SqlText.unquote(c.getTable().getName());
                if (q != null && !q.equals(alias) && !q.equals(viewName)) {
                    return null;
                }
                Expression mapped = columns.get(SqlText.unquote(c.getColumnName()).toLowerCase(Locale.ROOT));
                if (mapped == null) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(SqlText.unquote(c.getColumnName()), kind.equals("INSERT")
                            ? "field list" : "where clause");
                }
                if (!(mapped instanceof Column mc)) {
                    throw MySqlError.ER_NOT_SUPPORTED_YET.raise("a computed view column in " + kind);
                }
                c.setColumnName(mc.getColumnName());
                c.setTable(q == null ? null : new Table(SqlText.quote(alias)));
                return null;
            }
        };
        String sql;
        if (st instanceof Update u) {
            for (UpdateSet set : u.getUpdateSets()) {
                for (Column c : set.getColumns()) {
                    Expression mapped = columns.get(SqlText.unquote(c.getColumnName()).toLowerCase(Locale.ROOT));
                    if (mapped != null && !(mapped instanceof Column)) {
                        throw MySqlError.ER_NONUPDATEABLE_COLUMN.raise(SqlText.unquote(c.getColumnName()));
                    }
                    c.accept(renamer, null);
                }
                for (Expression e : set.getValues()) {
                    e.accept(renamer, null);
                }
            }
            renameRest(u.getWhere(), u.getOrderByElements(), renamer);
            newTarget.setAlias(new Alias(SqlText.quote(alias)));
            u.setTable(newTarget);
            u.setWhere(and(u.getWhere(), viewWhere));
            sql = u.toString();
        } else if (st instanceof Delete d) {
            renameRest(d.getWhere(), d.getOrderByElements(), renamer);
            newTarget.setAlias(new Alias(SqlText.quote(alias)));
            d.setTable(newTarget);
            d.setWhere(and(d.getWhere(), viewWhere));
            sql = d.toString();
        } else {
            Insert i = (Insert) st;
            net.sf.jsqlparser.expression.operators.relational.ExpressionList<Column> cols =
                    new net.sf.jsqlparser.expression.operators.relational.ExpressionList<>();
            List<String> names = new ArrayList<>();
            if (i.getColumns() == null || i.getColumns().isEmpty()) {
                names.addAll(order);
            } else {
                for (Column c : i.getColumns()) {
                    names.add(SqlText.unquote(c.getColumnName()));
                }
            }
            for (String name : names) {
                Expression mapped = columns.get(name.toLowerCase(Locale.ROOT));
                if (mapped == null) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(name, "field list");
                }
                if (!(mapped instanceof Column mc)) {
                    throw MySqlError.ER_NONUPDATEABLE_COLUMN.raise(name);
                }
                cols.add(new Column(mc.getColumnName()));
            }
            i.setColumns(cols);
            i.setTable(newTarget);
            sql = i.toString();
        }
        return new ParsedStatement(sql, MySqlParser.parse(sql), p.kind(), p.parameterCount());
    }

    private static void renameRest(Expression where, List<OrderByElement> order, ExpressionVisitorAdapter<Void> renamer) {
        if (where != null) {
            where.accept(renamer, null);
        }
        if (order != null) {
            for (OrderByElement o : order) {
                o.getExpression().accept(renamer, null);
            }
        }
    }

    private static Expression and(Expression a, Expression b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        try {
            return CCJSqlParserUtil.parseCondExpression("(" + a + ") AND (" + b + ")");
        } catch (JSQLParserException e) {
            throw MySqlParser.syntaxError(a + " AND " + b, e);
        }
    }
}
