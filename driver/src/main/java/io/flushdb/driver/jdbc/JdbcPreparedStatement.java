package io.flushdb.driver.jdbc;

import io.flushdb.sql.session.PreparedSql;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement parsed once by the engine ({@link PreparedSql}) and run with parameters bound to its
 * {@code ?} markers. Setters convert their argument at once ({@link ParameterValues}); running with
 * a parameter left unset is an error (SQLSTATE 07001), as in Connector/J. Parsing happens in
 * {@code Connection.prepareStatement}, so a syntax error surfaces there (as with MySQL's server-side
 * prepared statements).
 *
 * <p>Concurrency: see {@link JdbcStatement}.
 */
public final class JdbcPreparedStatement extends JdbcStatement implements PreparedStatement {
    private final PreparedSql prepared;
    private final boolean returnGeneratedKeys;
    private final Object[] parameters;
    private final boolean[] bound;
    private final List<Object[]> batch = new ArrayList<>();

    JdbcPreparedStatement(JdbcConnection connection, PreparedSql prepared, int resultSetType, boolean returnGeneratedKeys) {
        super(connection, resultSetType);
        this.prepared = prepared;
        this.returnGeneratedKeys = returnGeneratedKeys;
        this.parameters = new Object[prepared.parameterCount()];
        this.bound = new boolean[prepared.parameterCount()];
    }

    // ---- running ------------------------------------------------------------------------------

    private Object[] boundParameters() throws SQLException {
        for (int i = 0; i < bound.length; i++) {
            if (!bound[i]) {
                throw SqlExceptions.client("No value specified for parameter " + (i + 1), SqlExceptions.PARAMETER_NOT_SET);
            }
        }
        return parameters.clone();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (!prepared.isQuery()) {
            throw notAQuery("PreparedStatement.executeQuery()");
        }
        Object[] values = boundParameters();
        run(s -> s.execute(prepared, values), false, false);
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return clampToInt(executeLargeUpdate());
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        checkOpen();
        if (prepared.isQuery()) {
            throw aQuery("executeUpdate()");
        }
        Object[] values = boundParameters();
        run(s -> s.execute(prepared, values), returnGeneratedKeys, false);
        return getLargeUpdateCount();
    }

    @Override
    public boolean execute() throws SQLException {
        checkOpen();
        Object[] values = boundParameters();
        return run(s -> s.execute(prepared, values), returnGeneratedKeys, false);
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(boundParameters());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /** Runs each parameter set in turn; generated keys of every entry are kept, in order. */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        if (prepared.isQuery() && !batch.isEmpty()) {
            batch.clear();
            throw aQuery("executeBatch()");
        }
        List<Object[]> sets = new ArrayList<>(batch);
        batch.clear();
        return runBatch(sets.size(), i -> s -> s.execute(prepared, sets.get(i)), returnGeneratedKeys);
    }

    /** Unknown before it runs (the engine plans a query when it first executes it). */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new JdbcParameterMetaData(parameters.length);
    }

    // ---- the SQL-text methods of Statement do not apply -----------------------------------------

    private static SQLException textMethod(String method) {
        return SqlExceptions.illegalArgument("Statement." + method + "(String) can not be called on a PreparedStatement");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textMethod("executeQuery");
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw textMethod("executeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw textMethod("executeLargeUpdate");
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textMethod("execute");
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textMethod("addBatch");
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw textMethod("executeUpdate");
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw textMethod("executeUpdate");
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        throw textMethod("executeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        throw textMethod("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        throw textMethod("executeLargeUpdate");
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        throw textMethod("executeLargeUpdate");
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        throw textMethod("execute");
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        throw textMethod("execute");
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        throw textMethod("execute");
    }

    // ---- parameters ---------------------------------------------------------------------------

    private void set(int index, Object value) throws SQLException {
        checkOpen();
        JdbcParameterMetaData.checkIndex(index, parameters.length);
        parameters[index - 1] = value;
        bound[index - 1] = true;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, null);
        Arrays.fill(bound, false);
    }

    @Override
    public void setNull(int i, int sqlType) throws SQLException {
        set(i, null);
    }

    @Override
    public void setNull(int i, int sqlType, String typeName) throws SQLException {
        set(i, null);
    }

    @Override
    public void setBoolean(int i, boolean x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setByte(int i, byte x) throws SQLException {
        set(i, (long) x);
    }

    @Override
    public void setShort(int i, short x) throws SQLException {
        set(i, (long) x);
    }

    @Override
    public void setInt(int i, int x) throws SQLException {
        set(i, (long) x);
    }

    @Override
    public void setLong(int i, long x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setFloat(int i, float x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setDouble(int i, double x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setBigDecimal(int i, BigDecimal x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setString(int i, String x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setNString(int i, String x) throws SQLException {
        set(i, x);
    }

    @Override
    public void setBytes(int i, byte[] x) throws SQLException {
        set(i, x == null ? null : x.clone());
    }

    @Override
    public void setDate(int i, Date x) throws SQLException {
        set(i, x == null ? null : ParameterValues.date(x, null));
    }

    @Override
    public void setDate(int i, Date x, Calendar cal) throws SQLException {
        set(i, x == null ? null : ParameterValues.date(x, cal));
    }

    @Override
    public void setTime(int i, Time x) throws SQLException {
        set(i, x == null ? null : ParameterValues.time(x, null));
    }

    @Override
    public void setTime(int i, Time x, Calendar cal) throws SQLException {
        set(i, x == null ? null : ParameterValues.time(x, cal));
    }

    @Override
    public void setTimestamp(int i, Timestamp x) throws SQLException {
        set(i, x == null ? null : ParameterValues.timestamp(x, null));
    }

    @Override
    public void setTimestamp(int i, Timestamp x, Calendar cal) throws SQLException {
        set(i, x == null ? null : ParameterValues.timestamp(x, cal));
    }

    @Override
    public void setObject(int i, Object x) throws SQLException {
        set(i, ParameterValues.normalize(x));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType) throws SQLException {
        set(i, ParameterValues.convert(x, targetSqlType, -1));
    }

    @Override
    public void setObject(int i, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(i, ParameterValues.convert(x, targetSqlType, scaleOrLength));
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType) throws SQLException {
        setObject(i, x, vendorType(targetSqlType), -1);
    }

    @Override
    public void setObject(int i, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(i, x, vendorType(targetSqlType), scaleOrLength);
    }

    private static int vendorType(SQLType t) throws SQLException {
        if (t == null || t.getVendorTypeNumber() == null) {
            throw SqlExceptions.unsupported("SQLType " + t);
        }
        return t.getVendorTypeNumber();
    }

    @Override
    public void setAsciiStream(int i, InputStream x, int length) throws SQLException {
        setAsciiStream(i, x, (long) length);
    }

    @Override
    public void setAsciiStream(int i, InputStream x, long length) throws SQLException {
        set(i, x == null ? null : new String(ParameterValues.readBytes(x, length), StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int i, InputStream x) throws SQLException {
        setAsciiStream(i, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int i, InputStream x, int length) throws SQLException {
        throw SqlExceptions.unsupported("setUnicodeStream (deprecated; use setCharacterStream)");
    }

    @Override
    public void setBinaryStream(int i, InputStream x, int length) throws SQLException {
        setBinaryStream(i, x, (long) length);
    }

    @Override
    public void setBinaryStream(int i, InputStream x, long length) throws SQLException {
        set(i, x == null ? null : ParameterValues.readBytes(x, length));
    }

    @Override
    public void setBinaryStream(int i, InputStream x) throws SQLException {
        setBinaryStream(i, x, -1L);
    }

    @Override
    public void setCharacterStream(int i, Reader reader, int length) throws SQLException {
        setCharacterStream(i, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int i, Reader reader, long length) throws SQLException {
        set(i, reader == null ? null : ParameterValues.readText(reader, length));
    }

    @Override
    public void setCharacterStream(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int i, Reader value, long length) throws SQLException {
        setCharacterStream(i, value, length);
    }

    @Override
    public void setNCharacterStream(int i, Reader value) throws SQLException {
        setCharacterStream(i, value, -1L);
    }

    @Override
    public void setBlob(int i, Blob x) throws SQLException {
        set(i, ParameterValues.normalize(x));
    }

    @Override
    public void setBlob(int i, InputStream inputStream, long length) throws SQLException {
        setBinaryStream(i, inputStream, length);
    }

    @Override
    public void setBlob(int i, InputStream inputStream) throws SQLException {
        setBinaryStream(i, inputStream, -1L);
    }

    @Override
    public void setClob(int i, Clob x) throws SQLException {
        set(i, ParameterValues.normalize(x));
    }

    @Override
    public void setClob(int i, Reader reader, long length) throws SQLException {
        setCharacterStream(i, reader, length);
    }

    @Override
    public void setClob(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader, -1L);
    }

    @Override
    public void setNClob(int i, NClob value) throws SQLException {
        set(i, ParameterValues.normalize(value));
    }

    @Override
    public void setNClob(int i, Reader reader, long length) throws SQLException {
        setCharacterStream(i, reader, length);
    }

    @Override
    public void setNClob(int i, Reader reader) throws SQLException {
        setCharacterStream(i, reader, -1L);
    }

    /** As Connector/J: the URL's text. */
    @Override
    public void setURL(int i, URL x) throws SQLException {
        set(i, x == null ? null : x.toString());
    }

    @Override
    public void setRef(int i, Ref x) throws SQLException {
        throw SqlExceptions.unsupported("REF parameters");
    }

    @Override
    public void setArray(int i, Array x) throws SQLException {
        throw SqlExceptions.unsupported("ARRAY parameters");
    }

    @Override
    public void setRowId(int i, RowId x) throws SQLException {
        throw SqlExceptions.unsupported("ROWID parameters");
    }

    @Override
    public void setSQLXML(int i, SQLXML xmlObject) throws SQLException {
        throw SqlExceptions.unsupported("SQLXML parameters");
    }
}
