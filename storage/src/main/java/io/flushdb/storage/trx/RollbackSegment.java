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
import java.util.ArrayList;
import java.util.List;

/**
 * The rollback segment header (InnoDB's trx_rseg): one page of the system tablespace with a slot
 * per undo log of an active transaction, and the history list, the committed logs oldest first
 * that purge has not yet processed. Format in {@code docs/format/undo.md}:
 *
 * <pre>
 * body offset  size  field
 *           0     8  history length (logs in the history list)
 *           8     4  first (oldest) log of the history list, by first page
 *          12     4  last (newest) log of the history list
 *          16     4  number of slots
 *          20   4*n  slots: the first page of an active transaction's undo log, or NULL
 * </pre>
 *
 * <p>A transaction takes a slot with its first change and gives it back in the mini-transaction
 * that commits it (its log joins the history list) or frees its log after a rollback. So a slot
 * holding an active log after a crash means a transaction that never committed (recovery rolls it
 * back), and the history list holds exactly the committed logs purge has yet to finish (UNDO1).
 *
 * <p>Cached logs (InnoDB's undo segment cache): a single-page log whose transaction only inserted
 * (its undo is not needed once committed: no older version exists) is marked cached in the commit
 * mini-transaction and stays in its slot; so does a single-page log purge has finished or a
 * rollback emptied. The next transaction reuses it without allocating a page. A cached log in a
 * slot after a crash is just that: reusable, nothing to roll back.
 *
 * <p>Concurrency: every change latches this page exclusively first, then undo pages, then the
 * space's page 0 (allocation). The in-memory stacks of free and cached slots are only touched
 * under that exclusive page latch, so before the mini-transaction's commit releases it.
 */
public final class RollbackSegment {
    static final int HISTORY_LENGTH = PageHeader.BODY;
    static final int HISTORY_FIRST = PageHeader.BODY + 8;
    static final int HISTORY_LAST = PageHeader.BODY + 12;
    static final int SLOT_COUNT = PageHeader.BODY + 16;
    static final int SLOTS = PageHeader.BODY + 20;

    private final MtrContext mtrs;
    private final int pageNo;
    private final int slotCount;
    private final int[] freeSlots;
    private int freeTop;
    /** Slots holding a cached log; guarded like the free slots. */
    private final int[] cachedSlots;
    private int cachedTop;
    private final int cacheLimit;
    private volatile long historyLength;

    private RollbackSegment(MtrContext mtrs, int pageNo, int slotCount) {
        this.mtrs = mtrs;
        this.pageNo = pageNo;
        this.slotCount = slotCount;
        this.freeSlots = new int[slotCount];
        this.cachedSlots = new int[slotCount];
        this.cacheLimit = Math.min(slotCount / 4, 256);
    }

    /** Allocates and initialises a rollback segment page; returns its page number. */
    public static int create(MiniTransaction mtr) {
        BufferFrame f = PageAllocator.allocate(mtr, 0, PageType.RSEG);
        int n = (PageHeader.trailerOffset(mtr.pageSize()) - SLOTS) / 4;
        mtr.writeLong(f, HISTORY_LENGTH, 0);
        mtr.writeInt(f, HISTORY_FIRST, PageId.NULL_PAGE);
        mtr.writeInt(f, HISTORY_LAST, PageId.NULL_PAGE);
        mtr.writeInt(f, SLOT_COUNT, n);
        mtr.fill(f, SLOTS, 4 * n, 0xFF); // NULL_PAGE is all ones
        return f.pageNo();
    }

    /**
     * Reads the segment at {@code pageNo}; {@code active} receives the first pages of the logs in
     * its slots that are not cached (the transactions to roll back).
     */
    public static RollbackSegment open(MtrContext mtrs, int pageNo, List<Integer> active) {
        List<Integer> used = new ArrayList<>();
        RollbackSegment rseg = openSlots(mtrs, pageNo, used);
        for (int page : used) {
            if (UndoLog.state(mtrs, page) == UndoLog.STATE_CACHED) {
                rseg.cachedSlots[rseg.cachedTop++] = rseg.slotOf(page);
            } else {
                active.add(page);
            }
        }
        return rseg;
    }

    private int[] slotPages;

    private int slotOf(int page) {
        for (int i = 0; i < slotCount; i++) {
            if (slotPages[i] == page) {
                return i;
            }
        }
        throw new IllegalStateException("page " + page + " is in no rollback segment slot");
    }

    private static RollbackSegment openSlots(MtrContext mtrs, int pageNo, List<Integer> active) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(0, pageNo), LatchMode.SHARED);
            var p = f.page();
            if (PageHeader.type(p) != PageType.RSEG) {
                throw new CorruptPageException(0, pageNo, "expected the rollback segment header, found "
                        + PageType.name(PageHeader.type(p)));
            }
            RollbackSegment rseg = new RollbackSegment(mtrs, pageNo, p.getInt(SLOT_COUNT));
            rseg.slotPages = new int[rseg.slotCount];
            for (int i = rseg.slotCount - 1; i >= 0; i--) {
                int page = p.getInt(SLOTS + 4 * i);
                rseg.slotPages[i] = page;
                if (page == PageId.NULL_PAGE) {
                    rseg.freeSlots[rseg.freeTop++] = i;
                } else {
                    active.add(page);
                }
            }
            rseg.historyLength = p.getLong(HISTORY_LENGTH);
            mtr.commit();
            return rseg;
        }
    }

    /** Committed logs purge has not finished (InnoDB's "History list length"). */
    public long historyLength() {
        return historyLength;
    }

    /** The number of undo log slots: the most transactions that can have changes at once. */
    public int slotCount() {
        return slotCount;
    }

    /**
     * Creates an undo log for {@code trxId} in a free slot, in its own mini-transaction.
     *
     * @throws TooManyTransactionsException when every slot is taken (nothing is changed)
     */
    UndoLog createLog(long trxId) {
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame h = mtr.getPage(PageId.of(0, pageNo), LatchMode.EXCLUSIVE);
            if (cachedTop > 0) {
                int slot = cachedSlots[cachedTop - 1];
                BufferFrame f = mtr.getPage(PageId.of(0, h.page().getInt(SLOTS + 4 * slot)), LatchMode.EXCLUSIVE);
                UndoLog log = UndoLog.start(mtr, f, trxId, slot);
                cachedTop--;
                mtr.commit();
                return log;
            }
            if (freeTop == 0) {
                mtr.commit();
                throw new TooManyTransactionsException(slotCount);
            }
            int slot = freeSlots[freeTop - 1];
            UndoLog log = UndoLog.create(mtr, trxId, slot);
            mtr.writeInt(h, SLOTS + 4 * slot, log.firstPage());
            freeTop--;
            mtr.commit();
            return log;
        }
    }

    /**
     * Commits {@code log}'s transaction: in one mini-transaction, marks the log committed with
     * transaction number {@code trxNo}, appends it to the history list and frees its slot. The
     * number comes from {@code trxNo}, called under the page latch so that the history list is in
     * transaction number order. Returns the commit LSN.
     */
    long commit(UndoLog log, java.util.function.LongSupplier trxNo, long[] noOut) {
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame h = mtr.getPage(PageId.of(0, pageNo), LatchMode.EXCLUSIVE);
            BufferFrame first = mtr.getPage(PageId.of(0, log.firstPage()), LatchMode.EXCLUSIVE);
            long no = trxNo.getAsLong();
            noOut[0] = no;
            if (!log.hasUpdates() && log.pages() == 1 && cachedTop < cacheLimit) {
                // Only inserts: no read view will ever need these records. Keep the page for reuse.
                UndoLog.cache(mtr, first);
                cachedSlots[cachedTop++] = log.slot();
                return mtr.commit();
            }
            mtr.writeByte(first, UndoLog.STATE, UndoLog.STATE_COMMITTED);
            mtr.writeLong(first, UndoLog.TRX_NO, no);
            mtr.writeInt(first, UndoLog.HISTORY_NEXT, PageId.NULL_PAGE);
            int last = h.page().getInt(HISTORY_LAST);
            if (last == PageId.NULL_PAGE) {
                mtr.writeInt(h, HISTORY_FIRST, log.firstPage());
            } else {
                BufferFrame tail = mtr.getPage(PageId.of(0, last), LatchMode.EXCLUSIVE);
                mtr.writeInt(tail, UndoLog.HISTORY_NEXT, log.firstPage());
            }
            mtr.writeInt(h, HISTORY_LAST, log.firstPage());
            long len = h.page().getLong(HISTORY_LENGTH) + 1;
            mtr.writeLong(h, HISTORY_LENGTH, len);
            mtr.writeInt(h, SLOTS + 4 * log.slot(), PageId.NULL_PAGE);
            freeSlots[freeTop++] = log.slot();
            historyLength = len;
            return mtr.commit();
        }
    }

    /**
     * Forgets a rolled-back transaction's log (already emptied and cut to its first page): frees
     * its slot and its first page in one mini-transaction.
     */
    void release(UndoLog log) {
        log.freeAllButFirst(mtrs);
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            BufferFrame h = mtr.getPage(PageId.of(0, pageNo), LatchMode.EXCLUSIVE);
            if (cachedTop < cacheLimit) {
                UndoLog.cache(mtr, mtr.getPage(PageId.of(0, log.firstPage()), LatchMode.EXCLUSIVE));
                cachedSlots[cachedTop++] = log.slot();
                mtr.commit();
                return;
            }
            mtr.writeInt(h, SLOTS + 4 * log.slot(), PageId.NULL_PAGE);
            PageAllocator.free(mtr, 0, log.firstPage());
            freeSlots[freeTop++] = log.slot();
            mtr.commit();
        }
    }

    /** The first page of the oldest log in the history list, or NULL_PAGE when it is empty. */
    int historyHead() {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame h = mtr.getPage(PageId.of(0, pageNo), LatchMode.SHARED);
            int first = h.page().getInt(HISTORY_FIRST);
            mtr.commit();
            return first;
        }
    }

    /** The transaction number of the committed log at {@code firstPage} and its successor in the history. */
    static long[] historyEntry(MtrContext mtrs, int firstPage) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(0, firstPage), LatchMode.SHARED);
            long[] r = {f.page().getLong(UndoLog.TRX_NO), f.page().getInt(UndoLog.HISTORY_NEXT),
                    f.page().getLong(UndoLog.TRX_ID)};
            mtr.commit();
            return r;
        }
    }

    /**
     * Removes the oldest log from the history list once purge has processed it, and frees its
     * pages (the others in earlier mini-transactions, the first with the unlinking).
     */
    void purged(UndoLog log) {
        log.freeAllButFirst(mtrs);
        try (MiniTransaction mtr = mtrs.start()) {
            BufferFrame h = mtr.getPage(PageId.of(0, pageNo), LatchMode.EXCLUSIVE);
            if (h.page().getInt(HISTORY_FIRST) != log.firstPage()) {
                throw new IllegalStateException("purged " + log + " is not the oldest log in the history list");
            }
            BufferFrame first = mtr.getPage(PageId.of(0, log.firstPage()), LatchMode.EXCLUSIVE);
            int next = first.page().getInt(UndoLog.HISTORY_NEXT);
            mtr.writeInt(h, HISTORY_FIRST, next);
            if (next == PageId.NULL_PAGE) {
                mtr.writeInt(h, HISTORY_LAST, PageId.NULL_PAGE);
            }
            long len = h.page().getLong(HISTORY_LENGTH) - 1;
            mtr.writeLong(h, HISTORY_LENGTH, len);
            if (cachedTop < cacheLimit && freeTop > 0) {
                int slot = freeSlots[freeTop - 1];
                UndoLog.cache(mtr, first);
                mtr.writeShort(first, UndoLog.SLOT, slot);
                mtr.writeInt(h, SLOTS + 4 * slot, log.firstPage());
                freeTop--;
                cachedSlots[cachedTop++] = slot;
            } else {
                PageAllocator.free(mtr, 0, log.firstPage());
            }
            historyLength = len;
            mtr.commit();
        }
    }

    /** The committed logs in the history list, oldest first: (first page, trx id, trx no) for recovery. */
    List<long[]> history() {
        List<long[]> out = new ArrayList<>();
        int page = historyHead();
        while (page != PageId.NULL_PAGE) {
            long[] e = historyEntry(mtrs, page);
            out.add(new long[] {page, e[2], e[0]});
            page = (int) e[1];
        }
        return out;
    }
}
