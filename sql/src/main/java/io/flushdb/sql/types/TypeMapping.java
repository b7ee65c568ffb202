package io.flushdb.sql.types;

import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.Collation;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCollation;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL column types as Calcite types. Every integer type up to INT UNSIGNED is Calcite BIGINT
 * (MySQL computes integer arithmetic in 64 bits), BIGINT UNSIGNED is DECIMAL(20,0), FLOAT and
 * DOUBLE are DOUBLE, text is VARCHAR in UTF-8 carrying the column's MySQL collation by name (see
 * {@link #collationOf}), binary types are VARBINARY, DATETIME and TIMESTAMP are TIMESTAMP(3), TIME
 * is TIME(3).
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
            case TIME -> f.createSqlType(SqlTypeName.TIME, 3);
            case DATETIME, TIMESTAMP -> f.createSqlType(SqlTypeName.TIMESTAMP, 3);
        };
        return f.createTypeWithNullability(t, c.nullable());
    }

    /** A VARCHAR in UTF-8 carrying MySQL collation {@code collation}. */
    public static RelDataType text(RelDataTypeFactory f, int length, Collation collation) {
        RelDataType t = length < 0 ? f.createSqlType(SqlTypeName.VARCHAR) : f.createSqlType(SqlTypeName.VARCHAR, length);
        return f.createTypeWithCharsetAndCollation(t, StandardCharsets.UTF_8, sqlCollation(collation));
    }

    /**
     * The Calcite collation for a MySQL one: no Java collator (so Calcite compares plainly), but the
     * MySQL collation's name kept in the strength slot, where {@link #collationOf} finds it.
     */
    public static SqlCollation sqlCollation(Collation c) {
        return new SqlCollation(COLLATION_PREFIX + c.mysqlName(), SqlCollation.Coercibility.IMPLICIT);
    }

    /**
     * The MySQL collation a character type compares with: the one its Calcite collation names, or
     * {@code fallback} (the connection collation) for literals and computed text.
     */
    public static Collation collationOf(RelDataType t, Collation fallback) {
        SqlCollation c = t.getCollation();
        if (c != null) {
            String name = c.getCollationName();
            int i = name.lastIndexOf('$');
            Collation found = Collation.byName(name.substring(i + 1).toLowerCase(Locale.ROOT));
            if (found != null) {
                return found;
            }
        }
        return fallback;
    }
}
