package io.flushdb.compat.differential;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a script, with its directives and recorded outcomes.
 *
 * @param line            1-based line of the statement's first line in its file
 * @param sql             the statement as written, lines joined by {@code \n}, ending with {@code ;}
 * @param orderDirective  {@code -- ordered} / {@code -- unordered}, or null for the default rule
 * @param mariadbDiffers  the reason given by {@code -- mariadb-differs:}, or null when not marked
 * @param parameters      the {@code -- params} of a statement run as a prepared statement; empty
 *                        for one run as plain SQL
 * @param expected        the MySQL 8.0 outcome, or null while not recorded
 * @param mariadbExpected what MariaDB does instead (marked statements only), or null while not recorded
 */
record ScriptStatement(int line, String sql, RowOrder orderDirective, String mariadbDiffers,
        List<ScriptParameter> parameters, Outcome expected, Outcome mariadbExpected) implements Script.Entry {

    ScriptStatement {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
        if (mariadbDiffers == null && mariadbExpected != null) {
            throw new IllegalArgumentException("a mariadb block needs a '-- mariadb-differs:' directive");
        }
    }

    /** The text sent to a server: without the terminating {@code ;}. */
    String executableSql() {
        String text = sql.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    }

    RowOrder rowOrder() {
        return RowOrder.of(sql, orderDirective);
    }

    boolean marked() {
        return mariadbDiffers != null;
    }

    /**
     * The outcome a reference server must produce: the mariadb block for a marked statement run on
     * MariaDB, the MySQL block otherwise. Null while that block is not recorded.
     */
    Outcome expectationFor(boolean referenceIsMariaDb) {
        return marked() && referenceIsMariaDb ? mariadbExpected : expected;
    }

    ScriptStatement withExpected(Outcome outcome) {
        return new ScriptStatement(line, sql, orderDirective, mariadbDiffers, parameters, outcome, mariadbExpected);
    }

    ScriptStatement withMariadbExpected(Outcome outcome) {
        return new ScriptStatement(line, sql, orderDirective, mariadbDiffers, parameters, expected, outcome);
    }

    /** The first line of the statement, for summaries. */
    String firstLine() {
        int newline = sql.indexOf('\n');
        return newline < 0 ? sql : sql.substring(0, newline) + " ...";
    }
}
