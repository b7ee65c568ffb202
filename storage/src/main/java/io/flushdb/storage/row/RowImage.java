package io.flushdb.storage.row;

import io.flushdb.storage.btree.ExternalRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A row ({@code Object[]} of a {@link TableStore}'s {@link TableStore#rowWidth()} slots, the hidden
 * row id included) as bytes, for logical undo records in the redo log. The image is
 * self-describing: each value carries a tag naming its Java type, so decoding needs no table
 * definition, and every value comes back with the same type and value it was encoded with.
 *
 * <p>Format (all integers big-endian, the byte order of a fresh {@link ByteBuffer}; the image is
 * written with absolute byte order regardless of the buffer's {@code order()}):
 *
 * <pre>
 * u16   value count n (0..65534); 0xFFFF stands for "no row" (a null row) and nothing follows
 * n times:
 *   u8  tag, then its payload:
 *       0  NULL         nothing
 *       1  Long         8 bytes, two's complement
 *       2  Integer      4 bytes (DATE columns: epoch days)
 *       3  Short        2 bytes
 *       4  Byte         1 byte
 *       5  Float        4 bytes, Float.floatToRawIntBits (NaN payloads and -0.0 kept)
 *       6  Double       8 bytes, Double.doubleToRawLongBits
 *       7  BigDecimal   i32 scale, u32 length m, m bytes of the unscaled value
 *                       (BigInteger.toByteArray: minimal two's complement)
 *       8  BigInteger   u32 length m, m bytes (BigInteger.toByteArray)
 *       9  String       u32 length m, m bytes of UTF-8 (String.getBytes(UTF_8): an unpaired
 *                       surrogate becomes '?', as it would in a record)
 *      10  byte[]       u32 length m, m bytes
 * </pre>
 *
 * <p>These are the types {@link TableStore#decodeRow} produces ({@code Long} for INT columns and
 * TIME/DATETIME/TIMESTAMP, {@code Integer} for DATE, {@code Float}, {@code Double},
 * {@code BigDecimal}, {@code String}, {@code byte[]}) and the other {@code Number}s
 * {@link TableStore#insert} accepts for integer columns. Long values are held in full: an
 * {@link ExternalRef} (a value left on its overflow pages) is refused, so rows must be decoded
 * with {@code withLobs} set.
 *
 * <p>Concurrency: stateless.
 */
public final class RowImage {
    /** The count that stands for a null row. */
    private static final int NO_ROW = 0xFFFF;
    /** The most values a row image holds. */
    public static final int MAX_VALUES = NO_ROW - 1;

    static final int NULL = 0;
    static final int LONG = 1;
    static final int INTEGER = 2;
    static final int SHORT = 3;
    static final int BYTE = 4;
    static final int FLOAT = 5;
    static final int DOUBLE = 6;
    static final int DECIMAL = 7;
    static final int BIG_INTEGER = 8;
    static final int STRING = 9;
    static final int BYTES = 10;

    private RowImage() {
    }

    /**
     * Bytes {@link #encode} writes for {@code row} (which may be null: no row).
     *
     * @throws IllegalArgumentException if a value has a type the image cannot hold
     */
    public static int encodedLength(Object[] row) {
        if (row == null) {
            return 2;
        }
        checkCount(row);
        long n = 2;
        for (Object v : row) {
            n += 1 + payloadLength(v);
        }
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("row image of " + n + " bytes is too long");
        }
        return (int) n;
    }

    /**
     * Writes the image of {@code row} (null: no row) at {@code out}'s position and advances it by
     * {@link #encodedLength} bytes.
     *
     * @throws BufferOverflowException if {@code out} has less room (part of the image may have
     *                                 been written)
     * @throws IllegalArgumentException if a value has a type the image cannot hold (checked before
     *                                  anything is written)
     */
    public static void encode(Object[] row, ByteBuffer out) {
        if (row == null) {
            putShort(out, NO_ROW);
            return;
        }
        int len = encodedLength(row);
        if (out.remaining() < len) {
            throw new BufferOverflowException();
        }
        putShort(out, row.length);
        for (Object v : row) {
            writeValue(v, out);
        }
    }

    /** The image of {@code row} (null: no row) as a new array. */
    public static byte[] encode(Object[] row) {
        ByteBuffer b = ByteBuffer.allocate(encodedLength(row));
        encode(row, b);
        return b.array();
    }

    /**
     * Reads an image at {@code in}'s position, advancing past it. Returns a new row, or null for
     * the image of no row.
     *
     * @throws IllegalArgumentException if the bytes are not a row image (an unknown tag, a
     *                                  negative length)
     * @throws BufferUnderflowException if the image runs past {@code in}'s limit
     */
    public static Object[] decode(ByteBuffer in) {
        int n = getShort(in);
        if (n == NO_ROW) {
            return null;
        }
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
            row[i] = readValue(in);
        }
        return row;
    }

    /** Reads the image that fills {@code image}. */
    public static Object[] decode(byte[] image) {
        ByteBuffer in = ByteBuffer.wrap(image);
        Object[] row = decode(in);
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the row image");
        }
        return row;
    }

    // ---- values -------------------------------------------------------------------------------

    private static void checkCount(Object[] row) {
        if (row.length > MAX_VALUES) {
            throw new IllegalArgumentException("row of " + row.length + " values; at most " + MAX_VALUES);
        }
    }

    private static long payloadLength(Object v) {
        if (v == null) {
            return 0;
        }
        if (v instanceof Long || v instanceof Double) {
            return 8;
        }
        if (v instanceof Integer || v instanceof Float) {
            return 4;
        }
        if (v instanceof Short) {
            return 2;
        }
        if (v instanceof Byte) {
            return 1;
        }
        if (v instanceof BigDecimal d) {
            return 8 + bigIntegerLength(d.unscaledValue());
        }
        if (v instanceof BigInteger b) {
            return 4 + bigIntegerLength(b);
        }
        if (v instanceof String s) {
            return 4 + utf8Length(s);
        }
        if (v instanceof byte[] b) {
            return 4 + b.length;
        }
        throw unsupported(v);
    }

    private static IllegalArgumentException unsupported(Object v) {
        if (v instanceof ExternalRef) {
            return new IllegalArgumentException("a row image needs the full value, not an overflow reference "
                    + v + " (decode the row with its long values)");
        }
        return new IllegalArgumentException("a row image cannot hold a value of type " + v.getClass().getName());
    }

    /** Length of {@code b.toByteArray()}. */
    private static int bigIntegerLength(BigInteger b) {
        return b.bitLength() / 8 + 1;
    }

    /** Length of {@code s.getBytes(UTF_8)}, unpaired surrogates becoming one '?'. */
    static int utf8Length(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static void writeValue(Object v, ByteBuffer out) {
        if (v == null) {
            out.put((byte) NULL);
        } else if (v instanceof Long l) {
            out.put((byte) LONG);
            putLong(out, l);
        } else if (v instanceof Integer i) {
            out.put((byte) INTEGER);
            putInt(out, i);
        } else if (v instanceof Short s) {
            out.put((byte) SHORT);
            putShort(out, s);
        } else if (v instanceof Byte b) {
            out.put((byte) BYTE);
            out.put(b);
        } else if (v instanceof Float f) {
            out.put((byte) FLOAT);
            putInt(out, Float.floatToRawIntBits(f));
        } else if (v instanceof Double d) {
            out.put((byte) DOUBLE);
            putLong(out, Double.doubleToRawLongBits(d));
        } else if (v instanceof BigDecimal d) {
            out.put((byte) DECIMAL);
            putInt(out, d.scale());
            putBytes(out, d.unscaledValue().toByteArray());
        } else if (v instanceof BigInteger b) {
            out.put((byte) BIG_INTEGER);
            putBytes(out, b.toByteArray());
        } else if (v instanceof String s) {
            out.put((byte) STRING);
            putBytes(out, s.getBytes(StandardCharsets.UTF_8));
        } else if (v instanceof byte[] b) {
            out.put((byte) BYTES);
            putBytes(out, b);
        } else {
            throw unsupported(v);
        }
    }

    private static Object readValue(ByteBuffer in) {
        int tag = in.get() & 0xFF;
        return switch (tag) {
            case NULL -> null;
            case LONG -> getLong(in);
            case INTEGER -> getInt(in);
            case SHORT -> (short) getShort(in);
            case BYTE -> in.get();
            case FLOAT -> Float.intBitsToFloat(getInt(in));
            case DOUBLE -> Double.longBitsToDouble(getLong(in));
            case DECIMAL -> {
                int scale = getInt(in);
                yield new BigDecimal(new BigInteger(getBytes(in)), scale);
            }
            case BIG_INTEGER -> new BigInteger(getBytes(in));
            case STRING -> new String(getBytes(in), StandardCharsets.UTF_8);
            case BYTES -> getBytes(in);
            default -> throw new IllegalArgumentException("unknown value tag " + tag + " in a row image at "
                    + (in.position() - 1));
        };
    }

    // ---- big-endian primitives, independent of the buffer's byte order --------------------------

    private static void putShort(ByteBuffer out, int v) {
        out.put((byte) (v >> 8));
        out.put((byte) v);
    }

    private static void putInt(ByteBuffer out, int v) {
        putShort(out, v >>> 16);
        putShort(out, v);
    }

    private static void putLong(ByteBuffer out, long v) {
        putInt(out, (int) (v >>> 32));
        putInt(out, (int) v);
    }

    private static void putBytes(ByteBuffer out, byte[] b) {
        putInt(out, b.length);
        out.put(b);
    }

    private static int getShort(ByteBuffer in) {
        return ((in.get() & 0xFF) << 8) | (in.get() & 0xFF);
    }

    private static int getInt(ByteBuffer in) {
        return (getShort(in) << 16) | getShort(in);
    }

    private static long getLong(ByteBuffer in) {
        return ((long) getInt(in) << 32) | (getInt(in) & 0xFFFFFFFFL);
    }

    private static byte[] getBytes(ByteBuffer in) {
        int n = getInt(in);
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n + " in a row image");
        }
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] b = new byte[n];
        in.get(b);
        return b;
    }
}
