package io.flushdb.sql.plan;

import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.types.TypeMapping;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit conversions plus MySQL's for TIME. A MySQL TIME is an INTERVAL DAY TO SECOND
 * in Calcite ({@link TypeMapping#timeType}), which Calcite will not compare with text or with its
 * own TIME; MySQL compares {@code t > '12:00:00'} by reading the text as a time. So when one side
 * of a comparison, IN list or BETWEEN is a TIME and another is text or a Calcite TIME, that side
 * becomes {@code MYSQL_TIME(side)}.
 */
final class MySqlTypeCoercion extends TypeCoercionImpl {
    MySqlTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
        super(typeFactory, validator);
    }

    @Override
    public boolean binaryComparisonCoercion(SqlCallBinding binding) {
        return timeOperands(binding) || binaryLiteralsAsNumbers(binding) || super.binaryComparisonCoercion(binding);
    }

    @Override
    public boolean binaryArithmeticCoercion(SqlCallBinding binding) {
        return binaryLiteralsAsNumbers(binding) || super.binaryArithmeticCoercion(binding);
    }

    /**
     * A hex or bit literal (X'0F', b'101') next to a number is a number, as in MySQL's numeric
     * context: the unsigned big-endian value of its bytes.
     */
    private boolean binaryLiteralsAsNumbers(SqlCallBinding binding) {
        SqlCall call = binding.getCall();
        if (call.operandCount() != 2) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < 2; i++) {
            RelDataType other = binding.getOperandType(1 - i);
            if (call.operand(i) instanceof org.apache.calcite.sql.SqlLiteral lit
                    && lit.getTypeName() == SqlTypeName.BINARY
                    && org.apache.calcite.sql.type.SqlTypeUtil.isNumeric(other)) {
                byte[] b = lit.getValueAs(org.apache.calcite.util.BitString.class).getAsByteArray();
                java.math.BigInteger v = new java.math.BigInteger(1, b);
                org.apache.calcite.sql.SqlNode n = org.apache.calcite.sql.SqlLiteral.createExactNumeric(v.toString(),
                        SqlParserPos.ZERO);
                if (v.bitLength() < 64) {
                    n = io.flushdb.sql.plan.SqlNodeTranslator.cast(n, SqlTypeName.BIGINT);
                }
                call.setOperand(i, n);
                updateInferredType(n, v.bitLength() < 64 ? factory.createSqlType(SqlTypeName.BIGINT)
                        : factory.createSqlType(SqlTypeName.DECIMAL, 20, 0));
                changed = true;
            }
        }
        return changed;
    }

    @Override
    public boolean inOperationCoercion(SqlCallBinding binding) {
        SqlCall call = binding.getCall();
        if (call.operandCount() == 2 && call.operand(1) instanceof SqlNodeList list
                && TypeMapping.isTime(binding.getOperandType(0))) {
            boolean changed = false;
            for (int i = 0; i < list.size(); i++) {
                SqlNode item = list.get(i);
                if (convertible(validator.deriveType(binding.getScope(), item))) {
                    list.set(i, toTime(binding.getScope(), item));
                    changed = true;
                }
            }
            if (changed) {
                return true;
            }
        }
        return super.inOperationCoercion(binding);
    }

    /** Converts text and Calcite TIME operands of a call that has a MySQL TIME operand. */
    private boolean timeOperands(SqlCallBinding binding) {
        SqlCall call = binding.getCall();
        boolean anyTime = false;
        for (int i = 0; i < call.operandCount(); i++) {
            anyTime |= TypeMapping.isTime(binding.getOperandType(i));
        }
        if (!anyTime) {
            return false;
        }
        boolean changed = false;
        for (int i = 0; i < call.operandCount(); i++) {
            if (convertible(binding.getOperandType(i))) {
                call.setOperand(i, toTime(binding.getScope(), call.operand(i)));
                changed = true;
            }
        }
        return changed;
    }

    private static boolean convertible(RelDataType t) {
        return t.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER || t.getSqlTypeName() == SqlTypeName.TIME;
    }

    private SqlNode toTime(SqlValidatorScope scope, SqlNode operand) {
        SqlNode converted = MySqlOperators.TIME_VALUE.createCall(SqlParserPos.ZERO, operand);
        updateInferredType(converted, factory.createTypeWithNullability(TypeMapping.timeType(factory), true));
        return converted;
    }
}
