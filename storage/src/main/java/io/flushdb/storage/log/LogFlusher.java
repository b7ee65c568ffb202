package io.flushdb.storage.log;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.util.Clock;
import io.flushdb.storage.util.Threads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/**
 * The once-per-timeout log flush ({@code innodb_flush_log_at_timeout}, default 1 s): writes and
 * forces whatever redo is buffered. With {@code innodb_flush_log_at_trx_commit} 0 it is what makes
 * commits durable, with 2 what makes written redo durable; with 1 it also bounds how long redo of
 * transactions still running stays only in memory.
 *
 * <p>Waiting: on a condition with the remaining time of the period; {@link #setTimeoutSeconds} wakes
 * it. Concurrency: fields below {@link #mutex} are guarded by it (a leaf, {@link LatchLevel#CHECKPOINTER}
 * level: the flusher holds it only to read its period or wait).
 */
public final class LogFlusher implements AutoCloseable {
    private final RedoLog log;
    private final Clock clock;
    private final Runnable onFailure;
    private final OrderedLock mutex = new OrderedLock(LatchLevel.CHECKPOINTER, "log_flusher");
    private final Condition wake = mutex.newCondition();
    private final Thread thread;
    private long periodNanos;
    private boolean stopping;

    public LogFlusher(RedoLog log, Clock clock, long timeoutSeconds, String name, Runnable onFailure) {
        this.log = log;
        this.clock = clock;
        this.onFailure = onFailure;
        this.periodNanos = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        this.thread = new Thread(this::run, "flushdb-log-flusher " + name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** {@code innodb_flush_log_at_timeout}: takes effect at once. */
    public void setTimeoutSeconds(long seconds) {
        mutex.lock();
        try {
            periodNanos = TimeUnit.SECONDS.toNanos(seconds);
            wake.signal();
        } finally {
            mutex.unlock();
        }
    }

    private void run() {
        long last = clock.nanoTime();
        while (true) {
            mutex.lock();
            try {
                long from = last;
                if (!mutex.awaitUntil(wake, clock, () -> from + periodNanos, () -> stopping)) {
                    stopping = true;
                }
                if (stopping) {
                    return;
                }
            } finally {
                mutex.unlock();
            }
            last = clock.nanoTime();
            if (log.failure() != null) {
                continue;
            }
            try {
                long lsn = log.currentLsn();
                if (log.flushedLsn() < lsn) {
                    log.flushUpTo(lsn, true);
                }
            } catch (RuntimeException e) {
                onFailure.run();
            }
        }
    }

    @Override
    public void close() {
        mutex.lock();
        try {
            stopping = true;
            wake.signal();
        } finally {
            mutex.unlock();
        }
        Threads.joinUninterruptibly(thread);
    }
}
