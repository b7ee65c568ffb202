package io.flushdb.sql.types;

import io.flushdb.sql.exec.ColumnMeta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Values as text, the way a MySQL server writes them in its text protocol (and so the way
 * {@code ResultSet.getString} and the mysql client show them).
 */
public final class MySqlValues {
    private MySqlValues() {
    }

    /** The text of {@code value} in column {@code meta}; null for SQL NULL. */
    public static String toText(Object value, ColumnMeta meta) {
        if (value == null) {
            return null;
        }
        String s;
        if (value instanceof Double d) {
            s = formatDouble(d);
        } else if (value instanceof Float f) {
            s = formatFloat(f);
        } else if (value instanceof BigDecimal bd) {
            s = bd.toPlainString();
        } else if (value instanceof LocalDateTime dt) {
            s = formatDateTime(dt, meta == null ? 0 : meta.scale());
        } else if (value instanceof LocalDate d) {
            s = formatDate(d);
        } else if (value instanceof LocalTime t) {
            s = formatTime(t, meta == null ? 0 : meta.scale());
        } else if (value instanceof byte[] b) {
            s = new String(b, StandardCharsets.UTF_8);
        } else if (value instanceof Boolean b) {
            s = b ? "1" : "0";
        } else {
            s = value.toString();
        }
        if (meta != null && meta.zerofill() && meta.displayWidth() > s.length()
                && (value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal)) {
            s = "0".repeat(meta.displayWidth() - s.length()) + s;
        }
        return s;
    }

    /**
     * A DOUBLE as MySQL prints it: the shortest text that reads back as the same double, in plain
     * notation for exponents from -5 to 14 and in MySQL's "1.5e20" form otherwise.
     */
    public static String formatDouble(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        if (d == 0) {
            return "0";
        }
        return formatShortest(new BigDecimal(Double.toString(d)), 15);
    }

    /** A FLOAT as MySQL prints it (shortest text for the float, up to 6 significant digits). */
    public static String formatFloat(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f);
        }
        if (f == 0) {
            return "0";
        }
        BigDecimal v = new BigDecimal(Float.toString(f)).round(new java.math.MathContext(6));
        return formatShortest(v, 6);
    }

    private static String formatShortest(BigDecimal v, int plainUpTo) {
        v = v.stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent < -5 || exponent >= plainUpTo) {
            BigDecimal mantissa = v.movePointLeft(exponent).stripTrailingZeros();
            return mantissa.toPlainString() + "e" + exponent;
        }
        return v.toPlainString();
    }

    public static String formatDate(LocalDate d) {
        return String.format("%04d-%02d-%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    public static String formatDateTime(LocalDateTime dt, int fsp) {
        String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.getYear(), dt.getMonthValue(),
                dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond());
        return base + fraction(dt.getNano(), fsp);
    }

    public static String formatTime(LocalTime t, int fsp) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()) + fraction(t.getNano(), fsp);
    }

    private static String fraction(int nanos, int fsp) {
        if (fsp <= 0) {
            return "";
        }
        String digits = String.format("%09d", nanos);
        return "." + digits.substring(0, Math.min(6, fsp));
    }
}
