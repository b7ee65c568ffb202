package io.flushdb.sql.parse;

import io.flushdb.sql.error.MySqlError;
import io.flushdb.sql.error.MySqlException;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.statement.Statement;

/**
 * JSqlParser configured for MySQL's lexical rules (backslash escapes in strings), with parse
 * failures reported as MySQL's error 1064 naming the text near the failure.
 */
public final class MySqlParser {
    private MySqlParser() {
    }

    public static Statement parse(String sql) {
        try {
            return CCJSqlParserUtil.parse(sql, p -> p.withBackslashEscapeCharacter(true));
        } catch (JSQLParserException e) {
            throw syntaxError(sql, e);
        } catch (RuntimeException e) {
            throw syntaxError(sql, e);
        }
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
