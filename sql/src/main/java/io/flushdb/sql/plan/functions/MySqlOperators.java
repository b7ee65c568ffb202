package io.flushdb.sql.plan.functions;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.util.ListSqlOperatorTable;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;

/**
 * The operators FlushDB adds to Calcite's for MySQL semantics, each a user-defined function whose
 * return type follows MySQL and whose body is a method of {@link MySqlFunctions}.
 */
public final class MySqlOperators {
    /**
     * Operand type inference for MySQL's functions: a {@code ?} operand takes no type from the
     * function (Calcite's usual choice, the function's return type, would read {@code LENGTH(?)}'s
     * parameter as a number and {@code x LIKE ?}'s as a boolean); the validator types it from its
     * value instead (QueryCompiler's MySqlValidator).
     */
    public static final org.apache.calcite.sql.type.SqlOperandTypeInference UNKNOWN_OPERANDS =
            (binding, returnType, operandTypes) -> java.util.Arrays.fill(operandTypes, binding.getValidator().getUnknownType());

    private MySqlOperators() {
    }

    /** {@code a / b}: DECIMAL(p1 + s2 + 4, s1 + 4) for exact operands, DOUBLE otherwise; nullable (x / 0 is NULL). */
    public static final SqlUserDefinedFunction DIVIDE = udf("MYSQL_DIVIDE", "divide", 2, b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType x = b.getOperandType(0);
        RelDataType y = b.getOperandType(1);
        if (SqlTypeUtil.isExactNumeric(x) && SqlTypeUtil.isExactNumeric(y)) {
            int s1 = SqlTypeUtil.isDecimal(x) ? x.getScale() : 0;
            int s2 = SqlTypeUtil.isDecimal(y) ? y.getScale() : 0;
            int p1 = x.getPrecision();
            int scale = Math.min(30, s1 + 4);
            int precision = Math.min(65, Math.max(scale + 1, p1 - s1 + s2 + scale));
            return nullable(f, f.createSqlType(SqlTypeName.DECIMAL, precision, scale));
        }
        return nullable(f, f.createSqlType(SqlTypeName.DOUBLE));
    });

    /** {@code a / b} in INSERT/UPDATE values: as {@link #DIVIDE}, but x / 0 is error 1365. */
    public static final SqlUserDefinedFunction DIVIDE_STRICT = udf("MYSQL_DIVIDE_STRICT", "divideStrict", 2,
            b -> DIVIDE.getReturnTypeInference().inferReturnType(b));

    /** {@code a DIV b} in INSERT/UPDATE values. */
    public static final SqlUserDefinedFunction INT_DIVIDE_STRICT = udf("MYSQL_INT_DIVIDE_STRICT", "intDivideStrict", 2,
            b -> nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));

    /** BIGINT +, -, * checked for overflow (the rewriter gives each call its type). */
    public static final SqlUserDefinedFunction CHECKED_ARITHMETIC = udf("MYSQL_CHECKED", "checked", 3,
            b -> b.getOperandType(0));

    /** The UTF-8 bytes of a text value, for comparing with binary strings. */
    public static final SqlUserDefinedFunction TO_BYTES = udf("MYSQL_TO_BYTES", "toBytes", 1,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.VARBINARY),
                    b.getOperandType(0).isNullable()));

    /**
     * MYSQL_TIME(x): x as a MySQL TIME ({@code TypeMapping.timeType}): text is parsed as MySQL
     * does ('-1:30:00', '838:59:59', '1 02:00:00'; NULL if not a time), a Calcite time of day
     * converts. The rewriter gives a DATETIME argument its time of day first.
     */
    public static final SqlUserDefinedFunction TIME_VALUE = udf("MYSQL_TIME", "timeValue", 1,
            b -> b.getTypeFactory().createTypeWithNullability(io.flushdb.sql.types.TypeMapping.timeType(b.getTypeFactory()),
                    true));

    /** HEX(x). */
    public static final SqlUserDefinedFunction HEX = udf("HEX", "hex", 1, b -> {
        // Two digits per byte: a binary string's length in bytes, text's in UTF-8 (up to 4 per character).
        RelDataType x = b.getOperandType(0);
        long digits = switch (x.getSqlTypeName().getFamily() == null ? SqlTypeFamily.ANY : x.getSqlTypeName().getFamily()) {
            case BINARY -> 2L * Math.max(1, x.getPrecision());
            case CHARACTER -> 8L * Math.max(1, x.getPrecision());
            default -> 16;
        };
        RelDataType t = b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, (int) Math.min(Integer.MAX_VALUE, digits));
        return b.getTypeFactory().createTypeWithNullability(t, x.isNullable());
    });

    /** UNHEX(s). */
    public static final SqlUserDefinedFunction UNHEX = udf("UNHEX", "unhex", 1,
            b -> nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.VARBINARY)));

    /** ROUND(x, d): BIGINT for integers, DECIMAL with d decimals (when d is a literal), DOUBLE otherwise. */
    public static final SqlUserDefinedFunction ROUND = udf("MYSQL_ROUND", "round", 2, MySqlOperators::roundType);

    /** TRUNCATE(x, d), typed as ROUND. */
    public static final SqlUserDefinedFunction TRUNCATE = udf("MYSQL_TRUNCATE", "truncate", 2, MySqlOperators::roundType);

    private static RelDataType roundType(SqlOperatorBinding b) {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType x = b.getOperandType(0);
        boolean nullable = x.isNullable() || b.getOperandType(1).isNullable();
        if (SqlTypeUtil.isExactNumeric(x) && !SqlTypeUtil.isDecimal(x)) {
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), nullable);
        }
        if (SqlTypeUtil.isDecimal(x)) {
            Integer d = b.isOperandLiteral(1, true) ? b.getOperandLiteralValue(1, Integer.class) : null;
            int scale = d == null ? x.getScale() : Math.max(0, Math.min(30, d));
            int precision = Math.min(65, x.getPrecision() - x.getScale() + scale + 1);
            return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DECIMAL, precision, scale), nullable);
        }
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), nullable);
    }

    /** {@code a DIV b}: BIGINT, nullable. */
    public static final SqlUserDefinedFunction INT_DIVIDE = udf("MYSQL_INT_DIVIDE", "intDivide", 2,
            b -> nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.BIGINT)));

    /** {@code a % b}: the wider operand type, nullable. */
    public static final SqlUserDefinedFunction MOD = udf("MYSQL_MOD", "mod", 2, b -> {
        RelDataTypeFactory f = b.getTypeFactory();
        RelDataType x = b.getOperandType(0);
        RelDataType y = b.getOperandType(1);
        if (SqlTypeUtil.isExactNumeric(x) && SqlTypeUtil.isExactNumeric(y)) {
            if (!SqlTypeUtil.isDecimal(x) && !SqlTypeUtil.isDecimal(y)) {
                return nullable(f, f.createSqlType(SqlTypeName.BIGINT));
            }
            int s = Math.max(x.getScale(), y.getScale());
            int p = Math.min(65, Math.max(x.getPrecision() - x.getScale(), y.getPrecision() - y.getScale()) + s);
            return nullable(f, f.createSqlType(SqlTypeName.DECIMAL, p, s));
        }
        return nullable(f, f.createSqlType(SqlTypeName.DOUBLE));
    });

    /** {@code a % b} in INSERT/UPDATE values. */
    public static final SqlUserDefinedFunction MOD_STRICT = udf("MYSQL_MOD_STRICT", "modStrict", 2,
            b -> MOD.getReturnTypeInference().inferReturnType(b));

    /** LENGTH(s): bytes, BIGINT. */
    public static final SqlUserDefinedFunction LENGTH = udf("MYSQL_LENGTH", "byteLength", 1,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                    b.getOperandType(0).isNullable()));

    /** MYSQL_SORT_KEY(s, collation id): the collation key of a text value. */
    public static final SqlUserDefinedFunction SORT_KEY = udf("MYSQL_SORT_KEY", "sortKey", 2,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR),
                    b.getOperandType(0).isNullable()));

    /** MYSQL_LIKE(s, pattern, escape, collation id): collation-aware LIKE. */
    public static final SqlUserDefinedFunction LIKE = udf("MYSQL_LIKE", "like", 4,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.BOOLEAN),
                    b.getOperandType(0).isNullable() || b.getOperandType(1).isNullable()));

    private static RelDataType nullable(RelDataTypeFactory f, RelDataType t) {
        return f.createTypeWithNullability(t, true);
    }

    private static SqlUserDefinedFunction udf(String name, String method, int arity, SqlReturnTypeInference returns) {
        return udf(MySqlFunctions.class, name, method, arity, returns);
    }

    private static SqlUserDefinedFunction udf(Class<?> body, String name, String method, int arity,
            SqlReturnTypeInference returns) {
        ScalarFunctionImpl impl = (ScalarFunctionImpl) ScalarFunctionImpl.create(body, method);
        List<SqlTypeFamily> families = new ArrayList<>();
        for (int i = 0; i < arity; i++) {
            families.add(SqlTypeFamily.ANY);
        }
        return new SqlUserDefinedFunction(new SqlIdentifier(name, SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION, returns,
                UNKNOWN_OPERANDS,
                OperandTypes.operandMetadata(families,
                        f -> {
                            List<RelDataType> types = new ArrayList<>();
                            for (int i = 0; i < arity; i++) {
                                types.add(f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true));
                            }
                            return types;
                        },
                        i -> "arg" + i, i -> false),
                impl);
    }

    /**
     * MYSQL_FIRST(x): the value of x in the first row of each group, as a group's shown value in
     * MySQL (a GROUP BY or UNION on text that ignores case shows one row's spelling, the first).
     */
    public static final org.apache.calcite.sql.validate.SqlUserDefinedAggFunction FIRST =
            new org.apache.calcite.sql.validate.SqlUserDefinedAggFunction(
                    new SqlIdentifier("MYSQL_FIRST", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                    org.apache.calcite.sql.type.ReturnTypes.ARG0, UNKNOWN_OPERANDS,
                    OperandTypes.operandMetadata(List.of(SqlTypeFamily.ANY),
                            f -> List.of(f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true)),
                            i -> "arg" + i, i -> false),
                    org.apache.calcite.schema.impl.AggregateFunctionImpl.create(MySqlFunctions.First.class),
                    false, false, org.apache.calcite.util.Optionality.FORBIDDEN);


    /**
     * MYSQL_GROUP_CONCAT(value, key, separator, max_len, distinct): GROUP_CONCAT's aggregate
     * (body in {@link MySqlFunctions.GroupConcat}). {@code key} is what DISTINCT compares (the
     * value's collation key for text, set by the rewriter); {@code max_len} is
     * group_concat_max_len when the statement was planned (a literal: plans are cached by it), and
     * the result is a VARCHAR of that length (the operand is that number as text,
     * typed VARCHAR(max_len)). WITHIN GROUP (ORDER BY ...) orders the values.
     */
    public static final org.apache.calcite.sql.validate.SqlUserDefinedAggFunction GROUP_CONCAT =
            new org.apache.calcite.sql.validate.SqlUserDefinedAggFunction(
                    new SqlIdentifier("MYSQL_GROUP_CONCAT", SqlParserPos.ZERO), SqlKind.OTHER_FUNCTION,
                    // max_len is passed as text whose type's length is that number, so the aggregate's
                    // type can be derived from operand types alone (all an aggregate's binding has).
                    b -> nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR,
                            b.getOperandType(3).getPrecision())),
                    UNKNOWN_OPERANDS,
                    OperandTypes.operandMetadata(java.util.Collections.nCopies(5, SqlTypeFamily.ANY),
                            f -> java.util.Collections.nCopies(5, f.createTypeWithNullability(f.createSqlType(SqlTypeName.ANY), true)),
                            i -> "arg" + i, i -> false),
                    org.apache.calcite.schema.impl.AggregateFunctionImpl.create(MySqlFunctions.GroupConcat.class),
                    false, false, org.apache.calcite.util.Optionality.OPTIONAL);

    // ---- date and time (bodies in TemporalFunctions) -----------------------------------------

    private static RelDataType nullableOf(SqlOperatorBinding b, SqlTypeName t) {
        return nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(t));
    }

    private static RelDataType datetimeType(SqlOperatorBinding b) {
        return nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.TIMESTAMP, 3));
    }

    private static SqlUserDefinedFunction temporal(String name, String method, int arity, SqlReturnTypeInference returns) {
        return udf(TemporalFunctions.class, name, method, arity, returns);
    }

    /** DATE_FORMAT(dt, format): VARCHAR. */
    public static final SqlUserDefinedFunction DATE_FORMAT = temporal("MYSQL_DATE_FORMAT", "dateFormat", 2,
            b -> nullableOf(b, SqlTypeName.VARCHAR));

    /** STR_TO_DATE(s, format, kind): DATE, TIME or DATETIME as the constant format says (kind). */
    public static final SqlUserDefinedFunction STR_TO_DATE = temporal("MYSQL_STR_TO_DATE", "strToDate", 3, b -> {
        int kind = b.getOperandLiteralValue(2, Integer.class);
        return switch (kind) {
            case TemporalFunctions.RESULT_DATE -> nullableOf(b, SqlTypeName.DATE);
            case TemporalFunctions.RESULT_TIME -> nullable(b.getTypeFactory(),
                    io.flushdb.sql.types.TypeMapping.timeType(b.getTypeFactory()));
            default -> datetimeType(b);
        };
    });

    /** DATEDIFF(a, b): BIGINT. */
    public static final SqlUserDefinedFunction DATEDIFF = temporal("MYSQL_DATEDIFF", "dateDiff", 2,
            b -> nullableOf(b, SqlTypeName.BIGINT));

    /** TIMESTAMPDIFF(unit, a, b): BIGINT. */
    public static final SqlUserDefinedFunction TIMESTAMPDIFF = temporal("MYSQL_TIMESTAMPDIFF", "timestampDiff", 3,
            b -> nullableOf(b, SqlTypeName.BIGINT));

    /**
     * DATE_ADD(dt, amount, unit, sign, kind): a DATE plus days or more stays a DATE, a DATE plus
     * time and a DATETIME give a DATETIME, a TIME gives a TIME, text and numbers give CHAR text.
     * The rewriter sets kind from this type.
     */
    public static final SqlUserDefinedFunction DATE_ADD = temporal("MYSQL_DATE_ADD", "dateAdd", 5, b -> {
        RelDataType x = b.getOperandType(0);
        String unit = b.getOperandLiteralValue(2, String.class);
        if (x.getSqlTypeName() == SqlTypeName.DATE) {
            return TemporalFunctions.isDateUnit(unit) ? nullableOf(b, SqlTypeName.DATE) : datetimeType(b);
        }
        if (x.getSqlTypeName() == SqlTypeName.TIMESTAMP) {
            return datetimeType(b);
        }
        if (io.flushdb.sql.types.TypeMapping.isTime(x)) {
            // A TIME plus hours or less stays a TIME; plus a unit with days it becomes a DATETIME.
            return unit.contains("DAY") || TemporalFunctions.isDateUnit(unit) ? datetimeType(b)
                    : nullable(b.getTypeFactory(), io.flushdb.sql.types.TypeMapping.timeType(b.getTypeFactory()));
        }
        // Text in, text out: MySQL types it as a CHAR of the longest DATETIME's width.
        return nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.CHAR, 29));
    });

    /** UNIX_TIMESTAMP(dt, withFraction): BIGINT, or DECIMAL(17,6) with a fraction. */
    public static final SqlUserDefinedFunction UNIX_TIMESTAMP = temporal("MYSQL_UNIX_TIMESTAMP", "unixTimestamp", 2,
            b -> b.getOperandLiteralValue(1, Integer.class) == 0 ? nullableOf(b, SqlTypeName.BIGINT)
                    : nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.DECIMAL, 17, 6)));

    /** FROM_UNIXTIME(n): DATETIME. */
    public static final SqlUserDefinedFunction FROM_UNIXTIME = temporal("MYSQL_FROM_UNIXTIME", "fromUnixTime", 1,
            MySqlOperators::datetimeType);

    /** DAYOFWEEK, WEEKDAY, DAYOFYEAR, QUARTER, TO_DAYS, WEEK, YEARWEEK...: MYSQL_DATE_PART(dt, part, mode), BIGINT. */
    public static final SqlUserDefinedFunction DATE_PART = temporal("MYSQL_DATE_PART", "datePart", 3,
            b -> nullableOf(b, SqlTypeName.BIGINT));

    /** DAYNAME (0) and MONTHNAME (1): VARCHAR. */
    public static final SqlUserDefinedFunction DATE_NAME = temporal("MYSQL_DATE_NAME", "dateName", 2,
            b -> nullableOf(b, SqlTypeName.VARCHAR));

    /** LAST_DAY(dt): DATE. */
    public static final SqlUserDefinedFunction LAST_DAY = temporal("MYSQL_LAST_DAY", "lastDay", 1,
            b -> nullableOf(b, SqlTypeName.DATE));

    /** FROM_DAYS(n): DATE. */
    public static final SqlUserDefinedFunction FROM_DAYS = temporal("MYSQL_FROM_DAYS", "fromDays", 1,
            b -> nullableOf(b, SqlTypeName.DATE));

    /** MAKEDATE(year, dayofyear): DATE. */
    public static final SqlUserDefinedFunction MAKEDATE = temporal("MYSQL_MAKEDATE", "makeDate", 2,
            b -> nullableOf(b, SqlTypeName.DATE));

    /** A TIME argument of a date function, on today's date (the rewriter adds it). */
    public static final SqlUserDefinedFunction TIME_ON_TODAY = temporal("MYSQL_TIME_ON_TODAY", "timeOnToday", 1,
            MySqlOperators::datetimeType);

    /** The date functions whose listed operands the rewriter turns into DATETIME milliseconds or text. */
    public static int[] temporalOperands(org.apache.calcite.sql.SqlOperator op) {
        if (op == DATE_FORMAT || op == UNIX_TIMESTAMP || op == DATE_PART || op == DATE_NAME || op == LAST_DAY
                || op == DATE_ADD) {
            return new int[] {0};
        }
        if (op == DATEDIFF) {
            return new int[] {0, 1};
        }
        if (op == TIMESTAMPDIFF) {
            return new int[] {1, 2};
        }
        return null;
    }

    /** LOCATE(sub, s, pos, collation id): the 1-based position of sub in s from pos, 0 if absent; BIGINT. */
    public static final SqlUserDefinedFunction LOCATE = udf("MYSQL_LOCATE", "locate", 4,
            b -> nullableOf(b, SqlTypeName.BIGINT));

    /** MYSQL_NUMBER_TEXT(x): a DECIMAL or DOUBLE as MySQL writes it as text (the rewriter's, for casts). */
    public static final SqlUserDefinedFunction NUMBER_TEXT = udf("MYSQL_NUMBER_TEXT", "numberText", 1,
            b -> nullable(b.getTypeFactory(), b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR)));

    /** The table of these operators, for the validator. */
    public static ListSqlOperatorTable table() {
        ListSqlOperatorTable t = new ListSqlOperatorTable();
        t.add(DIVIDE);
        t.add(INT_DIVIDE);
        t.add(MOD);
        t.add(LENGTH);
        t.add(SORT_KEY);
        t.add(LIKE);
        t.add(DIVIDE_STRICT);
        t.add(INT_DIVIDE_STRICT);
        t.add(MOD_STRICT);
        t.add(CHECKED_ARITHMETIC);
        t.add(TO_BYTES);
        t.add(HEX);
        t.add(TIME_VALUE);
        t.add(UNHEX);
        t.add(ROUND);
        t.add(TRUNCATE);
        for (SqlUserDefinedFunction f : List.of(DATE_FORMAT, STR_TO_DATE, DATEDIFF, TIMESTAMPDIFF, DATE_ADD, UNIX_TIMESTAMP,
                FROM_UNIXTIME, DATE_PART, DATE_NAME, LAST_DAY, FROM_DAYS, MAKEDATE, TIME_ON_TODAY, LOCATE)) {
            t.add(f);
        }
        t.add(org.apache.calcite.sql.fun.SqlLibraryOperators.GREATEST);
        t.add(org.apache.calcite.sql.fun.SqlLibraryOperators.LEAST);
        // MySQL has them; Calcite files them under other libraries' tables.
        t.add(org.apache.calcite.sql.fun.SqlLibraryOperators.LPAD);
        t.add(org.apache.calcite.sql.fun.SqlLibraryOperators.RPAD);
        t.add(GROUP_CONCAT);
        for (SqlUserDefinedFunction f : List.of(ENUM_INDEX, SET_MASK, BIN, FIND_IN_SET)) {
            t.add(f);
        }
        for (org.apache.calcite.sql.SqlOperator f : JsonOperators.all()) {
            t.add(f);
        }
        return t;
    }


    // ---- BIT, ENUM, SET (bodies in TypeFunctions) ---------------------------------------------

    private static RelDataType nullableBigint(SqlOperatorBinding b) {
        return b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                b.getOperandType(0).isNullable());
    }

    /** MYSQL_ENUM_INDEX(text, members, collation): an ENUM value's index (its value in numeric contexts and sorts). */
    public static final SqlUserDefinedFunction ENUM_INDEX = udf(TypeFunctions.class, "MYSQL_ENUM_INDEX", "enumIndex", 3,
            MySqlOperators::nullableBigint);

    /** MYSQL_SET_MASK(text, members, collation): a SET value's bitmask. */
    public static final SqlUserDefinedFunction SET_MASK = udf(TypeFunctions.class, "MYSQL_SET_MASK", "setMask", 3,
            MySqlOperators::nullableBigint);

    /** BIN(n). */
    public static final SqlUserDefinedFunction BIN = udf(TypeFunctions.class, "BIN", "bin", 1,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.VARCHAR, 64),
                    b.getOperandType(0).isNullable()));

    /** FIND_IN_SET(s, list, collation): the rewriter fills in the collation. */
    public static final SqlUserDefinedFunction FIND_IN_SET = udf(TypeFunctions.class, "MYSQL_FIND_IN_SET", "findInSet", 3,
            b -> b.getTypeFactory().createTypeWithNullability(b.getTypeFactory().createSqlType(SqlTypeName.BIGINT),
                    b.getOperandType(0).isNullable() || b.getOperandType(1).isNullable()));
}
