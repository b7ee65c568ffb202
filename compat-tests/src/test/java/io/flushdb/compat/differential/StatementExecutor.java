package io.flushdb.compat.differential;

import java.sql.Connection;
import java.sql.DataTruncation;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one statement over a JDBC connection and turns what happened into an {@link Outcome}, the
 * same way on both sides: {@code Statement.execute}, then either the result set (labels from
 * {@code getColumnLabel}, types from {@code getColumnTypeName}, values from {@code getString}) or
 * {@code getUpdateCount()}, with the codes of {@code getWarnings()}; an {@code SQLException}
 * becomes its error code and SQLSTATE.
 */
final class StatementExecutor {
    /** Seconds a single statement may run; set where the driver supports it. */
    static final int QUERY_TIMEOUT_SECONDS = 60;

    private StatementExecutor() {
    }

    /** Runs {@code sql}, reporting errors with the SQLSTATE the driver gives (FlushDB's side). */
    static Outcome execute(Connection connection, String sql) {
        return execute(connection, sql, List.of(), false);
    }

    /**
     * Runs {@code sql}. With {@code askServerForSqlState}, an error that MySQL Connector/J turned into
     * a {@code java.sql.DataTruncation} gets its SQLSTATE from the server instead: Connector/J
     * converts every server error whose SQLSTATE is in class 22 (1264 out of range, 1292 bad date,
     * 1365 division by zero, 1406 too long, 1690 overflow, ...) into a {@code DataTruncation}, whose
     * SQLSTATE is always 22001; {@code GET DIAGNOSTICS} recovers the one the server sent.
     *
     * <p>With {@code parameters}, {@code sql} is prepared and the parameters bound in order before
     * {@code PreparedStatement.execute}; without, it runs through {@code Statement.execute}.
     */
    static Outcome execute(Connection connection, String sql, List<ScriptParameter> parameters,
            boolean askServerForSqlState) {
        try (Statement statement = parameters.isEmpty() ? connection.createStatement() : connection.prepareStatement(sql)) {
            try {
                statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            } catch (SQLException | UnsupportedOperationException e) {
                // A driver without query timeouts still runs the statement.
            }
            boolean hasResultSet;
            if (statement instanceof PreparedStatement prepared) {
                for (int i = 0; i < parameters.size(); i++) {
                    parameters.get(i).bind(prepared, i + 1);
                }
                hasResultSet = prepared.execute();
            } else {
                hasResultSet = statement.execute(sql);
            }
            if (hasResultSet) {
                Outcome.ResultTable table;
                try (ResultSet resultSet = statement.getResultSet()) {
                    table = readTable(resultSet);
                }
                return new Outcome.ResultTable(table.columns(), table.rows(), warnings(statement));
            }
            return new Outcome.UpdateCount(statement.getUpdateCount(), warnings(statement));
        } catch (SQLException e) {
            String sqlState = e.getSQLState() == null ? "null" : e.getSQLState();
            if (askServerForSqlState && e instanceof DataTruncation) {
                sqlState = serverSqlState(connection, sqlState);
            }
            return new Outcome.Failure(e.getErrorCode(), sqlState, e.getMessage());
        } catch (RuntimeException | LinkageError | AssertionError e) {
            return new Outcome.Crash(e.toString() + at(e));
        }
    }

    /** The codes of the statement's warnings, in order (Connector/J asks the server with SHOW WARNINGS). */
    private static List<Integer> warnings(Statement statement) throws SQLException {
        List<Integer> codes = new ArrayList<>();
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            codes.add(w.getErrorCode());
        }
        return codes;
    }

    /** The SQLSTATE of the last statement's first condition, as the server reports it. */
    private static String serverSqlState(Connection connection, String fallback) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("GET DIAGNOSTICS CONDITION 1 @flushdb_diff_sqlstate = RETURNED_SQLSTATE");
            try (ResultSet rs = statement.executeQuery("SELECT @flushdb_diff_sqlstate")) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : fallback;
            }
        } catch (SQLException e) {
            return fallback;
        }
    }

    private static Outcome.ResultTable readTable(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        int count = metaData.getColumnCount();
        List<Outcome.Column> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            columns.add(new Outcome.Column(metaData.getColumnLabel(i), String.valueOf(metaData.getColumnTypeName(i))));
        }
        List<List<String>> rows = new ArrayList<>();
        while (resultSet.next()) {
            List<String> row = new ArrayList<>(count);
            for (int i = 1; i <= count; i++) {
                row.add(resultSet.getString(i));
            }
            rows.add(row);
        }
        return new Outcome.ResultTable(columns, rows);
    }

    private static String at(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length == 0 ? "" : " at " + trace[0];
    }
}
