package io.flushdb.driver.jdbc;

import java.sql.ParameterMetaData;
import java.sql.SQLException;

/**
 * What is known of a prepared statement's parameters before it runs: their number. Their types
 * are not known (the engine infers them when it plans the statement), so the type methods throw,
 * as Connector/J's do without {@code generateSimpleParameterMetadata}; callers such as Spring's
 * {@code StatementCreatorUtils} then fall back to their own choice.
 */
final class JdbcParameterMetaData extends JdbcObject implements ParameterMetaData {
    private final int count;

    JdbcParameterMetaData(int count) {
        this.count = count;
    }

    @Override
    public int getParameterCount() {
        return count;
    }

    /** Refuses a parameter index outside 1..{@code count}, with Connector/J's message. */
    static void checkIndex(int param, int count) throws SQLException {
        if (param < 1 || param > count) {
            throw SqlExceptions.illegalArgument("Parameter index out of range (" + param + " > number of parameters, which is "
                    + count + ").");
        }
    }

    /** What the type methods throw for a parameter that exists; they refuse others first. */
    private SQLException unknown(int param) throws SQLException {
        checkIndex(param, count);
        return SqlExceptions.unsupported("Parameter metadata before execution");
    }

    /** Every parameter is an input parameter. */
    @Override
    public int getParameterMode(int param) throws SQLException {
        checkIndex(param, count);
        return parameterModeIn;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public int getScale(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        throw unknown(param);
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        throw unknown(param);
    }
}
