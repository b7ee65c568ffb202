package io.flushdb.storage.trx;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.util.Clock;
import io.flushdb.storage.util.Threads;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;

/**
 * The purge thread (InnoDB's purge coordinator, with no separate workers): takes committed undo
 * logs from the head of the history list, oldest first, while their transaction number is below
 * the purge view's {@code lowLimitNo} (every read view sees them), applies each UPDATE and
 * DEL_MARK record with {@code TableStore.purge} (removing delete-marked records and entries no
 * view needs, and old overflow chains), and frees the log. So undo does not grow without bound
 * under steady updates (UNDO4).
 *
 * <p>It runs when a commit wakes it and once a second; a pass processes up to
 * {@code innodb_purge_batch_size} logs and runs again at once while there is more to purge.
 * Each record is applied under {@code ddlGuard} (the dictionary latch, shared), so a table is not
 * dropped or truncated under it.
 *
 * <p>Concurrency: the fields under {@link #mutex} ({@code PURGE}, a leaf held only to read or
 * change them and to wait) are guarded by it; the rest belongs to the purge thread.
 */
public final class Purge implements AutoCloseable {
    private final TrxSys sys;
    private final Clock clock;
    private final Consumer<Runnable> ddlGuard;
    private final Consumer<Throwable> onFailure;
    private final OrderedLock mutex = new OrderedLock(LatchLevel.PURGE, "purge");
    private final Condition wake = mutex.newCondition();
    private final Thread thread;
    private boolean requested;
    private boolean stopping;
    private int batchSize = 300;
    private final LongAdder logsPurged = new LongAdder();
    private final LongAdder recordsPurged = new LongAdder();
    private final ByteBuffer record;

    public Purge(TrxSys sys, Clock clock, Consumer<Runnable> ddlGuard, String name, Consumer<Throwable> onFailure) {
        this.sys = sys;
        this.clock = clock;
        this.ddlGuard = ddlGuard;
        this.onFailure = onFailure;
        this.record = ByteBuffer.allocate(sys.mtrs().pool().pageSize());
        this.thread = new Thread(this::run, "flushdb-purge " + name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** A commit added a log to the history list: purge soon. */
    public void wakeUp() {
        mutex.lock();
        try {
            requested = true;
            wake.signal();
        } finally {
            mutex.unlock();
        }
    }

    /** {@code innodb_purge_batch_size}: undo logs per pass. */
    public void setBatchSize(int logs) {
        mutex.lock();
        try {
            batchSize = Math.max(1, logs);
        } finally {
            mutex.unlock();
        }
    }

    /** Undo logs purged and freed so far. */
    public long logsPurged() {
        return logsPurged.sum();
    }

    /** Undo records applied by purge so far. */
    public long recordsPurged() {
        return recordsPurged.sum();
    }

    /**
     * Runs passes until one finds nothing it may purge, then returns (tests, and the slow shutdown
     * of {@code innodb_fast_shutdown=0}). Must not be called from the purge thread.
     */
    public void purgeAll() {
        while (purgeBatch() > 0) {
            // keep going
        }
    }

    private void run() {
        long last = clock.nanoTime();
        while (true) {
            int batch;
            mutex.lock();
            try {
                long due = last + TimeUnit.SECONDS.toNanos(1);
                if (!mutex.awaitUntil(wake, clock, () -> due, () -> stopping || requested)) {
                    stopping = true;
                }
                if (stopping) {
                    return;
                }
                requested = false;
                batch = batchSize;
            } finally {
                mutex.unlock();
            }
            last = clock.nanoTime();
            try {
                int n;
                do {
                    n = purgeBatch(batch);
                } while (n >= batch && !isStopping());
            } catch (RuntimeException | Error e) {
                onFailure.accept(e);
                return;
            }
        }
    }

    private boolean isStopping() {
        mutex.lock();
        try {
            return stopping;
        } finally {
            mutex.unlock();
        }
    }

    private int purgeBatch() {
        int batch;
        mutex.lock();
        try {
            batch = batchSize;
        } finally {
            mutex.unlock();
        }
        return purgeBatch(batch);
    }

    /** Purges up to {@code max} logs from the head of the history list; returns how many. */
    private synchronized int purgeBatch(int max) {
        RollbackSegment rseg = sys.rseg();
        if (rseg.historyLength() == 0) {
            return 0; // nothing to read: an idle engine's purge touches no page
        }
        ReadView view = sys.purgeView();
        int done = 0;
        while (done < max) {
            int head = rseg.historyHead();
            if (head == PageId.NULL_PAGE) {
                break;
            }
            long[] entry = RollbackSegment.historyEntry(sys.mtrs(), head);
            if (entry[0] >= view.lowLimitNo()) {
                break; // a read view may still need this log's old versions
            }
            UndoLog log = UndoLog.open(sys.mtrs(), head, false);
            if (log.hasUpdates()) {
                UndoLog.Reader r = log.forwardReader(sys.mtrs());
                while (r.next(record)) {
                    int type = UndoRecord.type(record, 0);
                    if (type == UndoRecord.INSERT) {
                        continue;
                    }
                    long rollPtr = r.rollPtr();
                    long trxId = log.trxId();
                    int space = UndoRecord.spaceId(record, 0);
                    ddlGuard.accept(() -> {
                        TableStore table = sys.table(space);
                        if (table != null) {
                            // The log free check once per record, before any latch (see Transaction.rollbackTo).
                            sys.mtrs().beginRowOperation();
                            try {
                                table.purge(record, rollPtr, trxId, view, sys.lockSys());
                            } finally {
                                sys.mtrs().endRowOperation();
                            }
                        }
                    });
                    recordsPurged.increment();
                }
            }
            rseg.purged(log);
            logsPurged.increment();
            done++;
        }
        return done;
    }

    /** Stops the thread after its current pass. */
    @Override
    public void close() {
        mutex.lock();
        try {
            stopping = true;
            wake.signalAll();
        } finally {
            mutex.unlock();
        }
        Threads.joinUninterruptibly(thread);
    }
}
