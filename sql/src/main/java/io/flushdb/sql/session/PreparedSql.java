package io.flushdb.sql.session;

/**
 * A statement prepared by {@link Session#prepare}: parsed once, its plan compiled on first
 * execution and reused while the schema does not change. Bind values with
 * {@link Session#execute(PreparedSql, Object[])}.
 */
public final class PreparedSql {
    private final String sql;
    private final int parameterCount;
    private final boolean query;
    final Object parsed;

    PreparedSql(String sql, int parameterCount, boolean query, Object parsed) {
        this.sql = sql;
        this.parameterCount = parameterCount;
        this.query = query;
        this.parsed = parsed;
    }

    public String sql() {
        return sql;
    }

    /** Number of {@code ?} markers. */
    public int parameterCount() {
        return parameterCount;
    }

    /** Whether it returns a result set (SELECT, SHOW, ...). */
    public boolean isQuery() {
        return query;
    }
}
