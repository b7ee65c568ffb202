package io.flushdb.storage.trx;

import java.nio.ByteBuffer;

/**
 * The format of one undo record, as it sits in an undo page (see {@code docs/format/undo.md}):
 *
 * <pre>
 * offset  size  field
 *      0     2  length of the whole record, trailer included
 *      2     1  type: 1 INSERT, 2 UPDATE (the clustered record was replaced), 3 DEL_MARK
 *      3     1  unused (0)
 *      4     8  undo number: the record's position in its transaction's undo log, from 0
 *     12     4  tablespace id of the table changed
 *     16     8  secondary mask: bit i set when secondary index i already held the new entry,
 *               delete-marked, and the change took it over (so its undo marks it again instead
 *               of removing it)
 *     24     2  data length D
 *     26     D  data: INSERT the clustered key (a record of the key layout); UPDATE and DEL_MARK
 *               the clustered record as it was before the change, byte for byte
 *   26+D     2  offset of this record in its page (read backwards from the end of a page)
 * </pre>
 *
 * <p>A record is at most {@code 28 + IndexPage.maxRecordSize} bytes, under half a page, so one
 * always fits a fresh undo page.
 */
public final class UndoRecord {
    public static final int INSERT = 1;
    public static final int UPDATE = 2;
    public static final int DEL_MARK = 3;

    static final int TYPE = 2;
    static final int UNDO_NO = 4;
    static final int SPACE_ID = 12;
    static final int MASK = 16;
    static final int DATA_LENGTH = 24;
    public static final int DATA = 26;
    /** Bytes a record takes besides its data. */
    public static final int OVERHEAD = DATA + 2;

    private UndoRecord() {
    }

    public static int length(ByteBuffer b, int rec) {
        return b.getShort(rec) & 0xFFFF;
    }

    public static int type(ByteBuffer b, int rec) {
        return b.get(rec + TYPE);
    }

    public static long undoNo(ByteBuffer b, int rec) {
        return b.getLong(rec + UNDO_NO);
    }

    public static int spaceId(ByteBuffer b, int rec) {
        return b.getInt(rec + SPACE_ID);
    }

    public static long mask(ByteBuffer b, int rec) {
        return b.getLong(rec + MASK);
    }

    public static int dataLength(ByteBuffer b, int rec) {
        return b.getShort(rec + DATA_LENGTH) & 0xFFFF;
    }

    /** Offset of the data (key or old clustered record) in {@code b}. */
    public static int data(int rec) {
        return rec + DATA;
    }
}
