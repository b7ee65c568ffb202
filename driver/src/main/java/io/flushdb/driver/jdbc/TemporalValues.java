package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlType;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Calendar;

/**
 * The date and time getters' conversions of one non-null column value. FlushDB keeps DATE, TIME,
 * DATETIME and TIMESTAMP values without a time zone (MySQL's wall-clock values); the
 * {@code java.sql} classes are made for the JVM's default time zone, or for the zone of the
 * {@link Calendar} passed to a getter, as Connector/J does with its default settings.
 *
 * <p>DATETIME and TIMESTAMP values give their date or time part to {@code getDate} and
 * {@code getTime}; a DATE gives midnight to {@code getTimestamp}; a TIME gives 1970-01-01 to it;
 * YEAR gives January 1st of the year; strings are read in MySQL's formats ({@code 2024-05-17},
 * {@code 2024-05-17 13:45:00.25}, {@code 13:45:00}).
 *
 * <p>MySQL's TIME is a signed duration up to 838:59:59 (the engine gives a {@link Duration}); only
 * values from 00:00:00 to 23:59:59.999999 are times of day, so only those convert to
 * {@code java.sql.Time}, {@code LocalTime} or a timestamp. Others are an error, as in Connector/J;
 * read them with {@code getString} or {@code getObject(column, Duration.class)}.
 */
final class TemporalValues {
    private static final Duration ONE_DAY = Duration.ofDays(1);

    private TemporalValues() {
    }

    static LocalDate toLocalDate(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (v instanceof Long year && meta.type() == MySqlType.YEAR) {
            return LocalDate.of(year.intValue(), 1, 1);
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = NumericValues.text(v).trim();
            return s.length() > 10 ? parseDateTime(s, "java.sql.Date").toLocalDate() : parseDate(s);
        }
        throw NumericValues.unsupported(meta, "java.sql.Date");
    }

    static LocalTime toLocalTime(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof Duration d) {
            if (d.isNegative() || d.compareTo(ONE_DAY) >= 0) {
                throw SqlExceptions.client("The value '" + TextValues.serverText(v, meta) + "' is an invalid TIME value. "
                        + "JDBC Time objects represent a wall-clock time and not a duration as MySQL treats them. If you "
                        + "are treating this type as a duration, consider retrieving this value as a string or a "
                        + "java.time.Duration", SqlExceptions.INVALID_DATETIME);
            }
            return LocalTime.ofNanoOfDay(d.toNanos());
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toLocalTime();
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = NumericValues.text(v).trim();
            if (s.length() > 10 && s.charAt(4) == '-') {
                return parseDateTime(s, "java.sql.Time").toLocalTime();
            }
            try {
                return LocalTime.parse(s);
            } catch (DateTimeParseException e) {
                throw cannotParse(s, "java.sql.Time");
            }
        }
        throw NumericValues.unsupported(meta, "java.sql.Time");
    }

    static LocalDateTime toLocalDateTime(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof LocalDateTime dt) {
            return dt;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof LocalTime || v instanceof Duration) {
            return LocalDate.EPOCH.atTime(toLocalTime(v, meta));
        }
        if (v instanceof Long && meta.type() == MySqlType.YEAR) {
            return toLocalDate(v, meta).atStartOfDay();
        }
        if (v instanceof String || v instanceof byte[]) {
            String s = NumericValues.text(v).trim();
            return s.length() <= 10 ? parseDate(s).atStartOfDay() : parseDateTime(s, "java.sql.Timestamp");
        }
        throw NumericValues.unsupported(meta, "java.sql.Timestamp");
    }

    /** {@code getObject(column, Duration.class)}: a TIME as the duration it is. */
    static Duration toDuration(Object v, ColumnMeta meta) throws SQLException {
        if (v instanceof Duration d) {
            return d;
        }
        if (v instanceof LocalTime t) {
            return Duration.ofNanos(t.toNanoOfDay());
        }
        throw NumericValues.unsupported(meta, "java.time.Duration");
    }

    static Date toDate(Object v, ColumnMeta meta, Calendar cal) throws SQLException {
        LocalDate d = toLocalDate(v, meta);
        return cal == null ? Date.valueOf(d) : new Date(d.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
    }

    static Time toTime(Object v, ColumnMeta meta, Calendar cal) throws SQLException {
        LocalTime t = toLocalTime(v, meta);
        ZoneId zone = cal == null ? ZoneId.systemDefault() : zone(cal);
        return new Time(LocalDate.EPOCH.atTime(t).atZone(zone).toInstant().toEpochMilli());
    }

    static Timestamp toTimestamp(Object v, ColumnMeta meta, Calendar cal) throws SQLException {
        LocalDateTime dt = toLocalDateTime(v, meta);
        return cal == null ? Timestamp.valueOf(dt) : Timestamp.from(dt.atZone(zone(cal)).toInstant());
    }

    private static ZoneId zone(Calendar cal) {
        return cal.getTimeZone().toZoneId();
    }

    private static LocalDate parseDate(String s) throws SQLException {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw cannotParse(s, "java.sql.Date");
        }
    }

    private static LocalDateTime parseDateTime(String s, String javaType) throws SQLException {
        try {
            return LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            throw cannotParse(s, javaType);
        }
    }

    private static SQLException cannotParse(String s, String javaType) {
        return SqlExceptions.client("Cannot convert string '" + s + "' to " + javaType + " value",
                SqlExceptions.INVALID_DATETIME);
    }
}
