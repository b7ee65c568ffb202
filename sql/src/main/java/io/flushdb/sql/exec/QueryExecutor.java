package io.flushdb.sql.exec;

import io.flushdb.sql.plan.CompiledQuery;
import io.flushdb.sql.plan.HiddenParam;
import io.flushdb.sql.plan.MySqlTypeFactory;
import io.flushdb.sql.plan.QueryContext;
import io.flushdb.sql.plan.functions.MySqlFunctions;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.CalciteValues;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/**
 * Runs a compiled query: binds the user's parameters and the session values the plan asks for,
 * executes the generated code and materialises the rows in canonical form (as a MySQL client
 * library reads a whole result by default).
 */
public final class QueryExecutor {
    private static final MySqlTypeFactory TYPES = new MySqlTypeFactory();

    private QueryExecutor() {
    }

    /** The statement's start time; NOW() and CURRENT_TIMESTAMP read it. */
    public static LocalDateTime now(Session session) {
        return LocalDateTime.now(session.variables().zone()).withNano(0);
    }

    /**
     * The statement's time to microseconds, for the columns it stores the current time in
     * ({@code DEFAULT} and {@code ON UPDATE CURRENT_TIMESTAMP(fsp)}, which cut it to their
     * precision with {@link #atPrecision}).
     */
    public static LocalDateTime statementTime(Session session) {
        return LocalDateTime.now(session.variables().zone()).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** {@code time} cut (not rounded) to {@code fsp} fractional digits, as CURRENT_TIMESTAMP(fsp) reads. */
    public static LocalDateTime atPrecision(LocalDateTime time, int fsp) {
        int unit = NANOS_PER_DIGIT[Math.max(0, Math.min(6, fsp))];
        return time.withNano(time.getNano() / unit * unit);
    }

    /** Nanoseconds in one unit of the last of {@code fsp} fractional digits, by fsp 0 to 6. */
    private static final int[] NANOS_PER_DIGIT = {1_000_000_000, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000};

    public static StatementResult run(CompiledQuery q, Object[] userParams, Session session) {
        List<Object[]> rows = rows(q, userParams, session, -1);
        return StatementResult.rows(q.columns(), rows, session.warningCount());
    }

    /** The rows in canonical form (at most {@code limit} when positive). */
    public static List<Object[]> rows(CompiledQuery q, Object[] userParams, Session session, int limit) {
        return rows(q, userParams, session, limit, null);
    }

    /**
     * The rows of {@code q} in canonical form, its scans of {@code source}'s table yielding that
     * row alone (when not null).
     */
    public static List<Object[]> rows(CompiledQuery q, Object[] userParams, Session session, int limit,
                                      QueryContext.RowSource source) {
        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime now = q.readsNow() ? now(session) : null;
        Object[] params = bind(q, userParams, session, zone, now);
        QueryContext ctx = new QueryContext(params, q.stash(), TYPES, zone, now, session).withRowSource(source);
        MySqlFunctions.WARNINGS.set(session.warningSink);
        io.flushdb.sql.plan.functions.TemporalFunctions.ZONE.set(session.variables().zone());
        try {
            materialize(q, userParams, session, zone, now, ctx);
            return collect(q, ctx, limit);
        } finally {
            MySqlFunctions.WARNINGS.set(null);
            io.flushdb.sql.plan.functions.TemporalFunctions.ZONE.set(null);
        }
    }

    /**
     * Materialises the query's recursive CTEs into {@code ctx}, as MySQL evaluates them: the
     * non-recursive part's rows, then iterations of the recursive branches, each reading only the
     * rows the previous one produced, until one produces none. Iteration number
     * cte_max_recursion_depth + 1 is error 3636; a text value longer than the column (typed by the
     * non-recursive part) is error 1406 in strict mode, else cut with warning 1265. UNION DISTINCT
     * keeps only rows not produced before.
     */
    private static void materialize(CompiledQuery q, Object[] userParams, Session session, ZoneId zone,
                                    LocalDateTime now, QueryContext ctx) {
        if (q.recursive().isEmpty()) {
            return;
        }
        long maxDepth = ((Number) session.variables().get(io.flushdb.sql.vars.SystemVariables.CTE_MAX_RECURSION_DEPTH))
                .longValue();
        boolean strict = session.strictMode();
        for (io.flushdb.sql.plan.RecursiveCte.Compiled cte : q.recursive()) {
            List<Object[]> result = new ArrayList<>();
            java.util.Set<List<Object>> seen = cte.distinct() ? new java.util.HashSet<>() : null;
            List<Object[]> working = new ArrayList<>();
            for (Object[] row : raw(cte.anchor(), userParams, session, zone, now, ctx)) {
                if (seen == null || seen.add(java.util.Arrays.asList(row))) {
                    working.add(row);
                }
            }
            result.addAll(working);
            long iteration = 0;
            while (!working.isEmpty()) {
                iteration++;
                if (iteration > maxDepth) {
                    throw io.flushdb.sql.error.MySqlError.ER_CTE_MAX_RECURSION_DEPTH.raise(iteration);
                }
                ctx.putCteRows(io.flushdb.sql.plan.RecursiveCte.workKey(cte.key()), working);
                List<Object[]> produced = new ArrayList<>();
                for (CompiledQuery part : cte.recursive()) {
                    for (Object[] row : raw(part, userParams, session, zone, now, ctx)) {
                        checkLengths(cte, row, result.size() + produced.size() + 1, strict, session);
                        if (seen == null || seen.add(java.util.Arrays.asList(row))) {
                            produced.add(row);
                        }
                    }
                }
                result.addAll(produced);
                working = produced;
            }
            ctx.putCteRows(io.flushdb.sql.plan.RecursiveCte.workKey(cte.key()), List.of());
            ctx.putCteRows(cte.key(), result);
        }
    }

    private static void checkLengths(io.flushdb.sql.plan.RecursiveCte.Compiled cte, Object[] row, long rowNumber,
                                     boolean strict, Session session) {
        long[] limits = cte.textLimits();
        for (int i = 0; i < row.length && i < limits.length; i++) {
            if (limits[i] < 0 || !(row[i] instanceof String s) || s.codePointCount(0, s.length()) <= limits[i]) {
                continue;
            }
            if (strict) {
                throw io.flushdb.sql.error.MySqlError.ER_DATA_TOO_LONG.raise(cte.columns().get(i), rowNumber);
            }
            row[i] = s.substring(0, s.offsetByCodePoints(0, (int) limits[i]));
            session.warningSink.accept(new SqlWarning("Warning", io.flushdb.sql.error.MySqlError.WARN_DATA_TRUNCATED.code,
                    String.format(io.flushdb.sql.error.MySqlError.WARN_DATA_TRUNCATED.template, cte.columns().get(i),
                            rowNumber)));
        }
    }

    /** The rows of a sub-plan in Calcite's own representation (what a CTE scan gives back). */
    private static List<Object[]> raw(CompiledQuery q, Object[] userParams, Session session, ZoneId zone,
                                      LocalDateTime now, QueryContext shared) {
        Object[] params = bind(q, userParams, session, zone, now);
        QueryContext ctx = new QueryContext(params, q.stash(), TYPES, zone, now, session);
        ctx.shareCtes(shared);
        int n = q.rowType().getFieldCount();
        List<Object[]> out = new ArrayList<>();
        try (Enumerator<?> it = q.bindable().bind(ctx).enumerator()) {
            while (it.moveNext()) {
                Object current = it.current();
                Object[] row = n == 1 && !(current instanceof Object[]) ? new Object[] {current} : (Object[]) current;
                out.add(row.clone());
            }
        }
        return out;
    }

    private static List<Object[]> collect(CompiledQuery q, QueryContext ctx, int limit) {
        Enumerable<?> e = q.bindable().bind(ctx);
        List<RelDataTypeField> fields = q.rowType().getFieldList();
        List<ColumnMeta> columns = q.columns();
        int n = fields.size();
        List<Object[]> out = new ArrayList<>();
        try (Enumerator<?> it = e.enumerator()) {
            while (it.moveNext()) {
                Object current = it.current();
                Object[] raw = current instanceof Object[] a ? a : new Object[] {current};
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    Object canonical = CalciteValues.toCanonical(fields.get(i).getType(), raw[i]);
                    row[i] = ResultValues.adapt(canonical, columns.get(i));
                }
                out.add(row);
                if (limit > 0 && out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    static Object[] bind(CompiledQuery q, Object[] userParams, Session session, ZoneId zone, LocalDateTime now) {
        List<RelDataType> types = q.paramTypes();
        Object[] params = new Object[q.userParams() + q.hidden().size()];
        for (int i = 0; i < q.userParams(); i++) {
            RelDataType t = i < types.size() ? types.get(i) : null;
            params[i] = t == null ? userParams[i] : CalciteValues.toCalcite(t, userParams[i], zone);
        }
        for (int k = 0; k < q.hidden().size(); k++) {
            int i = q.userParams() + k;
            HiddenParam h = q.hidden().get(k);
            Object canonical = switch (h.kind()) {
                case LAST_INSERT_ID -> session.lastInsertId();
                case DATABASE -> session.database();
                case CONNECTION_ID -> session.connectionId();
                case NOW -> now;
                case UTC_NOW -> LocalDateTime.now(ZoneOffset.UTC).withNano(0);
                case SYSTEM_VARIABLE -> io.flushdb.sql.vars.Variables.select(session, h.name());
                case USER_VARIABLE -> session.variables().user(h.name());
            };
            RelDataType t = i < types.size() ? types.get(i) : null;
            params[i] = t == null ? canonical : CalciteValues.toCalcite(t, canonical, zone);
        }
        return params;
    }
}
