package io.flushdb.sql.catalog;

import io.flushdb.sql.types.ColumnTypes;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.IndexDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column as MySQL 8.0 describes it in {@code information_schema.COLUMNS}, and so in
 * {@code SHOW [FULL] COLUMNS} and {@code DESCRIBE} (which MySQL 8.0 answers from that view) and in
 * {@code DatabaseMetaData.getColumns}. The one place that derives these figures from a
 * {@link ColumnDef}; the lengths, precisions and scales follow MySQL's data dictionary
 * ({@code sql/dd/dd_table.cc}: {@code get_field_numeric_precision} and friends, and the
 * {@code INTERNAL_DD_CHAR_LENGTH} of the COLUMNS view).
 *
 * @param name                   column name
 * @param ordinal                position in the table, from 1
 * @param defaultText            COLUMN_DEFAULT: the literal's text, {@code CURRENT_TIMESTAMP[(fsp)]}, or null
 * @param nullable               whether NULL is allowed
 * @param dataType               DATA_TYPE: the type name alone, lower case ({@code int}, {@code varchar})
 * @param characterMaximumLength CHARACTER_MAXIMUM_LENGTH: characters (bytes for binary types); null for others
 * @param characterOctetLength   CHARACTER_OCTET_LENGTH: bytes; null for non-string types
 * @param numericPrecision       NUMERIC_PRECISION; null for non-numeric types
 * @param numericScale           NUMERIC_SCALE; null for non-numeric types and FLOAT/DOUBLE without (M,D)
 * @param datetimePrecision      DATETIME_PRECISION: fractional seconds of TIME, DATETIME, TIMESTAMP; else null
 * @param characterSetName       CHARACTER_SET_NAME of text columns, else null
 * @param collationName          COLLATION_NAME of text columns, else null
 * @param columnType             COLUMN_TYPE ({@code int unsigned}, {@code varchar(20)})
 * @param columnKey              COLUMN_KEY: PRI, UNI, MUL or ""
 * @param extra                  EXTRA: {@code auto_increment}, {@code DEFAULT_GENERATED}, ...
 * @param privileges             PRIVILEGES (every session has them all)
 * @param comment                COLUMN_COMMENT
 * @param def                    the dictionary column described
 */
public record ColumnDescription(String name, int ordinal, String defaultText, boolean nullable, String dataType,
                                Long characterMaximumLength, Long characterOctetLength, Long numericPrecision,
                                Long numericScale, Long datetimePrecision, String characterSetName,
                                String collationName, String columnType, String columnKey, String extra,
                                String privileges, String comment, ColumnDef def) {

    /** PRIVILEGES as MySQL shows them to a user holding every privilege on the table. */
    public static final String ALL_PRIVILEGES = "select,insert,update,references";

    /** Bytes per character of the only character set, utf8mb4. */
    private static final int MAX_BYTES_PER_CHAR = 4;

    /** Every column of a table with these {@code indexes} (empty for a view), in order. */
    public static List<ColumnDescription> of(List<ColumnDef> columns, List<IndexDef> indexes) {
        String[] keys = columnKeys(columns, indexes);
        List<ColumnDescription> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            out.add(of(columns.get(i), i + 1, keys[i]));
        }
        return out;
    }

    private static ColumnDescription of(ColumnDef c, int ordinal, String key) {
        boolean text = c.type().isString() || c.type() == ColumnType.ENUM || c.type() == ColumnType.SET;
        return new ColumnDescription(c.name(), ordinal, defaultText(c), c.nullable(), dataType(c),
                characterMaximumLength(c), characterOctetLength(c), numericPrecision(c), numericScale(c),
                datetimePrecision(c), text ? "utf8mb4" : null, text && c.collation() != null ? c.collation().mysqlName() : null,
                ColumnTypes.columnType(c), key, extra(c), ALL_PRIVILEGES, c.comment(), c);
    }

    /** COLUMN_DEFAULT (and SHOW COLUMNS' Default, JDBC's COLUMN_DEF). */
    public static String defaultText(ColumnDef c) {
        return switch (c.defaultKind()) {
            case LITERAL -> c.defaultValue();
            case CURRENT_TIMESTAMP -> "CURRENT_TIMESTAMP" + (c.fsp() > 0 ? "(" + c.fsp() + ")" : "");
            default -> null;
        };
    }

    /** EXTRA (and SHOW COLUMNS' Extra). */
    public static String extra(ColumnDef c) {
        if (c.isGenerated()) {
            return c.extra().storedGenerated() ? "STORED GENERATED" : "VIRTUAL GENERATED";
        }
        if (c.autoIncrement()) {
            return "auto_increment";
        }
        String onUpdate = c.onUpdateCurrentTimestamp()
                ? "on update CURRENT_TIMESTAMP" + (c.fsp() > 0 ? "(" + c.fsp() + ")" : "") : "";
        if (c.defaultKind() == ColumnDef.DefaultKind.CURRENT_TIMESTAMP) {
            return onUpdate.isEmpty() ? "DEFAULT_GENERATED" : "DEFAULT_GENERATED " + onUpdate;
        }
        return onUpdate;
    }

    /** DATA_TYPE: COLUMN_TYPE without its length and attributes. */
    public static String dataType(ColumnDef c) {
        return c.type() == ColumnType.BOOLEAN ? "tinyint" : c.type().name().toLowerCase(Locale.ROOT);
    }

    /** The most bytes a value of a string or binary column takes (MySQL's {@code char_length} in the dictionary). */
    private static long maxBytes(ColumnDef c) {
        if (c.type().isLob()) {
            return c.type().lobMaxLength();
        }
        return c.type().isString() ? c.length() * MAX_BYTES_PER_CHAR : c.length();
    }

    public static Long characterMaximumLength(ColumnDef c) {
        if (c.type() == ColumnType.ENUM) {
            return ColumnTypes.enumMaxLength(c);
        }
        if (c.type() == ColumnType.SET) {
            return ColumnTypes.setMaxLength(c);
        }
        if (c.type().isString()) {
            return maxBytes(c) / MAX_BYTES_PER_CHAR;
        }
        return c.type().isBinary() ? maxBytes(c) : null;
    }

    public static Long characterOctetLength(ColumnDef c) {
        if (c.type() == ColumnType.ENUM || c.type() == ColumnType.SET) {
            return characterMaximumLength(c) * MAX_BYTES_PER_CHAR;
        }
        return c.type().isString() || c.type().isBinary() ? maxBytes(c) : null;
    }

    public static Long numericPrecision(ColumnDef c) {
        return switch (c.type()) {
            case TINYINT, BOOLEAN -> 3L;
            case SMALLINT -> 5L;
            case MEDIUMINT -> 7L;
            case INT -> 10L;
            case BIGINT -> c.unsigned() ? 20L : 19L;
            case DECIMAL -> (long) c.precision();
            case FLOAT -> c.precision() > 0 ? c.precision() : 12L;
            case DOUBLE -> c.precision() > 0 ? c.precision() : 22L;
            case BIT -> c.length();
            default -> null;
        };
    }

    public static Long numericScale(ColumnDef c) {
        return switch (c.type()) {
            case TINYINT, BOOLEAN, SMALLINT, MEDIUMINT, INT, BIGINT -> 0L;
            case DECIMAL -> (long) c.scale();
            case FLOAT, DOUBLE -> c.precision() > 0 ? (long) c.scale() : null;
            default -> null;
        };
    }

    public static Long datetimePrecision(ColumnDef c) {
        return switch (c.type()) {
            case TIME, DATETIME, TIMESTAMP -> (long) c.fsp();
            default -> null;
        };
    }

    /**
     * COLUMN_KEY of each column, as MySQL's data dictionary assigns it: indexes are taken in
     * MySQL's key order ({@link KeyPartDescription#mysqlKeyOrder}); the primary key (or, in a table
     * without one, the first unique index whose columns are all NOT NULL, which InnoDB uses as
     * such) marks all its columns PRI; a unique index marks its first column UNI if it has one
     * column, else MUL; any other index marks its first column MUL. A column keeps the first mark
     * it gets.
     */
    static String[] columnKeys(List<ColumnDef> columns, List<IndexDef> indexes) {
        String[] keys = new String[columns.size()];
        java.util.Arrays.fill(keys, "");
        IndexDef primary = KeyPartDescription.effectivePrimary(columns, indexes);
        for (IndexDef ix : KeyPartDescription.mysqlKeyOrder(columns, indexes)) {
            int[] cols = ix.columns();
            for (int k = 0; k < cols.length; k++) {
                if (!keys[cols[k]].isEmpty()) {
                    continue;
                }
                if (ix == primary) {
                    keys[cols[k]] = "PRI";
                } else if (k == 0) {
                    keys[cols[k]] = ix.kind() == IndexDef.Kind.UNIQUE && cols.length == 1 ? "UNI" : "MUL";
                }
            }
        }
        return keys;
    }
}
