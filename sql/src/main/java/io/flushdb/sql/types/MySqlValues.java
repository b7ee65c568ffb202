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
        } else if (value instanceof java.time.Duration t) {
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
     * The text {@code ResultSet.getString} gives for {@code value} with MySQL Connector/J, which
     * FlushDB's driver matches so that code moving between the two reads the same strings.
     * Connector/J parses what the server sends and prints it again in Java's way, so it differs
     * from the server's text ({@link #toText}) in places: FLOAT and DOUBLE print as
     * {@link Double#toString} ({@code 0.0}, {@code 1024.0}, {@code 1.0E20}); DATETIME and TIME
     * show fractional seconds only when they are not zero, padded to the column's scale; a
     * TIME's hours are not padded when negative ({@code -1:30:00}).
     */
    public static String toJdbcString(Object value, ColumnMeta meta) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            // Via the server's text, as Connector/J reads a FLOAT's shortest form, not its binary value.
            return Double.toString(Double.parseDouble(toText(value, meta)));
        }
        if (value instanceof LocalDateTime dt) {
            String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.getYear(), dt.getMonthValue(),
                    dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond());
            return base + nonZeroFraction(dt.getNano(), meta);
        }
        if (value instanceof java.time.Duration t) {
            java.time.Duration a = t.abs();
            long secs = a.getSeconds();
            String hours = t.isNegative() ? "-" + secs / 3600 : String.format("%02d", secs / 3600);
            return hours + String.format(":%02d:%02d", secs / 60 % 60, secs % 60) + nonZeroFraction(a.getNano(), meta);
        }
        if (value instanceof BigDecimal bd) {
            return bd.toString();
        }
        return toText(value, meta);
    }

    private static String nonZeroFraction(int nanos, ColumnMeta meta) {
        if (nanos == 0) {
            return "";
        }
        int scale = meta == null || meta.scale() <= 0 ? 6 : Math.min(6, meta.scale());
        return "." + String.format("%09d", nanos).substring(0, scale);
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

    /**
     * A value as a literal in a statement's text spells it, which is what MySQL Connector/J sends
     * for a bound parameter: a date-time or time with the fractional digits it has (up to
     * microseconds), anything else as {@link #toText} writes it without a column.
     */
    public static String literalText(Object value) {
        if (value instanceof LocalDateTime dt) {
            return formatDateTime(dt, fractionDigits(dt.getNano()));
        }
        if (value instanceof LocalTime t) {
            return formatTime(t, fractionDigits(t.getNano()));
        }
        if (value instanceof java.time.Duration d) {
            return formatTime(d, fractionDigits(d.abs().getNano()));
        }
        return toText(value, null);
    }

    /** The fractional-second digits (0 to 6) that {@code nanos} needs, trailing zeros dropped. */
    private static int fractionDigits(int nanos) {
        int micros = nanos / 1000;
        if (micros == 0) {
            return 0;
        }
        int digits = 6;
        while (micros % 10 == 0) {
            micros /= 10;
            digits--;
        }
        return digits;
    }

    public static String formatDateTime(LocalDateTime dt, int fsp) {
        String base = String.format("%04d-%02d-%02d %02d:%02d:%02d", dt.getYear(), dt.getMonthValue(),
                dt.getDayOfMonth(), dt.getHour(), dt.getMinute(), dt.getSecond());
        return base + fraction(dt.getNano(), fsp);
    }

    public static String formatTime(LocalTime t, int fsp) {
        return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()) + fraction(t.getNano(), fsp);
    }

    /** A TIME as MySQL writes it: [-]HH:MM:SS[.f], hours not limited to 24. */
    public static String formatTime(java.time.Duration t, int fsp) {
        boolean negative = t.isNegative();
        java.time.Duration a = t.abs();
        long secs = a.getSeconds();
        return (negative ? "-" : "") + String.format("%02d:%02d:%02d", secs / 3600, secs / 60 % 60, secs % 60)
                + fraction(a.getNano(), fsp);
    }

    private static String fraction(int nanos, int fsp) {
        if (fsp <= 0) {
            return "";
        }
        String digits = String.format("%09d", nanos);
        return "." + digits.substring(0, Math.min(6, fsp));
    }
}
