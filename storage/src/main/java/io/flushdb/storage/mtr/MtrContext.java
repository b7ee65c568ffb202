package io.flushdb.storage.mtr;

import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.metrics.InnodbCounters;

/**
 * Hands out this engine's mini-transactions from a small pool of reusable instances, so that
 * starting one allocates nothing once the pool holds as many as threads use at once. It also
 * carries the engine's {@link InnodbCounters}, so that the components built on mini-transactions
 * (tables' rows) count their work where they do it.
 *
 * <p>A pool rather than one instance per thread: a thread-local instance would refer back to its
 * engine, and through it to the thread-local itself, so every engine a long-lived thread ever
 * touched (with its buffer pool) would stay reachable after close.
 *
 * <p>Concurrency: {@link #start} and {@link #recycle} may be called from any thread; the pool is
 * guarded by this object's monitor, held only to push or pop (it takes no other lock).
 */
public final class MtrContext {
    /** Instances kept for reuse; more are created when all are in use, and dropped on return. */
    private static final int POOL_SIZE = 64;

    private final BufferPool pool;
    private final RedoLog log;
    private final Runnable abandonedWithChanges;
    private final InnodbCounters counters;
    private final MiniTransaction[] free = new MiniTransaction[POOL_SIZE];
    private int freeCount;

    public MtrContext(BufferPool pool, RedoLog log, Runnable abandonedWithChanges) {
        this(pool, log, abandonedWithChanges, new InnodbCounters());
    }

    /** @param counters the engine's activity counters, shared by everything this context serves */
    public MtrContext(BufferPool pool, RedoLog log, Runnable abandonedWithChanges, InnodbCounters counters) {
        this.pool = pool;
        this.log = log;
        this.abandonedWithChanges = abandonedWithChanges;
        this.counters = counters;
    }

    /**
     * Starts a mini-transaction. Use in try-with-resources: closing it (after {@code commit}, or
     * instead of it on failure) returns it to the pool.
     */
    public MiniTransaction start() {
        PerThread d = THREAD.get();
        if (d.depth == 0 && d.exempt == 0) {
            // Log free check: only an outermost mini-transaction may wait for log space, since a
            // nested one's thread holds page latches the flushing it would wait for may need.
            log.freeCheck();
        }
        return startWithoutFreeCheck();
    }

    /**
     * Opens a row operation (a row's change across its indexes and overflow pages): the log free
     * check runs once, here, before anything is latched or changed, and the operation's
     * mini-transactions skip it. So a refusal ({@code LogSpacePinnedException}) can only come
     * before the row is touched, never between its clustered and secondary index changes. Close
     * with {@link #endRowOperation} in a finally block.
     */
    public void beginRowOperation() {
        PerThread d = THREAD.get();
        if (d.depth == 0 && d.exempt == 0) {
            log.freeCheckOrRefuse();
        }
        d.exempt++;
    }

    public void endRowOperation() {
        THREAD.get().exempt--;
    }

    /**
     * Starts a mini-transaction that only reads pages: it skips the log free check, so readers
     * never wait for (or are refused) log space, as in InnoDB, where only changes check.
     */
    public MiniTransaction startRead() {
        return startWithoutFreeCheck();
    }

    /**
     * Runs {@code work} with the calling thread's mini-transactions exempt from the log free check:
     * for a transaction's rollback, which frees the log space its transaction holds back, so must
     * not wait for (or be refused) space itself. Its redo is bounded by the changes it undoes.
     */
    public static void exemptFromFreeCheck(Runnable work) {
        PerThread d = THREAD.get();
        d.exempt++;
        try {
            work.run();
        } finally {
            d.exempt--;
        }
    }

    /** Bytes of redo the calling thread's mini-transactions have committed, ever (a running sum). */
    public static long threadRedoBytes() {
        return THREAD.get().redoBytes;
    }

    /** Adds a committed mini-transaction's redo to the calling thread's sum. */
    static void noteRedo(int bytes) {
        THREAD.get().redoBytes += bytes;
    }

    /**
     * Starts a mini-transaction that never waits for log space: for the threads that free it (the
     * checkpointer's own records) and for shutdown.
     */
    public MiniTransaction startWithoutFreeCheck() {
        THREAD.get().depth++;
        MiniTransaction mtr = null;
        synchronized (this) {
            if (freeCount > 0) {
                mtr = free[--freeCount];
                free[freeCount] = null;
            }
        }
        if (mtr == null) {
            mtr = new MiniTransaction(pool, log, abandonedWithChanges, this);
        }
        mtr.start();
        return mtr;
    }

    /** What the mini-transactions of one thread share. */
    private static final class PerThread {
        /** Mini-transactions open (to tell an outermost one). */
        int depth;
        /** Nesting of {@link #exemptFromFreeCheck} and row operations ({@link #beginRowOperation}). */
        int exempt;
        /** Redo bytes committed by the thread's mini-transactions ({@link #threadRedoBytes}). */
        long redoBytes;
    }

    private static final ThreadLocal<PerThread> THREAD = ThreadLocal.withInitial(PerThread::new);

    /** A record waiting, per thread, for the next B-tree change to carry it ({@link #setPending}). */
    private static final class Pending {
        RedoRecordType type;
        int spaceId;
        byte[] payload = new byte[256];
        int length;
    }

    private final ThreadLocal<Pending> pending = ThreadLocal.withInitial(Pending::new);

    /**
     * Holds {@code payload[0, length)} as a record of {@code type} for the calling thread's next
     * B-tree change: the mini-transaction that makes it appends the record ({@link
     * MiniTransaction#attachPending}). Cleared by that, or by {@link #clearPending}.
     */
    public void setPending(RedoRecordType type, int spaceId, byte[] payload, int length) {
        Pending p = pending.get();
        if (p.payload.length < length) {
            p.payload = new byte[Math.max(length, p.payload.length * 2)];
        }
        System.arraycopy(payload, 0, p.payload, 0, length);
        p.type = type;
        p.spaceId = spaceId;
        p.length = length;
    }

    /** Drops the calling thread's pending record (the change it was for did not happen). */
    public void clearPending() {
        pending.get().type = null;
    }

    void attachPending(MiniTransaction mtr) {
        Pending p = pending.get();
        if (p.type != null) {
            mtr.logNonPage(p.type, p.spaceId, p.payload, 0, p.length);
            p.type = null;
        }
    }

    /** Takes back a closed mini-transaction. */
    void recycle(MiniTransaction mtr) {
        THREAD.get().depth--;
        synchronized (this) {
            if (freeCount < free.length) {
                free[freeCount++] = mtr;
            }
        }
    }

    public BufferPool pool() {
        return pool;
    }

    public RedoLog log() {
        return log;
    }

    /** The engine's activity counters. */
    public InnodbCounters counters() {
        return counters;
    }
}
