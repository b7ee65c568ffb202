package io.flushdb.sql.ddl;

import io.flushdb.sql.parse.SqlText;
import java.util.List;
import java.util.Locale;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

/**
 * The text of a CHECK constraint or generated column expression as MySQL keeps and shows it
 * (SHOW CREATE TABLE, information_schema): every operation in parentheses, keywords and function
 * names in lower case, columns quoted, string literals with their character set,
 * {@code (`a` > 0)} for {@code a>0}. The text is valid SQL again: the expression is evaluated by
 * parsing it. Forms not listed here keep JSqlParser's rendering.
 */
final class ExpressionText {
    private ExpressionText() {
    }

    static String of(Expression e) {
        StringBuilder sb = new StringBuilder();
        append(sb, e);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Expression e) {
        if (e instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            append(sb, p.get(0)); // the parentheses come back with the operation inside
        } else if (e instanceof Column c) {
            sb.append('`').append(SqlText.unquote(c.getColumnName()).replace("`", "``")).append('`');
        } else if (e instanceof StringValue s) {
            String prefix = s.getPrefix() == null ? "_utf8mb4" : s.getPrefix().toLowerCase(Locale.ROOT);
            sb.append(prefix).append('\'').append(s.getValue()).append('\'');
        } else if (e instanceof NullValue) {
            sb.append("NULL");
        } else if (e instanceof LongValue || e instanceof DoubleValue) {
            sb.append(e);
        } else if (e instanceof AndExpression || e instanceof OrExpression || e instanceof XorExpression) {
            BinaryExpression b = (BinaryExpression) e;
            binary(sb, b, b.getStringExpression().toLowerCase(Locale.ROOT));
        } else if (e instanceof LikeExpression l) {
            binary(sb, l, (l.isNot() ? "not " : "") + l.getStringExpression().toLowerCase(Locale.ROOT));
        } else if (e instanceof BinaryExpression b) {
            String op = b.getStringExpression();
            binary(sb, b, op.equals("!=") ? "<>" : op.toLowerCase(Locale.ROOT));
        } else if (e instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list) {
            sb.append('(');
            append(sb, in.getLeftExpression());
            sb.append(in.isNot() ? " not in (" : " in (");
            list(sb, list);
            sb.append("))");
        } else if (e instanceof Between b) {
            sb.append('(');
            append(sb, b.getLeftExpression());
            sb.append(b.isNot() ? " not between " : " between ");
            append(sb, b.getBetweenExpressionStart());
            sb.append(" and ");
            append(sb, b.getBetweenExpressionEnd());
            sb.append(')');
        } else if (e instanceof IsNullExpression n) {
            sb.append('(');
            append(sb, n.getLeftExpression());
            sb.append(n.isNot() ? " is not null)" : " is null)");
        } else if (e instanceof NotExpression n) {
            sb.append("(not(");
            append(sb, n.getExpression());
            sb.append("))");
        } else if (e instanceof SignedExpression s && s.getSign() == '-') {
            sb.append("-(");
            append(sb, s.getExpression());
            sb.append(')');
        } else if (e instanceof Function f && f.getParameters() != null && f.getKeep() == null
                && !f.isDistinct() && !f.isAllColumns() && f.getOrderByElements() == null) {
            sb.append(f.getName().toLowerCase(Locale.ROOT)).append('(');
            list(sb, f.getParameters());
            sb.append(')');
        } else if (e instanceof Function f && f.getParameters() == null && f.getName() != null) {
            sb.append(f.getName().toLowerCase(Locale.ROOT)).append("()");
        } else if (e instanceof CaseExpression c) {
            sb.append("(case ");
            if (c.getSwitchExpression() != null) {
                append(sb, c.getSwitchExpression());
                sb.append(' ');
            }
            for (WhenClause w : c.getWhenClauses()) {
                sb.append("when ");
                append(sb, w.getWhenExpression());
                sb.append(" then ");
                append(sb, w.getThenExpression());
                sb.append(' ');
            }
            if (c.getElseExpression() != null) {
                sb.append("else ");
                append(sb, c.getElseExpression());
                sb.append(' ');
            }
            sb.append("end)");
        } else {
            sb.append(e);
        }
    }

    private static void binary(StringBuilder sb, BinaryExpression b, String op) {
        sb.append('(');
        append(sb, b.getLeftExpression());
        sb.append(' ').append(op).append(' ');
        append(sb, b.getRightExpression());
        sb.append(')');
    }

    private static void list(StringBuilder sb, List<?> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            append(sb, (Expression) items.get(i));
        }
    }
}
