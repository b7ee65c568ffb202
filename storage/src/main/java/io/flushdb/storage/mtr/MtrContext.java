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
        if (DEPTH.get()[0] == 0) {
            // Log free check: only an outermost mini-transaction may wait for log space, since a
            // nested one's thread holds page latches the flushing it would wait for may need.
            log.freeCheck();
        }
        return startWithoutFreeCheck();
    }

    /**
     * Starts a mini-transaction that never waits for log space: for the threads that free it (the
     * checkpointer's own records) and for shutdown.
     */
    public MiniTransaction startWithoutFreeCheck() {
        DEPTH.get()[0]++;
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

    /** Mini-transactions open on each thread (to tell an outermost one). */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

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
        DEPTH.get()[0]--;
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
