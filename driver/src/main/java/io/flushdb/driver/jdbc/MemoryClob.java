package io.flushdb.driver.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * The writable, in-memory {@link Clob} (and {@link NClob}) that {@code Connection.createClob()}
 * returns, as Connector/J's {@code com.mysql.cj.jdbc.Clob}: empty at first, filled with
 * {@code setString} or a writer, and bound with {@code setClob}, which reads it at once. Positions
 * are 1-based; writing past the end pads nothing (a write may start at most one past the end).
 *
 * <p>Not thread-safe, like a JDBC statement. After {@link #free()} every method fails.
 */
final class MemoryClob implements NClob {
    private StringBuilder text = new StringBuilder();

    private StringBuilder text() throws SQLException {
        if (text == null) {
            throw SqlExceptions.client("Clob has been freed", SqlExceptions.GENERAL_ERROR);
        }
        return text;
    }

    @Override
    public long length() throws SQLException {
        return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        StringBuilder t = text();
        int from = SqlExceptions.lobIndex(pos, t.length());
        SqlExceptions.checkNonNegative(length, "Length");
        return t.substring(from, Math.min(t.length(), from + length));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(text().toString());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(text().toString().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String searchstr, long start) throws SQLException {
        StringBuilder t = text();
        int found = t.indexOf(searchstr, SqlExceptions.lobIndex(start, t.length()));
        return found < 0 ? -1 : found + 1;
    }

    @Override
    public long position(Clob searchstr, long start) throws SQLException {
        return position(searchstr.getSubString(1, (int) searchstr.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        StringBuilder t = text();
        int at = SqlExceptions.lobIndex(pos, t.length());
        SqlExceptions.checkSlice(offset, len, str.length(), "string");
        t.replace(at, Math.min(t.length(), at + len), str.substring(offset, offset + len));
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        int[] at = {SqlExceptions.lobIndex(pos, text().length())};
        return new OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                try {
                    setString(at[0] + 1L, String.valueOf((char) (b & 0x7f)));
                    at[0]++;
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }
        };
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        int[] at = {SqlExceptions.lobIndex(pos, text().length())};
        return new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws java.io.IOException {
                try {
                    setString(at[0] + 1L, new String(cbuf, off, len));
                    at[0] += len;
                } catch (SQLException e) {
                    throw new java.io.IOException(e);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        StringBuilder t = text();
        if (len < 0 || len > t.length()) {
            throw SqlExceptions.illegalArgument("Length " + len + " is out of range 0.." + t.length());
        }
        t.setLength((int) len);
    }

    @Override
    public void free() {
        text = null;
    }
}
