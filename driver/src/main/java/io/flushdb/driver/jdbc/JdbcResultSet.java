package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.exec.StatementResult;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result set over rows the engine has fully materialised: forward-only or scroll-insensitive,
 * read-only. Columns are found by index or by label (case-insensitive, the first match wins, as in
 * Connector/J; {@code table.column} also matches). The conversions live with their type family:
 * {@link NumericValues}, {@link TemporalValues}, {@link TextValues}, {@link ObjectValues}.
 *
 * <p>Concurrency: not thread-safe, as JDBC result sets are used by one thread at a time. It
 * reads nothing from the engine after it is made, so it stays readable after a commit
 * ({@link #HOLD_CURSORS_OVER_COMMIT}) until it, its statement or its connection is closed.
 */
public final class JdbcResultSet extends ReadOnlyResultSet {
    private final JdbcStatement statement;
    private final List<ColumnMeta> columns;
    private final List<Object[]> rows;
    private final int type;
    private Map<String, Integer> labels;
    /** 0 before the first row, 1..n on a row, n + 1 after the last. */
    private int position;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    JdbcResultSet(JdbcStatement statement, List<ColumnMeta> columns, List<Object[]> rows, int type) {
        this.statement = statement;
        this.columns = columns;
        this.rows = rows;
        this.type = type;
    }

    /** A scrollable result set with no statement (metadata results, generated keys). */
    static JdbcResultSet detached(JdbcStatement statement, StatementResult result) {
        return new JdbcResultSet(statement, result.columns(), result.rows(), TYPE_SCROLL_INSENSITIVE);
    }

    // ---- cursor -------------------------------------------------------------------------------

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (position <= rows.size()) {
            position++;
        }
        return position <= rows.size();
    }

    @Override
    public boolean previous() throws SQLException {
        checkScrollable();
        if (position > 0) {
            position--;
        }
        return onRow();
    }

    @Override
    public boolean first() throws SQLException {
        checkScrollable();
        position = rows.isEmpty() ? 0 : 1;
        return onRow();
    }

    @Override
    public boolean last() throws SQLException {
        checkScrollable();
        position = rows.size();
        return onRow();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        checkScrollable();
        int target = row >= 0 ? row : rows.size() + 1 + row;
        position = Math.max(0, Math.min(target, rows.size() + 1));
        return onRow();
    }

    @Override
    public boolean relative(int offset) throws SQLException {
        checkScrollable();
        long target = (long) position + offset;
        position = (int) Math.max(0, Math.min(target, rows.size() + 1));
        return onRow();
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkScrollable();
        position = 0;
    }

    @Override
    public void afterLast() throws SQLException {
        checkScrollable();
        position = rows.size() + 1;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return position == 0 && !rows.isEmpty();
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return position > rows.size() && !rows.isEmpty();
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return position == 1 && !rows.isEmpty();
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return position == rows.size() && !rows.isEmpty();
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow() ? position : 0;
    }

    private boolean onRow() {
        return position >= 1 && position <= rows.size();
    }

    private void checkScrollable() throws SQLException {
        checkOpen();
        if (type == TYPE_FORWARD_ONLY) {
            throw SqlExceptions.client("Operation not allowed for a result set of type ResultSet.TYPE_FORWARD_ONLY",
                    SqlExceptions.ILLEGAL_ARGUMENT);
        }
    }

    // ---- values -------------------------------------------------------------------------------

    /** The current row's value in column {@code index} (1-based); records {@link #wasNull}. */
    private Object value(int index) throws SQLException {
        checkOpen();
        if (!onRow()) {
            throw SqlExceptions.client(rows.isEmpty() || position == 0 ? "Before start of result set"
                    : "After end of result set", SqlExceptions.ILLEGAL_ARGUMENT);
        }
        Object v = rows.get(position - 1)[checkIndex(index) - 1];
        wasNull = v == null;
        return v;
    }

    private ColumnMeta meta(int index) {
        return columns.get(index - 1);
    }

    private int checkIndex(int index) throws SQLException {
        if (index < 1 || index > columns.size()) {
            throw SqlExceptions.illegalArgument("Column Index out of range, " + index + " > " + columns.size() + ".");
        }
        return index;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.toText(v, meta(i));
    }

    /**
     * A FlushDB extension: the value as the MySQL server writes it in its text protocol, which is
     * what the mysql client prints ({@code 1.5e20} for a DOUBLE, where {@link #getString} gives
     * Connector/J's {@code 1.5E20}). The shell prints results with it.
     */
    public String getServerText(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.serverText(v, meta(i));
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        Object v = value(i);
        return v != null && NumericValues.toBoolean(v, meta(i));
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) integral(i, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) integral(i, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) integral(i, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int i) throws SQLException {
        return integral(i, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    private long integral(int i, long min, long max, String javaType) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : NumericValues.toLong(v, meta(i), min, max, javaType);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : NumericValues.toFloat(v, meta(i));
    }

    @Override
    public double getDouble(int i) throws SQLException {
        Object v = value(i);
        return v == null ? 0 : NumericValues.toDouble(v, meta(i));
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : NumericValues.toBigDecimal(v, meta(i), "java.math.BigDecimal");
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.toBytes(v, meta(i));
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return getDate(i, null);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : TemporalValues.toDate(v, meta(i), cal);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return getTime(i, null);
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : TemporalValues.toTime(v, meta(i), cal);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return getTimestamp(i, null);
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        Object v = value(i);
        return v == null ? null : TemporalValues.toTimestamp(v, meta(i), cal);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.asciiStream(v, meta(i));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int i) throws SQLException {
        throw SqlExceptions.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.binaryStream(v, meta(i));
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.characterStream(v, meta(i));
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : ObjectValues.toDefault(v, meta(i));
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        if (map != null && !map.isEmpty()) {
            throw SqlExceptions.unsupported("getObject with a type map (user-defined types)");
        }
        return getObject(i);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) {
            throw SqlExceptions.illegalArgument("Type parameter can not be null");
        }
        Object v = value(i);
        return v == null ? null : ObjectValues.convert(v, meta(i), type);
    }

    @Override
    public Blob getBlob(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.blob(v, meta(i));
    }

    @Override
    public Clob getClob(int i) throws SQLException {
        Object v = value(i);
        return v == null ? null : TextValues.clob(v, meta(i));
    }

    @Override
    public URL getURL(int i) throws SQLException {
        String s = getString(i);
        try {
            return s == null ? null : new URL(s);
        } catch (MalformedURLException e) {
            throw SqlExceptions.create("Malformed URL '" + s + "'", SqlExceptions.ILLEGAL_ARGUMENT, 0, e);
        }
    }

    @Override
    public NClob getNClob(int i) throws SQLException {
        throw SqlExceptions.unsupported("NClob");
    }

    @Override
    public Array getArray(int i) throws SQLException {
        throw SqlExceptions.unsupported("ARRAY values");
    }

    @Override
    public Ref getRef(int i) throws SQLException {
        throw SqlExceptions.unsupported("REF values");
    }

    @Override
    public RowId getRowId(int i) throws SQLException {
        throw SqlExceptions.unsupported("ROWID values");
    }

    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        throw SqlExceptions.unsupported("SQLXML values");
    }

    // ---- by label -----------------------------------------------------------------------------

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        if (labels == null) {
            labels = new HashMap<>();
            for (int i = 1; i <= columns.size(); i++) { // labels first; within each, the first match wins
                labels.putIfAbsent(columns.get(i - 1).label().toLowerCase(Locale.ROOT), i);
            }
            for (int i = 1; i <= columns.size(); i++) {
                ColumnMeta c = columns.get(i - 1);
                if (!c.table().isEmpty()) {
                    labels.putIfAbsent((c.table() + "." + c.name()).toLowerCase(Locale.ROOT), i);
                }
            }
        }
        Integer i = label == null ? null : labels.get(label.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw SqlExceptions.client("Column '" + label + "' not found.", SqlExceptions.COLUMN_NOT_FOUND);
        }
        return i;
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return getBlob(findColumn(label));
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return getURL(findColumn(label));
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return getNClob(findColumn(label));
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        return getRef(findColumn(label));
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        return getRowId(findColumn(label));
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        return getSQLXML(findColumn(label));
    }

    // ---- the result set itself ----------------------------------------------------------------

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcResultSetMetaData(columns);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return type;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        checkFetchDirection(direction, type);
    }

    /**
     * Accepts a fetch direction hint for result sets of {@code type}: any of the three when
     * scrollable, only {@link #FETCH_FORWARD} when forward-only. The hint changes nothing (rows are
     * in memory; {@code getFetchDirection} stays {@link #FETCH_FORWARD}). Statements check theirs
     * here too.
     */
    static void checkFetchDirection(int direction, int type) throws SQLException {
        if (direction != FETCH_FORWARD && (type == TYPE_FORWARD_ONLY
                || (direction != FETCH_REVERSE && direction != FETCH_UNKNOWN))) {
            throw SqlExceptions.illegalArgument("Illegal fetch direction " + direction);
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only: every row is already in memory. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        SqlExceptions.checkNonNegative(rows, "Fetch size");
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public String getCursorName() throws SQLException {
        throw SqlExceptions.unsupported("Named cursors (positioned UPDATE/DELETE)");
    }

    /** Conversion problems are errors, never warnings; there is nothing to report. */
    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (statement != null) {
            statement.resultSetClosed(this);
        }
    }

    /** Closed by its statement, without calling back. */
    void closeFromStatement() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.client("Operation not allowed after ResultSet closed", SqlExceptions.GENERAL_ERROR);
        }
    }
}
