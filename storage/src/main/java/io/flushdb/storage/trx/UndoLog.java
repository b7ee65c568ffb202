package io.flushdb.storage.trx;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.space.PageAllocator;
import java.nio.ByteBuffer;

/**
 * One transaction's undo log: a chain of undo pages in the system tablespace (linked through the
 * page header's prev/next fields), whose first page also holds the log header. Records are
 * appended in the mini-transaction of the change they undo ({@link #append}), so a change and its
 * undo record reach the redo log together. Format in {@code docs/format/undo.md}:
 *
 * <pre>
 * every undo page, body offset 0   u16  first free byte of the page's record area
 * first page, log header at body+4:
 *   0  u64  transaction id
 *   8  u64  transaction number (commit order; 0 while active)
 *  16  u8   state: 1 active, 2 committed (in the history list), 3 cached (empty, kept in its
 *            rollback segment slot for the next transaction)
 *  17  u8   flags: 1 the log holds UPDATE or DEL_MARK records (purge has work)
 *  18  u16  rollback segment slot
 *  20  u32  last page of the log
 *  24  u32  next (newer) log in the history list
 *  28  u32  pages in the log
 * records follow the header on the first page and start at body+4 on the others
 * </pre>
 *
 * <p>Concurrency: the log's own transaction appends, rolls back and truncates it, one thread at a
 * time; after commit only purge touches it. Readers building old versions read single records
 * under a page's shared latch ({@link #read}); a record they can reach is never freed while they
 * need it (purge runs behind the oldest read view).
 */
public final class UndoLog {
    static final int OFFSET_FREE = PageHeader.BODY;
    private static final int HDR = PageHeader.BODY + 4;
    static final int TRX_ID = HDR;
    static final int TRX_NO = HDR + 8;
    static final int STATE = HDR + 16;
    static final int FLAGS = HDR + 17;
    static final int SLOT = HDR + 18;
    static final int LAST_PAGE = HDR + 20;
    static final int HISTORY_NEXT = HDR + 24;
    static final int PAGES = HDR + 28;
    /** Where records start on the first page (after the log header) and on the others. */
    static final int FIRST_RECORDS = HDR + 32;
    static final int RECORDS = HDR;

    static final int STATE_ACTIVE = 1;
    static final int STATE_COMMITTED = 2;
    static final int STATE_CACHED = 3;
    static final int FLAG_HAS_UPDATES = 1;

    /** Pages freed per mini-transaction when a log is truncated or freed. */
    private static final int FREE_BATCH = 32;

    private final int firstPage;
    private final long trxId;
    private final int slot;
    private int lastPage;
    private int lastFree;
    private long nextUndoNo;
    private boolean hasUpdates;
    private int pages;
    private final byte[] header = new byte[UndoRecord.DATA];
    private final ByteBuffer headerView = ByteBuffer.wrap(header);

    private UndoLog(int firstPage, long trxId, int slot, int lastPage, int lastFree, long nextUndoNo,
                    boolean hasUpdates, int pages) {
        this.firstPage = firstPage;
        this.trxId = trxId;
        this.slot = slot;
        this.lastPage = lastPage;
        this.lastFree = lastFree;
        this.nextUndoNo = nextUndoNo;
        this.hasUpdates = hasUpdates;
        this.pages = pages;
    }

    /** Allocates the first page of a new, active log for {@code trxId} in rollback segment slot {@code slot}. */
    static UndoLog create(MiniTransaction mtr, long trxId, int slot) {
        return start(mtr, PageAllocator.allocate(mtr, 0, PageType.UNDO), trxId, slot);
    }

    /** Starts a new active log for {@code trxId} on {@code f}: a new page, or a cached log's (latched exclusively). */
    static UndoLog start(MiniTransaction mtr, BufferFrame f, long trxId, int slot) {
        checkUndoPage(f);
        mtr.writeShort(f, OFFSET_FREE, FIRST_RECORDS);
        mtr.writeInt(f, PageHeader.OFFSET_NEXT, PageId.NULL_PAGE);
        mtr.writeLong(f, TRX_NO, 0);
        mtr.writeByte(f, FLAGS, 0);
        mtr.writeLong(f, TRX_ID, trxId);
        mtr.writeByte(f, STATE, STATE_ACTIVE);
        mtr.writeShort(f, SLOT, slot);
        mtr.writeInt(f, LAST_PAGE, f.pageNo());
        mtr.writeInt(f, HISTORY_NEXT, PageId.NULL_PAGE);
        mtr.writeInt(f, PAGES, 1);
        return new UndoLog(f.pageNo(), trxId, slot, f.pageNo(), FIRST_RECORDS, 0, false, 1);
    }

    /** Marks the (single-page, empty or finished) log on {@code f} cached, for reuse by a later transaction. */
    static void cache(MiniTransaction mtr, BufferFrame f) {
        mtr.writeByte(f, STATE, STATE_CACHED);
        mtr.writeShort(f, OFFSET_FREE, FIRST_RECORDS);
        mtr.writeInt(f, HISTORY_NEXT, PageId.NULL_PAGE);
    }

    /** The state of the log whose first page is {@code firstPage}. */
    static int state(MtrContext mtrs, int firstPage) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(0, firstPage), LatchMode.SHARED);
            checkUndoPage(f);
            int state = f.page().get(STATE);
            mtr.commit();
            return state;
        }
    }

    /** Reads the header of the log whose first page is {@code firstPage} (recovery, purge). */
    static UndoLog open(MtrContext mtrs, int firstPage) {
        return open(mtrs, firstPage, true);
    }

    /**
     * Reads the header of a log; {@code countRecords} also finds the next undo number (reading the
     * last record), which only a log to roll back needs.
     */
    static UndoLog open(MtrContext mtrs, int firstPage, boolean countRecords) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(0, firstPage), LatchMode.SHARED);
            ByteBuffer p = f.page();
            checkUndoPage(f);
            long trxId = p.getLong(TRX_ID);
            int slot = p.getShort(SLOT) & 0xFFFF;
            int last = p.getInt(LAST_PAGE);
            int pages = p.getInt(PAGES);
            boolean updates = (p.get(FLAGS) & FLAG_HAS_UPDATES) != 0;
            int lastFree;
            if (last == firstPage) {
                lastFree = p.getShort(OFFSET_FREE) & 0xFFFF;
            } else {
                BufferFrame l = mtr.getPage(PageId.of(0, last), LatchMode.SHARED);
                checkUndoPage(l);
                lastFree = l.page().getShort(OFFSET_FREE) & 0xFFFF;
            }
            mtr.commit();
            UndoLog log = new UndoLog(firstPage, trxId, slot, last, lastFree, 0, updates, pages);
            if (!countRecords) {
                return log;
            }
            Reader r = log.reader(mtrs);
            ByteBuffer rec = ByteBuffer.allocate(p.capacity());
            if (r.previous(rec)) {
                log.nextUndoNo = UndoRecord.undoNo(rec, 0) + 1;
            }
            return log;
        }
    }

    private static void checkUndoPage(BufferFrame f) {
        if (PageHeader.type(f.page()) != PageType.UNDO) {
            throw new CorruptPageException(f.spaceId(), f.pageNo(), "expected an undo page, found "
                    + PageType.name(PageHeader.type(f.page())));
        }
    }

    public int firstPage() {
        return firstPage;
    }

    public long trxId() {
        return trxId;
    }

    int slot() {
        return slot;
    }

    /** The undo number the next record gets (the number of records in the log). */
    public long nextUndoNo() {
        return nextUndoNo;
    }

    public boolean hasUpdates() {
        return hasUpdates;
    }

    public int pages() {
        return pages;
    }

    /**
     * Appends an undo record in {@code mtr} (the mini-transaction of the change it undoes; its
     * index pages are already latched, and undo pages come after them in the latch order) and
     * returns its roll pointer. Allocates a new page when the last one is full.
     */
    public long append(MiniTransaction mtr, int type, int spaceId, long mask, ByteBuffer data, int off, int len) {
        int need = UndoRecord.OVERHEAD + len;
        int end = PageHeader.trailerOffset(mtr.pageSize());
        BufferFrame f = mtr.getPage(PageId.of(0, lastPage), LatchMode.EXCLUSIVE);
        if (lastFree + need > end) {
            BufferFrame nf = PageAllocator.allocate(mtr, 0, PageType.UNDO);
            mtr.writeShort(nf, OFFSET_FREE, RECORDS);
            mtr.writeInt(nf, PageHeader.OFFSET_PREV, lastPage);
            mtr.writeInt(f, PageHeader.OFFSET_NEXT, nf.pageNo());
            BufferFrame h = lastPage == firstPage ? f : mtr.getPage(PageId.of(0, firstPage), LatchMode.EXCLUSIVE);
            mtr.writeInt(h, LAST_PAGE, nf.pageNo());
            mtr.writeInt(h, PAGES, pages + 1);
            pages++;
            lastPage = nf.pageNo();
            lastFree = RECORDS;
            f = nf;
            if (lastFree + need > end) {
                throw new IllegalStateException("undo record of " + need + " bytes exceeds an undo page");
            }
        }
        if (type != UndoRecord.INSERT && !hasUpdates) {
            BufferFrame h = lastPage == firstPage ? f : mtr.getPage(PageId.of(0, firstPage), LatchMode.EXCLUSIVE);
            mtr.writeByte(h, FLAGS, FLAG_HAS_UPDATES);
            hasUpdates = true;
        }
        int at = lastFree;
        ByteBuffer h = headerView;
        h.putShort(0, (short) need);
        h.put(UndoRecord.TYPE, (byte) type);
        h.put(UndoRecord.PURGE_FLAGS, (byte) 0);
        h.putLong(UndoRecord.UNDO_NO, nextUndoNo);
        h.putInt(UndoRecord.SPACE_ID, spaceId);
        h.putLong(UndoRecord.MASK, mask);
        h.putShort(UndoRecord.DATA_LENGTH, (short) len);
        mtr.writeBytes(f, at, header, 0, UndoRecord.DATA);
        mtr.writeBytes(f, at + UndoRecord.DATA, data, off, len);
        mtr.writeShort(f, at + UndoRecord.DATA + len, at);
        mtr.writeShort(f, OFFSET_FREE, at + need);
        lastFree = at + need;
        nextUndoNo++;
        return RollPtr.of(type == UndoRecord.INSERT, lastPage, at);
    }

    /**
     * Sets the secondary mask of this log's record at {@code rollPtr} (a row change found, after its
     * clustered change, secondary entries to take over; see {@link UndoRecord}).
     */
    public void setMask(MtrContext mtrs, long rollPtr, long mask) {
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            BufferFrame f = mtr.getPage(PageId.of(0, RollPtr.pageNo(rollPtr)), LatchMode.EXCLUSIVE);
            mtr.writeLong(f, RollPtr.offset(rollPtr) + UndoRecord.MASK, mask);
            mtr.commit();
        }
    }

    /** Sets {@code flag} among the purge flags of the undo record at {@code rollPtr}, in {@code mtr}. */
    public static void setPurgeFlag(MiniTransaction mtr, long rollPtr, int flag) {
        BufferFrame f = mtr.getPage(PageId.of(0, RollPtr.pageNo(rollPtr)), LatchMode.EXCLUSIVE);
        int at = UndoRecord.purgeFlagsOffset(rollPtr);
        mtr.writeByte(f, at, f.page().get(at) | flag);
    }

    /** {@link #setPurgeFlag(MiniTransaction, long, int)} in a mini-transaction of its own. */
    public static void setPurgeFlag(MtrContext mtrs, long rollPtr, int flag) {
        try (MiniTransaction mtr = mtrs.start()) {
            setPurgeFlag(mtr, rollPtr, flag);
            mtr.commit();
        }
    }

    /**
     * Copies the undo record at {@code rollPtr} into {@code out} (from 0) under its page's shared
     * latch and returns its length.
     */
    public static int read(MtrContext mtrs, long rollPtr, ByteBuffer out) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(0, RollPtr.pageNo(rollPtr)), LatchMode.SHARED);
            ByteBuffer p = f.page();
            int at = RollPtr.offset(rollPtr);
            if (PageHeader.type(p) != PageType.UNDO || at < RECORDS || at >= (p.getShort(OFFSET_FREE) & 0xFFFF)) {
                throw new CorruptPageException(0, f.pageNo(), "no undo record at " + RollPtr.toString(rollPtr));
            }
            int len = UndoRecord.length(p, at);
            out.clear();
            out.put(0, p, at, len);
            mtr.commit();
            return len;
        }
    }

    // ---- reading the whole log ------------------------------------------------------------------

    /** A reader from the newest record backwards ({@link Reader#previous}) or from the oldest forwards. */
    Reader reader(MtrContext mtrs) {
        return new Reader(mtrs, lastPage, lastFree);
    }

    /** Reads from the oldest record forwards. */
    Reader forwardReader(MtrContext mtrs) {
        return new Reader(mtrs, firstPage, FIRST_RECORDS);
    }

    /** A position in the log between two records; copies records out under short shared latches. */
    final class Reader {
        private final MtrContext mtrs;
        private int page;
        private int offset;
        private long rollPtr;

        Reader(MtrContext mtrs, int page, int offset) {
            this.mtrs = mtrs;
            this.page = page;
            this.offset = offset;
        }

        /** Copies the record before the position into {@code out} (from 0) and moves before it; false at the start. */
        boolean previous(ByteBuffer out) {
            try (MiniTransaction mtr = mtrs.startRead()) {
                BufferFrame f = mtr.getPage(PageId.of(0, page), LatchMode.SHARED);
                while (offset <= recordsStart(page)) {
                    int prev = PageHeader.prev(f.page());
                    if (prev == PageId.NULL_PAGE || page == firstPage) {
                        mtr.commit();
                        return false;
                    }
                    mtr.release(f);
                    f = mtr.getPage(PageId.of(0, prev), LatchMode.SHARED);
                    page = prev;
                    offset = f.page().getShort(OFFSET_FREE) & 0xFFFF;
                }
                ByteBuffer p = f.page();
                int start = p.getShort(offset - 2) & 0xFFFF;
                int len = offset - start;
                out.clear();
                out.put(0, p, start, len);
                offset = start;
                rollPtr = RollPtr.of(UndoRecord.type(out, 0) == UndoRecord.INSERT, page, start);
                mtr.commit();
                return true;
            }
        }

        /** Copies the record after the position into {@code out} (from 0) and moves past it; false at the end. */
        boolean next(ByteBuffer out) {
            try (MiniTransaction mtr = mtrs.startRead()) {
                BufferFrame f = mtr.getPage(PageId.of(0, page), LatchMode.SHARED);
                while (offset >= (f.page().getShort(OFFSET_FREE) & 0xFFFF)) {
                    int next = PageHeader.next(f.page());
                    if (next == PageId.NULL_PAGE || page == lastPage) {
                        mtr.commit();
                        return false;
                    }
                    mtr.release(f);
                    f = mtr.getPage(PageId.of(0, next), LatchMode.SHARED);
                    page = next;
                    offset = RECORDS;
                }
                ByteBuffer p = f.page();
                int len = UndoRecord.length(p, offset);
                out.clear();
                out.put(0, p, offset, len);
                rollPtr = RollPtr.of(UndoRecord.type(out, 0) == UndoRecord.INSERT, page, offset);
                offset += len;
                mtr.commit();
                return true;
            }
        }

        /** The roll pointer of the record last copied. */
        long rollPtr() {
            return rollPtr;
        }

        int page() {
            return page;
        }

        int offset() {
            return offset;
        }
    }

    private int recordsStart(int pageNo) {
        return pageNo == firstPage ? FIRST_RECORDS : RECORDS;
    }

    // ---- truncating and freeing -------------------------------------------------------------------

    /**
     * Removes every record whose undo number is {@code >= undoNo} (after a rollback to a savepoint
     * has undone them), freeing the pages that empties, the last one first, in mini-transactions of
     * a bounded size. {@code rec} is a page-sized buffer for the records read on the way.
     */
    void truncate(MtrContext mtrs, long undoNo, ByteBuffer rec) {
        if (undoNo >= nextUndoNo) {
            return;
        }
        Reader r = reader(mtrs);
        int keepPage = firstPage;
        int keepFree = FIRST_RECORDS;
        while (r.previous(rec)) {
            if (UndoRecord.undoNo(rec, 0) < undoNo) {
                break;
            }
            keepPage = r.page();
            keepFree = r.offset();
        }
        freePagesAfter(mtrs, keepPage);
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame h = mtr.getPage(PageId.of(0, firstPage), LatchMode.EXCLUSIVE);
            BufferFrame k = keepPage == firstPage ? h : mtr.getPage(PageId.of(0, keepPage), LatchMode.EXCLUSIVE);
            mtr.writeShort(k, OFFSET_FREE, keepFree);
            mtr.commit();
        }
        lastFree = keepFree;
        nextUndoNo = undoNo;
    }

    /** Frees every page after {@code keepPage}, the last first, and makes {@code keepPage} the last. */
    private void freePagesAfter(MtrContext mtrs, int keepPage) {
        while (lastPage != keepPage) {
            try (MiniTransaction mtr = mtrs.start()) {
                BufferFrame h = mtr.getPage(PageId.of(0, firstPage), LatchMode.EXCLUSIVE);
                int page = lastPage;
                int n = pages;
                for (int i = 0; i < FREE_BATCH && page != keepPage; i++) {
                    BufferFrame f = mtr.getPage(PageId.of(0, page), LatchMode.EXCLUSIVE);
                    int prev = PageHeader.prev(f.page());
                    PageAllocator.free(mtr, 0, page);
                    page = prev;
                    n--;
                }
                BufferFrame k = page == firstPage ? h : mtr.getPage(PageId.of(0, page), LatchMode.EXCLUSIVE);
                mtr.writeInt(k, PageHeader.OFFSET_NEXT, PageId.NULL_PAGE);
                mtr.writeInt(h, LAST_PAGE, page);
                mtr.writeInt(h, PAGES, n);
                mtr.commit();
                lastPage = page;
                pages = n;
            }
        }
    }

    /**
     * Frees every page but the first (each batch its own mini-transaction), so that the first page
     * can go with the rollback segment change that forgets the log ({@link RollbackSegment}).
     */
    void freeAllButFirst(MtrContext mtrs) {
        freePagesAfter(mtrs, firstPage);
    }

    @Override
    public String toString() {
        return "UndoLog[trx " + trxId + ", first page " + firstPage + ", " + pages + " pages, " + nextUndoNo
                + " records]";
    }
}
