package io.flushdb.sql.ddl;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.parse.SqlText;
import io.flushdb.storage.dict.CheckDef;
import io.flushdb.storage.dict.ColumnDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

/**
 * MySQL's rules for the expressions a table definition holds: CHECK constraints (names, the
 * columns they may use) and generated columns (which columns they may read). Both are kept as
 * {@link ExpressionText} and evaluated per row by {@code RowExpressions}.
 */
public final class RowRules {
    /**
     * Functions a CHECK constraint or generated column may not call: their value is not a function
     * of the row alone (MySQL's list of non-deterministic and session-dependent functions).
     */
    private static final Set<String> DISALLOWED = Set.of("NOW", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP",
            "SYSDATE", "CURDATE", "CURRENT_DATE", "CURTIME", "CURRENT_TIME", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
            "UNIX_TIMESTAMP", "RAND", "UUID", "UUID_SHORT", "CONNECTION_ID", "USER", "CURRENT_USER", "SESSION_USER",
            "SYSTEM_USER", "DATABASE", "SCHEMA", "LAST_INSERT_ID", "FOUND_ROWS", "ROW_COUNT", "SLEEP", "GET_LOCK",
            "RELEASE_LOCK", "IS_FREE_LOCK", "IS_USED_LOCK", "BENCHMARK", "VERSION", "LOAD_FILE");

    private RowRules() {
    }

    /** Parses an expression's stored text again. */
    public static Expression parse(String text) {
        try {
            return CCJSqlParserUtil.parseExpression(text);
        } catch (JSQLParserException e) {
            throw MySqlError.ER_PARSE_ERROR.raise(text, 1);
        }
    }

    /** The names (as written, unquoted) of the columns {@code e} reads, in order of appearance. */
    public static Set<String> columnsOf(Expression e) {
        Set<String> out = new LinkedHashSet<>();
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                out.add(SqlText.unquote(column.getColumnName()));
                return null;
            }
        }, null);
        return out;
    }

    /** The first function {@code e} calls that a row expression may not call (lower case), or null. */
    static String disallowedFunction(Expression e) {
        String[] found = new String[1];
        e.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Function f, S context) {
                if (found[0] == null && f.getName() != null && DISALLOWED.contains(f.getName().toUpperCase(Locale.ROOT))) {
                    found[0] = f.getName().toLowerCase(Locale.ROOT);
                }
                return super.visit(f, context);
            }

            @Override
            public <S> Void visit(ParenthesedSelect select, S context) {
                if (found[0] == null) {
                    found[0] = "subquery";
                }
                return null;
            }
        }, null);
        return found[0];
    }

    /** The reads of the current time that JSqlParser takes for columns (CURRENT_TIMESTAMP without parentheses). */
    private static boolean isTimeKeyword(String column) {
        String u = column.toUpperCase(Locale.ROOT);
        return u.equals("CURRENT_TIMESTAMP") || u.equals("CURRENT_DATE") || u.equals("CURRENT_TIME")
                || u.equals("LOCALTIME") || u.equals("LOCALTIMESTAMP");
    }

    /**
     * The CHECK constraints of a new table definition: {@code existing} (kept as they are) then
     * {@code written}, unnamed ones named {@code <table>_chk_<n>} as MySQL does. {@code owner}
     * gives, for each written constraint, the column whose definition holds it (null for a
     * table constraint; a column constraint may use only its own column).
     */
    static List<CheckDef> checks(String table, List<ColumnDef> columns, List<CheckDef> existing,
                                 List<ColumnSpec.CheckSpec> written, List<String> owner) {
        List<CheckDef> out = new ArrayList<>(existing);
        Set<String> names = new HashSet<>();
        int generated = 0;
        String prefix = (table + "_chk_").toLowerCase(Locale.ROOT);
        for (CheckDef c : existing) {
            names.add(c.name().toLowerCase(Locale.ROOT));
            generated = Math.max(generated, generatedNumber(c.name(), prefix));
        }
        for (ColumnSpec.CheckSpec c : written) {
            if (c.name() != null) {
                generated = Math.max(generated, generatedNumber(c.name(), prefix));
            }
        }
        for (int i = 0; i < written.size(); i++) {
            ColumnSpec.CheckSpec c = written.get(i);
            String name = c.name() != null ? c.name() : table + "_chk_" + (++generated);
            if (name.length() > 64) {
                throw MySqlError.ER_TOO_LONG_IDENT.raise(name);
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw MySqlError.ER_CHECK_CONSTRAINT_DUP_NAME.raise(name);
            }
            String fn = disallowedFunction(c.condition());
            if (fn != null) {
                throw MySqlError.ER_CHECK_CONSTRAINT_FUNCTION_IS_NOT_ALLOWED.raise(name, fn);
            }
            for (String col : columnsOf(c.condition())) {
                if (isTimeKeyword(col)) {
                    throw MySqlError.ER_CHECK_CONSTRAINT_FUNCTION_IS_NOT_ALLOWED.raise(name, col.toLowerCase(Locale.ROOT));
                }
                int pos = CreateTableHandler.indexOf(columns, col);
                if (pos < 0) {
                    throw MySqlError.ER_CHECK_CONSTRAINT_REFERS_UNKNOWN_COLUMN.raise(name, col);
                }
                if (owner.get(i) != null && !owner.get(i).equalsIgnoreCase(col)) {
                    throw MySqlError.ER_COLUMN_CHECK_CONSTRAINT_REFERENCES_OTHER_COLUMN.raise(name);
                }
                if (columns.get(pos).autoIncrement()) {
                    throw MySqlError.ER_CHECK_CONSTRAINT_REFERS_AUTO_INCREMENT_COLUMN.raise(name);
                }
            }
            out.add(new CheckDef(name, ExpressionText.of(c.condition()), c.enforced()));
        }
        return out;
    }

    /** n if {@code name} is {@code prefix + n} (a generated name), else 0. */
    private static int generatedNumber(String name, String prefix) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.startsWith(prefix)) {
            return 0;
        }
        try {
            return Integer.parseInt(lower.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Checks the generated columns of {@code columns}: each reads only existing columns, no
     * AUTO_INCREMENT column, no generated column defined after it (or itself), and no function
     * whose value is not the row's.
     */
    static void checkGenerated(List<ColumnDef> columns) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef c = columns.get(i);
            if (!c.isGenerated()) {
                continue;
            }
            Expression e = parse(c.extra().generationExpression());
            if (disallowedFunction(e) != null) {
                throw MySqlError.ER_GENERATED_COLUMN_FUNCTION_IS_NOT_ALLOWED.raise(c.name());
            }
            for (String col : columnsOf(e)) {
                if (isTimeKeyword(col)) {
                    throw MySqlError.ER_GENERATED_COLUMN_FUNCTION_IS_NOT_ALLOWED.raise(c.name());
                }
                int pos = CreateTableHandler.indexOf(columns, col);
                if (pos < 0) {
                    throw MySqlError.ER_BAD_FIELD_ERROR.raise(col, "generated column function");
                }
                ColumnDef used = columns.get(pos);
                if (used.autoIncrement()) {
                    throw MySqlError.ER_GENERATED_COLUMN_REF_AUTO_INC.raise(c.name());
                }
                if (used.isGenerated() && pos >= i) {
                    throw MySqlError.ER_GENERATED_COLUMN_NON_PRIOR.raise();
                }
            }
        }
    }

    /**
     * Checks that the CHECK constraints and generated columns of a changed table still read only
     * its columns: an ALTER TABLE may not drop or rename a column one of them reads (3959 for a
     * CHECK constraint, as MySQL 8.0.19 and later; 3108 for a generated column).
     */
    static void afterColumnChanges(List<CheckDef> checks, List<ColumnDef> columns) {
        for (CheckDef c : checks) {
            for (String col : columnsOf(parse(c.expression()))) {
                if (CreateTableHandler.indexOf(columns, col) < 0) {
                    throw MySqlError.ER_DEPENDENT_BY_CHECK_CONSTRAINT.raise(c.name(), col);
                }
            }
        }
        for (ColumnDef c : columns) {
            if (c.isGenerated()) {
                for (String col : columnsOf(parse(c.extra().generationExpression()))) {
                    if (CreateTableHandler.indexOf(columns, col) < 0) {
                        throw MySqlError.ER_DEPENDENT_BY_GENERATED_COLUMN.raise(col);
                    }
                }
            }
        }
        checkGenerated(columns);
    }
}
