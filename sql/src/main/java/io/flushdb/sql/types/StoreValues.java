package io.flushdb.sql.types;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.exec.SqlWarning;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Consumer;

/**
 * Converts a value arriving in an INSERT or UPDATE (a literal, a bound parameter, or a query
 * result) to the form a column stores, with MySQL's rules: strict mode turns out-of-range numbers
 * (1264), over-long strings (1406), non-numeric text (1366) and bad dates (1292) into errors;
 * otherwise values are adjusted with a warning. DECIMAL values round half away from zero to the
 * column's scale with a note, as MySQL does in both modes.
 *
 * <p>Stored forms: {@code Long} for integer types, {@code Float}/{@code Double},
 * {@code BigDecimal} at the column's scale, {@code String}, {@code byte[]}, {@code Integer} epoch
 * days for DATE, {@code Long} microseconds for TIME, DATETIME (wall clock) and TIMESTAMP (UTC).
 */
public final class StoreValues {
    /** BIGINT UNSIGNED's largest value. */
    private static final BigDecimal UINT64_MAX = new BigDecimal("18446744073709551615");
    /** How a conversion reports and which rules apply. */
    public record Context(boolean strict, long row, ZoneId timeZone, Consumer<SqlWarning> warnings) {
    }

    private static final long TIMESTAMP_MIN_MICROS = 1_000_000L; // 1970-01-01 00:00:01 UTC
    private static final long TIMESTAMP_MAX_MICROS = 2_147_483_647_999_999L; // 2038-01-19 03:14:07.999999
    private static final long TIME_MAX_MICROS = (838L * 3600 + 59 * 60 + 59) * 1_000_000L;

    private StoreValues() {
    }

    /** The stored form of {@code value} for column {@code c}; null stays null (NOT NULL is checked by the caller). */
    public static Object coerce(ColumnDef c, Object value, Context ctx) {
        if (value == null) {
            return null;
        }
        switch (c.type()) {
            case BIT -> {
                return toBit(c, value, ctx);
            }
            case ENUM -> {
                return toEnum(c, value, ctx);
            }
            case SET -> {
                return toSet(c, value, ctx);
            }
            case JSON -> {
                return io.flushdb.sql.json.JsonText.forColumn(c, value);
            }
            default -> {
            }
        }
        return switch (c.type().encoding()) {
            case INT -> c.type() == ColumnType.YEAR ? toYear(c, value, ctx) : toInteger(c, value, ctx);
            case FLOAT -> (float) toDouble(c, value, ctx, true);
            case DOUBLE -> toDouble(c, value, ctx, false);
            case DECIMAL -> toDecimal(c, value, ctx);
            case STRING -> toText(c, value, ctx);
            case BYTES -> toBytes(c, value, ctx);
            case DATE -> toDate(c, value, ctx);
            case DATETIME -> toDateTimeMicros(c, value, ctx);
            case TIMESTAMP -> toTimestampMicros(c, value, ctx);
            case TIME -> toTimeMicros(c, value, ctx);
        };
    }

    // ---- numbers ------------------------------------------------------------------------------

    private static long[] range(ColumnDef c) {
        int bits = c.type().intWidth() * 8;
        if (c.unsigned()) {
            return new long[] {0, bits == 64 ? -1L : (1L << bits) - 1};
        }
        return new long[] {bits == 64 ? Long.MIN_VALUE : -(1L << (bits - 1)), bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1};
    }

    private static Object toInteger(ColumnDef c, Object value, Context ctx) {
        BigDecimal v = numeric(c, value, ctx, "integer");
        BigInteger i = v.setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        long[] r = range(c);
        BigInteger min = c.unsigned() ? BigInteger.ZERO : BigInteger.valueOf(r[0]);
        BigInteger max = c.unsigned() && c.type().intWidth() == 8 ? UINT64_MAX.toBigInteger() : BigInteger.valueOf(r[1]);
        if (i.compareTo(min) < 0 || i.compareTo(max) > 0) {
            outOfRange(c, ctx);
            i = i.compareTo(min) < 0 ? min : max;
        }
        return i.longValue();
    }

    private static double toDouble(ColumnDef c, Object value, Context ctx, boolean isFloat) {
        if (value instanceof Double d) {
            return checkFloatRange(c, d, ctx, isFloat);
        }
        if (value instanceof Float f) {
            return f;
        }
        BigDecimal v = numeric(c, value, ctx, "double");
        return checkFloatRange(c, v.doubleValue(), ctx, isFloat);
    }

    private static double checkFloatRange(ColumnDef c, double d, Context ctx, boolean isFloat) {
        if (Double.isInfinite(d) || Double.isNaN(d) || (isFloat && Math.abs(d) > Float.MAX_VALUE)
                || (c.unsigned() && d < 0)) {
            outOfRange(c, ctx);
            return c.unsigned() && d < 0 ? 0 : Math.copySign(isFloat ? Float.MAX_VALUE : Double.MAX_VALUE, d);
        }
        if (c.precision() > 0) {
            // FLOAT(M,D)/DOUBLE(M,D): rounded to D decimals, bounded by M digits.
            BigDecimal bd = BigDecimal.valueOf(d).setScale(c.scale(), RoundingMode.HALF_UP);
            if (bd.precision() - bd.scale() > c.precision() - c.scale()) {
                outOfRange(c, ctx);
            }
            return bd.doubleValue();
        }
        return d;
    }

    private static Object toDecimal(ColumnDef c, Object value, Context ctx) {
        BigDecimal v = numeric(c, value, ctx, "decimal");
        BigDecimal rounded = v.setScale(c.scale(), RoundingMode.HALF_UP);
        int intDigits = c.precision() - c.scale();
        BigDecimal limit = BigDecimal.TEN.pow(intDigits);
        if (rounded.abs().compareTo(limit) >= 0 || (c.unsigned() && rounded.signum() < 0)) {
            // Out of range: clipped to the limit with 1264 alone (no rounding note).
            outOfRange(c, ctx);
            BigDecimal max = limit.subtract(BigDecimal.ONE.movePointLeft(c.scale()));
            return c.unsigned() && rounded.signum() < 0 ? BigDecimal.ZERO.setScale(c.scale())
                    : rounded.signum() < 0 ? max.negate() : max;
        }
        if (rounded.compareTo(v) != 0) {
            note(ctx, MySqlError.WARN_DATA_TRUNCATED, c);
        }
        return rounded;
    }

    /** A numeric value from any input; text is parsed as MySQL does (strict: only whole numbers). */
    private static BigDecimal numeric(ColumnDef c, Object value, Context ctx, String what) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                outOfRange(c, ctx);
                return BigDecimal.ZERO;
            }
            return new BigDecimal(Double.toString(d));
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof byte[] bytes) {
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof String s) {
            String t = s.trim();
            BigDecimal parsed = parseLeadingNumber(t);
            if (parsed == null) {
                // No number at all: 1366, as MySQL's check_int.
                if (ctx.strict()) {
                    throw MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.raise(what, s, c.name(), ctx.row());
                }
                warn(ctx, MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.code,
                        String.format(MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.template, what, s, c.name(), ctx.row()));
                return BigDecimal.ZERO;
            }
            if (!WHOLE_NUMBER.matcher(t).matches()) {
                // A number followed by something else ('12abc'): the number, with 1265.
                if (ctx.strict()) {
                    throw MySqlError.WARN_DATA_TRUNCATED.raise(c.name(), ctx.row());
                }
                warn(ctx, MySqlError.WARN_DATA_TRUNCATED.code,
                        String.format(MySqlError.WARN_DATA_TRUNCATED.template, c.name(), ctx.row()));
            }
            return parsed;
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime || value instanceof LocalTime
                || value instanceof java.time.Duration) {
            return new BigDecimal(MySqlValues.toText(value, null).replaceAll("(?<=\\d)[-: ]", ""));
        }
        throw MySqlError.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD.raise(what, String.valueOf(value), c.name(), ctx.row());
    }

    /** A number and nothing else. */
    private static final java.util.regex.Pattern WHOLE_NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** A number at the start of a text. */
    private static final java.util.regex.Pattern LEADING_NUMBER =
            java.util.regex.Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The longest numeric prefix of {@code t}, or null if it has none. */
    public static BigDecimal parseLeadingNumber(String t) {
        java.util.regex.Matcher m = LEADING_NUMBER.matcher(t);
        if (!m.find()) {
            return null;
        }
        return new BigDecimal(m.group());
    }

    private static void outOfRange(ColumnDef c, Context ctx) {
        if (ctx.strict()) {
            throw MySqlError.ER_WARN_DATA_OUT_OF_RANGE.raise(c.name(), ctx.row());
        }
        warn(ctx, MySqlError.ER_WARN_DATA_OUT_OF_RANGE.code,
                String.format(MySqlError.ER_WARN_DATA_OUT_OF_RANGE.template, c.name(), ctx.row()));
    }

    private static void note(Context ctx, MySqlError e, ColumnDef c) {
        if (ctx.warnings() != null) {
            ctx.warnings().accept(new SqlWarning("Note", e.code, String.format(e.template, c.name(), ctx.row())));
        }
    }

    private static void warn(Context ctx, int code, String message) {
        if (ctx.warnings() != null) {
            ctx.warnings().accept(new SqlWarning("Warning", code, message));
        }
    }

    private static Object toYear(ColumnDef c, Object value, Context ctx) {
        long y;
        if (value instanceof String s && s.trim().length() <= 2 && s.trim().matches("\\d{1,2}")) {
            int two = Integer.parseInt(s.trim());
            y = two < 70 ? 2000 + two : 1900 + two;
        } else if (value instanceof LocalDate d) {
            y = d.getYear();
        } else {
            y = (Long) toInteger(new ColumnDef(c.name(), ColumnType.INT, 0, 0, 0, 0, false, false, true, null,
                    ColumnDef.DefaultKind.NULL, false, false, null, ""), value, ctx);
            if (y > 0 && y < 70) {
                y += 2000;
            } else if (y >= 70 && y < 100) {
                y += 1900;
            }
        }
        if (y != 0 && (y < 1901 || y > 2155)) {
            outOfRange(c, ctx);
            y = 0;
        }
        return y;
    }

    // ---- BIT, ENUM, SET ------------------------------------------------------------------------

    /**
     * A BIT(M) value: numbers are rounded to integers, strings and binary strings are their bytes
     * (big-endian). A value with more than M bits is 1406 in strict mode; otherwise every bit is
     * set, with warning 1264 (MySQL's {@code Field_bit::store}).
     */
    private static Object toBit(ColumnDef c, Object value, Context ctx) {
        int m = (int) c.length();
        Long bits;
        if (value instanceof byte[] b) {
            bits = EnumSetValues.bitsOf(b);
        } else if (value instanceof String s) {
            bits = EnumSetValues.bitsOf(s.getBytes(StandardCharsets.UTF_8));
        } else if (value instanceof Boolean b) {
            bits = b ? 1L : 0L;
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            bits = ((Number) value).longValue();
        } else {
            BigDecimal v = numeric(c, value, ctx, "integer").setScale(0, RoundingMode.HALF_UP);
            bits = v.signum() < 0 ? Long.valueOf(v.longValue())
                    : v.compareTo(UINT64_MAX) > 0 ? null : v.toBigInteger().longValue();
        }
        if (bits == null || (m < 64 && (bits >>> m) != 0)) {
            if (ctx.strict()) {
                throw MySqlError.ER_DATA_TOO_LONG.raise(c.name(), ctx.row());
            }
            warn(ctx, MySqlError.ER_WARN_DATA_OUT_OF_RANGE.code,
                    String.format(MySqlError.ER_WARN_DATA_OUT_OF_RANGE.template, c.name(), ctx.row()));
            return m == 64 ? -1L : (1L << m) - 1;
        }
        return bits;
    }

    /**
     * An ENUM value: a member's text (matched under the column's collation), a number as the
     * index, or quoted digits that name no member as the index too. Anything else is 1265: an
     * error in strict mode, else the error value '' (index 0) with a warning.
     */
    private static Object toEnum(ColumnDef c, Object value, Context ctx) {
        int count = c.extra().elements().size();
        long index;
        if (value instanceof String || value instanceof byte[]) {
            String s = value instanceof String str ? str : new String((byte[]) value, StandardCharsets.UTF_8);
            index = EnumSetValues.enumIndex(c, s);
            if (index == 0 && s.length() < 6 && !s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
                index = Long.parseLong(s);
            }
        } else if (value instanceof Boolean b) {
            index = b ? 1 : 0;
        } else {
            BigDecimal v = numeric(c, value, ctx, "integer").setScale(0, RoundingMode.HALF_UP);
            index = v.signum() < 0 || v.compareTo(BigDecimal.valueOf(count)) > 0 ? 0 : v.longValue();
        }
        if (index < 1 || index > count) {
            truncated(c, ctx);
            return 0L;
        }
        return index;
    }

    /**
     * A SET value: comma-separated members in any order (repeats collapse), or a number as the
     * bitmask. An unknown member or bit is 1265: an error in strict mode, else dropped with a warning.
     */
    private static Object toSet(ColumnDef c, Object value, Context ctx) {
        long full = EnumSetValues.fullMask(c);
        if (value instanceof String || value instanceof byte[]) {
            String s = value instanceof String str ? str : new String((byte[]) value, StandardCharsets.UTF_8);
            long mask = EnumSetValues.setMask(c, s);
            if (mask < 0) {
                if (!s.isEmpty() && s.length() < 21 && s.chars().allMatch(Character::isDigit)) {
                    return toSet(c, new BigDecimal(s), ctx);
                }
                truncated(c, ctx);
                return -1 - mask;
            }
            return mask;
        }
        BigDecimal v = value instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
                : numeric(c, value, ctx, "integer").setScale(0, RoundingMode.HALF_UP);
        if (v.signum() < 0 || v.compareTo(new BigDecimal(Long.toUnsignedString(full))) > 0) {
            truncated(c, ctx);
            return v.signum() < 0 ? 0L : v.toBigInteger().longValue() & full;
        }
        return v.toBigInteger().longValue();
    }

    private static void truncated(ColumnDef c, Context ctx) {
        if (ctx.strict()) {
            throw MySqlError.WARN_DATA_TRUNCATED.raise(c.name(), ctx.row());
        }
        warn(ctx, MySqlError.WARN_DATA_TRUNCATED.code,
                String.format(MySqlError.WARN_DATA_TRUNCATED.template, c.name(), ctx.row()));
    }

    // ---- strings and bytes --------------------------------------------------------------------

    private static Object toText(ColumnDef c, Object value, Context ctx) {
        String s;
        if (value instanceof String str) {
            s = str;
        } else if (value instanceof byte[] b) {
            s = new String(b, StandardCharsets.UTF_8);
        } else if (value instanceof Double d) {
            s = MySqlValues.formatDouble(d);
        } else if (value instanceof Float f) {
            s = MySqlValues.formatFloat(f);
        } else {
            s = MySqlValues.toText(value, null);
        }
        long max = c.type().isLob() ? c.type().lobMaxLength() : c.length();
        long len = c.type().isLob() ? s.getBytes(StandardCharsets.UTF_8).length : s.codePointCount(0, s.length());
        if (len > max) {
            String cut = c.type().isLob() ? truncateBytes(s, (int) Math.min(max, Integer.MAX_VALUE))
                    : s.substring(0, s.offsetByCodePoints(0, (int) max));
            // Only spaces cut away: MySQL truncates silently with a note.
            if (!c.type().isLob() && s.substring(cut.length()).isBlank() && s.substring(cut.length()).chars().allMatch(ch -> ch == ' ')) {
                note(ctx, MySqlError.WARN_DATA_TRUNCATED, c);
                s = cut;
            } else if (ctx.strict()) {
                throw MySqlError.ER_DATA_TOO_LONG.raise(c.name(), ctx.row());
            } else {
                warn(ctx, MySqlError.WARN_DATA_TRUNCATED.code,
                        String.format(MySqlError.WARN_DATA_TRUNCATED.template, c.name(), ctx.row()));
                s = cut;
            }
        }
        if (c.type() == ColumnType.CHAR) {
            int end = s.length();
            while (end > 0 && s.charAt(end - 1) == ' ') {
                end--;
            }
            s = s.substring(0, end);
        }
        return s;
    }

    private static String truncateBytes(String s, int maxBytes) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(maxBytes, b.length);
        while (n > 0 && (b[n] & 0xC0) == 0x80) {
            n--;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    private static Object toBytes(ColumnDef c, Object value, Context ctx) {
        byte[] b;
        if (value instanceof byte[] bytes) {
            b = bytes;
        } else if (value instanceof String s) {
            b = s.getBytes(StandardCharsets.UTF_8);
        } else {
            b = MySqlValues.toText(value instanceof Double d ? (Object) d : value, null).getBytes(StandardCharsets.UTF_8);
        }
        long max = c.type().isLob() ? c.type().lobMaxLength() : c.length();
        if (b.length > max) {
            if (ctx.strict()) {
                throw MySqlError.ER_DATA_TOO_LONG.raise(c.name(), ctx.row());
            }
            warn(ctx, MySqlError.WARN_DATA_TRUNCATED.code,
                    String.format(MySqlError.WARN_DATA_TRUNCATED.template, c.name(), ctx.row()));
            b = java.util.Arrays.copyOf(b, (int) max);
        }
        if (c.type() == ColumnType.BINARY && b.length < c.length()) {
            b = java.util.Arrays.copyOf(b, (int) c.length());
        }
        return b;
    }

    // ---- temporal -----------------------------------------------------------------------------

    private static Object toDate(ColumnDef c, Object value, Context ctx) {
        LocalDate d;
        if (value instanceof LocalDate ld) {
            d = ld;
        } else if (value instanceof LocalDateTime ldt) {
            d = ldt.toLocalDate();
            if (!ldt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                note(ctx, MySqlError.WARN_DATA_TRUNCATED, c);
            }
        } else {
            d = Temporal.parseDate(textOf(value));
            if (d == null) {
                LocalDateTime dt = Temporal.parseDateTime(textOf(value));
                if (dt != null) {
                    d = dt.toLocalDate();
                    if (!dt.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                        note(ctx, MySqlError.WARN_DATA_TRUNCATED, c); // the time of day is dropped
                    }
                }
            }
            if (d == null) {
                return badTemporal(c, value, ctx, "date");
            }
        }
        return (int) d.toEpochDay();
    }

    private static Object toDateTimeMicros(ColumnDef c, Object value, Context ctx) {
        LocalDateTime dt = dateTime(c, value, ctx);
        if (dt == null) {
            return badTemporal(c, value, ctx, "datetime");
        }
        return Temporal.roundMicros(Temporal.toMicros(dt), c.fsp());
    }

    private static Object toTimestampMicros(ColumnDef c, Object value, Context ctx) {
        LocalDateTime dt = dateTime(c, value, ctx);
        if (dt == null) {
            return badTemporal(c, value, ctx, "datetime");
        }
        ZonedDateTime z = dt.atZone(ctx.timeZone());
        long micros = Temporal.roundMicros(z.toEpochSecond() * 1_000_000L + z.getNano() / 1000, c.fsp());
        if (micros < TIMESTAMP_MIN_MICROS || micros > TIMESTAMP_MAX_MICROS) {
            return badTemporal(c, value, ctx, "datetime");
        }
        return micros;
    }

    private static LocalDateTime dateTime(ColumnDef c, Object value, Context ctx) {
        if (value instanceof LocalDateTime ldt) {
            return ldt;
        }
        if (value instanceof LocalDate ld) {
            return ld.atStartOfDay();
        }
        String s = textOf(value);
        LocalDateTime dt = Temporal.parseDateTime(s);
        if (dt == null) {
            LocalDate d = Temporal.parseDate(s);
            if (d != null) {
                return d.atStartOfDay();
            }
        }
        return dt;
    }

    private static Object toTimeMicros(ColumnDef c, Object value, Context ctx) {
        Long micros;
        if (value instanceof LocalTime t) {
            micros = t.toNanoOfDay() / 1000;
        } else if (value instanceof java.time.Duration d) {
            micros = d.getSeconds() * 1_000_000L + d.getNano() / 1000;
        } else if (value instanceof LocalDateTime dt) {
            micros = dt.toLocalTime().toNanoOfDay() / 1000;
        } else {
            micros = Temporal.parseTimeMicros(textOf(value));
        }
        if (micros == null) {
            return badTemporal(c, value, ctx, "time");
        }
        if (Math.abs(micros) > TIME_MAX_MICROS) {
            if (ctx.strict()) {
                return badTemporal(c, value, ctx, "time"); // MySQL: 1292, not 1264, for TIME
            }
            outOfRange(c, ctx);
            micros = micros < 0 ? -TIME_MAX_MICROS : TIME_MAX_MICROS;
        }
        return Temporal.roundMicros(micros, c.fsp());
    }

    private static String textOf(Object value) {
        if (value instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return MySqlValues.toText(value, null);
    }

    private static Object badTemporal(ColumnDef c, Object value, Context ctx, String what) {
        String text = textOf(value);
        if (ctx.strict()) {
            throw MySqlError.ER_TRUNCATED_WRONG_VALUE.withMessage(
                    "Incorrect " + what + " value: '" + text + "' for column '" + c.name() + "' at row " + ctx.row());
        }
        warn(ctx, MySqlError.ER_TRUNCATED_WRONG_VALUE.code,
                "Incorrect " + what + " value: '" + text + "' for column '" + c.name() + "' at row " + ctx.row());
        return null;
    }
}
