package io.flushdb.sql.plan.functions;

import io.flushdb.sql.plan.MySqlTypeSystem;
import io.flushdb.storage.dict.Collation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import org.apache.calcite.avatica.util.ByteString;

/**
 * Runtime implementations of MySQL operators and functions whose semantics Calcite's differ from,
 * called from generated code. Arguments arrive in Calcite's value forms (Long, BigDecimal, Double,
 * String, ByteString); every method returns null for NULL input, as MySQL does.
 */
public final class MySqlFunctions {
    private MySqlFunctions() {
    }

    private static boolean approximate(Object v) {
        return v instanceof Double || v instanceof Float;
    }

    static BigDecimal exact(Object v) {
        if (v instanceof BigDecimal bd) {
            return bd;
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        BigDecimal parsed = parseNumber(v);
        return parsed == null ? BigDecimal.ZERO : parsed;
    }

    private static double approx(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return exact(v).doubleValue();
    }

    private static BigDecimal parseNumber(Object v) {
        String s = v instanceof ByteString bs ? new String(bs.getBytes(), StandardCharsets.UTF_8) : String.valueOf(v);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                .matcher(s);
        return m.find() ? new BigDecimal(m.group().trim()) : null;
    }

    /** {@code a / b}: DECIMAL with four more decimals than {@code a} (DOUBLE if either is), NULL on zero. */
    public static Object divide(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (approximate(a) || approximate(b) || a instanceof String || b instanceof String) {
            double d = approx(b);
            return d == 0 ? divisionByZero() : approx(a) / d;
        }
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        if (y.signum() == 0) {
            return divisionByZero();
        }
        int scale = Math.min(30, Math.max(0, x.scale()) + MySqlTypeSystem.DIV_PRECISION_INCREMENT);
        return x.divide(y, scale, RoundingMode.HALF_UP);
    }

    /** Division inside INSERT/UPDATE values: with ERROR_FOR_DIVISION_BY_ZERO in strict mode, x / 0 is error 1365. */
    public static Object divideStrict(Object a, Object b) {
        if (a != null && b != null && isZero(b)) {
            throw io.flushdb.sql.error.MySqlError.ER_DIVISION_BY_ZERO.raise();
        }
        return divide(a, b);
    }

    public static Object modStrict(Object a, Object b) {
        if (a != null && b != null && isZero(b)) {
            throw io.flushdb.sql.error.MySqlError.ER_DIVISION_BY_ZERO.raise();
        }
        return mod(a, b);
    }

    public static Object intDivideStrict(Object a, Object b) {
        if (a != null && b != null && isZero(b)) {
            throw io.flushdb.sql.error.MySqlError.ER_DIVISION_BY_ZERO.raise();
        }
        return intDivide(a, b);
    }

    private static boolean isZero(Object b) {
        return approximate(b) ? approx(b) == 0 : exact(b).signum() == 0;
    }

    private static final java.math.BigInteger UNSIGNED_MAX = new java.math.BigInteger("18446744073709551615");

    /**
     * BIGINT arithmetic with MySQL's overflow check: {@code op} is 0 plus, 1 minus, 2 times, plus 10
     * for a BIGINT UNSIGNED result (which may not be negative). Error 1690 on overflow.
     */
    public static Object checked(Object a, Object b, Object op) {
        if (a == null || b == null) {
            return null;
        }
        int code = ((Number) op).intValue();
        boolean unsigned = code >= 10;
        java.math.BigInteger x = exact(a).toBigIntegerExact();
        java.math.BigInteger y = exact(b).toBigIntegerExact();
        java.math.BigInteger r = switch (code % 10) {
            case 0 -> x.add(y);
            case 1 -> x.subtract(y);
            default -> x.multiply(y);
        };
        if (unsigned) {
            // Codes 20 and up: typed BIGINT (a BIT operand), so the value must also fit a signed long.
            if (r.signum() < 0 || r.compareTo(code >= 20 ? java.math.BigInteger.valueOf(Long.MAX_VALUE) : UNSIGNED_MAX) > 0) {
                throw io.flushdb.sql.error.MySqlError.ER_DATA_OUT_OF_RANGE.raise("BIGINT UNSIGNED",
                        "(" + x + " " + "+-*".charAt(code % 10) + " " + y + ")");
            }
            return code >= 20 ? (Object) r.longValue() : new BigDecimal(r);
        }
        if (r.bitLength() > 63) {
            throw io.flushdb.sql.error.MySqlError.ER_DATA_OUT_OF_RANGE.raise("BIGINT",
                    "(" + x + " " + "+-*".charAt(code % 10) + " " + y + ")");
        }
        return r.longValue();
    }

    /** The UTF-8 bytes of a text value (comparing it with a binary string). */
    public static Object toBytes(Object s) {
        if (s == null) {
            return null;
        }
        if (s instanceof ByteString bs) {
            return bs;
        }
        return new ByteString(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** HEX(x): a string's bytes, or an integer's value, in upper-case hexadecimal. */
    public static Object hex(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long || v instanceof BigDecimal && ((BigDecimal) v).scale() == 0) {
            return exact(v).toBigInteger().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
        if (v instanceof Double || v instanceof BigDecimal) {
            return BigDecimal.valueOf(Math.round(approx(v))).toBigInteger().toString(16).toUpperCase(java.util.Locale.ROOT);
        }
        byte[] b = v instanceof ByteString bs ? bs.getBytes() : v.toString().getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)));
            sb.append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return sb.toString();
    }

    /** UNHEX(s): the bytes a hexadecimal string spells, NULL if it is not one. */
    public static Object unhex(Object v) {
        if (v == null) {
            return null;
        }
        String h = text(v);
        if (h.length() % 2 == 1) {
            h = "0" + h;
        }
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(h.charAt(2 * i), 16);
            int lo = Character.digit(h.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi * 16 + lo);
        }
        return new ByteString(out);
    }

    /**
     * A value as a MySQL TIME in milliseconds (see {@link MySqlOperators#TIME_VALUE}): an
     * {@code Integer} is a Calcite time of day, a {@code Long} already a TIME; text is parsed.
     */
    public static Object timeValue(Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof Integer millisOfDay) {
            return (long) millisOfDay;
        }
        if (x instanceof Long millis) {
            return millis;
        }
        String s = text(x);
        Long micros = io.flushdb.sql.types.Temporal.parseTimeMicros(s);
        if (micros == null) {
            java.time.LocalDateTime dt = io.flushdb.sql.types.Temporal.parseDateTime(s); // TIME('2024-01-01 10:11:12')
            return dt == null ? null : dt.toLocalTime().toNanoOfDay() / 1_000_000L;
        }
        return Math.floorDiv(micros, 1000L);
    }

    /** ROUND(x, d) as MySQL: exact values half away from zero, approximate ones half to even. */
    public static Object round(Object x, Object d) {
        return roundOrTruncate(x, d, false);
    }

    /** TRUNCATE(x, d). */
    public static Object truncate(Object x, Object d) {
        return roundOrTruncate(x, d, true);
    }

    private static Object roundOrTruncate(Object x, Object d, boolean truncate) {
        if (x == null || d == null) {
            return null;
        }
        int digits = (int) Math.max(-100, Math.min(100, exact(d).longValue()));
        if (approximate(x)) {
            double v = approx(x);
            BigDecimal bd = new BigDecimal(Double.toString(v)).setScale(digits,
                    truncate ? java.math.RoundingMode.DOWN : java.math.RoundingMode.HALF_EVEN);
            return bd.doubleValue();
        }
        BigDecimal v = exact(x);
        BigDecimal r = v.setScale(digits, truncate ? java.math.RoundingMode.DOWN : java.math.RoundingMode.HALF_UP);
        if (x instanceof Long) {
            return r.setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
        }
        return digits < 0 ? r.setScale(0, java.math.RoundingMode.UNNECESSARY) : r;
    }

    /** {@code a DIV b}: the integer part of the quotient, NULL on zero. */
    public static Object intDivide(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (approximate(a) || approximate(b)) {
            double d = approx(b);
            if (d == 0) {
                return divisionByZero();
            }
            return (long) (approx(a) / d);
        }
        BigDecimal y = exact(b);
        if (y.signum() == 0) {
            return divisionByZero();
        }
        return exact(a).divideToIntegralValue(y).longValueExact();
    }

    /** {@code a % b} / MOD(a, b): the remainder with the sign of {@code a}, NULL on zero. */
    public static Object mod(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (approximate(a) || approximate(b)) {
            double d = approx(b);
            return d == 0 ? divisionByZero() : approx(a) % d;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return y == 0 ? divisionByZero() : x % y;
        }
        BigDecimal y = exact(b);
        return y.signum() == 0 ? divisionByZero() : exact(a).remainder(y);
    }

    /**
     * Where the statement running on this thread collects warnings (set by the executor around
     * each execution, null otherwise). Per thread because generated code calls these static
     * methods with no session at hand; the slot is cleared, not removed, so setting it allocates
     * nothing after a thread's first statement.
     */
    public static final ThreadLocal<java.util.function.Consumer<io.flushdb.sql.exec.SqlWarning>> WARNINGS =
            new ThreadLocal<>();

    private static final io.flushdb.sql.exec.SqlWarning DIVISION_BY_ZERO = new io.flushdb.sql.exec.SqlWarning(
            "Warning", io.flushdb.sql.error.MySqlError.ER_DIVISION_BY_ZERO.code,
            io.flushdb.sql.error.MySqlError.ER_DIVISION_BY_ZERO.template);

    /** x / 0 outside stored values: NULL and warning 1365, as MySQL. */
    private static Object divisionByZero() {
        java.util.function.Consumer<io.flushdb.sql.exec.SqlWarning> sink = WARNINGS.get();
        if (sink != null) {
            sink.accept(DIVISION_BY_ZERO);
        }
        return null;
    }

    /**
     * The accumulator of {@link MySqlOperators#GROUP_CONCAT}: joins a group's non-NULL values (in
     * the order the aggregate receives them, which WITHIN GROUP sorts) with the separator, skipping
     * a value whose key was seen when DISTINCT, and cuts the result at group_concat_max_len bytes
     * (at a character boundary) with warning 1260, as MySQL does.
     */
    public static final class GroupConcat {
        /** One group's state. */
        public static final class State {
            final StringBuilder text = new StringBuilder();
            java.util.Set<Object> seen;
            boolean any;
            long bytes;
            boolean cut;
            long rows;
            boolean warned;
        }

        public State init() {
            return new State();
        }

        public State add(State acc, Object value, Object key, Object separator, Object maxLen, Object distinct) {
            if (value == null || acc.cut) {
                return acc;
            }
            acc.rows++;
            if (distinct != null && ((Number) distinct).intValue() != 0) {
                if (acc.seen == null) {
                    acc.seen = new java.util.HashSet<>();
                }
                if (!acc.seen.add(key == null ? value : key)) {
                    return acc;
                }
            }
            String v = value instanceof ByteString bs ? new String(bs.getBytes(), StandardCharsets.UTF_8) : value.toString();
            if (acc.any) {
                append(acc, separator == null ? "" : separator.toString(), Long.parseLong(maxLen.toString()));
            }
            acc.any = true;
            append(acc, v, Long.parseLong(maxLen.toString()));
            return acc;
        }

        private static void append(State acc, String s, long max) {
            if (acc.cut) {
                return;
            }
            long b = s.getBytes(StandardCharsets.UTF_8).length;
            if (acc.bytes + b <= max) {
                acc.text.append(s);
                acc.bytes += b;
                return;
            }
            // Keep whole characters up to the limit.
            int i = 0;
            while (i < s.length()) {
                int cp = s.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (acc.bytes + n > max) {
                    break;
                }
                acc.text.appendCodePoint(cp);
                acc.bytes += n;
                i += Character.charCount(cp);
            }
            acc.cut = true;
        }

        public Object result(State acc) {
            if (!acc.any) {
                return null;
            }
            if (acc.cut && !acc.warned) {
                acc.warned = true;
                java.util.function.Consumer<io.flushdb.sql.exec.SqlWarning> sink = WARNINGS.get();
                if (sink != null) {
                    sink.accept(new io.flushdb.sql.exec.SqlWarning("Warning",
                            io.flushdb.sql.error.MySqlError.ER_CUT_VALUE_GROUP_CONCAT.code,
                            String.format(io.flushdb.sql.error.MySqlError.ER_CUT_VALUE_GROUP_CONCAT.template, acc.rows)));
                }
            }
            return acc.text.toString();
        }
    }

    /** A DECIMAL as MySQL writes it ({@code 0.75}, {@code -0.50}); a DOUBLE in its shortest form ({@code 2}, {@code 1e20}). */
    public static Object numberText(Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (x instanceof Double || x instanceof Float) {
            double v = ((Number) x).doubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            String s = Double.toString(v);
            int e = s.indexOf('E');
            if (e < 0) {
                return s;
            }
            String mantissa = s.substring(0, e);
            if (mantissa.endsWith(".0")) {
                mantissa = mantissa.substring(0, mantissa.length() - 2);
            }
            return mantissa + "e" + s.substring(e + 1);
        }
        return x.toString();
    }

    /** The accumulator of {@link MySqlOperators#FIRST}: keeps the first value it is given. */
    public static final class First {
        /** The state before any row: distinct from every value, NULL included. */
        private static final Object NONE = new Object();

        public Object init() {
            return NONE;
        }

        public Object add(Object acc, Object value) {
            return acc == NONE ? value : acc;
        }

        public Object result(Object acc) {
            return acc == NONE ? null : acc;
        }
    }

    /** LENGTH(s): bytes of the UTF-8 text (or of the binary string). */
    public static Object byteLength(Object s) {
        if (s == null) {
            return null;
        }
        if (s instanceof ByteString bs) {
            return (long) bs.length();
        }
        return (long) s.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * A string whose plain order and equality are those of MySQL collation {@code collationId}
     * for {@code s}: the key of every comparison, sort, grouping and join on text.
     */
    public static Object sortKey(Object s, Object collationId) {
        if (s == null) {
            return null;
        }
        return Collation.byId(((Number) collationId).intValue()).sortKey(s.toString());
    }

    /**
     * {@code s LIKE pattern [ESCAPE esc]} under collation {@code collationId}: '%' matches any
     * run of characters, '_' exactly one, and characters compare by the collation (so LIKE is
     * case-insensitive on the default collation, as in MySQL).
     */
    public static Object like(Object s, Object pattern, Object escape, Object collationId) {
        if (s == null || pattern == null) {
            return null;
        }
        Collation c = Collation.byId(((Number) collationId).intValue());
        String esc = escape == null ? "\\" : escape.toString();
        char escChar = esc.isEmpty() ? 0 : esc.charAt(0);
        String str = text(s);
        String pat = text(pattern);
        int[] sk = codePoints(c, str);
        int[] pk = new int[pat.length()];
        int[] kinds = new int[pat.length()]; // 0 literal, 1 any-run, 2 any-one
        int n = 0;
        for (int i = 0; i < pat.length(); ) {
            int cp = pat.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == escChar && escChar != 0 && i < pat.length()) {
                int lit = pat.codePointAt(i);
                i += Character.charCount(lit);
                pk[n] = weight(c, lit);
                kinds[n++] = 0;
            } else if (cp == '%') {
                kinds[n++] = 1;
            } else if (cp == '_') {
                kinds[n++] = 2;
            } else {
                pk[n] = weight(c, cp);
                kinds[n++] = 0;
            }
        }
        return match(sk, 0, pk, kinds, 0, n);
    }

    /** A value as text: binary strings decoded as UTF-8. */
    public static String text(Object v) {
        return v instanceof ByteString bs ? new String(bs.getBytes(), StandardCharsets.UTF_8) : v.toString();
    }

    /**
     * LOCATE(sub, s, pos): the 1-based character position of the first match of {@code sub} in
     * {@code s} at or after {@code pos}, comparing characters under the collation; 0 if none.
     */
    public static Object locate(Object sub, Object s, Object pos, Object collationId) {
        if (sub == null || s == null || pos == null) {
            return null;
        }
        Collation c = Collation.byId(((Number) collationId).intValue());
        int[] needle = codePoints(c, text(sub));
        int[] hay = codePoints(c, text(s));
        long from = exact(pos).setScale(0, RoundingMode.HALF_UP).longValue();
        if (from < 1 || from > hay.length + 1L) {
            return 0L;
        }
        for (int i = (int) from - 1; i + needle.length <= hay.length; i++) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return (long) i + 1;
            }
        }
        return 0L;
    }

    private static int[] codePoints(Collation c, String s) {
        int[] out = new int[s.codePointCount(0, s.length())];
        int k = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            out[k++] = weight(c, cp);
        }
        return out;
    }

    private static int weight(Collation c, int cp) {
        String key = c.sortKey(new String(Character.toChars(cp)));
        return key.isEmpty() ? cp : key.codePointAt(0);
    }

    private static boolean match(int[] s, int si, int[] p, int[] kinds, int pi, int pn) {
        while (pi < pn) {
            if (kinds[pi] == 1) {
                while (pi < pn && kinds[pi] == 1) {
                    pi++;
                }
                if (pi == pn) {
                    return true;
                }
                for (int k = si; k <= s.length; k++) {
                    if (match(s, k, p, kinds, pi, pn)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length) {
                return false;
            }
            if (kinds[pi] == 0 && p[pi] != s[si]) {
                return false;
            }
            si++;
            pi++;
        }
        return si == s.length;
    }
}
