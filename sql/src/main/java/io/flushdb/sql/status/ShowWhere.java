package io.flushdb.sql.status;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.MySqlParser;
import io.flushdb.sql.plan.functions.MySqlFunctions;
import io.flushdb.storage.dict.Collation;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.Parenthesis;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ComparisonOperator;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/**
 * The {@code WHERE} clause of {@code SHOW ... STATUS WHERE ...} (and of any SHOW whose result is
 * a few named text columns): a condition over the result's columns, evaluated row by row with
 * MySQL's rules for what such conditions use: {@code AND}, {@code OR}, {@code XOR}, {@code NOT},
 * comparisons, {@code [NOT] LIKE}, {@code [NOT] IN (...)}, {@code [NOT] BETWEEN},
 * {@code IS [NOT] NULL}, string ('single' or "double" quoted, as without ANSI_QUOTES) and number
 * literals.
 *
 * <p>Comparisons follow MySQL's: text with text compares in the case-insensitive default
 * collation; text with a number compares both as numbers (a non-numeric text reads as 0, its
 * numeric prefix as the number). NULL makes a comparison unknown; a row is kept when the
 * condition is true. A column the result does not have is error 1054, anything else the clause
 * cannot evaluate is 1235 ("not supported").
 *
 * <p>Concurrency: immutable once built; {@link #test} may run from any thread.
 */
public final class ShowWhere {
    private static final int CI = Collation.UTF8MB4_0900_AI_CI.id();

    private final Expression condition;
    private final List<String> columns;

    private ShowWhere(Expression condition, List<String> columns) {
        this.condition = condition;
        this.columns = columns;
    }

    /**
     * Parses {@code conditionText} (what follows WHERE) for rows with the given column names.
     *
     * @throws io.flushdb.sql.error.MySqlException 1064 if it does not parse, 1054 for an unknown
     *                                             column
     */
    public static ShowWhere parse(String conditionText, List<String> columns) {
        Expression e;
        try {
            e = CCJSqlParserUtil.parseCondExpression(conditionText, false, p -> p.withBackslashEscapeCharacter(true));
        } catch (JSQLParserException | RuntimeException ex) {
            throw MySqlParser.syntaxError(conditionText, ex);
        }
        ShowWhere w = new ShowWhere(e, columns);
        w.checkColumns(e);
        return w;
    }

    /** Whether the condition is true for {@code row} (values in the order of the column names). */
    public boolean test(Object[] row) {
        return Boolean.TRUE.equals(truth(eval(condition, row)));
    }

    // ---- evaluation ---------------------------------------------------------------------------

    private Object eval(Expression e, Object[] row) {
        if (e instanceof Column c) {
            String quoted = doubleQuoted(c);
            return quoted != null ? unescape(quoted) : row[columnIndex(c)];
        }
        if (e instanceof StringValue s) {
            return unescape(s.getValue());
        }
        if (e instanceof LongValue l) {
            return (double) l.getValue();
        }
        if (e instanceof DoubleValue d) {
            return d.getValue();
        }
        if (e instanceof NullValue) {
            return null;
        }
        if (e instanceof BooleanValue b) {
            return b.getValue();
        }
        if (e instanceof SignedExpression s) {
            Object v = eval(s.getExpression(), row);
            return v == null ? null : s.getSign() == '-' ? -number(v) : number(v);
        }
        if (e instanceof Parenthesis p) {
            return eval(p.getExpression(), row);
        }
        if (e instanceof ExpressionList<?> list && list.size() == 1) {
            return eval(list.get(0), row);
        }
        if (e instanceof AndExpression a) {
            Boolean l = truth(eval(a.getLeftExpression(), row));
            if (Boolean.FALSE.equals(l)) {
                return false;
            }
            Boolean r = truth(eval(a.getRightExpression(), row));
            return Boolean.FALSE.equals(r) ? Boolean.FALSE : l == null || r == null ? null : Boolean.TRUE;
        }
        if (e instanceof OrExpression o) {
            Boolean l = truth(eval(o.getLeftExpression(), row));
            if (Boolean.TRUE.equals(l)) {
                return true;
            }
            Boolean r = truth(eval(o.getRightExpression(), row));
            return Boolean.TRUE.equals(r) ? Boolean.TRUE : l == null || r == null ? null : Boolean.FALSE;
        }
        if (e instanceof XorExpression x) {
            Boolean l = truth(eval(x.getLeftExpression(), row));
            Boolean r = truth(eval(x.getRightExpression(), row));
            return l == null || r == null ? null : l ^ r;
        }
        if (e instanceof NotExpression n) {
            Boolean v = truth(eval(n.getExpression(), row));
            return v == null ? null : !v;
        }
        if (e instanceof ComparisonOperator c) {
            Integer cmp = compare(eval(c.getLeftExpression(), row), eval(c.getRightExpression(), row));
            if (cmp == null) {
                return null;
            }
            if (c instanceof EqualsTo) {
                return cmp == 0;
            }
            if (c instanceof NotEqualsTo) {
                return cmp != 0;
            }
            if (c instanceof GreaterThan) {
                return cmp > 0;
            }
            if (c instanceof GreaterThanEquals) {
                return cmp >= 0;
            }
            if (c instanceof MinorThan) {
                return cmp < 0;
            }
            if (c instanceof MinorThanEquals) {
                return cmp <= 0;
            }
        }
        if (e instanceof LikeExpression l && l.getLikeKeyWord() == LikeExpression.KeyWord.LIKE) {
            Object s = eval(l.getLeftExpression(), row);
            Object p = eval(l.getRightExpression(), row);
            Object esc = l.getEscape() == null ? "\\" : eval(l.getEscape(), row);
            Object m = MySqlFunctions.like(s == null ? null : text(s), p == null ? null : text(p), esc, CI);
            return m == null ? null : l.isNot() != (Boolean) m;
        }
        if (e instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list) {
            Object left = eval(in.getLeftExpression(), row);
            Boolean found = Boolean.FALSE;
            for (Expression item : list) {
                Integer cmp = compare(left, eval(item, row));
                if (cmp == null) {
                    found = null;
                } else if (cmp == 0) {
                    found = Boolean.TRUE;
                    break;
                }
            }
            return found == null ? null : in.isNot() != found;
        }
        if (e instanceof Between b) {
            Object v = eval(b.getLeftExpression(), row);
            Integer lo = compare(v, eval(b.getBetweenExpressionStart(), row));
            Integer hi = compare(v, eval(b.getBetweenExpressionEnd(), row));
            if (lo == null || hi == null) {
                return null;
            }
            return b.isNot() != (lo >= 0 && hi <= 0);
        }
        if (e instanceof IsNullExpression n) {
            return n.isNot() != (eval(n.getLeftExpression(), row) == null);
        }
        throw MySqlError.ER_NOT_SUPPORTED_YET.raise("this condition in SHOW ... WHERE: " + e);
    }

    /** SQL truth of a value: null unknown, a number true unless 0, a text by its number. */
    private static Boolean truth(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return number(v) != 0;
    }

    /** MySQL comparison: text with text by collation, anything with a number as numbers. */
    private static Integer compare(Object a, Object b) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof String x && b instanceof String y) {
            return Collation.UTF8MB4_0900_AI_CI.compare(x, y);
        }
        return Double.compare(number(a), number(b));
    }

    private static double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        // A text's leading number, as MySQL converts strings: "12abc" is 12, "abc" is 0.
        String s = v.toString().trim();
        int end = 0;
        while (end < s.length() && "+-0123456789.eE".indexOf(s.charAt(end)) >= 0) {
            end++;
        }
        while (end > 0) {
            try {
                return Double.parseDouble(s.substring(0, end));
            } catch (NumberFormatException e) {
                end--;
            }
        }
        return 0;
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? Long.toString(d.longValue()) : d.toString();
        }
        return v.toString();
    }

    /** A string literal's value: '' and \' are quotes, \\ a backslash; other escapes stay for LIKE. */
    private static String unescape(String s) {
        if (s.indexOf('\'') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                b.append('\'');
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---- columns ------------------------------------------------------------------------------

    /** The text of a "double-quoted" string, which JSqlParser reads as a column; null for a column. */
    private static String doubleQuoted(Column c) {
        String name = c.getColumnName();
        return c.getTable() == null && name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")
                ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : null;
    }

    private int columnIndex(Column c) {
        String name = c.getColumnName().replace("`", "");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw MySqlError.ER_BAD_FIELD_ERROR.raise(name, "where clause");
    }

    /** Raises 1054 for an unknown column up front, even when no row would reach it. */
    private void checkColumns(Expression e) {
        e.accept(new net.sf.jsqlparser.util.deparser.ExpressionDeParser() {
            @Override
            public <S> StringBuilder visit(Column column, S context) {
                if (doubleQuoted(column) == null) {
                    columnIndex(column);
                }
                return super.visit(column, context);
            }
        }, null);
    }

    @Override
    public String toString() {
        return "WHERE " + condition + " over " + columns.toString().toLowerCase(Locale.ROOT);
    }
}
