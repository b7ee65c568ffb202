package io.flushdb.sql.parse;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.select.Values;

/**
 * JSqlParser configured for MySQL's lexical rules (backslash escapes in strings), with parse
 * failures reported as MySQL's error 1064 naming the text near the failure.
 */
public final class MySqlParser {
    private MySqlParser() {
    }

    /** A trailing {@code LOCK IN SHARE MODE} (MySQL's older FOR SHARE), which JSqlParser does not know. */
    private static final Pattern LOCK_IN_SHARE_MODE = Pattern.compile("(?is)\\bLOCK\\s+IN\\s+SHARE\\s+MODE(\\s*;?\\s*)$");

    public static Statement parse(String sql) {
        String text = sql;
        if (sql.length() > 18 && LOCK_IN_SHARE_MODE.matcher(sql).find()) {
            text = LOCK_IN_SHARE_MODE.matcher(sql).replaceFirst("FOR SHARE$1");
        }
        try {
            return CCJSqlParserUtil.parse(text, p -> p.withBackslashEscapeCharacter(true));
        } catch (JSQLParserException | RuntimeException e) {
            Statement allDefaults = allDefaultsInsert(sql);
            if (allDefaults != null) {
                return allDefaults;
            }
            throw syntaxError(sql, e);
        }
    }

    /** {@code INSERT [INTO] t [()] VALUES (), (), ...}: rows of defaults only, which JSqlParser rejects. */
    private static final Pattern ALL_DEFAULTS_INSERT = Pattern.compile(
            "(?is)\\s*INSERT\\s+(?:INTO\\s+)?((?:`(?:[^`]|``)+`|[\\w$]+)(?:\\s*\\.\\s*(?:`(?:[^`]|``)+`|[\\w$]+))?)"
                    + "\\s*(?:\\(\\s*\\))?\\s*VALUES?\\s*(\\(\\s*\\)(?:\\s*,\\s*\\(\\s*\\))*)\\s*;?\\s*");

    /**
     * The INSERT for {@code sql} when it inserts rows of defaults only: an Insert with no column
     * list whose VALUES rows are empty (DmlExecutor fills every column with its default).
     */
    private static Statement allDefaultsInsert(String sql) {
        Matcher m = ALL_DEFAULTS_INSERT.matcher(sql);
        if (!m.matches()) {
            return null;
        }
        Insert ins;
        try {
            ins = (Insert) CCJSqlParserUtil.parse("INSERT INTO " + m.group(1) + " VALUES (DEFAULT)");
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
        int rows = m.group(2).split(",").length;
        ExpressionList<Expression> list = new ExpressionList<>();
        for (int i = 0; i < rows; i++) {
            list.add(new ParenthesedExpressionList<>());
        }
        ins.setColumns(null);
        ins.setSelect(new Values(list));
        return ins;
    }

    /** Error 1064 with MySQL's "near '...' at line N" from the failing token, when known. */
    public static MySqlException syntaxError(String sql, Throwable e) {
        int line = 1;
        String near = "";
        Throwable cause = e;
        while (cause != null && !(cause instanceof ParseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ParseException pe && pe.currentToken != null) {
            Token t = pe.currentToken.next != null ? pe.currentToken.next : pe.currentToken;
            line = Math.max(1, t.beginLine);
            near = textFrom(sql, t.beginLine, t.beginColumn);
        } else {
            near = sql.length() > 80 ? sql.substring(0, 80) : sql;
        }
        return new MySqlException(MySqlError.ER_PARSE_ERROR,
                String.format(MySqlError.ER_PARSE_ERROR.template, near, line), e);
    }

    private static String textFrom(String sql, int line, int column) {
        int pos = 0;
        for (int l = 1; l < line && pos >= 0; l++) {
            pos = sql.indexOf('\n', pos);
            if (pos >= 0) {
                pos++;
            }
        }
        if (pos < 0) {
            return "";
        }
        pos = Math.min(sql.length(), pos + Math.max(0, column - 1));
        String rest = sql.substring(pos);
        return rest.length() > 80 ? rest.substring(0, 80) : rest;
    }
}
