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
            return d == 0 ? null : approx(a) / d;
        }
        BigDecimal x = exact(a);
        BigDecimal y = exact(b);
        if (y.signum() == 0) {
            return null;
        }
        int scale = Math.min(30, Math.max(0, x.scale()) + MySqlTypeSystem.DIV_PRECISION_INCREMENT);
        return x.divide(y, scale, RoundingMode.HALF_UP);
    }

    /** {@code a DIV b}: the integer part of the quotient, NULL on zero. */
    public static Object intDivide(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (approximate(a) || approximate(b)) {
            double d = approx(b);
            if (d == 0) {
                return null;
            }
            return (long) (approx(a) / d);
        }
        BigDecimal y = exact(b);
        if (y.signum() == 0) {
            return null;
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
            return d == 0 ? null : approx(a) % d;
        }
        if (a instanceof Long x && b instanceof Long y) {
            return y == 0 ? null : x % y;
        }
        BigDecimal y = exact(b);
        return y.signum() == 0 ? null : exact(a).remainder(y);
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

    private static String text(Object v) {
        return v instanceof ByteString bs ? new String(bs.getBytes(), StandardCharsets.UTF_8) : v.toString();
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
