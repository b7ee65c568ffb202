package io.flushdb.storage.mtr;

import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.log.RedoLog;
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

    /** Takes back a closed mini-transaction. */
    void recycle(MiniTransaction mtr) {
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
