package io.flushdb.sql.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lexical chores on statement text that do not need a parser: skipping comments, finding the
 * leading keywords, counting {@code ?} markers, splitting a script at top-level semicolons. Quotes
 * ('...', "...", `...`, with MySQL's backslash escapes and doubled quotes) and comments
 * ({@code -- }, {@code #}, {@code /* ... *}{@code /}) are honoured throughout.
 */
public final class SqlText {
    private SqlText() {
    }

    /** Position after the quoted text starting at {@code i} (which holds the quote character). */
    public static int skipQuoted(String s, int i) {
        char q = s.charAt(i);
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && q != '`') {
                j += 2;
                continue;
            }
            if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        return s.length();
    }

    /** Position after a comment starting at {@code i}, or {@code i} if none starts there. */
    static int skipComment(String s, int i) {
        char c = s.charAt(i);
        if (c == '#') {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl + 1;
        }
        if (c == '-' && s.startsWith("--", i) && (i + 2 == s.length() || Character.isWhitespace(s.charAt(i + 2)))) {
            int nl = s.indexOf('\n', i);
            return nl < 0 ? s.length() : nl + 1;
        }
        if (c == '/' && s.startsWith("/*", i)) {
            int end = s.indexOf("*/", i + 2);
            return end < 0 ? s.length() : end + 2;
        }
        return i;
    }

    /** The text without leading whitespace and comments, and without a trailing semicolon. */
    public static String trim(String sql) {
        int i = 0;
        while (i < sql.length()) {
            if (Character.isWhitespace(sql.charAt(i))) {
                i++;
                continue;
            }
            int j = skipComment(sql, i);
            if (j == i) {
                break;
            }
            i = j;
        }
        int end = sql.length();
        while (end > i && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
            end--;
        }
        return sql.substring(i, end);
    }

    /** The first {@code n} words of the statement, upper-cased, skipping comments. */
    public static List<String> leadingWords(String sql, int n) {
        List<String> out = new ArrayList<>();
        String s = trim(sql);
        int i = 0;
        while (i < s.length() && out.size() < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int j = skipComment(s, i);
            if (j != i) {
                i = j;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '_' || c == '@') {
                int k = i;
                while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_'
                        || s.charAt(k) == '@' || s.charAt(k) == '.')) {
                    k++;
                }
                out.add(s.substring(i, k).toUpperCase(Locale.ROOT));
                i = k;
            } else if (c == '`' || c == '\'' || c == '"') {
                int k = skipQuoted(s, i);
                out.add(s.substring(i, k));
                i = k;
            } else {
                out.add(String.valueOf(c));
                i++;
            }
        }
        return out;
    }

    /** Number of {@code ?} parameter markers outside quotes and comments. */
    public static int countParameters(String sql) {
        int n = 0;
        for (int i = 0; i < sql.length(); ) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i);
                continue;
            }
            int j = skipComment(sql, i);
            if (j != i) {
                i = j;
                continue;
            }
            if (c == '?') {
                n++;
            }
            i++;
        }
        return n;
    }

    /** Splits a script into statements at semicolons outside quotes and comments (empty ones dropped). */
    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < script.length(); ) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(script, i);
                continue;
            }
            int j = skipComment(script, i);
            if (j != i) {
                i = j;
                continue;
            }
            if (c == ';') {
                addStatement(out, script.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        addStatement(out, script.substring(start));
        return out;
    }

    private static void addStatement(List<String> out, String s) {
        if (!trim(s).isEmpty()) {
            out.add(s.trim());
        }
    }

    /** Removes surrounding backticks (or double quotes) from an identifier, undoubling inner ones. */
    public static String unquote(String identifier) {
        if (identifier == null || identifier.length() < 2) {
            return identifier;
        }
        char q = identifier.charAt(0);
        if ((q == '`' || q == '"') && identifier.charAt(identifier.length() - 1) == q) {
            String inner = identifier.substring(1, identifier.length() - 1);
            return inner.replace(String.valueOf(q) + q, String.valueOf(q));
        }
        return identifier;
    }

    /** Quotes an identifier with backticks, as SHOW CREATE TABLE writes it. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * The bytes of a hexadecimal literal as JSqlParser gives it: {@code X'4D'}, {@code x'4d'} or
     * {@code 0x4D}. An odd number of digits gets a leading zero, as in MySQL.
     */
    public static byte[] hexLiteralBytes(String literal) {
        String h = literal.trim();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        } else {
            if (h.startsWith("x") || h.startsWith("X")) {
                h = h.substring(1);
            }
            if (h.startsWith("'")) {
                h = h.substring(1);
            }
            if (h.endsWith("'")) {
                h = h.substring(0, h.length() - 1);
            }
        }
        if (h.length() % 2 == 1) {
            h = "0" + h;
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h, 2 * i, 2 * i + 2, 16);
        }
        return out;
    }

    /** Whether {@code token} is a bit-value literal written 0b101 (JSqlParser reads it as a column name). */
    public static boolean isBitLiteral(String token) {
        return token.length() > 2 && token.charAt(0) == '0' && token.charAt(1) == 'b'
                && token.substring(2).chars().allMatch(ch -> ch == '0' || ch == '1');
    }

    /** The bytes of a bit-value literal's digits (b'101' or 0b101: "101"), big-endian, as MySQL pads them. */
    public static byte[] bitLiteralBytes(String digits) {
        String d = digits.startsWith("0b") ? digits.substring(2) : digits;
        int n = (d.length() + 7) / 8;
        byte[] out = new byte[n];
        for (int i = 0; i < d.length(); i++) {
            if (d.charAt(d.length() - 1 - i) == '1') {
                out[n - 1 - i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return out;
    }
}
