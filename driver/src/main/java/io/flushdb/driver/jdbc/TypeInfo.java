package io.flushdb.driver.jdbc;

import io.flushdb.sql.types.MySqlType;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code DatabaseMetaData.getTypeInfo}: one row per column type FlushDB stores, named and numbered
 * as result metadata names them ({@link MySqlType}), ordered by {@code DATA_TYPE} as JDBC asks.
 */
final class TypeInfo {
    private static final String COLUMNS = "TYPE_NAME s, DATA_TYPE i, PRECISION i, LITERAL_PREFIX s, LITERAL_SUFFIX s, "
            + "CREATE_PARAMS s, NULLABLE h, CASE_SENSITIVE b, SEARCHABLE h, UNSIGNED_ATTRIBUTE b, FIXED_PREC_SCALE b, "
            + "AUTO_INCREMENT b, LOCAL_TYPE_NAME s, MINIMUM_SCALE h, MAXIMUM_SCALE h, SQL_DATA_TYPE i, "
            + "SQL_DATETIME_SUB i, NUM_PREC_RADIX i";

    private TypeInfo() {
    }

    static MetaResult result() {
        List<MySqlType> types = new ArrayList<>();
        for (MySqlType t : MySqlType.values()) {
            if (t != MySqlType.NULL && t != MySqlType.DECIMAL_UNSIGNED && t != MySqlType.FLOAT_UNSIGNED
                    && t != MySqlType.DOUBLE_UNSIGNED && t != MySqlType.BIT_FIELD) {
                types.add(t);
            }
        }
        types.sort(Comparator.comparingInt(MySqlType::jdbcType)); // stable: declaration order within a code
        MetaResult r = MetaResult.of(COLUMNS);
        for (MySqlType t : types) {
            boolean numeric = t.isInteger() || t == MySqlType.DECIMAL || t == MySqlType.FLOAT || t == MySqlType.DOUBLE;
            boolean quoted = t.isString() || t.isBinary() || t.isTemporal();
            int maxScale = t == MySqlType.DECIMAL ? 30 : t == MySqlType.TIME || t == MySqlType.DATETIME
                    || t == MySqlType.TIMESTAMP ? 6 : 0;
            // ENUM and SET read as CHAR in result metadata, but Connector/J lists them by their own names.
            String name = t == MySqlType.ENUM || t == MySqlType.SET ? t.name() : t.typeName();
            r.row(name, t.jdbcType(), precision(t), quoted ? "'" : null, quoted ? "'" : null, createParams(t),
                    DatabaseMetaData.typeNullable, t.isBinary(), DatabaseMetaData.typeSearchable,
                    numeric && !t.isUnsigned() ? Boolean.FALSE : Boolean.valueOf(t.isUnsigned()), false,
                    t.isInteger() && t != MySqlType.YEAR, name, 0, maxScale, 0, 0, 10);
        }
        return r;
    }

    /** Maximum precision: digits for numbers, characters (or bytes) for strings, display width for temporals. */
    static long precision(MySqlType t) {
        return switch (t) {
            case BIT, BIT_FIELD -> 1;
            case ENUM -> 65535;
            case SET -> 64;
            case JSON -> 1073741824;
            case TINYINT, TINYINT_UNSIGNED -> 3;
            case SMALLINT, SMALLINT_UNSIGNED -> 5;
            case MEDIUMINT -> 7;
            case MEDIUMINT_UNSIGNED -> 8;
            case INT, INT_UNSIGNED -> 10;
            case BIGINT -> 19;
            case BIGINT_UNSIGNED -> 20;
            case DECIMAL, DECIMAL_UNSIGNED -> 65;
            case FLOAT, FLOAT_UNSIGNED -> 12;
            case DOUBLE, DOUBLE_UNSIGNED -> 22;
            case CHAR, BINARY, TINYTEXT, TINYBLOB -> 255;
            case VARCHAR, VARBINARY, TEXT, BLOB -> 65535;
            case MEDIUMTEXT, MEDIUMBLOB -> 16777215;
            case LONGTEXT, LONGBLOB -> Integer.MAX_VALUE;
            case DATE -> 10;
            case TIME -> 15;
            case DATETIME, TIMESTAMP -> 26;
            case YEAR -> 4;
            case NULL -> 0;
        };
    }

    private static String createParams(MySqlType t) {
        if (t.isInteger() && t != MySqlType.YEAR) {
            return "[(M)] [UNSIGNED] [ZEROFILL]";
        }
        return switch (t) {
            case DECIMAL, FLOAT, DOUBLE -> "[(M[,D])] [UNSIGNED] [ZEROFILL]";
            case CHAR, BINARY -> "[(M)]";
            case VARCHAR, VARBINARY -> "(M)";
            case TIME, DATETIME, TIMESTAMP -> "[(fsp)]";
            default -> "";
        };
    }
}
