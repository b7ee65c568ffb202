package io.flushdb.storage.btree;

import io.flushdb.storage.dict.ColumnType.Encoding;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The format of one kind of record (a clustered leaf record, a secondary index entry, a node
 * pointer, a search key), and the code that encodes, decodes and walks it. Format in
 * {@code docs/format/record.md}:
 *
 * <pre>
 * u16   total length of the record in bytes (including this field)
 * u8    info bits: 0x01 delete-marked, 0x02 has fields on overflow pages
 * ...   null bitmap: one bit per nullable field, in field order (ceil(n/8) bytes)
 * ...   the non-null fields in order:
 *         fixed-width: big-endian bytes (DECIMAL: two's complement with the sign bit flipped)
 *         variable:    length 0..127 in one byte, 128..16383 in two (0x80 | high, low),
 *                      or 0xC0 then u32 first overflow page, u32 length (stored externally)
 * </pre>
 *
 * <p>A search key is a record of a prefix layout (the first key fields), so keys and records are
 * compared by one routine ({@link #compare}).
 *
 * <p>Concurrency: immutable.
 */
public final class RecordLayout {
    public static final int INFO_DELETED = 0x01;
    public static final int INFO_EXTERNAL = 0x02;
    /**
     * Node pointers only: the first pointer of the leftmost page of a level, which compares below
     * every key (InnoDB's min-rec mark).
     */
    public static final int INFO_MIN_REC = 0x04;
    /** The longest value stored inside a record; longer ones go to overflow pages. */
    public static final int MAX_INLINE_FIELD = 16383;
    static final int EXTERNAL_MARKER = 0xC0;

    private final FieldSpec[] fields;
    private final int[] nullBit;
    private final int bitmapBytes;
    private final int keyFields;

    public RecordLayout(FieldSpec[] fields, int keyFields) {
        this.fields = fields.clone();
        this.keyFields = keyFields;
        this.nullBit = new int[fields.length];
        int bits = 0;
        for (int i = 0; i < fields.length; i++) {
            nullBit[i] = fields[i].nullable() ? bits++ : -1;
        }
        this.bitmapBytes = (bits + 7) / 8;
        this.prefixes = new RecordLayout[fields.length + 1];
    }

    /**
     * Prefix layouts made so far, by length: search keys ask for them on every lookup. Filled
     * lazily; a race makes the same immutable layout twice, and its final fields publish it.
     */
    private final RecordLayout[] prefixes;

    /** A layout of the first {@code n} fields (for search keys); made once per length. */
    public RecordLayout prefix(int n) {
        if (n == fields.length && n == keyFields) {
            return this;
        }
        RecordLayout p = prefixes[n];
        if (p == null) {
            p = new RecordLayout(java.util.Arrays.copyOf(fields, n), Math.min(n, keyFields));
            prefixes[n] = p;
        }
        return p;
    }

    public int fieldCount() {
        return fields.length;
    }

    public FieldSpec field(int i) {
        return fields[i];
    }

    /** Number of leading fields that form the ordering key. */
    public int keyFields() {
        return keyFields;
    }

    /** Offset of the first field from the record start. */
    public int fieldsStart() {
        return 3 + bitmapBytes;
    }

    public static int length(ByteBuffer buf, int rec) {
        return buf.getShort(rec) & 0xFFFF;
    }

    public static int info(ByteBuffer buf, int rec) {
        return buf.get(rec + 2) & 0xFF;
    }

    public boolean isNull(ByteBuffer buf, int rec, int field) {
        int bit = nullBit[field];
        return bit >= 0 && (buf.get(rec + 3 + (bit >> 3)) & (1 << (bit & 7))) != 0;
    }

    // ---- encoding -----------------------------------------------------------------------------

    /**
     * Encodes {@code values} (one per field, or fewer for a key prefix) at {@code out}'s position
     * and advances it. Values are the storage's Java types: {@code Long} (or any Number) for INT,
     * {@code Float}/{@code Double}, {@code BigDecimal} already at the field's scale, {@code String},
     * {@code byte[]}, {@code Integer} epoch days for DATE, {@code Long} microseconds for
     * TIME/DATETIME/TIMESTAMP, or an {@link ExternalRef} for an externally stored value.
     * Returns the record length.
     */
    public int encode(Object[] values, int count, ByteBuffer out, int info) {
        int start = out.position();
        out.putShort((short) 0);
        out.put((byte) info);
        int bitmapAt = out.position();
        for (int i = 0; i < bitmapBytes; i++) {
            out.put((byte) 0);
        }
        for (int i = 0; i < count; i++) {
            Object v = values[i];
            FieldSpec f = fields[i];
            if (v == null) {
                if (nullBit[i] < 0) {
                    throw new IllegalArgumentException("null value for NOT NULL field " + i);
                }
                int bit = nullBit[i];
                out.put(bitmapAt + (bit >> 3), (byte) (out.get(bitmapAt + (bit >> 3)) | (1 << (bit & 7))));
                continue;
            }
            writeField(f, v, out);
        }
        int len = out.position() - start;
        if (len > 0xFFFF) {
            throw new IllegalArgumentException("record too long: " + len);
        }
        out.putShort(start, (short) len);
        return len;
    }

    private static void writeField(FieldSpec f, Object v, ByteBuffer out) {
        switch (f.encoding()) {
            case INT -> writeInt(out, ((Number) v).longValue(), f.width());
            case FLOAT -> out.putInt(Float.floatToIntBits(normalizeZero(((Number) v).floatValue())));
            case DOUBLE -> out.putLong(Double.doubleToLongBits(normalizeZero(((Number) v).doubleValue())));
            case DECIMAL -> writeDecimal(out, (BigDecimal) v, f.width(), f.scale());
            case DATE -> out.putInt(((Number) v).intValue());
            case TIME, DATETIME, TIMESTAMP -> out.putLong(((Number) v).longValue());
            case STRING, BYTES -> {
                if (v instanceof ExternalRef ref) {
                    out.put((byte) EXTERNAL_MARKER);
                    out.putInt(ref.firstPage());
                    out.putInt((int) ref.length());
                } else {
                    byte[] b = v instanceof byte[] bytes ? bytes : ((String) v).getBytes(StandardCharsets.UTF_8);
                    writeVarLength(out, b.length);
                    out.put(b);
                }
            }
        }
    }

    /** Bytes the encoded value {@code v} takes inline (for sizing before encoding). */
    public static int inlineSize(FieldSpec f, Object v) {
        if (v == null) {
            return 0;
        }
        if (!f.isVariable()) {
            return f.width();
        }
        if (v instanceof ExternalRef) {
            return 1 + ExternalRef.SIZE;
        }
        int n = v instanceof byte[] b ? b.length : utf8Length((String) v);
        return (n < 128 ? 1 : 2) + n;
    }

    public int headerSize() {
        return 3 + bitmapBytes;
    }

    static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static float normalizeZero(float f) {
        return f == 0.0f ? 0.0f : f;
    }

    private static double normalizeZero(double d) {
        return d == 0.0 ? 0.0 : d;
    }

    private static void writeVarLength(ByteBuffer out, int n) {
        if (n < 128) {
            out.put((byte) n);
        } else if (n <= MAX_INLINE_FIELD) {
            out.put((byte) (0x80 | (n >> 8)));
            out.put((byte) n);
        } else {
            throw new IllegalArgumentException("inline field too long: " + n);
        }
    }

    private static void writeInt(ByteBuffer out, long v, int width) {
        switch (width) {
            case 1 -> out.put((byte) v);
            case 2 -> out.putShort((short) v);
            case 3 -> {
                out.put((byte) (v >> 16));
                out.putShort((short) v);
            }
            case 4 -> out.putInt((int) v);
            default -> out.putLong(v);
        }
    }

    private static void writeDecimal(ByteBuffer out, BigDecimal v, int width, int scale) {
        BigInteger unscaled = v.setScale(scale, java.math.RoundingMode.UNNECESSARY).unscaledValue();
        if (width == 8) {
            out.putLong(unscaled.longValueExact() ^ Long.MIN_VALUE);
            return;
        }
        byte[] b = unscaled.toByteArray();
        if (b.length > width) {
            throw new ArithmeticException("decimal value does not fit " + width + " bytes");
        }
        byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0);
        int at = out.position();
        for (int i = 0; i < width - b.length; i++) {
            out.put(pad);
        }
        out.put(b);
        out.put(at, (byte) (out.get(at) ^ 0x80));
    }

    /**
     * Writes, at {@code out}'s position, a record of this layout holding the first {@code n}
     * fields of record {@code rec} (of layout {@code src}, which agrees on those fields), followed by
     * {@code trailer} extra bytes left for the caller (a node pointer's child page number). The
     * length field covers the trailer. Returns the position where the trailer goes.
     */
    public int encodeKeyPrefix(RecordLayout src, ByteBuffer buf, int rec, int n, int trailer, ByteBuffer out) {
        int start = out.position();
        out.putShort((short) 0);
        out.put((byte) 0);
        int bitmapAt = out.position();
        for (int i = 0; i < bitmapBytes; i++) {
            out.put((byte) 0);
        }
        for (int i = 0; i < n; i++) {
            if (src.isNull(buf, rec, i)) {
                int bit = nullBit[i];
                out.put(bitmapAt + (bit >> 3), (byte) (out.get(bitmapAt + (bit >> 3)) | (1 << (bit & 7))));
            }
        }
        int from = rec + src.fieldsStart();
        int to = from;
        for (int i = 0; i < n; i++) {
            if (!src.isNull(buf, rec, i)) {
                to = skip(buf, to, src.fields[i]);
            }
        }
        out.put(out.position(), buf, from, to - from);
        out.position(out.position() + (to - from));
        int trailerAt = out.position();
        out.position(trailerAt + trailer);
        out.putShort(start, (short) (out.position() - start));
        return trailerAt;
    }

    /** Decodes the first {@code n} fields of a record (external values as {@link ExternalRef}). */
    public Object[] decodeFields(ByteBuffer buf, int rec, int n) {
        Object[] out = new Object[n];
        int pos = rec + fieldsStart();
        for (int i = 0; i < n; i++) {
            if (isNull(buf, rec, i)) {
                continue;
            }
            out[i] = decode(buf, pos, i);
            pos = skip(buf, pos, fields[i]);
        }
        return out;
    }

    // ---- walking and decoding -----------------------------------------------------------------

    /**
     * Fills {@code offsets[i]} with the position of field {@code i} in the record at {@code rec},
     * or -1 for a null field, for the first {@code count} fields.
     */
    public void fieldOffsets(ByteBuffer buf, int rec, int count, int[] offsets) {
        int pos = rec + 3 + bitmapBytes;
        for (int i = 0; i < count; i++) {
            if (isNull(buf, rec, i)) {
                offsets[i] = -1;
                continue;
            }
            offsets[i] = pos;
            pos = skip(buf, pos, fields[i]);
        }
    }

    /** Position after the field at {@code pos}. */
    static int skip(ByteBuffer buf, int pos, FieldSpec f) {
        if (!f.isVariable()) {
            return pos + f.width();
        }
        int b0 = buf.get(pos) & 0xFF;
        if (b0 < 0x80) {
            return pos + 1 + b0;
        }
        if (b0 == EXTERNAL_MARKER) {
            return pos + 1 + ExternalRef.SIZE;
        }
        return pos + 2 + (((b0 & 0x3F) << 8) | (buf.get(pos + 1) & 0xFF));
    }

    /** Whether the variable field at {@code pos} is stored on overflow pages. */
    public static boolean isExternal(ByteBuffer buf, int pos) {
        return (buf.get(pos) & 0xFF) == EXTERNAL_MARKER;
    }

    public static ExternalRef externalRef(ByteBuffer buf, int pos) {
        return new ExternalRef(buf.getInt(pos + 1), buf.getInt(pos + 5) & 0xFFFFFFFFL);
    }

    /** Length of the inline variable field at {@code pos}. */
    public static int varLength(ByteBuffer buf, int pos) {
        int b0 = buf.get(pos) & 0xFF;
        return b0 < 0x80 ? b0 : ((b0 & 0x3F) << 8) | (buf.get(pos + 1) & 0xFF);
    }

    /** Start of the bytes of the inline variable field at {@code pos}. */
    public static int varStart(ByteBuffer buf, int pos) {
        return pos + ((buf.get(pos) & 0x80) == 0 ? 1 : 2);
    }

    public static long readInt(ByteBuffer buf, int pos, FieldSpec f) {
        return switch (f.width()) {
            case 1 -> f.unsigned() ? buf.get(pos) & 0xFFL : buf.get(pos);
            case 2 -> f.unsigned() ? buf.getShort(pos) & 0xFFFFL : buf.getShort(pos);
            case 3 -> {
                int v = ((buf.get(pos) & 0xFF) << 16) | (buf.getShort(pos + 1) & 0xFFFF);
                yield f.unsigned() ? v : (v << 8) >> 8;
            }
            case 4 -> f.unsigned() ? buf.getInt(pos) & 0xFFFFFFFFL : buf.getInt(pos);
            default -> buf.getLong(pos);
        };
    }

    public static float readFloat(ByteBuffer buf, int pos) {
        return Float.intBitsToFloat(buf.getInt(pos));
    }

    public static double readDouble(ByteBuffer buf, int pos) {
        return Double.longBitsToDouble(buf.getLong(pos));
    }

    public static BigDecimal readDecimal(ByteBuffer buf, int pos, FieldSpec f) {
        if (f.width() == 8) {
            return BigDecimal.valueOf(buf.getLong(pos) ^ Long.MIN_VALUE, f.scale());
        }
        byte[] b = new byte[f.width()];
        buf.get(pos, b);
        b[0] ^= (byte) 0x80;
        return new BigDecimal(new BigInteger(b), f.scale());
    }

    /** The inline string at {@code pos} (not external). */
    public static String readString(ByteBuffer buf, int pos) {
        int n = varLength(buf, pos);
        int start = varStart(buf, pos);
        byte[] b = new byte[n];
        buf.get(start, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The inline bytes at {@code pos} (not external). */
    public static byte[] readBytes(ByteBuffer buf, int pos) {
        int n = varLength(buf, pos);
        byte[] b = new byte[n];
        buf.get(varStart(buf, pos), b);
        return b;
    }

    /**
     * Decodes field {@code i} at {@code pos} into the storage's Java type (see {@link #encode});
     * an external value is returned as its {@link ExternalRef}.
     */
    public Object decode(ByteBuffer buf, int pos, int i) {
        FieldSpec f = fields[i];
        return switch (f.encoding()) {
            case INT -> readInt(buf, pos, f);
            case FLOAT -> readFloat(buf, pos);
            case DOUBLE -> readDouble(buf, pos);
            case DECIMAL -> readDecimal(buf, pos, f);
            case DATE -> buf.getInt(pos);
            case TIME, DATETIME, TIMESTAMP -> buf.getLong(pos);
            case STRING -> isExternal(buf, pos) ? externalRef(buf, pos) : readString(buf, pos);
            case BYTES -> isExternal(buf, pos) ? externalRef(buf, pos) : readBytes(buf, pos);
        };
    }

    // ---- comparison ---------------------------------------------------------------------------

    /**
     * Compares the first {@code n} fields of record {@code a} (of layout {@code la}) with those of
     * record {@code b} (of layout {@code lb}); the two layouts agree on those fields. NULL is
     * smaller than every value, and two NULLs are equal (index order, not SQL equality).
     */
    public static int compare(RecordLayout la, ByteBuffer ab, int a, RecordLayout lb, ByteBuffer bb, int b, int n) {
        int pa = a + 3 + la.bitmapBytes;
        int pb = b + 3 + lb.bitmapBytes;
        for (int i = 0; i < n; i++) {
            FieldSpec f = la.fields[i];
            boolean na = la.isNull(ab, a, i);
            boolean nb = lb.isNull(bb, b, i);
            if (na || nb) {
                if (na != nb) {
                    return na ? -1 : 1;
                }
                continue;
            }
            int c = compareField(f, ab, pa, bb, pb);
            if (c != 0) {
                return c;
            }
            pa = skip(ab, pa, f);
            pb = skip(bb, pb, f);
        }
        return 0;
    }

    /** Whether any of the first {@code n} fields of the record is NULL. */
    public boolean anyNull(ByteBuffer buf, int rec, int n) {
        for (int i = 0; i < n; i++) {
            if (isNull(buf, rec, i)) {
                return true;
            }
        }
        return false;
    }

    static int compareField(FieldSpec f, ByteBuffer ab, int pa, ByteBuffer bb, int pb) {
        switch (f.encoding()) {
            case INT: {
                long x = readInt(ab, pa, f);
                long y = readInt(bb, pb, f);
                return f.unsigned() && f.width() == 8 ? Long.compareUnsigned(x, y) : Long.compare(x, y);
            }
            case FLOAT:
                return Float.compare(readFloat(ab, pa), readFloat(bb, pb));
            case DOUBLE:
                return Double.compare(readDouble(ab, pa), readDouble(bb, pb));
            case DATE:
                return Integer.compare(ab.getInt(pa), bb.getInt(pb));
            case TIME:
            case DATETIME:
            case TIMESTAMP:
                return Long.compare(ab.getLong(pa), bb.getLong(pb));
            case DECIMAL:
                return compareBytes(ab, pa, f.width(), bb, pb, f.width());
            case STRING: {
                int la = varLength(ab, pa);
                int lb = varLength(bb, pb);
                return f.collation().compare(ab, varStart(ab, pa), la, bb, varStart(bb, pb), lb);
            }
            case BYTES:
            default: {
                int la = varLength(ab, pa);
                int lb = varLength(bb, pb);
                return compareBytes(ab, varStart(ab, pa), la, bb, varStart(bb, pb), lb);
            }
        }
    }

    private static int compareBytes(ByteBuffer a, int ao, int al, ByteBuffer b, int bo, int bl) {
        int n = Math.min(al, bl);
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long x = a.getLong(ao + i);
            long y = b.getLong(bo + i);
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        for (; i < n; i++) {
            int d = (a.get(ao + i) & 0xFF) - (b.get(bo + i) & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return al - bl;
    }

    /** Whether field {@code i} uses the given encoding (for callers that branch on it). */
    public boolean is(int i, Encoding e) {
        return fields[i].encoding() == e;
    }
}
