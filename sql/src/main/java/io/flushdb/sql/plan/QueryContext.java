package io.flushdb.sql.plan;

import io.flushdb.sql.session.Session;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.schema.SchemaPlus;

/**
 * The {@link DataContext} one execution of a compiled plan runs in: its bound parameters
 * ({@code ?0}, {@code ?1}, ... in Calcite's form), the objects the plan stashed at compile time
 * (scan runtimes), the time variables, and the session executing it ({@link #SESSION}).
 */
public final class QueryContext implements DataContext {
    /** The name under which {@link #get} gives the executing {@link Session}: what information_schema rows are read for. */
    public static final String SESSION = "flushdb.session";

    /**
     * The name under which {@link #get} gives the {@link RowSource} of a plan that evaluates
     * expressions over one row not (yet) in its table: a CHECK constraint or a generated column.
     */
    public static final String ROW_SOURCE = "flushdb.rowSource";

    /**
     * One stored row (as {@code TableStore} holds it) that a scan of table {@code tableId}
     * yields instead of the table's rows.
     */
    public record RowSource(long tableId, Object[] row) {
    }

    private final Session session;
    private final Object[] params;
    private final Map<String, Object> stash;
    private final JavaTypeFactory typeFactory;
    private final java.time.ZoneId zone;
    private TimeZone timeZone;
    /** The statement's start time in epoch milliseconds, read on first use; MIN_VALUE until then. */
    private long nowMillis;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private RowSource rowSource;
    /** Materialised rows of the statement's recursive CTEs, by key (shared by its sub-plans). */
    private Map<String, java.util.List<Object[]>> ctes = new java.util.HashMap<>(0);

    /** The rows of recursive CTE {@code key} (empty before they are materialised). */
    public java.util.List<Object[]> cteRows(String key) {
        return ctes.getOrDefault(key, java.util.List.of());
    }

    public void putCteRows(String key, java.util.List<Object[]> rows) {
        ctes.put(key, rows);
    }

    /** Makes this context see (and add to) {@code other}'s materialised CTE rows. */
    public void shareCtes(QueryContext other) {
        this.ctes = other.ctes;
    }

    /**
     * @param now the statement's start time when it was already taken, else null (taken when
     *            the plan first asks, so plans that never ask cost nothing)
     */
    public QueryContext(Object[] params, Map<String, Object> stash, JavaTypeFactory typeFactory, java.time.ZoneId zone,
                        java.time.LocalDateTime now) {
        this(params, stash, typeFactory, zone, now, null);
    }

    /**
     * @param now     as above
     * @param session the session executing the plan
     */
    public QueryContext(Object[] params, Map<String, Object> stash, JavaTypeFactory typeFactory, java.time.ZoneId zone,
                        java.time.LocalDateTime now, Session session) {
        this.session = session;
        this.params = params;
        this.stash = stash;
        this.typeFactory = typeFactory;
        this.zone = zone;
        this.nowMillis = now == null ? Long.MIN_VALUE : now.atZone(zone).toInstant().toEpochMilli();
    }

    /** Makes scans of {@code source}'s table yield its row alone. */
    public QueryContext withRowSource(RowSource source) {
        this.rowSource = source;
        return this;
    }

    private long nowMillis() {
        if (nowMillis == Long.MIN_VALUE) {
            nowMillis = System.currentTimeMillis() / 1000 * 1000;
        }
        return nowMillis;
    }

    private TimeZone timeZone() {
        if (timeZone == null) {
            timeZone = TimeZone.getTimeZone(zone);
        }
        return timeZone;
    }

    /** The session executing the plan {@code root} belongs to. */
    public static Session session(DataContext root) {
        Object s = root.get(SESSION);
        if (!(s instanceof Session session)) {
            throw new IllegalStateException("the plan runs without a session");
        }
        return session;
    }

    @Override
    public SchemaPlus getRootSchema() {
        return null;
    }

    @Override
    public JavaTypeFactory getTypeFactory() {
        return typeFactory;
    }

    @Override
    public QueryProvider getQueryProvider() {
        return null;
    }

    @Override
    public Object get(String name) {
        if (name.startsWith("?")) {
            return params[Integer.parseInt(name, 1, name.length(), 10)];
        }
        switch (name) {
            case "timeZone":
                return timeZone();
            case "currentTimestamp":
            case "utcTimestamp":
                return nowMillis();
            case "localTimestamp":
                return nowMillis() + timeZone().getOffset(nowMillis());
            case "cancelFlag":
                return cancel;
            case "sparkContext":
                return null;
            case SESSION:
                return session;
            case ROW_SOURCE:
                return rowSource;
            default:
                return stash.get(name);
        }
    }
}
