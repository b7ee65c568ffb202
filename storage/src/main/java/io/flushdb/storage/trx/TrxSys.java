package io.flushdb.storage.trx;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.SystemPage;
import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.row.TableStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * The transaction system (InnoDB's trx_sys): transaction ids and numbers, the transactions that
 * have changes and are not yet committed, the read views open, and the rollback segment that holds
 * their undo logs.
 *
 * <p>Ids come from one counter for transaction ids and commit numbers. The system page keeps a
 * bound every handed-out id is below; it is raised {@value #ID_MARGIN} at a time, in a
 * mini-transaction that reaches the redo before any record carrying a higher id, so ids are never
 * reused after a crash (TRX5).
 *
 * <p>Commit order: {@link #commit} assigns the transaction number under the rollback segment
 * page's latch (so the history list is in number order) and adds it to the committing set; the
 * transaction stays active until the commit mini-transaction is in the log. A view opened
 * meanwhile does not see it, and its {@code lowLimitNo} (the smallest number still committing)
 * keeps purge away from the transaction's undo (TRX6).
 *
 * <p>Concurrency: one mutex ({@code TRX_SYS}, a leaf) guards the counter, the active map, the
 * committing set and the view list; it is taken with page latches held (inside the commit's
 * mini-transaction) and nothing is acquired under it.
 */
public final class TrxSys {
    /** How far ahead of the ids handed out the persisted bound is kept. */
    static final long ID_MARGIN = 256;

    private final MtrContext mtrs;
    private final RollbackSegment rseg;
    private final OrderedLock mutex = new OrderedLock(LatchLevel.TRX_SYS, "trx_sys");
    private long nextId;
    private long persistedBound;
    private final TreeMap<Long, Transaction> active = new TreeMap<>();
    private final TreeSet<Long> committing = new TreeSet<>();
    private final LinkedHashSet<ReadView> views = new LinkedHashSet<>();
    private volatile IntFunction<TableStore> tables = space -> null;
    private volatile Runnable commitListener = () -> { };
    private final List<UndoLog> recovered;
    private volatile io.flushdb.storage.trx.lock.LockSys lockSys;

    private TrxSys(MtrContext mtrs, RollbackSegment rseg, long nextId, long persistedBound, List<UndoLog> recovered) {
        this.mtrs = mtrs;
        this.rseg = rseg;
        this.nextId = nextId;
        this.persistedBound = persistedBound;
        this.recovered = recovered;
    }

    /**
     * Opens the transaction system of a data directory whose system page exists: creates the
     * rollback segment if the directory has none yet, reads the undo logs of transactions that
     * never committed (for {@link #rollBackRecovered}) and sets the id counter past every id in use.
     */
    public static TrxSys open(MtrContext mtrs) {
        int rsegPage;
        long bound;
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
            rsegPage = sys.page().getInt(SystemPage.OFFSET_RSEG_PAGE);
            bound = sys.page().getLong(SystemPage.OFFSET_TRX_ID_BOUND);
            if (rsegPage == 0) {
                rsegPage = RollbackSegment.create(mtr);
                mtr.writeInt(sys, SystemPage.OFFSET_RSEG_PAGE, rsegPage);
            }
            mtr.commit();
        }
        List<Integer> activePages = new ArrayList<>();
        RollbackSegment rseg = RollbackSegment.open(mtrs, rsegPage, activePages);
        long maxId = 0;
        List<UndoLog> recovered = new ArrayList<>();
        for (int page : activePages) {
            UndoLog log = UndoLog.open(mtrs, page);
            recovered.add(log);
            maxId = Math.max(maxId, log.trxId());
        }
        for (long[] h : rseg.history()) {
            maxId = Math.max(maxId, Math.max(h[1], h[2]));
        }
        long next = Math.max(Math.max(bound, maxId + 1), 1);
        TrxSys sys = new TrxSys(mtrs, rseg, next, bound, recovered);
        for (UndoLog log : recovered) {
            Transaction t = Transaction.recovered(sys, log);
            sys.active.put(log.trxId(), t);
        }
        return sys;
    }

    /** Where the rows of a table's tablespace are (the dictionary), for rollback and purge. */
    public void setTables(IntFunction<TableStore> tables) {
        this.tables = tables;
    }

    TableStore table(int spaceId) {
        return tables.apply(spaceId);
    }

    /** The row and table lock system every transaction with an id is registered with. */
    public void setLockSys(io.flushdb.storage.trx.lock.LockSys lockSys) {
        this.lockSys = lockSys;
    }

    io.flushdb.storage.trx.lock.LockSys lockSys() {
        return lockSys;
    }

    /** Called after each commit that added a log to the history list (wakes purge). */
    public void setCommitListener(Runnable r) {
        this.commitListener = r;
    }

    MtrContext mtrs() {
        return mtrs;
    }

    RollbackSegment rseg() {
        return rseg;
    }

    /** A new transaction; it gets an id with its first change. */
    public Transaction begin() {
        return new Transaction(this);
    }

    // ---- ids ----------------------------------------------------------------------------------

    /**
     * Hands out the next id and, in the same critical section, runs {@code register} with it (under
     * the mutex: it must only touch this object's sets), so no view can see the id handed out but
     * not yet registered. The persisted bound is raised first when the id would reach it.
     */
    private long assignId(java.util.function.LongConsumer register) {
        while (true) {
            long want;
            mutex.lock();
            try {
                if (nextId < persistedBound) {
                    long id = nextId++;
                    register.accept(id);
                    return id;
                }
                want = nextId + ID_MARGIN;
            } finally {
                mutex.unlock();
            }
            persistBound(want);
        }
    }

    private void persistBound(long want) {
        long written;
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            BufferFrame sys = mtr.getPage(PageId.of(0, SystemPage.PAGE_NO), LatchMode.EXCLUSIVE);
            written = Math.max(want, sys.page().getLong(SystemPage.OFFSET_TRX_ID_BOUND));
            mtr.writeLong(sys, SystemPage.OFFSET_TRX_ID_BOUND, written);
            mtr.commit();
        }
        mutex.lock();
        try {
            persistedBound = Math.max(persistedBound, written);
        } finally {
            mutex.unlock();
        }
    }

    /** The next id to be handed out (SHOW ENGINE INNODB STATUS's "Trx id counter"). */
    public long nextId() {
        mutex.lock();
        try {
            return nextId;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Gives {@code t} an id and makes it active (its first change), in one critical section: a view
     * opened at any moment either predates the id or lists it among the active ones (TRX8).
     */
    void activate(Transaction t) {
        assignId(id -> {
            t.assignId(id);
            active.put(id, t);
        });
    }

    // ---- commit -------------------------------------------------------------------------------

    /**
     * Commits {@code t}'s undo log: the rollback segment's mini-transaction marks it committed and
     * puts it in the history list; then {@code t} stops being active. Returns the commit LSN.
     */
    long commit(Transaction t, UndoLog log) {
        long[] no = t.trxNoHolder();
        no[0] = 0;
        long lsn;
        try {
            // The number is handed out and entered in the committing set in one critical section
            // (TRX6): a view opened in between would otherwise let purge past this transaction.
            lsn = rseg.commit(log, () -> assignId(committing::add), no);
        } catch (RuntimeException | Error e) {
            if (no[0] != 0) {
                mutex.lock();
                try {
                    committing.remove(no[0]);
                } finally {
                    mutex.unlock();
                }
            }
            throw e;
        }
        mutex.lock();
        try {
            active.remove(t.id());
            committing.remove(no[0]);
        } finally {
            mutex.unlock();
        }
        commitListener.run();
        return lsn;
    }

    /** Forgets a transaction whose rollback is complete and whose log is freed (or was never created). */
    void rolledBack(Transaction t) {
        mutex.lock();
        try {
            active.remove(t.id());
        } finally {
            mutex.unlock();
        }
    }

    // ---- read views ---------------------------------------------------------------------------

    /** Opens a read view for {@code creator} (whose own changes it sees) and registers it for purge. */
    ReadView openView(Transaction creator) {
        mutex.lock();
        try {
            ReadView v = snapshot(creator == null ? 0 : creator.id());
            views.add(v);
            return v;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * A view of now. The creator's own id stays in the active ids (its view sees it through the
     * creator check), so that purge's creator-less copy of the view does not see it.
     */
    private ReadView snapshot(long creatorId) {
        int n = active.size();
        long[] ids = new long[n];
        int i = 0;
        for (long id : active.keySet()) {
            ids[i++] = id;
        }
        long up = n > 0 ? ids[0] : nextId;
        long lowNo = committing.isEmpty() ? nextId : committing.first();
        return new ReadView(creatorId, nextId, up, lowNo, ids);
    }

    void closeView(ReadView v) {
        mutex.lock();
        try {
            views.remove(v);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The view purge works behind: the oldest open view (every other view sees at least what it
     * sees), or a view opened now when none is open.
     */
    public ReadView purgeView() {
        mutex.lock();
        try {
            if (!views.isEmpty()) {
                return views.iterator().next().withoutCreator();
            }
            return snapshot(0);
        } finally {
            mutex.unlock();
        }
    }

    /** The transactions with changes that have not ended, oldest first (INNODB_TRX's rows). */
    public List<Transaction> activeTransactions() {
        mutex.lock();
        try {
            return new ArrayList<>(active.values());
        } finally {
            mutex.unlock();
        }
    }

    /** Read views open (InnoDB's "read views open inside InnoDB"). */
    public int openViews() {
        mutex.lock();
        try {
            return views.size();
        } finally {
            mutex.unlock();
        }
    }

    /** Committed undo logs purge has not finished (SHOW ENGINE INNODB STATUS's "History list length"). */
    public long historyLength() {
        return rseg.historyLength();
    }

    // ---- recovery -----------------------------------------------------------------------------

    /**
     * Rolls back the transactions recovery found unfinished (their undo logs in rollback segment
     * slots), newest change first, and frees their logs. Returns how many there were.
     */
    public int rollBackRecovered(java.util.function.Consumer<String> messages) {
        int n = 0;
        for (UndoLog log : recovered) {
            Transaction t;
            mutex.lock();
            try {
                t = active.get(log.trxId());
            } finally {
                mutex.unlock();
            }
            long changes = log.nextUndoNo();
            t.rollback();
            messages.accept("FlushDB: recovery rolled back transaction " + log.trxId() + " (" + changes
                    + " row changes)");
            n++;
        }
        recovered.clear();
        return n;
    }
}
