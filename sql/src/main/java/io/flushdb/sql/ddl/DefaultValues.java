package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.types.MySqlValues;
import io.flushdb.sql.types.StoreValues;
import io.flushdb.sql.types.Temporal;
import io.flushdb.storage.dict.ColumnDef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Column defaults: their text as MySQL shows it, and the value an INSERT stores for an omitted column. */
public final class DefaultValues {
    private DefaultValues() {
    }

    /** The text MySQL shows for a stored value of column {@code c} (COLUMN_DEFAULT, SHOW CREATE TABLE). */
    public static String textOfStored(ColumnDef c, Object stored) {
        if (stored == null) {
            return null;
        }
        switch (c.type()) {
            case BIT -> {
                return "b'" + Long.toBinaryString((Long) stored) + "'";
            }
            case ENUM -> {
                return io.flushdb.sql.types.EnumSetValues.enumText(c, (Long) stored);
            }
            case SET -> {
                return io.flushdb.sql.types.EnumSetValues.setText(c, (Long) stored);
            }
            default -> {
            }
        }
        return switch (c.type().encoding()) {
            case INT -> String.valueOf(c.unsigned() && c.type().intWidth() == 8
                    ? Long.toUnsignedString((Long) stored) : stored);
            case FLOAT -> MySqlValues.formatFloat((Float) stored);
            case DOUBLE -> MySqlValues.formatDouble((Double) stored);
            case DECIMAL -> ((BigDecimal) stored).toPlainString();
            case STRING -> (String) stored;
            case BYTES -> new String((byte[]) stored, StandardCharsets.UTF_8);
            case DATE -> MySqlValues.formatDate(LocalDate.ofEpochDay((Integer) stored));
            case DATETIME -> MySqlValues.formatDateTime(Temporal.fromMicros((Long) stored), c.fsp());
            case TIMESTAMP -> MySqlValues.formatDateTime(Temporal.fromMicros((Long) stored), c.fsp());
            case TIME -> MySqlValues.formatTime(Temporal.timeFromMicros((Long) stored), c.fsp());
        };
    }

    /**
     * The stored value an INSERT uses for column {@code c} when it gives none: the literal default,
     * the current time, NULL, or (for a NOT NULL column without default) error 1364 in strict mode
     * and the type's implicit default otherwise.
     */
    public static Object storedDefault(ColumnDef c, StoreValues.Context ctx, LocalDateTime now) {
        return switch (c.defaultKind()) {
            case NULL -> null;
            case LITERAL -> c.type() == io.flushdb.storage.dict.ColumnType.BIT
                    ? StoreValues.coerce(c, bitLiteral(c.defaultValue()), ctx)
                    : c.type().encoding() == io.flushdb.storage.dict.ColumnType.Encoding.TIMESTAMP
                    ? StoreValues.coerce(c, c.defaultValue(), new StoreValues.Context(true, 1, ZoneId.of("UTC"), null))
                    : StoreValues.coerce(c, c.defaultValue(), ctx);
            case CURRENT_TIMESTAMP -> StoreValues.coerce(c, io.flushdb.sql.exec.QueryExecutor.atPrecision(now, c.fsp()), ctx);
            case NONE -> {
                if (ctx.strict()) {
                    throw MySqlError.ER_NO_DEFAULT_FOR_FIELD.raise(c.name());
                }
                if (ctx.warnings() != null) {
                    ctx.warnings().accept(new io.flushdb.sql.exec.SqlWarning("Warning",
                            MySqlError.ER_NO_DEFAULT_FOR_FIELD.code, MySqlError.ER_NO_DEFAULT_FOR_FIELD.raise(c.name())
                                    .getMessage()));
                }
                yield implicitDefault(c, ctx);
            }
        };
    }

    /**
     * A BIT column's default as written or kept ({@code b'101'}, {@code 0b101}, {@code X'05'},
     * {@code 0x05}, or a number) as the value to store: a Long, or the text itself if it is none of these.
     */
    public static Object bitLiteral(String text) {
        String t = text.trim();
        String u = t.toLowerCase(java.util.Locale.ROOT);
        try {
            if (u.startsWith("b'") && u.endsWith("'")) {
                String digits = t.substring(2, t.length() - 1);
                return digits.isEmpty() ? 0L : Long.parseUnsignedLong(digits, 2);
            }
            if (u.startsWith("0b")) {
                return Long.parseUnsignedLong(t.substring(2), 2);
            }
            if (u.startsWith("x'") && u.endsWith("'")) {
                String digits = t.substring(2, t.length() - 1);
                return digits.isEmpty() ? 0L : Long.parseUnsignedLong(digits, 16);
            }
            if (u.startsWith("0x")) {
                return Long.parseUnsignedLong(t.substring(2), 16);
            }
            if (u.matches("[+-]?\\d+")) {
                return Long.parseLong(t);
            }
        } catch (NumberFormatException e) {
            return text;
        }
        return text;
    }

    /**
     * MySQL's implicit default of a column, stored form: 0, the empty string (BINARY(n): n zero
     * bytes); for temporal types epoch day 0 / 0 µs, where MySQL has its zero date.
     */
    public static Object implicitDefault(ColumnDef c, StoreValues.Context ctx) {
        if (c.type() == io.flushdb.storage.dict.ColumnType.ENUM) {
            return 1L; // an ENUM's implicit default is its first member
        }
        if (c.type() == io.flushdb.storage.dict.ColumnType.JSON) {
            return "null"; // a JSON column's implicit default is the JSON null literal
        }
        return switch (c.type().encoding()) {
            case INT -> 0L;
            case FLOAT -> 0f;
            case DOUBLE -> 0d;
            case DECIMAL -> BigDecimal.ZERO.setScale(c.scale());
            case STRING -> "";
            case BYTES -> new byte[c.type() == io.flushdb.storage.dict.ColumnType.BINARY ? (int) c.length() : 0];
            case DATE -> 0;
            case DATETIME, TIME -> 0L;
            case TIMESTAMP -> 0L;
        };
    }
}
