package io.flushdb.sql.exec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Adjusts a canonical value to the Java class its column's MySQL type promises (StatementResult's contract). */
public final class ResultValues {
    private ResultValues() {
    }

    public static Object adapt(Object v, ColumnMeta meta) {
        if (v == null) {
            return null;
        }
        return switch (meta.type()) {
            case BIGINT_UNSIGNED -> v instanceof BigInteger ? v
                    : v instanceof BigDecimal bd ? bd.toBigInteger() : BigInteger.valueOf(((Number) v).longValue());
            case TINYINT, TINYINT_UNSIGNED, SMALLINT, SMALLINT_UNSIGNED, MEDIUMINT, MEDIUMINT_UNSIGNED, INT,
                 INT_UNSIGNED, BIGINT, YEAR, BIT, BIT_FIELD -> v instanceof Long ? v
                    : v instanceof Boolean b ? (b ? 1L : 0L) : ((Number) v).longValue();
            case FLOAT, FLOAT_UNSIGNED -> v instanceof Float ? v : ((Number) v).floatValue();
            case DOUBLE, DOUBLE_UNSIGNED -> v instanceof Double ? v : ((Number) v).doubleValue();
            case DECIMAL, DECIMAL_UNSIGNED -> {
                BigDecimal bd = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
                yield bd.scale() == meta.scale() ? bd : bd.setScale(meta.scale(), RoundingMode.HALF_UP);
            }
            // A value of unknown type (a parameter returned as it came) reads as text; binary
            // strings stay bytes, so that INSERT ... SELECT ? stores them unchanged, and so do
            // booleans and integers (their text is the same), so that UPDATE ... SET bit_col = ?
            // stores a number, not the bytes of its text.
            case CHAR, VARCHAR, TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT, ENUM, SET, JSON -> v instanceof String || v instanceof byte[]
                    || v instanceof Boolean || v instanceof Long ? v
                    : v instanceof java.time.temporal.Temporal || v instanceof java.time.Duration
                    ? io.flushdb.sql.types.MySqlValues.literalText(v) // a parameter's own fraction
                    : io.flushdb.sql.types.MySqlValues.toText(v, meta);
            default -> v;
        };
    }
}
