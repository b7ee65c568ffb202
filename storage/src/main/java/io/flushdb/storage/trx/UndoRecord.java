package io.flushdb.storage.trx;

import java.nio.ByteBuffer;

/**
 * The format of one undo record, as it sits in an undo page (see {@code docs/format/undo.md}):
 *
 * <pre>
 * offset  size  field
 *      0     2  length of the whole record, trailer included
 *      2     1  type: 1 INSERT, 2 UPDATE (the clustered record was replaced), 3 DEL_MARK
 *      3     1  purge flags: bit 0 set when purge has removed the clustered record this DEL_MARK
 *               record's change delete-marked; bit 1 set when purge has dealt with the secondary
 *               entries of this UPDATE record's old version (set only if that version has
 *               overflow chains). A purge run again after a crash then only frees what is left
 *               of the chains
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
 * <p>Purge consumes the overflow references in the data of UPDATE and DEL_MARK records: freeing a
 * chain advances the reference's first page to the next page not yet freed, in the
 * mini-transaction that frees the pages, and leaves {@code 0xFFFFFFFF} once the chain is gone.
 *
 * <p>A record is at most {@code 28 + IndexPage.maxRecordSize} bytes, under half a page, so one
 * always fits a fresh undo page.
 */
public final class UndoRecord {
    public static final int INSERT = 1;
    public static final int UPDATE = 2;
    public static final int DEL_MARK = 3;

    static final int TYPE = 2;
    static final int PURGE_FLAGS = 3;
    /** Purge flag: the clustered record this DEL_MARK record's change delete-marked is removed. */
    public static final int PURGED_RECORD = 1;
    /** Purge flag: the old version's secondary entries are purged; its chains are being freed. */
    public static final int PURGED_ENTRIES = 2;
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

    public static int purgeFlags(ByteBuffer b, int rec) {
        return b.get(rec + PURGE_FLAGS);
    }

    /** Offset, in its page, of the purge flags of the undo record at {@code rollPtr}. */
    public static int purgeFlagsOffset(long rollPtr) {
        return RollPtr.offset(rollPtr) + PURGE_FLAGS;
    }

    /** Offset, in its page, of byte {@code at} of the data of the undo record at {@code rollPtr}. */
    public static int dataOffset(long rollPtr, int at) {
        return RollPtr.offset(rollPtr) + DATA + at;
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
