package io.flushdb.sql.plan;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.sql.plan.functions.JsonOperators;
import io.flushdb.sql.plan.functions.MySqlOperators;
import io.flushdb.sql.plan.functions.TemporalFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * MySQL's built-in functions by name, mapped to Calcite operators (standard, the MySQL library,
 * or FlushDB's own in {@link MySqlOperators}) or to hidden session parameters. An unknown name is
 * MySQL's error 1305.
 */
final class FunctionMapping {
    private static final SqlParserPos POS = SqlParserPos.ZERO;
    private final SqlNodeTranslator t;

    FunctionMapping(SqlNodeTranslator t) {
        this.t = t;
    }

    SqlNode call(Function f) {
        if (f.getMultipartName() != null && f.getMultipartName().size() > 1) {
            throw MySqlError.ER_SP_DOES_NOT_EXIST.raise(String.join(".", f.getMultipartName()));
        }
        String name = SqlText.unquote(f.getName()).toUpperCase(Locale.ROOT);
        List<Expression> argExprs = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Object o : f.getParameters()) {
                argExprs.add((Expression) o);
            }
        } else if (name.equals("POSITION") && f.getNamedParameters() != null
                && f.getNamedParameters().getExpressions().size() == 2) {
            // POSITION(sub IN s) is LOCATE(sub, s).
            for (Object o : f.getNamedParameters().getExpressions()) {
                argExprs.add((Expression) o);
            }
            name = "LOCATE";
        }
        if (argExprs.size() == 1 && argExprs.get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns
                && !f.isDistinct()) {
            argExprs.clear();
            if (!name.equals("COUNT")) {
                throw MySqlError.ER_PARSE_ERROR.raise(f.toString(), 1);
            }
            return SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.star(POS));
        }
        if (f.isAllColumns()) {
            if (!name.equals("COUNT")) {
                throw MySqlError.ER_PARSE_ERROR.raise(f.toString(), 1);
            }
            return SqlStdOperatorTable.COUNT.createCall(POS, SqlIdentifier.star(POS));
        }
        if (f.getKeep() != null || f.getOrderByElements() != null && !name.equals("GROUP_CONCAT")) {
            throw MySqlError.ER_NOT_SUPPORTED_YET.raise(f.toString());
        }
        switch (name) {
            case "COUNT", "SUM", "AVG", "MIN", "MAX" -> {
                return aggregate(name, f, argExprs);
            }
            case "GROUP_CONCAT" -> {
                return groupConcat(f, argExprs);
            }
            case "LAST_INSERT_ID" -> {
                arity(name, argExprs, 0, 0);
                return t.hiddenParam(new HiddenParam(HiddenParam.Kind.LAST_INSERT_ID, null), SqlTypeName.BIGINT);
            }
            case "DATABASE", "SCHEMA" -> {
                arity(name, argExprs, 0, 0);
                return t.hiddenParam(new HiddenParam(HiddenParam.Kind.DATABASE, null), SqlTypeName.VARCHAR);
            }
            case "CONNECTION_ID" -> {
                arity(name, argExprs, 0, 0);
                return t.hiddenParam(new HiddenParam(HiddenParam.Kind.CONNECTION_ID, null), SqlTypeName.BIGINT);
            }
            case "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER" -> {
                // No authentication: every session is the one local account (Session.USER).
                arity(name, argExprs, 0, 0);
                return SqlNodeTranslator.string(io.flushdb.sql.session.Session.USER + "@" + io.flushdb.sql.session.Session.HOST);
            }
            case "VERSION" -> {
                arity(name, argExprs, 0, 0);
                return t.hiddenParam(new HiddenParam(HiddenParam.Kind.SYSTEM_VARIABLE, "version"), SqlTypeName.VARCHAR);
            }
            case "NOW", "SYSDATE", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP" -> {
                return t.timeKey("CURRENT_TIMESTAMP");
            }
            case "CURDATE", "CURRENT_DATE" -> {
                return t.timeKey("CURRENT_DATE");
            }
            case "CURTIME", "CURRENT_TIME" -> {
                return t.timeKey("CURRENT_TIME");
            }
            case "UTC_TIMESTAMP" -> {
                return t.timeKey("UTC_TIMESTAMP");
            }
            case "UTC_DATE" -> {
                return t.timeKey("UTC_DATE");
            }
            default -> {
                SqlNode temporal = temporal(name, argExprs);
                if (temporal != null) {
                    return temporal;
                }
            }
        }
        List<SqlNode> args = new ArrayList<>();
        for (Expression e : argExprs) {
            args.add(t.value(e));
        }
        SqlNode[] a = args.toArray(new SqlNode[0]);
        return switch (name) {
            case "COALESCE" -> call(SqlStdOperatorTable.COALESCE, name, a, 1, Integer.MAX_VALUE);
            case "IFNULL" -> call(SqlStdOperatorTable.COALESCE, name, a, 2, 2);
            case "NULLIF" -> call(SqlStdOperatorTable.NULLIF, name, a, 2, 2);
            case "IF" -> {
                arity(name, argExprs, 3, 3);
                org.apache.calcite.sql.SqlNodeList whens = new org.apache.calcite.sql.SqlNodeList(POS);
                whens.add(t.condition(argExprs.get(0)));
                org.apache.calcite.sql.SqlNodeList thens = new org.apache.calcite.sql.SqlNodeList(POS);
                thens.add(a[1]);
                yield new org.apache.calcite.sql.fun.SqlCase(POS, null, whens, thens, a[2]);
            }
            case "HEX" -> call(MySqlOperators.HEX, name, a, 1, 1);
            case "BIN" -> call(MySqlOperators.BIN, name, a, 1, 1);
            case "JSON_EXTRACT" -> call(JsonOperators.EXTRACT, name, a, 2, Integer.MAX_VALUE);
            case "JSON_UNQUOTE" -> call(JsonOperators.UNQUOTE, name, a, 1, 1);
            case "JSON_TYPE" -> call(JsonOperators.TYPE, name, a, 1, 1);
            case "JSON_VALID" -> call(JsonOperators.VALID, name, a, 1, 1);
            case "JSON_QUOTE" -> call(JsonOperators.QUOTE, name, a, 1, 1);
            case "JSON_LENGTH" -> call(JsonOperators.LENGTH, name, a, 1, 2);
            case "JSON_DEPTH" -> call(JsonOperators.DEPTH, name, a, 1, 1);
            case "JSON_KEYS" -> call(JsonOperators.KEYS, name, a, 1, 2);
            case "JSON_CONTAINS" -> call(JsonOperators.CONTAINS, name, a, 2, 3);
            case "JSON_CONTAINS_PATH" -> call(JsonOperators.CONTAINS_PATH, name, a, 3, Integer.MAX_VALUE);
            case "JSON_REMOVE" -> call(JsonOperators.REMOVE, name, a, 2, Integer.MAX_VALUE);
            case "JSON_OBJECT" -> jsonBuild(JsonOperators.OBJECT, name, a, true);
            case "JSON_ARRAY" -> jsonBuild(JsonOperators.ARRAY, name, a, false);
            case "JSON_SET", "JSON_INSERT", "JSON_REPLACE", "JSON_ARRAY_APPEND" -> {
                if (a.length < 3 || a.length % 2 == 0) {
                    throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
                }
                yield withJsonMask(switch (name) {
                    case "JSON_SET" -> JsonOperators.SET;
                    case "JSON_INSERT" -> JsonOperators.INSERT;
                    case "JSON_REPLACE" -> JsonOperators.REPLACE;
                    default -> JsonOperators.ARRAY_APPEND;
                }, a);
            }
            case "FIND_IN_SET" -> {
                if (a.length != 2) {
                    throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
                }
                yield MySqlOperators.FIND_IN_SET.createCall(POS, a[0], a[1], SqlLiteral.createExactNumeric("-1", POS));
            }
            case "UNHEX" -> call(MySqlOperators.UNHEX, name, a, 1, 1);
            case "ISNULL" -> {
                arity(name, argExprs, 1, 1);
                yield t.value(new net.sf.jsqlparser.expression.operators.relational.IsNullExpression(argExprs.get(0)));
            }
            case "CONCAT" -> call(SqlLibraryOperators.CONCAT_FUNCTION, name, a, 1, Integer.MAX_VALUE);
            case "CONCAT_WS" -> call(SqlLibraryOperators.CONCAT_WS, name, a, 2, Integer.MAX_VALUE);
            case "UPPER", "UCASE" -> call(SqlStdOperatorTable.UPPER, name, a, 1, 1);
            case "LOWER", "LCASE" -> call(SqlStdOperatorTable.LOWER, name, a, 1, 1);
            case "CHAR_LENGTH", "CHARACTER_LENGTH" -> call(SqlStdOperatorTable.CHAR_LENGTH, name, a, 1, 1);
            case "LENGTH", "OCTET_LENGTH" -> call(MySqlOperators.LENGTH, name, a, 1, 1);
            case "SUBSTRING", "SUBSTR", "MID" -> call(SqlStdOperatorTable.SUBSTRING, name, a, 2, 3);
            case "REPLACE" -> call(SqlStdOperatorTable.REPLACE, name, a, 3, 3);
            case "LEFT" -> call(SqlLibraryOperators.LEFT, name, intArg(a, 1), 2, 2);
            case "RIGHT" -> call(SqlLibraryOperators.RIGHT, name, intArg(a, 1), 2, 2);
            case "REVERSE" -> call(SqlLibraryOperators.REVERSE, name, a, 1, 1);
            case "REPEAT" -> call(SqlLibraryOperators.REPEAT, name, intArg(a, 1), 2, 2);
            case "LPAD" -> call(SqlLibraryOperators.LPAD, name, intArg(a, 1), 3, 3);
            case "RPAD" -> call(SqlLibraryOperators.RPAD, name, intArg(a, 1), 3, 3);
            case "SPACE" -> call(SqlLibraryOperators.SPACE, name, intArg(a, 0), 1, 1);
            case "STRCMP" -> call(SqlLibraryOperators.STRCMP, name, a, 2, 2);
            case "MD5" -> call(SqlLibraryOperators.MD5, name, a, 1, 1);
            case "LTRIM" -> trim(a, org.apache.calcite.sql.fun.SqlTrimFunction.Flag.LEADING, name);
            case "RTRIM" -> trim(a, org.apache.calcite.sql.fun.SqlTrimFunction.Flag.TRAILING, name);
            case "TRIM" -> trim(a, org.apache.calcite.sql.fun.SqlTrimFunction.Flag.BOTH, name);
            case "ABS" -> call(SqlStdOperatorTable.ABS, name, a, 1, 1);
            case "CEIL", "CEILING" -> call(SqlStdOperatorTable.CEIL, name, a, 1, 1);
            case "FLOOR" -> call(SqlStdOperatorTable.FLOOR, name, a, 1, 1);
            case "ROUND" -> a.length == 1 ? MySqlOperators.ROUND.createCall(POS, a[0], SqlLiteral.createExactNumeric("0", POS))
                    : call(MySqlOperators.ROUND, name, a, 2, 2);
            case "TRUNCATE" -> call(MySqlOperators.TRUNCATE, name, a, 2, 2);
            case "MOD" -> call(MySqlOperators.MOD, name, a, 2, 2);
            case "POW", "POWER" -> call(SqlStdOperatorTable.POWER, name, a, 2, 2);
            case "SQRT" -> call(SqlStdOperatorTable.SQRT, name, a, 1, 1);
            case "SIGN" -> call(SqlStdOperatorTable.SIGN, name, a, 1, 1);
            case "EXP" -> call(SqlStdOperatorTable.EXP, name, a, 1, 1);
            case "LN" -> call(SqlStdOperatorTable.LN, name, a, 1, 1);
            case "LOG10" -> call(SqlStdOperatorTable.LOG10, name, a, 1, 1);
            case "PI" -> call(SqlStdOperatorTable.PI, name, a, 0, 0);
            case "LOCATE" -> locate(a, name);
            case "INSTR" -> {
                arity(name, argExprs, 2, 2);
                yield locate(new SqlNode[] {a[1], a[0]}, name);
            }
            case "GREATEST" -> call(SqlLibraryOperators.GREATEST, name, a, 2, Integer.MAX_VALUE);
            case "LEAST" -> call(SqlLibraryOperators.LEAST, name, a, 2, Integer.MAX_VALUE);
            case "DATE" -> {
                arity(name, argExprs, 1, 1);
                yield SqlNodeTranslator.cast(a[0], SqlTypeName.DATE);
            }
            case "TIME" -> {
                arity(name, argExprs, 1, 1);
                yield io.flushdb.sql.plan.functions.MySqlOperators.TIME_VALUE.createCall(POS, a[0]);
            }
            case "YEAR", "MONTH", "DAY", "DAYOFMONTH", "HOUR", "MINUTE", "SECOND" -> {
                arity(name, argExprs, 1, 1);
                String unit = name.equals("DAYOFMONTH") ? "DAY" : name;
                // A string is read as a DATETIME, as MySQL does (param_type_is_default(..., DATETIME)).
                SqlNode from = argExprs.get(0) instanceof net.sf.jsqlparser.expression.StringValue
                        ? SqlNodeTranslator.cast(a[0], SqlTypeName.TIMESTAMP) : a[0];
                // Calcite's EXTRACT takes its unit as an interval qualifier (a bare symbol fails validation).
                yield SqlStdOperatorTable.EXTRACT.createCall(POS, new org.apache.calcite.sql.SqlIntervalQualifier(
                        org.apache.calcite.avatica.util.TimeUnit.valueOf(unit), null, POS), from);
            }
            default -> throw MySqlError.ER_SP_DOES_NOT_EXIST.raise(currentDb() + name.toLowerCase(Locale.ROOT));
        };
    }

    /** JSON_OBJECT(k, v, ...) (an even count) and JSON_ARRAY(v, ...), with their JSON-operand mask. */
    static SqlNode jsonBuild(SqlOperator op, String name, SqlNode[] a, boolean pairs) {
        if (pairs && a.length % 2 != 0) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
        }
        return withJsonMask(op, a);
    }

    /** A call of a JSON operator that takes the mask of its JSON operands last: 0 until the rewriter knows. */
    static SqlNode withJsonMask(SqlOperator op, SqlNode[] a) {
        SqlNode[] withMask = java.util.Arrays.copyOf(a, a.length + 1);
        withMask[a.length] = SqlLiteral.createExactNumeric("0", POS);
        return op.createCall(POS, withMask);
    }

    /** LOCATE(sub, s[, pos]): the collation is set by the rewriter (-1 until then). */
    private static SqlNode locate(SqlNode[] a, String name) {
        if (a.length < 2 || a.length > 3) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
        }
        SqlNode pos = a.length == 3 ? a[2] : SqlLiteral.createExactNumeric("1", POS);
        return MySqlOperators.LOCATE.createCall(POS, a[0], a[1], pos, SqlLiteral.createExactNumeric("-1", POS));
    }

    private static SqlNode intLiteral(int v) {
        return SqlLiteral.createExactNumeric(Integer.toString(v), POS);
    }

    /** MySQL's date and time functions, or null if {@code name} is none of them. */
    private SqlNode temporal(String name, List<Expression> e) {
        switch (name) {
            case "DATE_ADD", "DATE_SUB", "ADDDATE", "SUBDATE" -> {
                arity(name, e, 2, 2);
                int sign = name.equals("DATE_SUB") || name.equals("SUBDATE") ? -1 : 1;
                if (e.get(1) instanceof net.sf.jsqlparser.expression.IntervalExpression i) {
                    return dateAdd(t.value(e.get(0)), i, sign);
                }
                if (name.startsWith("DATE_")) {
                    throw MySqlError.ER_PARSE_ERROR.raise(e.get(1).toString(), 1);
                }
                // ADDDATE(d, n) and SUBDATE(d, n) add days.
                return dateAdd(t.value(e.get(0)), amount(t.value(e.get(1)), "DAY"), "DAY", sign);
            }
            case "TIMESTAMPADD" -> {
                arity(name, e, 3, 3);
                String unit = unitName(e.get(0));
                return dateAdd(t.value(e.get(2)), amount(t.value(e.get(1)), unit), unit, 1);
            }
            case "TIMESTAMPDIFF" -> {
                arity(name, e, 3, 3);
                String unit = unitName(e.get(0));
                if (!TemporalFunctions.isUnit(unit) || unit.contains("_")) {
                    throw MySqlError.ER_PARSE_ERROR.raise(e.get(0).toString(), 1);
                }
                return MySqlOperators.TIMESTAMPDIFF.createCall(POS, SqlNodeTranslator.string(unit), t.value(e.get(1)),
                        t.value(e.get(2)));
            }
            case "STR_TO_DATE" -> {
                arity(name, e, 2, 2);
                int kind = e.get(1) instanceof net.sf.jsqlparser.expression.StringValue f
                        ? TemporalFunctions.strToDateKind(f.getValue()) : TemporalFunctions.RESULT_DATETIME;
                return MySqlOperators.STR_TO_DATE.createCall(POS, t.value(e.get(0)), t.value(e.get(1)), intLiteral(kind));
            }
            case "DATE_FORMAT" -> {
                arity(name, e, 2, 2);
                return MySqlOperators.DATE_FORMAT.createCall(POS, t.value(e.get(0)), t.value(e.get(1)));
            }
            case "DATEDIFF" -> {
                arity(name, e, 2, 2);
                return MySqlOperators.DATEDIFF.createCall(POS, t.value(e.get(0)), t.value(e.get(1)));
            }
            case "UNIX_TIMESTAMP" -> {
                arity(name, e, 0, 1);
                if (e.isEmpty()) {
                    return MySqlOperators.UNIX_TIMESTAMP.createCall(POS, t.timeKey("CURRENT_TIMESTAMP"), intLiteral(0));
                }
                boolean fraction = e.get(0) instanceof net.sf.jsqlparser.expression.StringValue sv
                        && sv.getValue().matches(".*\\d[.]\\d*[1-9]\\d*\\s*");
                return MySqlOperators.UNIX_TIMESTAMP.createCall(POS, t.value(e.get(0)), intLiteral(fraction ? 1 : 0));
            }
            case "FROM_UNIXTIME" -> {
                arity(name, e, 1, 2);
                SqlNode dt = MySqlOperators.FROM_UNIXTIME.createCall(POS, t.value(e.get(0)));
                return e.size() == 1 ? dt : MySqlOperators.DATE_FORMAT.createCall(POS, dt, t.value(e.get(1)));
            }
            case "DAYOFWEEK", "WEEKDAY", "DAYOFYEAR", "QUARTER", "TO_DAYS", "MICROSECOND", "TO_SECONDS" -> {
                arity(name, e, 1, 1);
                int part = switch (name) {
                    case "DAYOFWEEK" -> TemporalFunctions.PART_DAYOFWEEK;
                    case "WEEKDAY" -> TemporalFunctions.PART_WEEKDAY;
                    case "DAYOFYEAR" -> TemporalFunctions.PART_DAYOFYEAR;
                    case "QUARTER" -> TemporalFunctions.PART_QUARTER;
                    case "TO_DAYS" -> TemporalFunctions.PART_TO_DAYS;
                    case "MICROSECOND" -> TemporalFunctions.PART_MICROSECOND;
                    default -> TemporalFunctions.PART_TO_SECONDS;
                };
                return MySqlOperators.DATE_PART.createCall(POS, t.value(e.get(0)), intLiteral(part), intLiteral(0));
            }
            case "WEEK", "YEARWEEK", "WEEKOFYEAR" -> {
                arity(name, e, 1, name.equals("WEEKOFYEAR") ? 1 : 2);
                int part = name.equals("YEARWEEK") ? TemporalFunctions.PART_YEARWEEK : TemporalFunctions.PART_WEEK;
                // The mode defaults to default_week_format (0); WEEKOFYEAR is WEEK(d, 3).
                SqlNode mode = e.size() == 2 ? t.value(e.get(1)) : intLiteral(name.equals("WEEKOFYEAR") ? 3 : 0);
                return MySqlOperators.DATE_PART.createCall(POS, t.value(e.get(0)), intLiteral(part), mode);
            }
            case "DAYNAME", "MONTHNAME" -> {
                arity(name, e, 1, 1);
                return MySqlOperators.DATE_NAME.createCall(POS, t.value(e.get(0)), intLiteral(name.equals("DAYNAME") ? 0 : 1));
            }
            case "LAST_DAY" -> {
                arity(name, e, 1, 1);
                return MySqlOperators.LAST_DAY.createCall(POS, t.value(e.get(0)));
            }
            case "FROM_DAYS" -> {
                arity(name, e, 1, 1);
                return MySqlOperators.FROM_DAYS.createCall(POS, t.value(e.get(0)));
            }
            case "MAKEDATE" -> {
                arity(name, e, 2, 2);
                return MySqlOperators.MAKEDATE.createCall(POS, t.value(e.get(0)), t.value(e.get(1)));
            }
            default -> {
                return null;
            }
        }
    }

    /** The unit of TIMESTAMPDIFF/TIMESTAMPADD, written as a bare word (JSqlParser's DateUnitExpression or a column). */
    private static String unitName(Expression e) {
        String unit = e.toString().toUpperCase(Locale.ROOT);
        if (unit.startsWith("SQL_TSI_")) {
            unit = unit.substring("SQL_TSI_".length());
        }
        if (!TemporalFunctions.isUnit(unit)) {
            throw MySqlError.ER_PARSE_ERROR.raise(e.toString(), 1);
        }
        return unit;
    }

    /** {@code dt ± INTERVAL amount unit}. */
    SqlNode dateAdd(SqlNode dt, net.sf.jsqlparser.expression.IntervalExpression interval, int sign) {
        String text = interval.toString().trim();
        String body = text.regionMatches(true, 0, "INTERVAL", 0, 8) ? text.substring(8).trim() : text;
        int space = body.lastIndexOf(' ');
        String unit = space < 0 ? "" : body.substring(space + 1).toUpperCase(Locale.ROOT);
        if (space < 0 || !TemporalFunctions.isUnit(unit)) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
        Expression amountExpr;
        try {
            amountExpr = net.sf.jsqlparser.parser.CCJSqlParserUtil.parseExpression(body.substring(0, space));
        } catch (net.sf.jsqlparser.JSQLParserException ex) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
        return dateAdd(dt, amount(t.value(amountExpr), unit), unit, sign);
    }

    /** An interval amount; a parameter is typed as a number, or as text for a compound unit. */
    private static SqlNode amount(SqlNode v, String unit) {
        if (v instanceof org.apache.calcite.sql.SqlDynamicParam) {
            return unit.contains("_") ? SqlNodeTranslator.cast(v, SqlTypeName.VARCHAR, 64, -1)
                    : SqlNodeTranslator.cast(v, SqlTypeName.DECIMAL, 30, 6);
        }
        return v;
    }

    private static SqlNode dateAdd(SqlNode dt, SqlNode amount, String unit, int sign) {
        return MySqlOperators.DATE_ADD.createCall(POS, dt, amount, SqlNodeTranslator.string(unit), intLiteral(sign),
                intLiteral(TemporalFunctions.RESULT_TEXT));
    }

    private String currentDb() {
        String db = t.session().database();
        return db == null ? "" : db + ".";
    }

    private SqlNode trim(SqlNode[] a, org.apache.calcite.sql.fun.SqlTrimFunction.Flag flag, String name) {
        if (a.length != 1) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
        }
        return SqlStdOperatorTable.TRIM.createCall(POS, flag.symbol(POS), SqlNodeTranslator.string(" "), a[0]);
    }

    private SqlNode aggregate(String name, Function f, List<Expression> argExprs) {
        if (argExprs.size() != 1 && !(name.equals("COUNT") && f.isDistinct() && !argExprs.isEmpty())) {
            throw MySqlError.ER_PARSE_ERROR.raise(f.toString(), 1);
        }
        SqlOperator op = switch (name) {
            case "COUNT" -> SqlStdOperatorTable.COUNT;
            case "SUM" -> SqlStdOperatorTable.SUM;
            case "AVG" -> SqlStdOperatorTable.AVG;
            case "MIN" -> SqlStdOperatorTable.MIN;
            default -> SqlStdOperatorTable.MAX;
        };
        List<SqlNode> args = new ArrayList<>();
        for (Expression e : argExprs) {
            args.add(t.value(e));
        }
        SqlLiteral qualifier = f.isDistinct() ? SqlSelectKeyword.DISTINCT.symbol(POS) : null;
        if (name.equals("AVG")) {
            // MySQL's AVG: the exact sum over the count, with div_precision_increment more decimals.
            SqlNode sum = SqlStdOperatorTable.SUM.createCall(qualifier, POS, args.get(0));
            SqlNode count = SqlStdOperatorTable.COUNT.createCall(qualifier, POS, args.get(0));
            return MySqlOperators.DIVIDE.createCall(POS, sum, count);
        }
        return op.createCall(qualifier, POS, args.toArray(new SqlNode[0]));
    }

    /**
     * GROUP_CONCAT([DISTINCT] expr[, expr...] [ORDER BY ...] [SEPARATOR 'x']): the expressions are
     * concatenated per row (a row with a NULL among them is skipped, as CONCAT gives NULL), then
     * {@link MySqlOperators#GROUP_CONCAT} joins them; ORDER BY becomes WITHIN GROUP, where a
     * number names one of GROUP_CONCAT's own expressions, as in MySQL.
     */
    private SqlNode groupConcat(Function f, List<Expression> argExprs) {
        if (argExprs.isEmpty()) {
            throw MySqlError.ER_PARSE_ERROR.raise(f.toString(), 1);
        }
        String separator = ",";
        if (f.getKeywordArguments() != null) {
            for (Function.KeywordArgument k : f.getKeywordArguments()) {
                if (!k.getKeyword().equalsIgnoreCase("SEPARATOR")
                        || !(k.getExpression() instanceof net.sf.jsqlparser.expression.StringValue sv)) {
                    throw MySqlError.ER_PARSE_ERROR.raise(k.toString(), 1);
                }
                separator = SqlNodeTranslator.unescape(sv.getValue());
            }
        }
        List<SqlNode> values = new ArrayList<>();
        for (Expression e : argExprs) {
            values.add(t.value(e));
        }
        SqlNode value = SqlLibraryOperators.CONCAT_FUNCTION.createCall(POS, values.toArray(new SqlNode[0]));
        long maxLen = ((Number) t.session().variables().get(io.flushdb.sql.vars.SystemVariables.GROUP_CONCAT_MAX_LEN))
                .longValue();
        SqlNode call = MySqlOperators.GROUP_CONCAT.createCall(POS, value,
                SqlNodeTranslator.cast(SqlLiteral.createNull(POS), SqlTypeName.VARCHAR),
                SqlNodeTranslator.string(separator),
                SqlNodeTranslator.cast(SqlNodeTranslator.string(Long.toString(maxLen)), SqlTypeName.VARCHAR,
                        (int) Math.min(Integer.MAX_VALUE, maxLen), -1),
                intLiteral(f.isDistinct() ? 1 : 0));
        if (f.getOrderByElements() == null || f.getOrderByElements().isEmpty()) {
            return call;
        }
        org.apache.calcite.sql.SqlNodeList order = new org.apache.calcite.sql.SqlNodeList(POS);
        for (net.sf.jsqlparser.statement.select.OrderByElement o : f.getOrderByElements()) {
            SqlNode key;
            if (o.getExpression() instanceof net.sf.jsqlparser.expression.LongValue lv) {
                long n = lv.getValue();
                if (n < 1 || n > argExprs.size()) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(lv.getStringValue(), "order clause");
                }
                key = t.value(argExprs.get((int) n - 1));
            } else {
                key = t.value(o.getExpression());
            }
            if (!o.isAsc()) {
                key = SqlStdOperatorTable.DESC.createCall(POS, key);
            }
            order.add(key);
        }
        return SqlStdOperatorTable.WITHIN_GROUP.createCall(POS, call, order);
    }

    /**
     * {@code a} with argument {@code i} cast to INTEGER: Calcite's string functions take an int
     * count or length, and MySQL's integer literals are BIGINT here.
     */
    private static SqlNode[] intArg(SqlNode[] a, int i) {
        if (i >= a.length) {
            return a;
        }
        SqlNode[] out = a.clone();
        out[i] = SqlNodeTranslator.cast(a[i], org.apache.calcite.sql.type.SqlTypeName.INTEGER);
        return out;
    }

    private static SqlNode call(SqlOperator op, String name, SqlNode[] a, int min, int max) {
        if (a.length < min || a.length > max) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
        }
        return op.createCall(POS, a);
    }

    private static void arity(String name, List<Expression> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw MySqlError.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT.raise(name);
        }
    }

    /** CAST(x AS type) / CONVERT(x, type) with MySQL's cast targets. */
    static SqlNode cast(SqlNode value, ColDataType type) {
        String text = type.getDataType().trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<Integer> args = new ArrayList<>();
        int paren = text.indexOf('(');
        String base = paren < 0 ? text : text.substring(0, paren).trim();
        if (paren >= 0) {
            for (String s : text.substring(paren + 1, text.lastIndexOf(')')).split(",")) {
                args.add(Integer.parseInt(s.trim()));
            }
        }
        if (type.getArgumentsStringList() != null) {
            for (String s : type.getArgumentsStringList()) {
                args.add(Integer.parseInt(s.trim()));
            }
        }
        return switch (base) {
            case "SIGNED", "SIGNED INTEGER", "SIGNED INT", "INTEGER", "INT" -> SqlNodeTranslator.cast(value, SqlTypeName.BIGINT);
            case "UNSIGNED", "UNSIGNED INTEGER", "UNSIGNED INT" -> SqlNodeTranslator.cast(value, SqlTypeName.DECIMAL, 20, 0);
            case "CHAR", "NCHAR", "VARCHAR" -> args.isEmpty() ? SqlNodeTranslator.cast(value, SqlTypeName.VARCHAR)
                    : SqlNodeTranslator.cast(value, SqlTypeName.VARCHAR, args.get(0), -1);
            case "BINARY" -> args.isEmpty() ? SqlNodeTranslator.cast(value, SqlTypeName.VARBINARY)
                    : SqlNodeTranslator.cast(value, SqlTypeName.VARBINARY, args.get(0), -1);
            case "DECIMAL", "DEC", "NUMERIC" -> SqlNodeTranslator.cast(value, SqlTypeName.DECIMAL,
                    args.isEmpty() ? 10 : args.get(0), args.size() < 2 ? 0 : args.get(1));
            case "DOUBLE", "REAL", "DOUBLE PRECISION" -> SqlNodeTranslator.cast(value, SqlTypeName.DOUBLE);
            case "FLOAT" -> SqlNodeTranslator.cast(value, SqlTypeName.DOUBLE);
            case "DATE" -> SqlNodeTranslator.cast(value, SqlTypeName.DATE);
            case "DATETIME", "TIMESTAMP" -> SqlNodeTranslator.cast(value, SqlTypeName.TIMESTAMP, 3, -1);
            case "TIME" -> io.flushdb.sql.plan.functions.MySqlOperators.TIME_VALUE.createCall(SqlParserPos.ZERO, value);
            default -> throw MySqlError.ER_NOT_SUPPORTED_YET.raise("CAST to " + base);
        };
    }
}
