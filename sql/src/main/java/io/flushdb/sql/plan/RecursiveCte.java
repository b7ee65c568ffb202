package io.flushdb.sql.plan;

import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * A recursive common table expression as the translator leaves it for {@link QueryCompiler}: its
 * non-recursive part ({@code anchor}, the leading UNION branches that do not read the CTE) and its
 * recursive branches, each reading the previous iteration's rows from table {@code key + "$work"}
 * of schema {@link #SCHEMA}; everything after the WITH reads the result as table {@code key}.
 *
 * @param key       unique within the statement
 * @param name      the CTE's name, for messages
 * @param columns   its column names (the column list, else the anchor's labels)
 * @param anchor    the non-recursive part
 * @param recursive the recursive branches
 * @param distinct  UNION DISTINCT: a row already produced is not produced again
 */
public record RecursiveCte(String key, String name, List<String> columns, SqlNode anchor, List<SqlNode> recursive,
                           boolean distinct) {
    /** The Calcite schema the CTE tables are found in. */
    public static final String SCHEMA = "$cte";

    /** The table key of the working rows (the previous iteration's) read by the recursive branches. */
    public static String workKey(String key) {
        return key + "$work";
    }

    /**
     * A recursive CTE compiled: the plans, and the longest text each column takes (-1 for
     * non-text columns), which a recursive row must respect.
     */
    public record Compiled(String key, String name, List<String> columns, CompiledQuery anchor,
                           List<CompiledQuery> recursive, boolean distinct, long[] textLimits) {
    }
}
