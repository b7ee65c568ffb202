package io.flushdb.storage.mtr;

import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.log.RedoLog;

/**
 * Hands out this engine's mini-transactions: one reusable instance per thread, so that starting a
 * mini-transaction allocates nothing. Mini-transactions do not nest on a thread.
 */
public final class MtrContext {
    private final ThreadLocal<MiniTransaction> perThread;
    private final BufferPool pool;
    private final RedoLog log;

    public MtrContext(BufferPool pool, RedoLog log, Runnable abandonedWithChanges) {
        this.pool = pool;
        this.log = log;
        this.perThread = ThreadLocal.withInitial(() -> new MiniTransaction(pool, log, abandonedWithChanges));
    }

    /** Starts this thread's mini-transaction. Use in try-with-resources; commit before the end. */
    public MiniTransaction start() {
        MiniTransaction mtr = perThread.get();
        mtr.start();
        return mtr;
    }

    public BufferPool pool() {
        return pool;
    }

    public RedoLog log() {
        return log;
    }
}
