package io.flushdb.sql.route;

import net.sf.jsqlparser.statement.Statement;

/**
 * A statement parsed by JSqlParser, with what the session needs before running it: the number of
 * {@code ?} markers and whether it returns rows.
 *
 * @param sql            the statement text
 * @param ast            JSqlParser's tree
 * @param kind           the route it takes
 * @param parameterCount number of {@code ?} markers
 */
public record ParsedStatement(String sql, Statement ast, StatementKind kind, int parameterCount) {

    public boolean isQuery() {
        return kind.returnsRows();
    }
}
