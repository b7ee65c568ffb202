package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageType;
import java.nio.ByteBuffer;

/**
 * The body of a B+tree page (format in {@code docs/format/record.md}): a small header, an array of
 * 2-byte slots kept in key order growing up from the header, and a heap of records growing down
 * from the trailer.
 *
 * <pre>
 * offset  size  field
 *     32     8  index id
 *     40     2  level (0 = leaf)
 *     42     2  number of records
 *     44     2  heap top: records occupy [heap top, trailer)
 *     46     2  garbage: bytes of removed records still inside the heap
 *     48  2*n   slots: offsets of the records, in key order
 * </pre>
 *
 * <p>The {@code apply*} methods are the pure page operations; redo apply calls them too. The
 * other methods perform an operation through a mini-transaction and log it as one logical record
 * (INDEX_INSERT, INDEX_DELETE, ...), whose replay runs the same {@code apply*} code (MTR2).
 */
public final class IndexPage {
    public static final int OFFSET_INDEX_ID = PageHeader.BODY;
    public static final int OFFSET_LEVEL = PageHeader.BODY + 8;
    public static final int OFFSET_N_RECS = PageHeader.BODY + 10;
    public static final int OFFSET_HEAP_TOP = PageHeader.BODY + 12;
    public static final int OFFSET_GARBAGE = PageHeader.BODY + 14;
    public static final int SLOTS = PageHeader.BODY + 16;

    private static final ThreadLocal<ByteBuffer> SCRATCH = new ThreadLocal<>();

    private IndexPage() {
    }

    /** Bytes available to slots and records in a page of {@code pageSize}. */
    public static int usable(int pageSize) {
        return PageHeader.trailerOffset(pageSize) - SLOTS;
    }

    /** The longest record a page accepts: two always fit, so a split always succeeds. */
    public static int maxRecordSize(int pageSize) {
        return Math.min(usable(pageSize) / 2 - 2, 0xFFFF);
    }

    // ---- reading ------------------------------------------------------------------------------

    public static long indexId(ByteBuffer p) {
        return p.getLong(OFFSET_INDEX_ID);
    }

    public static int level(ByteBuffer p) {
        return p.getShort(OFFSET_LEVEL) & 0xFFFF;
    }

    public static int count(ByteBuffer p) {
        return p.getShort(OFFSET_N_RECS) & 0xFFFF;
    }

    public static int heapTop(ByteBuffer p) {
        return p.getShort(OFFSET_HEAP_TOP) & 0xFFFF;
    }

    public static int garbage(ByteBuffer p) {
        return p.getShort(OFFSET_GARBAGE) & 0xFFFF;
    }

    /** Offset of the record in slot {@code slot}. */
    public static int record(ByteBuffer p, int slot) {
        return p.getShort(SLOTS + 2 * slot) & 0xFFFF;
    }

    /** Contiguous free bytes between the slot array and the heap. */
    public static int contiguousFree(ByteBuffer p) {
        return heapTop(p) - (SLOTS + 2 * count(p));
    }

    /** Free bytes after a reorganisation (contiguous plus garbage). */
    public static int totalFree(ByteBuffer p) {
        return contiguousFree(p) + garbage(p);
    }

    /** Bytes used by records and slots. */
    public static int used(ByteBuffer p, int pageSize) {
        return usable(pageSize) - totalFree(p);
    }

    /** The child page of the node pointer record at {@code rec} (its last four bytes). */
    public static int childPage(ByteBuffer p, int rec) {
        return p.getInt(rec + RecordLayout.length(p, rec) - 4);
    }

    public static boolean isIndexPage(ByteBuffer p) {
        return PageHeader.type(p) == PageType.INDEX;
    }

    // ---- logged operations --------------------------------------------------------------------

    /** Initialises {@code f} (already PAGE_INIT as INDEX) as an empty index page. */
    public static void init(MiniTransaction mtr, BufferFrame f, long indexId, int level) {
        mtr.writeLong(f, OFFSET_INDEX_ID, indexId);
        mtr.writeShort(f, OFFSET_LEVEL, level);
        mtr.writeShort(f, OFFSET_N_RECS, 0);
        mtr.writeShort(f, OFFSET_HEAP_TOP, PageHeader.trailerOffset(mtr.pageSize()));
        mtr.writeShort(f, OFFSET_GARBAGE, 0);
    }

    /**
     * Inserts the record {@code src[off, off+len)} at {@code slot}, reorganising first if the
     * contiguous free space is short. Requires: {@code totalFree >= len + 2}.
     */
    public static void insert(MiniTransaction mtr, BufferFrame f, int slot, ByteBuffer src, int off, int len) {
        ByteBuffer p = f.page();
        if (contiguousFree(p) < len + 2) {
            reorganize(mtr, f);
        }
        applyInsert(p, slot, src, off, len);
        mtr.beginRecord(RedoRecordType.INDEX_INSERT, f);
        mtr.logU16(slot);
        mtr.logU16(len);
        mtr.logBytes(src, off, len);
    }

    /** Removes the record in {@code slot}. */
    public static void delete(MiniTransaction mtr, BufferFrame f, int slot) {
        applyDelete(f.page(), slot);
        f.bumpModifyClock();
        mtr.beginRecord(RedoRecordType.INDEX_DELETE, f);
        mtr.logU16(slot);
    }

    /** Removes the records in slots [from, to). */
    public static void deleteRange(MiniTransaction mtr, BufferFrame f, int from, int to) {
        if (from >= to) {
            return;
        }
        applyDeleteRange(f.page(), from, to);
        f.bumpModifyClock();
        mtr.beginRecord(RedoRecordType.INDEX_DELETE_RANGE, f);
        mtr.logU16(from);
        mtr.logU16(to);
    }

    /** Compacts the heap so that all free space is contiguous. */
    public static void reorganize(MiniTransaction mtr, BufferFrame f) {
        applyReorganize(f.page(), mtr.pageSize());
        f.bumpModifyClock();
        mtr.beginRecord(RedoRecordType.INDEX_REORGANIZE, f);
    }

    /** Sets the info bits of the record in {@code slot}. */
    public static void setInfo(MiniTransaction mtr, BufferFrame f, int slot, int info) {
        mtr.writeByte(f, record(f.page(), slot) + 2, info);
    }

    // ---- pure operations (also used by redo apply) --------------------------------------------

    public static void applyInsert(ByteBuffer p, int slot, ByteBuffer src, int off, int len) {
        int n = count(p);
        if (slot < 0 || slot > n) {
            throw new IllegalArgumentException("slot " + slot + " of " + n);
        }
        int top = heapTop(p) - len;
        if (top < SLOTS + 2 * (n + 1)) {
            throw new IllegalStateException("index page overflow inserting " + len + " bytes");
        }
        p.put(top, src, off, len);
        int at = SLOTS + 2 * slot;
        if (slot < n) {
            p.put(at + 2, p.duplicate(), at, 2 * (n - slot));
        }
        p.putShort(at, (short) top);
        p.putShort(OFFSET_N_RECS, (short) (n + 1));
        p.putShort(OFFSET_HEAP_TOP, (short) top);
    }

    public static void applyDelete(ByteBuffer p, int slot) {
        applyDeleteRange(p, slot, slot + 1);
    }

    public static void applyDeleteRange(ByteBuffer p, int from, int to) {
        int n = count(p);
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("delete range [" + from + ", " + to + ") of " + n);
        }
        int freed = 0;
        for (int s = from; s < to; s++) {
            freed += RecordLayout.length(p, record(p, s));
        }
        int tail = n - to;
        if (tail > 0) {
            p.put(SLOTS + 2 * from, p.duplicate(), SLOTS + 2 * to, 2 * tail);
        }
        int newCount = n - (to - from);
        p.putShort(OFFSET_N_RECS, (short) newCount);
        if (newCount == 0) {
            p.putShort(OFFSET_HEAP_TOP, (short) PageHeader.trailerOffset(p.capacity()));
            p.putShort(OFFSET_GARBAGE, (short) 0);
        } else {
            p.putShort(OFFSET_GARBAGE, (short) (garbage(p) + freed));
        }
    }

    public static void applyReorganize(ByteBuffer p, int pageSize) {
        ByteBuffer tmp = SCRATCH.get();
        if (tmp == null || tmp.capacity() < pageSize) {
            tmp = ByteBuffer.allocate(pageSize);
            SCRATCH.set(tmp);
        }
        int n = count(p);
        int top = PageHeader.trailerOffset(pageSize);
        // Lay the records out in slot order, packed down from the trailer, in a scratch page
        // (new slot values go to the scratch page's slot area), then copy both back.
        int pos = top;
        for (int s = 0; s < n; s++) {
            int rec = record(p, s);
            int len = RecordLayout.length(p, rec);
            pos -= len;
            tmp.put(pos, p, rec, len);
            tmp.putShort(SLOTS + 2 * s, (short) pos);
        }
        p.put(pos, tmp, pos, top - pos);
        p.put(SLOTS, tmp, SLOTS, 2 * n);
        p.putShort(OFFSET_HEAP_TOP, (short) pos);
        p.putShort(OFFSET_GARBAGE, (short) 0);
    }
}
