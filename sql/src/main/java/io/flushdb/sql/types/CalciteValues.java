package io.flushdb.sql.types;

import io.flushdb.storage.dict.ColumnDef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Conversions between the three forms a value takes in the SQL layer: stored (as the storage
 * engine keeps it), Calcite's internal form (what generated code computes with: Long, BigDecimal,
 * Double, String, ByteString, Integer days for DATE, Long milliseconds for TIMESTAMP, Integer
 * milliseconds for TIME, signed and not limited to a day as MySQL's TIME is not), and canonical (what statements return: see
 * {@link io.flushdb.sql.exec.StatementResult}).
 */
public final class CalciteValues {
    private CalciteValues() {
    }

    /** A stored value of column {@code c} in Calcite's form ({@code zone}: the session time zone). */
    public static Object fromStored(ColumnDef c, Object v, ZoneId zone) {
        if (v == null) {
            return null;
        }
        switch (c.type()) {
            case ENUM -> {
                return EnumSetValues.enumText(c, (Long) v);
            }
            case SET -> {
                return EnumSetValues.setText(c, (Long) v);
            }
            case BIT -> {
                long bits = (Long) v;
                return c.length() < 64 ? v : new BigDecimal(new BigInteger(Long.toUnsignedString(bits)));
            }
            default -> {
            }
        }
        return switch (c.type().encoding()) {
            case INT -> c.unsigned() && c.type().intWidth() == 8
                    ? new BigDecimal(new BigInteger(Long.toUnsignedString((Long) v))) : v;
            case FLOAT -> ((Float) v).doubleValue();
            case DOUBLE, DECIMAL, STRING -> v;
            case BYTES -> new ByteString((byte[]) v);
            case DATE -> v;
            case DATETIME -> Math.floorDiv((Long) v, 1000L);
            case TIMESTAMP -> {
                long micros = (Long) v;
                Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
                yield Math.floorDiv(micros, 1000L) + zone.getRules().getOffset(at).getTotalSeconds() * 1000L;
            }
            case TIME -> Math.floorDiv((Long) v, 1000L); // INTERVAL DAY TO SECOND: signed milliseconds
        };
    }

    /** A Calcite value of type {@code t} in canonical form. */
    public static Object toCanonical(RelDataType t, Object v) {
        if (v == null) {
            return null;
        }
        SqlTypeName n = t.getSqlTypeName();
        switch (n) {
            case BOOLEAN:
                return ((Boolean) v) ? 1L : 0L;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return ((Number) v).longValue();
            case DECIMAL: {
                BigDecimal bd = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
                if (t.getScale() >= 0 && t.getScale() != RelDataType.SCALE_NOT_SPECIFIED && bd.scale() != t.getScale()) {
                    bd = bd.setScale(t.getScale(), RoundingMode.HALF_UP);
                }
                return bd;
            }
            case REAL:
            case FLOAT:
                return ((Number) v).floatValue();
            case DOUBLE:
                return ((Number) v).doubleValue();
            case CHAR:
            case VARCHAR:
                return v.toString();
            case BINARY:
            case VARBINARY:
                return v instanceof ByteString bs ? bs.getBytes() : v;
            case DATE:
                return LocalDate.ofEpochDay(((Number) v).longValue());
            case TIMESTAMP:
                return LocalDateTime.ofEpochSecond(Math.floorDiv(((Number) v).longValue(), 1000L),
                        (int) Math.floorMod(((Number) v).longValue(), 1000L) * 1_000_000, ZoneOffset.UTC);
            case TIME: // a Calcite time of day (CURRENT_TIME), in int milliseconds
            case INTERVAL_DAY_SECOND: // a MySQL TIME (TypeMapping.timeType), in long milliseconds
                return java.time.Duration.ofMillis(((Number) v).longValue());
            default:
                return v;
        }
    }

    /**
     * A bound parameter (any JDBC value) in Calcite's form for a parameter the validator typed
     * {@code t}. Returns {@link #INEXACT} when the value cannot be represented exactly (the caller
     * then treats the comparison as unmatchable).
     */
    public static Object toCalcite(RelDataType t, Object v, ZoneId zone) {
        if (v == null) {
            return null;
        }
        v = canonicalInput(v);
        SqlTypeName n = t.getSqlTypeName();
        switch (n) {
            case BOOLEAN:
                if (v instanceof Boolean) {
                    return v;
                }
                return toBigDecimal(v).signum() != 0;
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT: {
                BigDecimal bd = toBigDecimal(v);
                long l = bd.setScale(0, RoundingMode.HALF_UP).longValue();
                return switch (n) {
                    case TINYINT -> (byte) l;
                    case SMALLINT -> (short) l;
                    case INTEGER -> (int) l;
                    default -> l;
                };
            }
            case DECIMAL:
                return toBigDecimal(v);
            case REAL:
            case FLOAT:
                return toBigDecimal(v).floatValue();
            case DOUBLE:
                return v instanceof Double d ? d : v instanceof Float f ? (double) f : toBigDecimal(v).doubleValue();
            case CHAR:
            case VARCHAR:
                if (v instanceof byte[] b) {
                    return new String(b, StandardCharsets.UTF_8);
                }
                if (v instanceof Double d) {
                    return MySqlValues.formatDouble(d);
                }
                return v instanceof String s ? s : MySqlValues.literalText(v);
            case BINARY:
            case VARBINARY:
                return new ByteString(v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8));
            case DATE: {
                LocalDate d = v instanceof LocalDate ld ? ld : v instanceof LocalDateTime ldt ? ldt.toLocalDate()
                        : Temporal.parseDate(v.toString());
                if (d == null) {
                    LocalDateTime dt = Temporal.parseDateTime(v.toString());
                    d = dt == null ? null : dt.toLocalDate();
                }
                return d == null ? null : (int) d.toEpochDay();
            }
            case TIMESTAMP: {
                LocalDateTime dt = v instanceof LocalDateTime ldt ? ldt : v instanceof LocalDate ld ? ld.atStartOfDay()
                        : Temporal.parseDateTime(v.toString());
                if (dt == null) {
                    LocalDate d = Temporal.parseDate(v.toString());
                    dt = d == null ? null : d.atStartOfDay();
                }
                return dt == null ? null : dt.toInstant(ZoneOffset.UTC).toEpochMilli();
            }
            case TIME: {
                Long millis = timeMillis(v);
                return millis == null ? null : (int) Math.floorMod(millis, 86_400_000L);
            }
            case INTERVAL_DAY_SECOND:
                return timeMillis(v);
            default:
                return v;
        }
    }

    /** A TIME value (LocalTime, Duration, LocalDateTime or text) in milliseconds; null if not one. */
    private static Long timeMillis(Object v) {
        if (v instanceof LocalTime lt) {
            return lt.toNanoOfDay() / 1_000_000L;
        }
        if (v instanceof java.time.Duration d) {
            return d.toMillis();
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toLocalTime().toNanoOfDay() / 1_000_000L;
        }
        Long micros = Temporal.parseTimeMicros(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString());
        return micros == null ? null : Math.floorDiv(micros, 1000L);
    }

    /** Marker for a value that has no exact representation. */
    public static final Object INEXACT = new Object();

    /** JDBC's legacy date/time classes and other inputs in canonical form. */
    public static Object canonicalInput(Object v) {
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (v instanceof java.sql.Time t) {
            return t.toLocalTime();
        }
        if (v instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneId.systemDefault());
        }
        if (v instanceof Character c) {
            return c.toString();
        }
        if (v instanceof ByteString bs) {
            return bs.getBytes();
        }
        if (v instanceof java.time.OffsetDateTime odt) {
            return odt.atZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (v instanceof java.time.ZonedDateTime zdt) {
            return zdt.withZoneSameInstant(ZoneId.systemDefault()).toLocalDateTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneId.systemDefault());
        }
        return v;
    }

    private static BigDecimal toBigDecimal(Object v) {
        if (v instanceof BigDecimal bd) {
            return bd;
        }
        if (v instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Number num) {
            double d = num.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : BigDecimal.ZERO;
        }
        if (v instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        BigDecimal parsed = StoreValues.parseLeadingNumber(v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8)
                : v.toString().trim());
        return parsed == null ? BigDecimal.ZERO : parsed;
    }
}
