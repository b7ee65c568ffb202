package io.flushdb.storage.log;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.util.Clock;
import io.flushdb.storage.util.Threads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The log checkpointer thread: every {@code innodb_log_checkpoint_every} milliseconds, and at once
 * when asked, it makes a checkpoint — it computes the LSN below which every change is in the data
 * files, forces the data files, and records the checkpoint there.
 *
 * <p>What a pass does is given by its {@link Target} (the engine): when the checkpoint age is past
 * the sync point, or a writer is short of log space ({@link #requestSpace}), it first requests a
 * sync flush ({@link Target#syncFlush}); then {@link Target#checkpointLsn} says which LSN is
 * available and {@link Target#makeDurable} forces the data files, makes the redo durable past it
 * and writes the checkpoint into the redo log header.
 *
 * <p>Waiting: the thread waits on {@link #wake} with a timeout until its next deadline (last pass
 * + period); {@link #setPeriodMillis} and {@link #requestCheckpoint} signal it, so a new period
 * takes effect at once, not after the old one runs out. Requesters wait on {@link #passDone}.
 * No sleeps, no polling.
 *
 * <p>Concurrency: every field below {@link #mutex} is guarded by it. The mutex is a leaf
 * ({@link LatchLevel#CHECKPOINTER}): a pass runs without it.
 */
public final class LogCheckpointer implements AutoCloseable {
    /** The engine as the checkpointer sees it. */
    public interface Target {
        /** The LSN a checkpoint may be made at now: every change below it is in the data files. */
        long checkpointLsn();

        /**
         * Whether the checkpoint age is past the sync point, so pages must be flushed before a
         * checkpoint can free log space.
         */
        boolean needsFlush();

        /**
         * Requests a sync flush from the page cleaner and waits for it: pages are written until
         * the checkpoint age can fall back to the async point.
         */
        void syncFlush();

        /** The LSN of the last durable checkpoint. */
        long lastCheckpointLsn();

        /** Forces the data files and records a checkpoint at {@code lsn}. */
        void makeDurable(long lsn);

        /** Called with a failure of a pass (a failed fsync); the engine refuses writes after it. */
        void failed(RuntimeException e);

        /**
         * Called after a pass a writer short of log space asked for, whether or not it moved the
         * checkpoint: the writers waiting for space look again (and ask again if need be).
         */
        void spacePassDone();
    }

    private final Target target;
    private final Clock clock;
    private final OrderedLock mutex = new OrderedLock(LatchLevel.CHECKPOINTER, "log_checkpointer");
    private final Condition wake = mutex.newCondition();
    private final Condition passDone = mutex.newCondition();
    private final Thread thread;

    private long periodNanos;
    private long lastPassNanos;
    /** Highest LSN a requester waits for a checkpoint at; 0 when none waits. */
    private long requestedLsn;
    /** A writer is short of log space (or the age passed the sync point): flush, then checkpoint. */
    private boolean spaceRequested;
    private long passes;
    private RuntimeException failure;
    private boolean stopping;

    public LogCheckpointer(Target target, Clock clock, long periodMillis, String name) {
        this.target = target;
        this.clock = clock;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.lastPassNanos = clock.nanoTime();
        this.thread = new Thread(this::run, "flushdb-log-checkpointer " + name);
        thread.setDaemon(true);
    }

    /** Starts the thread (once the engine it serves is open). */
    public void start() {
        thread.start();
    }

    /** {@code innodb_log_checkpoint_every}: takes effect in the running thread at once. */
    public void setPeriodMillis(long millis) {
        mutex.lock();
        try {
            periodNanos = TimeUnit.MILLISECONDS.toNanos(millis);
            wake.signal();
        } finally {
            mutex.unlock();
        }
    }

    public long periodMillis() {
        mutex.lock();
        try {
            return TimeUnit.NANOSECONDS.toMillis(periodNanos);
        } finally {
            mutex.unlock();
        }
    }

    /** Number of passes the thread has finished. */
    public long passes() {
        mutex.lock();
        try {
            return passes;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Waits until the thread has finished at least {@code n} passes, or {@code timeoutMillis} have
     * passed; returns whether it had.
     */
    public boolean awaitPasses(long n, long timeoutMillis) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        mutex.lock();
        try {
            while (passes < n && !stopping) {
                if (left <= 0) {
                    return false;
                }
                left = mutex.awaitNanos(passDone, left);
            }
            return passes >= n;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Asks for a checkpoint now and waits until one at or past {@code lsn} is durable. The caller
     * has made sure every page dirtied below {@code lsn} is written.
     *
     * @throws IllegalStateException if a pass fails or the checkpointer stops first
     */
    public void requestCheckpoint(long lsn) {
        mutex.lock();
        try {
            requestedLsn = Math.max(requestedLsn, lsn);
            wake.signal();
            while (target.lastCheckpointLsn() < lsn) {
                if (failure != null) {
                    throw new IllegalStateException("the checkpoint failed: " + failure.getMessage(), failure);
                }
                if (stopping) {
                    throw new IllegalStateException("the log checkpointer stopped before the checkpoint");
                }
                passDone.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Asks for a sync flush and a checkpoint as soon as possible, without waiting (a writer short
     * of log space waits on the log's own condition).
     */
    public void requestSpace() {
        mutex.lock();
        try {
            spaceRequested = true;
            wake.signal();
        } finally {
            mutex.unlock();
        }
    }

    private void run() {
        while (true) {
            boolean flush;
            mutex.lock();
            try {
                while (!stopping && requestedLsn == 0 && !spaceRequested) {
                    long wait = lastPassNanos + periodNanos - clock.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    try {
                        mutex.awaitNanos(wake, wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopping = true;
                    }
                }
                if (stopping) {
                    passDone.signalAll();
                    return;
                }
                requestedLsn = 0;
                flush = spaceRequested;
                spaceRequested = false;
            } finally {
                mutex.unlock();
            }
            RuntimeException error = null;
            if (failure == null) {
                try {
                    if (flush || target.needsFlush()) {
                        target.syncFlush();
                    }
                    long lsn = target.checkpointLsn();
                    if (lsn > target.lastCheckpointLsn()) {
                        target.makeDurable(lsn);
                    }
                    if (flush) {
                        target.spacePassDone();
                    }
                } catch (RuntimeException e) {
                    error = e;
                    target.failed(e);
                } catch (Error e) {
                    // Out of memory, or a test's simulated power loss: requesters must not wait for a
                    // thread that is about to die.
                    error = new IllegalStateException("the log checkpointer failed: " + e, e);
                    target.failed(error);
                    mutex.lock();
                    try {
                        failure = error;
                        stopping = true;
                        passDone.signalAll();
                    } finally {
                        mutex.unlock();
                    }
                    throw e;
                }
            }
            mutex.lock();
            try {
                if (error != null) {
                    failure = error;
                }
                passes++;
                lastPassNanos = clock.nanoTime();
                passDone.signalAll();
            } finally {
                mutex.unlock();
            }
        }
    }

    /** Stops the thread and waits for it to end (a pass in progress finishes first). */
    @Override
    public void close() {
        mutex.lock();
        try {
            stopping = true;
            wake.signal();
            passDone.signalAll();
        } finally {
            mutex.unlock();
        }
        Threads.joinUninterruptibly(thread);
    }
}
