package io.flushdb.compat.differential;

/**
 * How one cell (a value or a column label) is spelled inside a result block.
 *
 * <p>The rules, also in {@code docs/compat/differential.md}:
 * <ul>
 *   <li>SQL NULL is {@code NULL}; the empty string is {@code (empty)} (as in sqllogictest).
 *   <li>Backslash escapes: {@code \\} backslash, {@code \t} tab, {@code \n} newline, {@code \r}
 *       carriage return, {@code \xNN} any other control character. A backslash before any other
 *       character stands for that character, so a string whose text is {@code NULL} or
 *       {@code (empty)} is written {@code \NULL} or {@code \(empty)}.
 *   <li>A space that ends a value is written {@code \x20}, so editors that strip trailing
 *       whitespace cannot change a recorded result.
 *   <li>Column labels follow the same rules, except that a label {@code NULL} needs no escape
 *       (a label is never SQL NULL).
 * </ul>
 */
final class CellText {
    static final String NULL = "NULL";
    static final String EMPTY = "(empty)";

    private CellText() {
    }

    /** A value: {@code null} is SQL NULL. */
    static String encode(String value) {
        if (value == null) {
            return NULL;
        }
        return value.equals(NULL) ? "\\" + escape(value) : encodeLabel(value);
    }

    /** A column label: like a value, except that {@code NULL} needs no escape (a label is never null). */
    static String encodeLabel(String label) {
        if (label.isEmpty()) {
            return EMPTY;
        }
        return label.equals(EMPTY) ? "\\" + escape(label) : escape(label);
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    boolean trailingSpace = c == ' ' && i == value.length() - 1;
                    if (c < 0x20 || c == 0x7f || trailingSpace) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The inverse of {@link #encode}; throws {@link IllegalArgumentException} on a bad escape. */
    static String decode(String text) {
        return text.equals(NULL) ? null : decodeLabel(text);
    }

    /** The inverse of {@link #encodeLabel}. */
    static String decodeLabel(String text) {
        if (text.equals(EMPTY)) {
            return "";
        }
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("dangling backslash in '" + text + "'");
            }
            char next = text.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'x' -> {
                    if (i + 2 >= text.length()) {
                        throw new IllegalArgumentException("short \\x escape in '" + text + "'");
                    }
                    int high = Character.digit(text.charAt(i + 1), 16);
                    int low = Character.digit(text.charAt(i + 2), 16);
                    if (high < 0 || low < 0) {
                        throw new IllegalArgumentException("bad \\x escape in '" + text + "'");
                    }
                    out.append((char) (high * 16 + low));
                    i += 2;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
