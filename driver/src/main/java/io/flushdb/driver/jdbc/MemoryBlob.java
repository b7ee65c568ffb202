package io.flushdb.driver.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The writable, in-memory {@link Blob} that {@code Connection.createBlob()} returns, as
 * Connector/J's {@code com.mysql.cj.jdbc.Blob}: empty at first, filled with {@code setBytes} or
 * an output stream, and bound with {@code setBlob}, which reads it at once. Positions are 1-based;
 * a write may start at most one past the end.
 *
 * <p>Not thread-safe, like a JDBC statement. After {@link #free()} every method fails.
 */
final class MemoryBlob implements Blob {
    private byte[] bytes = new byte[0];

    private byte[] bytes() throws SQLException {
        if (bytes == null) {
            throw SqlExceptions.client("Blob has been freed", SqlExceptions.GENERAL_ERROR);
        }
        return bytes;
    }

    @Override
    public long length() throws SQLException {
        return bytes().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        byte[] b = bytes();
        int from = SqlExceptions.lobIndex(pos, b.length);
        SqlExceptions.checkNonNegative(length, "Length");
        return Arrays.copyOfRange(b, from, Math.min(b.length, from + length));
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(bytes());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        return new ByteArrayInputStream(getBytes(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] b = bytes();
        for (int i = SqlExceptions.lobIndex(start, b.length); i + pattern.length <= b.length; i++) {
            if (Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i + 1L;
            }
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] data) throws SQLException {
        return setBytes(pos, data, 0, data.length);
    }

    @Override
    public int setBytes(long pos, byte[] data, int offset, int len) throws SQLException {
        byte[] b = bytes();
        int at = SqlExceptions.lobIndex(pos, b.length);
        SqlExceptions.checkSlice(offset, len, data.length, "array");
        byte[] grown = at + len > b.length ? Arrays.copyOf(b, at + len) : b;
        System.arraycopy(data, offset, grown, at, len);
        bytes = grown;
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        int start = SqlExceptions.lobIndex(pos, bytes().length);
        return new ByteArrayOutputStream() {
            private int written;

            @Override
            public void flush() throws java.io.IOException {
                byte[] pending = toByteArray();
                if (pending.length > written) {
                    try {
                        setBytes(start + 1L + written, pending, written, pending.length - written);
                    } catch (SQLException e) {
                        throw new java.io.IOException(e);
                    }
                    written = pending.length;
                }
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        byte[] b = bytes();
        if (len < 0 || len > b.length) {
            throw SqlExceptions.illegalArgument("Length " + len + " is out of range 0.." + b.length);
        }
        bytes = Arrays.copyOf(b, (int) len);
    }

    @Override
    public void free() {
        bytes = null;
    }
}
