package io.flushdb.sql.plan;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/** Calcite validation failures as the MySQL errors a server raises for the same mistakes. */
final class ValidationErrors {
    private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']+)' not found in (?:any table|table '([^']+)')");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']+)' is ambiguous");
    private static final Pattern TABLE_NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']+)' not found(?: within '([^']+)')?");
    private static final Pattern WINDOW_NOT_FOUND = Pattern.compile("Window '([^']+)' not found");
    private static final Pattern NO_FUNCTION = Pattern.compile("No match found for function signature (\\w+)\\(");

    private ValidationErrors() {
    }

    static MySqlException translate(CalciteContextException e, SqlNode query) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        Matcher x = COLUMN_NOT_FOUND.matcher(m);
        if (x.find()) {
            String col = x.group(2) != null ? x.group(2) + "." + x.group(1) : x.group(1);
            return new MySqlException(MySqlError.ER_BAD_FIELD_ERROR,
                    String.format(MySqlError.ER_BAD_FIELD_ERROR.template, col, "field list"), e);
        }
        x = AMBIGUOUS.matcher(m);
        if (x.find()) {
            return new MySqlException(MySqlError.ER_NON_UNIQ_ERROR,
                    String.format(MySqlError.ER_NON_UNIQ_ERROR.template, x.group(1), "field list"), e);
        }
        x = TABLE_NOT_FOUND.matcher(m);
        if (x.find()) {
            String what = x.group(1);
            return new MySqlException(MySqlError.ER_BAD_FIELD_ERROR,
                    String.format(MySqlError.ER_BAD_FIELD_ERROR.template, what, "field list"), e);
        }
        x = NO_FUNCTION.matcher(m);
        if (x.find()) {
            return new MySqlException(MySqlError.ER_SP_DOES_NOT_EXIST,
                    String.format(MySqlError.ER_SP_DOES_NOT_EXIST.template, x.group(1).toLowerCase()), e);
        }
        x = WINDOW_NOT_FOUND.matcher(m);
        if (x.find()) {
            return new MySqlException(MySqlError.ER_WINDOW_NO_SUCH_WINDOW,
                    String.format(MySqlError.ER_WINDOW_NO_SUCH_WINDOW.template, x.group(1)), e);
        }
        if (m.contains("Expression '") && m.contains("is not being grouped")) {
            Matcher g = Pattern.compile("Expression '([^']+)'").matcher(m);
            String col = g.find() ? g.group(1) : "?";
            if (hasSelectWithoutGroupBy(query)) {
                return new MySqlException(MySqlError.ER_MIX_OF_GROUP_FUNC_AND_FIELDS,
                        String.format(MySqlError.ER_MIX_OF_GROUP_FUNC_AND_FIELDS.template, 1, col), e);
            }
            return new MySqlException(MySqlError.ER_WRONG_FIELD_WITH_GROUP,
                    String.format(MySqlError.ER_WRONG_FIELD_WITH_GROUP.template, 1, col), e);
        }
        if (m.contains("Aggregate expression is illegal") || m.contains("aggregate function") && m.contains("illegal")) {
            return new MySqlException(MySqlError.ER_INVALID_GROUP_FUNC_USE, MySqlError.ER_INVALID_GROUP_FUNC_USE.template, e);
        }
        if (m.contains("Column count mismatch in UNION") || m.contains("Set operator cannot combine")) {
            return new MySqlException(MySqlError.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT,
                    MySqlError.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT.template, e);
        }
        if (m.contains("Duplicate relation name") || m.contains("Duplicate table alias")) {
            Matcher d = Pattern.compile("'([^']+)'").matcher(m);
            return new MySqlException(MySqlError.ER_NONUNIQ_TABLE,
                    String.format(MySqlError.ER_NONUNIQ_TABLE.template, d.find() ? d.group(1) : "?"), e);
        }
        if (m.contains("Cannot apply") || m.contains("Cannot infer") || m.contains("Illegal use of dynamic parameter")) {
            return new MySqlException(MySqlError.ER_NOT_SUPPORTED_YET,
                    String.format(MySqlError.ER_NOT_SUPPORTED_YET.template, "this expression: " + m), e);
        }
        return new MySqlException(MySqlError.ER_UNKNOWN_ERROR, m, e);
    }

    /**
     * Whether some SELECT in {@code node} aggregates without GROUP BY: then a column that is not
     * grouped is MySQL's 1140, not 1055. (Translated nodes carry no positions to say which SELECT
     * the validator meant.)
     */
    private static boolean hasSelectWithoutGroupBy(SqlNode node) {
        boolean[] found = {false};
        node.accept(new SqlShuttle() {
            @Override
            public SqlNode visit(SqlCall call) {
                if (call instanceof SqlSelect s && s.getGroup() == null && aggregates(s.getSelectList())) {
                    found[0] = true;
                }
                return super.visit(call);
            }
        });
        return found[0];
    }

    /** Whether {@code node} calls an aggregate function outside any sub-query. */
    private static boolean aggregates(SqlNode node) {
        if (node instanceof SqlSelect || !(node instanceof SqlCall call)) {
            return node instanceof org.apache.calcite.sql.SqlNodeList list && list.getList().stream().anyMatch(
                    n -> n != null && aggregates(n));
        }
        if (call.getOperator().isAggregator()) {
            return true;
        }
        return call.getOperandList().stream().anyMatch(n -> n != null && aggregates(n));
    }
}
