package io.flushdb.sql.types;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.Collation;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL column types as Calcite types. Every integer type up to INT UNSIGNED is Calcite BIGINT
 * (MySQL computes integer arithmetic in 64 bits), BIGINT UNSIGNED is DECIMAL(20,0), FLOAT and
 * DOUBLE are DOUBLE, text is VARCHAR in UTF-8, binary types are VARBINARY, DATETIME and
 * TIMESTAMP are TIMESTAMP(3), TIME is INTERVAL DAY TO SECOND (see {@link #timeType}).
 */
public final class TypeMapping {
    private static final String COLLATION_PREFIX = "UTF-8$en_US$";

    private TypeMapping() {
    }

    /** The Calcite type of column {@code c}. */
    public static RelDataType relType(RelDataTypeFactory f, ColumnDef c) {
        RelDataType t = switch (c.type()) {
            case TINYINT, BOOLEAN, SMALLINT, MEDIUMINT, INT, YEAR -> f.createSqlType(SqlTypeName.BIGINT);
            case BIGINT -> c.unsigned() ? f.createSqlType(SqlTypeName.DECIMAL, 20, 0) : f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT, DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
            case CHAR, VARCHAR -> text(f, (int) c.length(), c.collation());
            case TINYTEXT, TEXT, MEDIUMTEXT, LONGTEXT -> text(f, (int) Math.min(Integer.MAX_VALUE, c.type().lobMaxLength()),
                    c.collation());
            case BINARY, VARBINARY -> f.createSqlType(SqlTypeName.VARBINARY, (int) c.length());
            case TINYBLOB, BLOB, MEDIUMBLOB, LONGBLOB -> f.createSqlType(SqlTypeName.VARBINARY,
                    (int) Math.min(Integer.MAX_VALUE, c.type().lobMaxLength()));
            case DATE -> f.createSqlType(SqlTypeName.DATE);
            case TIME -> timeType(f);
            case DATETIME, TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
            // BIT: its bits as a number (BIT(64) may need all 64); the metadata says BIT.
            case BIT -> c.length() < 64 ? f.createSqlType(SqlTypeName.BIGINT) : f.createSqlType(SqlTypeName.DECIMAL, 20, 0);
            // ENUM and SET read as their text; numeric contexts and sorts use the index (MySqlRewriter).
            case ENUM -> text(f, (int) Math.max(1, ColumnTypes.enumMaxLength(c)), c.collation());
            case SET -> text(f, (int) Math.max(1, ColumnTypes.setMaxLength(c)), c.collation());
            case JSON -> text(f, Integer.MAX_VALUE, c.collation());
        };
        return f.createTypeWithNullability(t, c.nullable());
    }

    /**
     * MySQL's TIME in Calcite: an INTERVAL DAY TO SECOND (a signed count of milliseconds), because
     * Calcite's TIME is a time of day in an {@code int} of milliseconds and cannot hold MySQL's
     * range of -838:59:59 to 838:59:59. Comparisons with text and with Calcite TIME values convert
     * those to this type ({@code MySqlTypeCoercion}).
     */
    public static RelDataType timeType(RelDataTypeFactory f) {
        return f.createSqlIntervalType(TIME_QUALIFIER);
    }

    /** The interval qualifier of {@link #timeType}: DAY(3) TO SECOND(3). */
    public static final org.apache.calcite.sql.SqlIntervalQualifier TIME_QUALIFIER =
            new org.apache.calcite.sql.SqlIntervalQualifier(org.apache.calcite.avatica.util.TimeUnit.DAY, 3,
                    org.apache.calcite.avatica.util.TimeUnit.SECOND, 3, org.apache.calcite.sql.parser.SqlParserPos.ZERO);

    /** Whether {@code t} is {@link #timeType}'s kind: a MySQL TIME value in Calcite. */
    public static boolean isTime(RelDataType t) {
        return t.getSqlTypeName() == SqlTypeName.INTERVAL_DAY_SECOND;
    }

    /**
     * A VARCHAR in UTF-8. The MySQL collation is not part of the Calcite type (Calcite would only
     * compare with Java collators, and casts drop it); comparisons take it from the column they
     * read (see {@code MySqlRewriter}).
     */
    public static RelDataType text(RelDataTypeFactory f, int length, Collation collation) {
        return length < 0 ? f.createSqlType(SqlTypeName.VARCHAR) : f.createSqlType(SqlTypeName.VARCHAR, length);
    }
}
