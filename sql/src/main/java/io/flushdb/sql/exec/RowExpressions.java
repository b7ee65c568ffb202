package io.flushdb.sql.exec;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.plan.QueryContext;
import io.flushdb.sql.route.StatementRouter;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.StoreValues;
import io.flushdb.storage.dict.CheckDef;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.TableDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Evaluates a table's row expressions, generated columns and CHECK constraints, on a row about
 * to be written. Each is compiled as a query over the table ({@code SELECT expr FROM db.t}) and run
 * with the table's scan yielding the one row ({@link QueryContext.RowSource}), so it reads the
 * columns with their own types and collations and calls functions as any query does. Plans come
 * from the plan cache, keyed by their text and the dictionary version.
 */
public final class RowExpressions {
    private final Session session;
    private final StatementRouter router;

    public RowExpressions(Session session, StatementRouter router) {
        this.session = session;
        this.router = router;
    }

    /** Whether {@code def} has generated columns or enforced CHECK constraints. */
    static boolean any(TableDef def) {
        for (CheckDef c : def.checks()) {
            if (c.enforced()) {
                return true;
            }
        }
        for (ColumnDef c : def.columns()) {
            if (c.isGenerated()) {
                return true;
            }
        }
        return false;
    }

    /** Computes the generated columns of {@code row} in column order (one may read those before it). */
    void generate(TableDef def, Object[] row, StoreValues.Context ctx) {
        List<ColumnDef> cols = def.columns();
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef c = cols.get(i);
            if (c.isGenerated()) {
                Object v = evaluate(def, List.of(c.extra().generationExpression()), row)[0];
                row[i] = v == null ? null : StoreValues.coerce(c, v, ctx);
                if (row[i] == null && !c.nullable()) {
                    throw MySqlError.ER_BAD_NULL_ERROR.raise(c.name());
                }
            }
        }
    }

    /**
     * The first enforced CHECK constraint of {@code def} that {@code row} violates (its condition
     * is false; NULL satisfies it), or null.
     */
    CheckDef violated(TableDef def, Object[] row) {
        List<CheckDef> enforced = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (CheckDef c : def.checks()) {
            if (c.enforced()) {
                enforced.add(c);
                texts.add(c.expression());
            }
        }
        if (enforced.isEmpty()) {
            return null;
        }
        Object[] values = evaluate(def, texts, row);
        for (int i = 0; i < values.length; i++) {
            if (isFalse(values[i])) {
                return enforced.get(i);
            }
        }
        return null;
    }

    /** Fails with 3819 if {@code row} violates an enforced CHECK constraint of {@code def}. */
    void check(TableDef def, Object[] row) {
        CheckDef c = violated(def, row);
        if (c != null) {
            throw MySqlError.ER_CHECK_CONSTRAINT_VIOLATED.raise(c.name());
        }
    }

    /** A condition's value read as MySQL reads a truth value: 0 (or text reading as 0) is false. */
    public static boolean isFalse(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return !b;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() == 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() == 0;
        }
        if (v instanceof String s) {
            BigDecimal d = StoreValues.parseLeadingNumber(s.trim());
            return d == null || d.signum() == 0;
        }
        return false;
    }

    /**
     * The values of {@code expressions} over {@code def}'s table: for each stored row of it when
     * {@code row} is null, else for {@code row} alone (a stored row of the table's layout).
     */
    public List<Object[]> evaluateAll(TableDef def, List<String> expressions, Object[] row) {
        CompiledQuery q = compile(def, expressions);
        return QueryExecutor.rows(q, new Object[0], session, row == null ? -1 : 1,
                row == null ? null : new QueryContext.RowSource(def.id(), row));
    }

    private Object[] evaluate(TableDef def, List<String> expressions, Object[] row) {
        return evaluateAll(def, expressions, row).get(0);
    }

    private CompiledQuery compile(TableDef def, List<String> expressions) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < expressions.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(expressions.get(i));
        }
        sql.append(" FROM `").append(def.database().replace("`", "``")).append("`.`")
                .append(def.name().replace("`", "``")).append('`');
        String text = sql.toString();
        return router.compile(text, (Select) MySqlParser.parse(text), 0);
    }
}
