package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * {@code getObject}: the Java class a column's values come back as by default, which is
 * Connector/J 8.0.24+'s (and 9's) with its default settings, and the conversions of
 * {@code getObject(column, Class)}.
 *
 * <table>
 *   <caption>Default classes</caption>
 *   <tr><th>MySQL type</th><th>class</th></tr>
 *   <tr><td>BIT(1), BOOLEAN (TINYINT(1))</td><td>Boolean</td></tr>
 *   <tr><td>BIT(M), M &gt; 1</td><td>byte[] (big-endian, ceil(M/8) bytes)</td></tr>
 *   <tr><td>ENUM, SET, JSON</td><td>String</td></tr>
 *   <tr><td>TINYINT, SMALLINT, MEDIUMINT (signed or not), INT</td><td>Integer</td></tr>
 *   <tr><td>INT UNSIGNED, BIGINT</td><td>Long</td></tr>
 *   <tr><td>BIGINT UNSIGNED</td><td>BigInteger</td></tr>
 *   <tr><td>DECIMAL</td><td>BigDecimal</td></tr>
 *   <tr><td>FLOAT / DOUBLE</td><td>Float / Double</td></tr>
 *   <tr><td>CHAR, VARCHAR, TEXT</td><td>String</td></tr>
 *   <tr><td>BINARY, VARBINARY, BLOB</td><td>byte[]</td></tr>
 *   <tr><td>DATE, YEAR (yearIsDateType)</td><td>java.sql.Date</td></tr>
 *   <tr><td>TIME</td><td>java.sql.Time (an error outside 00:00:00..23:59:59; ask for Duration)</td></tr>
 *   <tr><td>DATETIME</td><td>java.time.LocalDateTime</td></tr>
 *   <tr><td>TIMESTAMP</td><td>java.sql.Timestamp</td></tr>
 * </table>
 */
final class ObjectValues {
    private ObjectValues() {
    }

    /** {@code ResultSetMetaData.getColumnClassName}: the class {@link #toDefault} returns. */
    static String className(ColumnMeta meta) {
        return switch (meta.type()) {
            case BIT -> Boolean.class.getName();
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT ->
                    Integer.class.getName();
            case INT_UNSIGNED, BIGINT -> Long.class.getName();
            case BIGINT_UNSIGNED -> BigInteger.class.getName();
            case DECIMAL, DECIMAL_UNSIGNED -> BigDecimal.class.getName();
            case FLOAT, FLOAT_UNSIGNED -> Float.class.getName();
            case DOUBLE, DOUBLE_UNSIGNED -> Double.class.getName();
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> String.class.getName();
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> byte[].class.getName();
            case DATE, YEAR -> java.sql.Date.class.getName();
            case TIME -> Time.class.getName();
            case DATETIME -> LocalDateTime.class.getName();
            case TIMESTAMP -> Timestamp.class.getName();
            case NULL -> Object.class.getName();
            case BIT_FIELD -> meta.length() <= 1 ? Boolean.class.getName() : byte[].class.getName();
            case ENUM, SET, JSON -> String.class.getName();
        };
    }

    /** The value as {@code getObject(column)} returns it (non-null {@code v}). */
    static Object toDefault(Object v, ColumnMeta meta) throws SQLException {
        return switch (meta.type()) {
            case BIT -> NumericValues.toBoolean(v, meta);
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT ->
                    (int) NumericValues.toLong(v, meta, Integer.MIN_VALUE, Integer.MAX_VALUE, "java.lang.Integer");
            case INT_UNSIGNED, BIGINT -> NumericValues.toLong(v, meta, Long.MIN_VALUE, Long.MAX_VALUE, "java.lang.Long");
            case BIGINT_UNSIGNED -> NumericValues.toBigInteger(v, meta);
            case DECIMAL, DECIMAL_UNSIGNED -> NumericValues.toBigDecimal(v, meta, "java.math.BigDecimal");
            case FLOAT, FLOAT_UNSIGNED -> NumericValues.toFloat(v, meta);
            case DOUBLE, DOUBLE_UNSIGNED -> NumericValues.toDouble(v, meta);
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> TextValues.toText(v, meta);
            case BINARY, VARBINARY, TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> TextValues.toBytes(v, meta);
            case DATE, YEAR -> TemporalValues.toDate(v, meta, null);
            case TIME -> TemporalValues.toTime(v, meta, null);
            case DATETIME -> TemporalValues.toLocalDateTime(v, meta);
            case TIMESTAMP -> TemporalValues.toTimestamp(v, meta, null);
            case NULL -> null;
            // Connector/J: a single bit reads as Boolean, a longer BIT as its bytes.
            case BIT_FIELD -> meta.length() <= 1 ? NumericValues.toBoolean(v, meta) : TextValues.toBytes(v, meta);
            case ENUM, SET, JSON -> TextValues.toText(v, meta);
        };
    }

    /**
     * {@code getObject(column, type)} for non-null {@code v}: boxed numbers, BigInteger, String,
     * byte[], the {@code java.sql} and {@code java.time} date-time classes (zoned ones in the JVM's
     * default zone), Blob, Clob, and any class the default value is an instance of.
     */
    static <T> T convert(Object v, ColumnMeta meta, Class<T> type) throws SQLException {
        return type.cast(convertUnchecked(v, meta, type));
    }

    private static Object convertUnchecked(Object v, ColumnMeta meta, Class<?> type) throws SQLException {
        if (type == String.class) {
            return TextValues.toText(v, meta);
        } else if (type == Integer.class) {
            return (int) NumericValues.toLong(v, meta, Integer.MIN_VALUE, Integer.MAX_VALUE, "java.lang.Integer");
        } else if (type == Long.class) {
            return NumericValues.toLong(v, meta, Long.MIN_VALUE, Long.MAX_VALUE, "java.lang.Long");
        } else if (type == Short.class) {
            return (short) NumericValues.toLong(v, meta, Short.MIN_VALUE, Short.MAX_VALUE, "java.lang.Short");
        } else if (type == Byte.class) {
            return (byte) NumericValues.toLong(v, meta, Byte.MIN_VALUE, Byte.MAX_VALUE, "java.lang.Byte");
        } else if (type == Boolean.class) {
            return NumericValues.toBoolean(v, meta);
        } else if (type == Float.class) {
            return NumericValues.toFloat(v, meta);
        } else if (type == Double.class) {
            return NumericValues.toDouble(v, meta);
        } else if (type == BigDecimal.class) {
            return NumericValues.toBigDecimal(v, meta, "java.math.BigDecimal");
        } else if (type == BigInteger.class) {
            return NumericValues.toBigInteger(v, meta);
        } else if (type == byte[].class) {
            return TextValues.toBytes(v, meta);
        } else if (type == LocalDate.class) {
            return TemporalValues.toLocalDate(v, meta);
        } else if (type == LocalTime.class) {
            return TemporalValues.toLocalTime(v, meta);
        } else if (type == LocalDateTime.class) {
            return TemporalValues.toLocalDateTime(v, meta);
        } else if (type == OffsetDateTime.class) {
            return TemporalValues.toLocalDateTime(v, meta).atZone(ZoneId.systemDefault()).toOffsetDateTime();
        } else if (type == ZonedDateTime.class) {
            return TemporalValues.toLocalDateTime(v, meta).atZone(ZoneId.systemDefault());
        } else if (type == Instant.class) {
            return TemporalValues.toLocalDateTime(v, meta).atZone(ZoneId.systemDefault()).toInstant();
        } else if (type == Duration.class) {
            return TemporalValues.toDuration(v, meta);
        } else if (type == OffsetTime.class) {
            LocalTime t = TemporalValues.toLocalTime(v, meta);
            return t.atOffset(ZoneId.systemDefault().getRules().getOffset(LocalDate.now().atTime(t)));
        } else if (type == java.sql.Date.class) {
            return TemporalValues.toDate(v, meta, null);
        } else if (type == Time.class) {
            return TemporalValues.toTime(v, meta, null);
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return TemporalValues.toTimestamp(v, meta, null);
        } else if (type == Blob.class) {
            return TextValues.blob(v, meta);
        } else if (type == Clob.class) {
            return TextValues.clob(v, meta);
        }
        Object dflt = toDefault(v, meta);
        if (type.isInstance(dflt)) {
            return dflt;
        }
        throw SqlExceptions.illegalArgument("Conversion not supported for type " + type.getName());
    }
}
