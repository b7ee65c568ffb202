package io.flushdb.sql.json;

import io.flushdb.sql.types.MySqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON documents as MySQL 8.0 holds them: parsing, MySQL's canonical text, types and comparison.
 *
 * <p>A document is a tree of plain Java values: {@link #NULL} for the JSON null literal,
 * {@link Boolean}, {@link String}, {@link Long} (int64), {@link BigInteger} (an integer above
 * int64, up to uint64), {@link Double}, {@link BigDecimal} (a DECIMAL that came from SQL),
 * {@code TreeMap<String, Object>} ordered by {@link #KEY_ORDER} for objects, and
 * {@code List<Object>} for arrays.
 *
 * <p>The canonical text is what MySQL prints for a JSON value: object members sorted by key
 * length and then by the key's bytes (MySQL's binary JSON order), ", " between values and ": "
 * after keys, doubles always with a fraction or exponent ({@code 100.0}, {@code 1.5e300}), and
 * duplicate keys resolved to the last value (MySQL 8.0.3 and later).
 */
public final class Json {
    private Json() {
    }

    /** The JSON null literal (SQL NULL is Java null). */
    public enum Null {
        NULL;

        @Override
        public String toString() {
            return "null";
        }
    }

    public static final Null NULL = Null.NULL;

    /** MySQL's order of object keys: shorter UTF-8 first, then by bytes. */
    public static final Comparator<String> KEY_ORDER = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        if (x.length != y.length) {
            return Integer.compare(x.length, y.length);
        }
        return java.util.Arrays.compareUnsigned(x, y);
    };

    /** A new, empty JSON object. */
    public static TreeMap<String, Object> object() {
        return new TreeMap<>(KEY_ORDER);
    }

    // ---- parsing ------------------------------------------------------------------------------

    /** Why a text is not JSON: MySQL's (RapidJSON's) message and the character position. */
    public static final class ParseError extends RuntimeException {
        public final int position;
        public final String reason;

        ParseError(String reason, int position) {
            super(reason + " at position " + position, null, false, false);
            this.reason = reason;
            this.position = position;
        }
    }

    /** The document {@code text} holds; {@link ParseError} if it is not JSON. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.at >= text.length()) {
            throw new ParseError("The document is empty.", p.at);
        }
        Object v = p.value(0);
        p.skipSpace();
        if (p.at < text.length()) {
            throw new ParseError("The document root must not be followed by other values.", p.at);
        }
        return v;
    }

    /** Whether {@code text} is a JSON document. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (ParseError e) {
            return false;
        }
    }

    private static final class Parser {
        private static final int MAX_DEPTH = 100;
        final String s;
        int at;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    at++;
                } else {
                    break;
                }
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new ParseError("The JSON document exceeds the maximum depth of " + MAX_DEPTH + ".", at);
            }
            skipSpace();
            if (at >= s.length()) {
                throw new ParseError("Invalid value.", at);
            }
            char c = s.charAt(at);
            switch (c) {
                case '{' -> {
                    at++;
                    TreeMap<String, Object> m = object();
                    skipSpace();
                    if (at < s.length() && s.charAt(at) == '}') {
                        at++;
                        return m;
                    }
                    while (true) {
                        skipSpace();
                        if (at >= s.length() || s.charAt(at) != '"') {
                            throw new ParseError("Missing a name for object member.", at);
                        }
                        String key = string();
                        skipSpace();
                        if (at >= s.length() || s.charAt(at) != ':') {
                            throw new ParseError("Missing a colon after a name of object member.", at);
                        }
                        at++;
                        m.put(key, value(depth + 1));
                        skipSpace();
                        if (at < s.length() && s.charAt(at) == ',') {
                            at++;
                        } else if (at < s.length() && s.charAt(at) == '}') {
                            at++;
                            return m;
                        } else {
                            throw new ParseError("Missing a comma or '}' after an object member.", at);
                        }
                    }
                }
                case '[' -> {
                    at++;
                    List<Object> a = new ArrayList<>();
                    skipSpace();
                    if (at < s.length() && s.charAt(at) == ']') {
                        at++;
                        return a;
                    }
                    while (true) {
                        a.add(value(depth + 1));
                        skipSpace();
                        if (at < s.length() && s.charAt(at) == ',') {
                            at++;
                        } else if (at < s.length() && s.charAt(at) == ']') {
                            at++;
                            return a;
                        } else {
                            throw new ParseError("Missing a comma or ']' after an array element.", at);
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                case 't' -> {
                    return literal("true", Boolean.TRUE);
                }
                case 'f' -> {
                    return literal("false", Boolean.FALSE);
                }
                case 'n' -> {
                    return literal("null", NULL);
                }
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    throw new ParseError("Invalid value.", at);
                }
            }
        }

        Object literal(String word, Object v) {
            if (!s.startsWith(word, at)) {
                throw new ParseError("Invalid value.", at);
            }
            at += word.length();
            return v;
        }

        String string() {
            int start = at;
            at++; // the opening quote
            StringBuilder sb = null;
            int runStart = at;
            while (true) {
                if (at >= s.length()) {
                    throw new ParseError("Missing a closing quotation mark in string.", start);
                }
                char c = s.charAt(at);
                if (c == '"') {
                    String out = sb == null ? s.substring(runStart, at) : sb.append(s, runStart, at).toString();
                    at++;
                    return out;
                }
                if (c < 0x20) {
                    throw new ParseError("Invalid encoding in string.", at);
                }
                if (c == '\\') {
                    if (sb == null) {
                        sb = new StringBuilder();
                    }
                    sb.append(s, runStart, at);
                    at++;
                    if (at >= s.length()) {
                        throw new ParseError("Invalid escape character in string.", at);
                    }
                    char e = s.charAt(at++);
                    switch (e) {
                        case '"' -> sb.append('"');
                        case '\\' -> sb.append('\\');
                        case '/' -> sb.append('/');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'n' -> sb.append('\n');
                        case 'r' -> sb.append('\r');
                        case 't' -> sb.append('\t');
                        case 'u' -> {
                            if (at + 4 > s.length()) {
                                throw new ParseError("Incorrect hex digit after \\u escape in string.", at);
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw new ParseError("Incorrect hex digit after \\u escape in string.", at);
                            }
                            at += 4;
                        }
                        default -> throw new ParseError("Invalid escape character in string.", at - 1);
                    }
                    runStart = at;
                    continue;
                }
                at++;
            }
        }

        Object number() {
            int start = at;
            if (s.charAt(at) == '-') {
                at++;
            }
            int digits = at;
            if (at < s.length() && s.charAt(at) == '0') {
                at++;
            } else {
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
            }
            if (at == digits) {
                throw new ParseError("Invalid value.", start);
            }
            boolean integral = true;
            if (at < s.length() && s.charAt(at) == '.') {
                integral = false;
                at++;
                int f = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                if (at == f) {
                    throw new ParseError("Missing fraction part in number.", at);
                }
            }
            if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
                integral = false;
                at++;
                if (at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-')) {
                    at++;
                }
                int e = at;
                while (at < s.length() && Character.isDigit(s.charAt(at))) {
                    at++;
                }
                if (at == e) {
                    throw new ParseError("Missing exponent in number.", at);
                }
            }
            String text = s.substring(start, at);
            if (integral) {
                return integer(new BigInteger(text));
            }
            double d = Double.parseDouble(text);
            if (Double.isInfinite(d)) {
                throw new ParseError("Number too big to be stored in double.", start);
            }
            return d;
        }
    }

    private static final BigInteger UINT64_MAX = new BigInteger("18446744073709551615");

    /** An integer in its JSON form: Long, BigInteger up to uint64, Double beyond. */
    static Object integer(BigInteger v) {
        if (v.bitLength() < 64) {
            return v.longValue();
        }
        if (v.signum() > 0 && v.compareTo(UINT64_MAX) <= 0) {
            return v;
        }
        return v.doubleValue();
    }

    // ---- canonical text -----------------------------------------------------------------------

    /** The canonical text of a document. */
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    static void write(Object v, StringBuilder sb) {
        if (v == NULL || v == null) {
            sb.append("null");
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof String s) {
            quote(s, sb);
        } else if (v instanceof Double d) {
            sb.append(formatDouble(d));
        } else if (v instanceof BigDecimal bd) {
            sb.append(bd.toPlainString());
        } else if (v instanceof Number n) {
            sb.append(n.toString());
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : ((Map<String, Object>) m).entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                quote(e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(l.get(i), sb);
            }
            sb.append(']');
        } else {
            quote(v.toString(), sb);
        }
    }

    /** A double as MySQL writes it in JSON: its shortest text, with ".0" when it would read as an integer. */
    static String formatDouble(double d) {
        String s = MySqlValues.formatDouble(d);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E' || c == 'N' || c == 'I') {
                return s;
            }
        }
        return s + ".0";
    }

    /** {@code s} as a JSON string literal, with MySQL's escapes. */
    public static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ---- types and comparison -----------------------------------------------------------------

    /** JSON_TYPE's name for a value. */
    public static String typeName(Object v) {
        if (v == NULL || v == null) {
            return "NULL";
        }
        if (v instanceof Boolean) {
            return "BOOLEAN";
        }
        if (v instanceof String) {
            return "STRING";
        }
        if (v instanceof Long) {
            return "INTEGER";
        }
        if (v instanceof BigInteger) {
            return "UNSIGNED INTEGER";
        }
        if (v instanceof Double) {
            return "DOUBLE";
        }
        if (v instanceof BigDecimal) {
            return "DECIMAL";
        }
        if (v instanceof Map) {
            return "OBJECT";
        }
        return "ARRAY";
    }

    /** MySQL's precedence of JSON types in comparisons (higher compares greater). */
    private static int rank(Object v) {
        if (v == NULL || v == null) {
            return 0;
        }
        if (v instanceof Number) {
            return 1;
        }
        if (v instanceof String) {
            return 2;
        }
        if (v instanceof Map) {
            return 3;
        }
        if (v instanceof List) {
            return 4;
        }
        return 5; // BOOLEAN
    }

    /** Compares two JSON values as MySQL does (numbers by value, strings by bytes, arrays element-wise). */
    @SuppressWarnings("unchecked")
    public static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 0:
                return 0;
            case 1:
                return decimal((Number) a).compareTo(decimal((Number) b));
            case 2:
                return java.util.Arrays.compareUnsigned(((String) a).getBytes(StandardCharsets.UTF_8),
                        ((String) b).getBytes(StandardCharsets.UTF_8));
            case 3: {
                Map<String, Object> x = (Map<String, Object>) a;
                Map<String, Object> y = (Map<String, Object>) b;
                if (x.size() != y.size()) {
                    return Integer.compare(x.size(), y.size());
                }
                for (Map.Entry<String, Object> e : x.entrySet()) {
                    if (!y.containsKey(e.getKey()) || compare(e.getValue(), y.get(e.getKey())) != 0) {
                        return 1; // objects are only equal or unequal
                    }
                }
                return 0;
            }
            case 4: {
                List<Object> x = (List<Object>) a;
                List<Object> y = (List<Object>) b;
                for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                    int c = compare(x.get(i), y.get(i));
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            default:
                return Boolean.compare((Boolean) a, (Boolean) b);
        }
    }

    static BigDecimal decimal(Number n) {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Double d) {
            return new BigDecimal(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }
}
