package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The numeric getters' conversions ({@code getBoolean} to {@code getBigDecimal}) of one non-null
 * column value, as Connector/J makes them:
 * <ul>
 *   <li>integers, decimals and floating-point values convert to any numeric type; a value outside
 *       the target's range is an error (SQLSTATE 22003), a fraction is truncated toward zero; a
 *       FLOAT reads as the server's text for it (six significant digits), as Connector/J reads
 *       it, not as its binary value;</li>
 *   <li>strings (and binary strings) are read as the number they spell: an integer, a decimal or
 *       a number with an exponent, surrounding spaces ignored; anything else is an error
 *       (22018);</li>
 *   <li>{@code getBoolean} is true for 1 and other positive numbers and for -1, false for 0, and
 *       reads "true"/"Y" and "false"/"N" in any case;</li>
 *   <li>dates and times do not convert to numbers (22018).</li>
 * </ul>
 */
final class NumericValues {
    private NumericValues() {
    }

    static boolean toBoolean(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = text(v).trim();
            if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("Y")) {
                return true;
            }
            if (s.equalsIgnoreCase("false") || s.equalsIgnoreCase("N")) {
                return false;
            }
        }
        BigDecimal d = toBigDecimal(v, meta, "boolean");
        return d.signum() > 0 || d.compareTo(BigDecimal.ONE.negate()) == 0;
    }

    static long toLong(Object v, ColumnMeta meta, long min, long max, String javaType) throws SQLException {
        if (v instanceof Long l) {
            return checkRange(l, min, max, v, javaType);
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = v instanceof Float f ? Double.parseDouble(floatText(f)) : (Double) v;
            if (Double.isNaN(d) || d <= (double) min - 1 || d >= (double) max + 1) {
                throw outOfRange(v, javaType);
            }
            return (long) d;
        }
        BigDecimal d = toBigDecimal(v, meta, javaType).setScale(0, RoundingMode.DOWN);
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw outOfRange(v, javaType);
        }
        return d.longValueExact();
    }

    static float toFloat(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof Float f) {
            return Float.parseFloat(floatText(f));
        }
        double d = toDouble(v, meta);
        if (!Double.isInfinite(d) && Math.abs(d) > Float.MAX_VALUE) {
            throw outOfRange(v, "float");
        }
        return (float) d;
    }

    static double toDouble(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Float f) {
            return Double.parseDouble(floatText(f)); // 0.1f reads as 0.1, as MySQL's text for it does
        }
        if (v instanceof Long l) {
            return l;
        }
        return toBigDecimal(v, meta, "double").doubleValue();
    }

    static BigDecimal toBigDecimal(Object v, ColumnMeta meta, String javaType) throws SQLException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw outOfRange(v, javaType);
            }
            return new BigDecimal(v instanceof Float f ? floatText(f) : v.toString());
        }
        if (v instanceof String || v instanceof byte[]) {
            return parse(text(v), javaType);
        }
        throw unsupported(meta, javaType);
    }

    static BigInteger toBigInteger(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof BigInteger i) {
            return i;
        }
        if (v instanceof Long l) {
            return BigInteger.valueOf(l);
        }
        return toBigDecimal(v, meta, "java.math.BigInteger").setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    }

    /** A number spelled as MySQL would read it from a string: integer, decimal or with exponent. */
    private static BigDecimal parse(String s, String javaType) throws SQLException {
        String t = s.trim();
        if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return new BigDecimal(t.startsWith("+") ? t.substring(1) : t);
        }
        throw SqlExceptions.client("Cannot convert string '" + s + "' to " + javaType + " value",
                SqlExceptions.INVALID_CAST);
    }

    private static long checkRange(long l, long min, long max, Object v, String javaType) throws SQLException {
        if (l < min || l > max) {
            throw outOfRange(v, javaType);
        }
        return l;
    }

    /** A FLOAT as the server writes it (six significant digits, e.g. {@code 1.23457}). */
    private static String floatText(Float f) {
        return MySqlValues.formatFloat(f);
    }

    static String text(Object v) {
        return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
    }

    static SQLException outOfRange(Object v, String javaType) {
        return SqlExceptions.client("Value '" + (v instanceof byte[] ? text(v) : v) + "' is outside of valid range for type "
                + javaType, SqlExceptions.OUT_OF_RANGE);
    }

    static SQLException unsupported(ColumnMeta meta, String javaType) {
        return SqlExceptions.client("Unsupported conversion from " + meta.type().typeName().toUpperCase(Locale.ROOT)
                + " to " + javaType, SqlExceptions.INVALID_CAST);
    }
}
