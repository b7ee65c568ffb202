package io.flushdb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the text of each item in a statement's top-level select list, so that an unaliased
 * expression gets MySQL's column label: the expression exactly as written.
 */
final class SelectText {
    private static final Set<String> MODIFIERS = Set.of("ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY",
            "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT", "SQL_BUFFER_RESULT", "SQL_NO_CACHE",
            "SQL_CALC_FOUND_ROWS", "SQL_CACHE");
    private static final Set<String> ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "WINDOW", "ORDER",
            "LIMIT", "UNION", "EXCEPT", "INTERSECT", "FOR", "LOCK");

    private SelectText() {
    }

    /** The item texts of the first SELECT in {@code sql}, or null if they cannot be found. */
    static List<String> items(String sql) {
        int i = skipSpace(sql, 0);
        while (i < sql.length() && sql.charAt(i) == '(') {
            i = skipSpace(sql, i + 1);
        }
        if (!word(sql, i).equals("SELECT")) {
            return null;
        }
        i = skipSpace(sql, i + 6);
        while (MODIFIERS.contains(word(sql, i))) {
            i = skipSpace(sql, i + word(sql, i).length());
        }
        List<String> out = new ArrayList<>();
        int start = i;
        int depth = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = io.flushdb.sql.parse.SqlText.skipQuoted(sql, i);
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(sql.substring(start, i).trim());
                start = i + 1;
            } else if (c == ';' && depth == 0) {
                break;
            } else if (depth == 0 && Character.isLetter(c) && (i == 0 || !isWordChar(sql.charAt(i - 1)))) {
                String w = word(sql, i);
                if (ENDS.contains(w)) {
                    break;
                }
                i += w.length();
                continue;
            }
            i++;
        }
        out.add(sql.substring(start, Math.min(i, sql.length())).trim());
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || c == '.';
    }

    private static String word(String s, int i) {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        return s.substring(i, j).toUpperCase(Locale.ROOT);
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (s.startsWith("/*", i)) {
                int e = s.indexOf("*/", i + 2);
                i = e < 0 ? s.length() : e + 2;
            } else if (s.startsWith("-- ", i) || c == '#') {
                int e = s.indexOf('\n', i);
                i = e < 0 ? s.length() : e + 1;
            } else {
                break;
            }
        }
        return i;
    }
}
