package io.flushdb.driver.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Locale;

/**
 * What a {@code PreparedStatement} setter hands the engine: every parameter becomes null or one of
 * the classes rows are made of ({@code Long}, {@code BigInteger}, {@code BigDecimal}, {@code Float},
 * {@code Double}, {@code String}, {@code byte[]}, {@code Boolean}, {@code LocalDate},
 * {@code LocalTime}, {@code Duration} (a TIME beyond a time of day), {@code LocalDateTime}), so the
 * SQL layer binds a small closed set of classes.
 *
 * <p>Smaller integers widen to {@code Long}; {@code java.sql} and {@code java.util} date-times become
 * wall-clock {@code java.time} values in the JVM's default time zone (or the {@link Calendar}'s
 * zone), zoned {@code java.time} values are moved to the default zone first, as Connector/J's
 * default {@code preserveInstants} does; streams, {@link Blob}s and {@link Clob}s are read at once.
 * A class with no MySQL counterpart is an error, never serialised.
 */
final class ParameterValues {
    private ParameterValues() {
    }

    /** {@code setObject(i, x)}. */
    static Object normalize(Object x) throws SQLException {
        if (x == null || x instanceof Long || x instanceof BigDecimal || x instanceof Double || x instanceof Float
                || x instanceof String || x instanceof Boolean || x instanceof LocalDate || x instanceof LocalTime
                || x instanceof LocalDateTime || x instanceof java.time.Duration) {
            return x;
        }
        if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
            return ((Number) x).longValue();
        }
        if (x instanceof BigInteger i) {
            return i.bitLength() < 64 ? (Object) i.longValue() : i;
        }
        if (x instanceof byte[] b) {
            return b.clone();
        }
        if (x instanceof Character c) {
            return c.toString();
        }
        if (x instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (x instanceof Time t) {
            return Instant.ofEpochMilli(t.getTime()).atZone(ZoneId.systemDefault()).toLocalTime();
        }
        if (x instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (x instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        if (x instanceof Calendar c) {
            return LocalDateTime.ofInstant(c.toInstant(), c.getTimeZone().toZoneId());
        }
        if (x instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
        }
        if (x instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (x instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (x instanceof OffsetTime o) {
            return o.withOffsetSameInstant(ZoneId.systemDefault().getRules().getOffset(Instant.now())).toLocalTime();
        }
        if (x instanceof Blob b) {
            return b.getBytes(1, (int) b.length());
        }
        if (x instanceof Clob c) {
            return c.getSubString(1, (int) c.length());
        }
        if (x instanceof InputStream in) {
            return readBytes(in, -1);
        }
        if (x instanceof Reader r) {
            return readText(r, -1);
        }
        if (x instanceof Enum<?> e) {
            return e.name();
        }
        throw SqlExceptions.illegalArgument("Cannot convert an instance of " + x.getClass().getName()
                + " to a MySQL value; convert it to a String, number, byte[] or java.time value first");
    }

    /** {@code setObject(i, x, targetSqlType, scaleOrLength)}: {@code x} as the given JDBC type. */
    static Object convert(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        Object v = normalize(x);
        if (v == null) {
            return null;
        }
        try {
            return convertNormalized(v, targetSqlType, scaleOrLength);
        } catch (ArithmeticException | java.time.format.DateTimeParseException e) {
            throw SqlExceptions.create("Cannot convert '" + v + "' to JDBC type " + targetSqlType,
                    SqlExceptions.INVALID_CAST, 0, e);
        }
    }

    private static Object convertNormalized(Object v, int targetSqlType, int scaleOrLength) throws SQLException {
        switch (targetSqlType) {
            case Types.BIT, Types.BOOLEAN:
                return toBoolean(v);
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
                return v instanceof Boolean b ? (b ? 1L : 0L) : decimal(v).setScale(0, RoundingMode.DOWN).longValueExact();
            case Types.DECIMAL, Types.NUMERIC: {
                BigDecimal d = v instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO) : decimal(v);
                return scaleOrLength >= 0 && d.scale() > scaleOrLength ? d.setScale(scaleOrLength, RoundingMode.HALF_UP) : d;
            }
            case Types.REAL:
                return v instanceof Boolean b ? (b ? 1f : 0f) : decimal(v).floatValue();
            case Types.FLOAT, Types.DOUBLE:
                return v instanceof Double ? v : v instanceof Boolean b ? (b ? 1d : 0d) : decimal(v).doubleValue();
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB:
                return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : text(v);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return v instanceof byte[] ? v : text(v).getBytes(StandardCharsets.UTF_8);
            case Types.DATE:
                return v instanceof LocalDateTime dt ? dt.toLocalDate() : v instanceof String s ? LocalDate.parse(s.trim()) : v;
            case Types.TIME:
                return v instanceof LocalDateTime dt ? dt.toLocalTime() : v instanceof String s ? LocalTime.parse(s.trim()) : v;
            case Types.TIMESTAMP:
                return v instanceof LocalDate d ? d.atStartOfDay()
                        : v instanceof String s ? LocalDateTime.parse(s.trim().replace(' ', 'T')) : v;
            case Types.NULL:
                return null;
            case Types.JAVA_OBJECT, Types.OTHER:
                return v;
            default:
                throw SqlExceptions.unsupported("Target SQL type " + targetSqlType + " in setObject");
        }
    }

    private static Boolean toBoolean(Object v) throws SQLException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("y") || t.equals("yes")) {
                return true;
            }
            if (t.equals("false") || t.equals("n") || t.equals("no")) {
                return false;
            }
        }
        return decimal(v).signum() != 0;
    }

    private static BigDecimal decimal(Object v) throws SQLException {
        try {
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof Long || v instanceof BigInteger || v instanceof Double || v instanceof Float
                    || v instanceof String) {
                return new BigDecimal(v.toString().trim());
            }
        } catch (NumberFormatException e) {
            throw SqlExceptions.create("Cannot convert '" + v + "' to a number", SqlExceptions.INVALID_CAST, 0, e);
        }
        throw SqlExceptions.client("Cannot convert a " + v.getClass().getSimpleName() + " to a number",
                SqlExceptions.INVALID_CAST);
    }

    private static String text(Object v) {
        return v.toString();
    }

    /** A {@code java.sql.Date} read in {@code cal}'s zone (or the default zone). */
    static LocalDate date(java.sql.Date d, Calendar cal) {
        return cal == null ? d.toLocalDate() : Instant.ofEpochMilli(d.getTime()).atZone(cal.getTimeZone().toZoneId()).toLocalDate();
    }

    static LocalTime time(Time t, Calendar cal) {
        ZoneId zone = cal == null ? ZoneId.systemDefault() : cal.getTimeZone().toZoneId();
        return Instant.ofEpochMilli(t.getTime()).atZone(zone).toLocalTime();
    }

    static LocalDateTime timestamp(Timestamp ts, Calendar cal) {
        return cal == null ? ts.toLocalDateTime() : LocalDateTime.ofInstant(ts.toInstant(), cal.getTimeZone().toZoneId());
    }

    /** Reads {@code length} bytes (all when negative); a shorter stream is an error. */
    static byte[] readBytes(InputStream in, long length) throws SQLException {
        try {
            if (length < 0) {
                return in.readAllBytes();
            }
            byte[] b = in.readNBytes(Math.toIntExact(length));
            if (b.length < length) {
                throw SqlExceptions.illegalArgument("The stream ended after " + b.length + " of " + length + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw SqlExceptions.create("Reading the parameter stream failed: " + e.getMessage(),
                    SqlExceptions.GENERAL_ERROR, 0, e);
        }
    }

    /** Reads {@code length} characters (all when negative); a shorter reader is an error. */
    static String readText(Reader r, long length) throws SQLException {
        try {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            while (remaining > 0) {
                int n = r.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    break;
                }
                sb.append(buf, 0, n);
                remaining -= n;
            }
            if (length >= 0 && sb.length() < length) {
                throw SqlExceptions.illegalArgument("The reader ended after " + sb.length() + " of " + length + " characters");
            }
            return sb.toString();
        } catch (IOException e) {
            throw SqlExceptions.create("Reading the parameter reader failed: " + e.getMessage(),
                    SqlExceptions.GENERAL_ERROR, 0, e);
        }
    }
}
