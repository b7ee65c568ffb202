package io.flushdb.sql.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type derivation adjusted to MySQL: DECIMAL up to 65 digits and 30 decimals, SUM of
 * exact values as DECIMAL (so it cannot overflow), AVG with four more decimals
 * (div_precision_increment), and mixed CHAR/VARCHAR results as VARCHAR (MySQL never pads).
 */
public final class MySqlTypeSystem extends RelDataTypeSystemImpl {
    public static final MySqlTypeSystem INSTANCE = new MySqlTypeSystem();
    /** MySQL's div_precision_increment. */
    public static final int DIV_PRECISION_INCREMENT = 4;
    /** DECIMAL's most digits and most decimals. */
    public static final int MAX_DECIMAL_PRECISION = 65;
    public static final int MAX_DECIMAL_SCALE = 30;

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> MAX_DECIMAL_PRECISION;
            case VARCHAR, CHAR, VARBINARY, BINARY -> Integer.MAX_VALUE;
            case TIMESTAMP, TIME, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 6;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_SCALE : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType)) {
            // Integers are summed as DECIMAL(20,0) (see MySqlRewriter), so both derive one type.
            boolean decimal = SqlTypeUtil.isDecimal(argumentType);
            int scale = decimal ? argumentType.getScale() : 0;
            int precision = Math.min(65, (decimal ? argumentType.getPrecision() : 20) + 22);
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, precision, scale),
                    argumentType.isNullable());
        }
        if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
        }
        return super.deriveSumType(f, argumentType);
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType)) {
            int scale = Math.min(30, (SqlTypeUtil.isDecimal(argumentType) ? argumentType.getScale() : 0)
                    + DIV_PRECISION_INCREMENT);
            int precision = Math.min(65, argumentType.getPrecision() + DIV_PRECISION_INCREMENT);
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, precision, scale), true);
        }
        if (SqlTypeUtil.isApproximateNumeric(argumentType)) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), true);
        }
        return super.deriveAvgAggType(f, argumentType);
    }

    @Override
    public boolean isSchemaCaseSensitive() {
        return false;
    }
}
