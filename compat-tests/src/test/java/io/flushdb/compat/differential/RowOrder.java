package io.flushdb.compat.differential;

import java.util.Locale;

/**
 * Whether the rows of a result are compared in order or as a multiset.
 *
 * <p>By default a result is {@link #ORDERED} exactly when the statement's top-level query has an
 * {@code ORDER BY}: one outside every parenthesis, so an {@code ORDER BY} inside a derived table,
 * a subquery, {@code OVER (...)} or {@code GROUP_CONCAT(...)} does not count, while the final
 * {@code ORDER BY} of a {@code UNION} does. The directives {@code -- ordered} and
 * {@code -- unordered} override the rule for one statement.
 */
enum RowOrder {
    ORDERED,
    UNORDERED;

    /** The order to use for {@code sql}, {@code directive} (null when absent) taking precedence. */
    static RowOrder of(String sql, RowOrder directive) {
        if (directive != null) {
            return directive;
        }
        return hasTopLevelOrderBy(sql) ? ORDERED : UNORDERED;
    }

    /**
     * True when {@code sql} has {@code ORDER BY} at parenthesis depth 0, outside string literals,
     * quoted identifiers and comments.
     */
    static boolean hasTopLevelOrderBy(String sql) {
        int depth = 0;
        boolean lastWordWasOrder = false;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
                lastWordWasOrder = false;
            } else if (c == '#' || (c == '-' && sql.startsWith("-- ", i)) || (c == '-' && sql.startsWith("--\n", i))) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '(') {
                depth++;
                lastWordWasOrder = false;
                i++;
            } else if (c == ')') {
                depth--;
                lastWordWasOrder = false;
                i++;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_' || sql.charAt(i) == '$')) {
                    i++;
                }
                String word = sql.substring(start, i).toUpperCase(Locale.ROOT);
                if (depth == 0 && lastWordWasOrder && word.equals("BY")) {
                    return true;
                }
                lastWordWasOrder = word.equals("ORDER");
            } else {
                if (!Character.isWhitespace(c)) {
                    lastWordWasOrder = false;
                }
                i++;
            }
        }
        return false;
    }

    /** Index just past the literal or quoted identifier that starts at {@code start}. */
    private static int skipQuoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }
}
