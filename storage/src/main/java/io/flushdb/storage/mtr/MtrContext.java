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
        PerThread d = THREAD.get();
        if (d.depth == 0 && d.exempt == 0) {
            // Log free check: only an outermost mini-transaction may wait for log space, since a
            // nested one's thread holds page latches the flushing it would wait for may need.
            log.freeCheck();
        }
        return startWithoutFreeCheck();
    }

    /**
     * The log free check a change runs before it takes its first latch (a B+tree change, before
     * its tree latch): waits for log space unless the calling thread is inside a mini-transaction
     * or a row operation, which did it already. The change's mini-transactions then start with
     * {@link #startWithoutFreeCheck}, so no thread waits for log space holding a tree latch.
     */
    public void checkLogSpace() {
        PerThread d = THREAD.get();
        if (d.depth == 0 && d.exempt == 0) {
            log.freeCheck();
        }
    }

    /**
     * Opens a row operation (a row's change across its indexes, overflow pages and undo): the log
     * free check runs once, here, before anything is latched or changed, and the operation's
     * mini-transactions skip it, so a row is never left waiting for log space halfway between its
     * clustered and secondary index changes. Close with {@link #endRowOperation} in a finally block.
     */
    public void beginRowOperation() {
        PerThread d = THREAD.get();
        if (d.depth == 0 && d.exempt == 0) {
            log.freeCheck();
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
        /** Nesting of row operations ({@link #beginRowOperation}). */
        int exempt;
    }

    private static final ThreadLocal<PerThread> THREAD = ThreadLocal.withInitial(PerThread::new);

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
