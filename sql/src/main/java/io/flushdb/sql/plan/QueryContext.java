package io.flushdb.sql.plan;

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
 * (scan runtimes), and the time variables.
 */
public final class QueryContext implements DataContext {
    private final Object[] params;
    private final Map<String, Object> stash;
    private final JavaTypeFactory typeFactory;
    private final TimeZone timeZone;
    private final long nowMillis;
    private final AtomicBoolean cancel = new AtomicBoolean();

    public QueryContext(Object[] params, Map<String, Object> stash, JavaTypeFactory typeFactory, TimeZone timeZone,
                        long nowMillis) {
        this.params = params;
        this.stash = stash;
        this.typeFactory = typeFactory;
        this.timeZone = timeZone;
        this.nowMillis = nowMillis;
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
            return params[Integer.parseInt(name.substring(1))];
        }
        switch (name) {
            case "timeZone":
                return timeZone;
            case "currentTimestamp":
            case "utcTimestamp":
                return nowMillis;
            case "localTimestamp":
                return nowMillis + timeZone.getOffset(nowMillis);
            case "cancelFlag":
                return cancel;
            case "sparkContext":
                return null;
            default:
                return stash.get(name);
        }
    }
}
