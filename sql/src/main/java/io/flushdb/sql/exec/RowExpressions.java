package io.flushdb.sql.exec;

import io.flushdb.sql.error.MySqlError;
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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        Plans p = plans(def);
        for (int i = 0; i < cols.size(); i++) {
            ColumnDef c = cols.get(i);
            if (c.isGenerated()) {
                Object v = run(p.generated()[i], def, row)[0];
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
        Plans p = plans(def);
        if (p.checks() == null) {
            return null;
        }
        List<CheckDef> enforced = p.enforced();
        Object[] values = run(p.checks(), def, row);
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
        CompiledQuery q = adHoc.computeIfAbsent(def, d -> new HashMap<>())
                .computeIfAbsent(expressions, e -> compile(def, e));
        return QueryExecutor.rows(q, NO_PARAMS, session, row == null ? -1 : 1,
                row == null ? null : new QueryContext.RowSource(def.id(), row));
    }

    private Object[] run(CompiledQuery q, TableDef def, Object[] row) {
        return QueryExecutor.rows(q, NO_PARAMS, session, 1, new QueryContext.RowSource(def.id(), row)).get(0);
    }

    /**
     * The compiled row expressions of {@code def}: one query per generated column (by column
     * position; one may read an earlier one, so each runs on the row as computed so far) and one
     * for the enforced CHECK constraints (null when none). Made once per definition and statement,
     * so a multi-row write neither builds nor parses SQL per row.
     */
    private record Plans(CompiledQuery[] generated, List<CheckDef> enforced, CompiledQuery checks) {
    }

    private static final Object[] NO_PARAMS = new Object[0];

    /** By definition (identity: a definition is immutable and a statement sees one). */
    private final Map<TableDef, Plans> plans = new IdentityHashMap<>();
    private final Map<TableDef, Map<List<String>, CompiledQuery>> adHoc = new IdentityHashMap<>();

    private Plans plans(TableDef def) {
        Plans p = plans.get(def);
        if (p == null) {
            List<ColumnDef> cols = def.columns();
            CompiledQuery[] generated = new CompiledQuery[cols.size()];
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).isGenerated()) {
                    generated[i] = compile(def, List.of(cols.get(i).extra().generationExpression()));
                }
            }
            List<CheckDef> enforced = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (CheckDef c : def.checks()) {
                if (c.enforced()) {
                    enforced.add(c);
                    texts.add(c.expression());
                }
            }
            p = new Plans(generated, List.copyOf(enforced), enforced.isEmpty() ? null : compile(def, texts));
            plans.put(def, p);
        }
        return p;
    }

    private CompiledQuery compile(TableDef def, List<String> expressions) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < expressions.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(expressions.get(i));
        }
        sql.append(" FROM `").append(def.database().replace("`", "``")).append("`.`")
                .append(def.name().replace("`", "``")).append('`');
        return router.compile(sql.toString(), 0); // parsed only when not in the plan cache
    }
}
