package io.flushdb.driver.jdbc;

import io.flushdb.sql.exec.ColumnMeta;
import io.flushdb.sql.types.MySqlValues;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * The string, byte and stream getters' conversions of one non-null column value. Every value reads
 * as a string the way Connector/J's {@code getString} gives it ({@link MySqlValues#toJdbcString}:
 * the server's text, except that FLOAT and DOUBLE print as Java prints a double and fractional
 * seconds show only when not zero); {@link #serverText} is the server's own text (what the mysql
 * client shows). Binary strings give their bytes as they are, other values the UTF-8 bytes of their
 * server text. Streams, {@link Blob}s and {@link Clob}s are read-only copies of the materialised
 * value.
 */
final class TextValues {
    private TextValues() {
    }

    /** {@code getString}. */
    static String toText(Object v, ColumnMeta meta) {
        return MySqlValues.toJdbcString(v, meta);
    }

    /** The text the MySQL server sends for the value (and the mysql client prints). */
    static String serverText(Object v, ColumnMeta meta) {
        return MySqlValues.toText(v, meta);
    }

    /** The bytes the server sends: a binary string's own, or the UTF-8 of the server text. */
    static byte[] toBytes(Object v, ColumnMeta meta) {
        if (v instanceof byte[] b) {
            return b.clone();
        }
        if (meta != null && meta.type() == io.flushdb.sql.types.MySqlType.BIT_FIELD && v instanceof Number n) {
            return io.flushdb.sql.types.EnumSetValues.bitBytes(n.longValue(), (int) meta.length());
        }
        return serverText(v, meta).getBytes(StandardCharsets.UTF_8);
    }

    static InputStream binaryStream(Object v, ColumnMeta meta) {
        return new ByteArrayInputStream(toBytes(v, meta));
    }

    static InputStream asciiStream(Object v, ColumnMeta meta) {
        return new ByteArrayInputStream(serverText(v, meta).getBytes(StandardCharsets.US_ASCII));
    }

    static Reader characterStream(Object v, ColumnMeta meta) {
        return new StringReader(toText(v, meta));
    }

    static Blob blob(Object v, ColumnMeta meta) throws SQLException {
        return new SerialBlob(toBytes(v, meta));
    }

    static Clob clob(Object v, ColumnMeta meta) throws SQLException {
        return new SerialClob(toText(v, meta).toCharArray());
    }
}
