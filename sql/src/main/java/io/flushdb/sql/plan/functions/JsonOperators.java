package io.flushdb.sql.plan.functions;

import io.flushdb.sql.json.JsonFunctions;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * MySQL's JSON functions as Calcite operators. They take any number of operands, so each is a
 * user-defined function whose body ({@link JsonFunctions}) receives its operands as one
 * {@code Object[]}. Functions that build documents from SQL values have a last operand more, the
 * bitmask of operands that are already JSON, which the translator writes as 0 and
 * {@code MySqlRewriter} fills in once operand types and origins are known ({@link #takesJsonMask}).
 */
public final class JsonOperators {
    private JsonOperators() {
    }

    private static RelDataType json(RelDataTypeFactory f) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE), true);
    }

    private static final SqlReturnTypeInference JSON = b -> json(b.getTypeFactory());
    /**
     * JSON_UNQUOTE's text: as long as its argument (MySQL's set_data_type_string(args[0]->max_length)),
     * a LONGTEXT for a document.
     */
    private static final SqlReturnTypeInference UNQUOTED = b -> textOf(b.getTypeFactory(), b.getOperandType(0), 1, 0);
    /** JSON_QUOTE's text: up to six characters per character of its argument, and the quotes. */
    private static final SqlReturnTypeInference QUOTED = b -> textOf(b.getTypeFactory(), b.getOperandType(0), 6, 2);

    private static RelDataType textOf(RelDataTypeFactory f, RelDataType arg, long perChar, long extra) {
        int p = arg.getPrecision();
        if (arg.getSqlTypeName() == SqlTypeName.NULL) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, (int) Math.max(1, extra)), true);
        }
        if (arg.getSqlTypeName().getFamily() != org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER || p <= 0
                || p == RelDataType.PRECISION_NOT_SPECIFIED || p * perChar + extra > 16383) {
            return json(f);
        }
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR, (int) (p * perChar + extra)), true);
    }
    private static final SqlReturnTypeInference SHORT_TEXT = b -> b.getTypeFactory().createTypeWithNullability(
            b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, 20), true);
    private static final SqlReturnTypeInference BIGINT = b -> b.getTypeFactory().createTypeWithNullability(
            b.getTypeFactory().createSqlType(SqlTypeName.BIGINT), true);

    public static final SqlUserDefinedFunction EXTRACT = op("MYSQL_JSON_EXTRACT", "extract", 2, JSON);
    public static final SqlUserDefinedFunction UNQUOTE = op("MYSQL_JSON_UNQUOTE", "unquote", 1, UNQUOTED);
    public static final SqlUserDefinedFunction TYPE = op("MYSQL_JSON_TYPE", "type", 1, SHORT_TEXT);
    public static final SqlUserDefinedFunction VALID = op("MYSQL_JSON_VALID", "valid", 1, BIGINT);
    public static final SqlUserDefinedFunction QUOTE = op("MYSQL_JSON_QUOTE", "quote", 1, QUOTED);
    public static final SqlUserDefinedFunction LENGTH = op("MYSQL_JSON_LENGTH", "length", 1, BIGINT);
    public static final SqlUserDefinedFunction DEPTH = op("MYSQL_JSON_DEPTH", "depth", 1, BIGINT);
    public static final SqlUserDefinedFunction KEYS = op("MYSQL_JSON_KEYS", "keys", 1, JSON);
    public static final SqlUserDefinedFunction CONTAINS = op("MYSQL_JSON_CONTAINS", "contains", 2, BIGINT);
    public static final SqlUserDefinedFunction CONTAINS_PATH = op("MYSQL_JSON_CONTAINS_PATH", "containsPath", 3, BIGINT);
    public static final SqlUserDefinedFunction OBJECT = op("MYSQL_JSON_OBJECT", "object", 1, JSON);
    public static final SqlUserDefinedFunction ARRAY = op("MYSQL_JSON_ARRAY", "array", 1, JSON);
    public static final SqlUserDefinedFunction CAST = op("MYSQL_JSON_CAST", "cast", 2, JSON);
    public static final SqlUserDefinedFunction SET = op("MYSQL_JSON_SET", "set", 4, JSON);
    public static final SqlUserDefinedFunction INSERT = op("MYSQL_JSON_INSERT", "insert", 4, JSON);
    public static final SqlUserDefinedFunction REPLACE = op("MYSQL_JSON_REPLACE", "replace", 4, JSON);
    public static final SqlUserDefinedFunction ARRAY_APPEND = op("MYSQL_JSON_ARRAY_APPEND", "arrayAppend", 4, JSON);
    public static final SqlUserDefinedFunction REMOVE = op("MYSQL_JSON_REMOVE", "remove", 2, JSON);
    /** MYSQL_JSON_COMPARE(a, b, mask): what a comparison with a JSON operand becomes. */
    public static final SqlUserDefinedFunction COMPARE = op("MYSQL_JSON_COMPARE", "compare", 3, BIGINT);

    /** MYSQL_JSON_BOX(x, mask): the JSON text of an aggregate's argument, never NULL. */
    public static final SqlUserDefinedFunction BOX = op("MYSQL_JSON_BOX", "box", 2,
            b -> b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE));

    /** JSON_ARRAYAGG(x). */
    public static final org.apache.calcite.sql.validate.SqlUserDefinedAggFunction ARRAYAGG =
            aggregate("MYSQL_JSON_ARRAYAGG", JsonFunctions.ArrayAgg.class, 1);

    /** JSON_OBJECTAGG(key, value). */
    public static final org.apache.calcite.sql.validate.SqlUserDefinedAggFunction OBJECTAGG =
            aggregate("MYSQL_JSON_OBJECTAGG", JsonFunctions.ObjectAgg.class, 2);

    private static org.apache.calcite.sql.validate.SqlUserDefinedAggFunction aggregate(String name, Class<?> body,
            int arity) {
        List<org.apache.calcite.sql.type.SqlTypeFamily> families = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            families.add(org.apache.calcite.sql.type.SqlTypeFamily.ANY);
        }
        return new org.apache.calcite.sql.validate.SqlUserDefinedAggFunction(
                new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, JSON, MySqlOperators.UNKNOWN_OPERANDS,
                org.apache.calcite.sql.type.OperandTypes.operandMetadata(families, f -> {
                    List<RelDataType> types = new ArrayList<>();
                    for (int i = 0; i < arity; i++) {
                        types.add(f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true));
                    }
                    return types;
                }, i -> "arg" + i, i -> false),
                org.apache.calcite.schema.impl.AggregateFunctionImpl.create(body), false, false,
                org.apache.calcite.util.Optionality.FORBIDDEN);
    }

    /** Operators whose value is a JSON document (a JSON column's kind of value). */
    private static final Set<SqlOperator> RETURNS_JSON = Set.of(EXTRACT, KEYS, OBJECT, ARRAY, CAST, SET, INSERT,
            REPLACE, ARRAY_APPEND, REMOVE, ARRAYAGG, OBJECTAGG);

    /** Operators with a last operand that is the mask of JSON operands. */
    private static final Set<SqlOperator> TAKES_MASK = Set.of(OBJECT, ARRAY, CAST, SET, INSERT, REPLACE,
            ARRAY_APPEND, COMPARE, BOX);

    public static boolean returnsJson(SqlOperator op) {
        return RETURNS_JSON.contains(op);
    }

    public static boolean takesJsonMask(SqlOperator op) {
        return TAKES_MASK.contains(op);
    }

    /** Every operator, for the validator's operator table. */
    public static List<SqlOperator> all() {
        return List.of(EXTRACT, UNQUOTE, TYPE, VALID, QUOTE, LENGTH, DEPTH, KEYS, CONTAINS, CONTAINS_PATH, OBJECT,
                ARRAY, CAST, SET, INSERT, REPLACE, ARRAY_APPEND, REMOVE, COMPARE, ARRAYAGG, OBJECTAGG, BOX);
    }

    private static SqlUserDefinedFunction op(String name, String method, int minOperands, SqlReturnTypeInference returns) {
        Method m;
        try {
            m = JsonFunctions.class.getMethod(method, Object[].class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returns,
                MySqlOperators.UNKNOWN_OPERANDS, new AnyOperands(minOperands), new VariadicFunction(m));
    }

    /** Any number (at least a minimum) of operands of any type; the bodies check them. */
    private record AnyOperands(int min) implements SqlOperandMetadata {
        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            return Collections.emptyList();
        }

        @Override
        public List<String> paramNames() {
            return Collections.emptyList();
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding callBinding, boolean throwOnFailure) {
            return true;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.from(min);
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return opName + "(...)";
        }
    }

    /** A body taking {@code Object[]}: generated code boxes every operand into one array. */
    private record VariadicFunction(Method method) implements ScalarFunction, ImplementableFunction {
        @Override
        public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
            return json(typeFactory);
        }

        @Override
        public List<FunctionParameter> getParameters() {
            return Collections.emptyList();
        }

        @Override
        public CallImplementor getImplementor() {
            return (translator, call, nullAs) -> {
                List<Type> objects = new ArrayList<>();
                for (int i = 0; i < call.getOperands().size(); i++) {
                    objects.add(Object.class);
                }
                List<Expression> args = translator.translateList(call.getOperands(), objects);
                List<Expression> boxed = new ArrayList<>();
                for (Expression e : args) {
                    boxed.add(Expressions.convert_(Expressions.box(e), Object.class));
                }
                Expression result = Expressions.call(method, Expressions.newArrayInit(Object.class, boxed));
                Class<?> javaClass = call.getType().getSqlTypeName() == SqlTypeName.BIGINT ? Long.class : String.class;
                return Expressions.convert_(result, javaClass);
            };
        }
    }
}
