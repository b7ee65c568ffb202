package io.flushdb.sql.route;

import net.sf.jsqlparser.statement.Statement;

/**
 * A statement parsed by JSqlParser, with what the session needs before running it: the number of
 * {@code ?} markers and whether it returns rows.
 *
 * @param sql            the statement text
 * @param ast            JSqlParser's tree
 * @param kind           the route it takes
 * @param parameterCount number of {@code ?} markers
 */
public record ParsedStatement(String sql, Statement ast, StatementKind kind, int parameterCount) {

    public boolean isQuery() {
        return kind.returnsRows();
    }

    /**
     * Whether the statement reads the previous statement's warnings (SHOW WARNINGS, SHOW ERRORS,
     * SHOW COUNT(*) WARNINGS), so running it must not clear them, as in MySQL.
     */
    public boolean keepsDiagnostics() {
        if (kind == StatementKind.QUERY && sql.indexOf("@@") >= 0) {
            // SELECT @@warning_count / @@error_count reads the previous statement's diagnostics.
            String lower = sql.toLowerCase(java.util.Locale.ROOT);
            return lower.contains("@@warning_count") || lower.contains("@@error_count")
                    || lower.contains("@@session.warning_count") || lower.contains("@@session.error_count");
        }
        if (kind != StatementKind.SHOW) {
            return false;
        }
        var w = io.flushdb.sql.parse.SqlText.leadingWords(sql, 3);
        return w.size() > 1 && w.get(0).equals("SHOW")
                && (w.get(1).equals("WARNINGS") || w.get(1).equals("ERRORS") || w.get(1).startsWith("COUNT"));
    }
}
