package io.flushdb.storage.latch;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A mutex that carries its {@link LatchLevel}; under {@code -ea} every acquisition is checked
 * against the locks the thread already holds. Not reentrant by contract (a re-acquisition is an
 * order violation), although the underlying lock would allow it.
 */
public final class OrderedLock {
    private final ReentrantLock lock = new ReentrantLock();
    private final LatchLevel level;
    private final String name;

    public OrderedLock(LatchLevel level, String name) {
        this.level = level;
        this.name = name;
    }

    public void lock() {
        assert LatchOrderChecker.acquiring(level, name);
        lock.lock();
    }

    public void unlock() {
        lock.unlock();
        assert LatchOrderChecker.released(level);
    }

    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** A condition of this lock; waiting on it releases and re-acquires the lock. */
    public Condition newCondition() {
        return lock.newCondition();
    }

    /** Waits on {@code c} (of this lock) up to {@code nanos}; the latch stays recorded as held. */
    public long awaitNanos(Condition c, long nanos) throws InterruptedException {
        return c.awaitNanos(nanos);
    }

    /**
     * Waits on {@code c} (of this lock, held) until {@code done} holds or the clock reaches
     * {@code deadlineNanos} (both looked at again after every wake, so a signal that changes
     * either takes effect at once). Returns false if the thread was interrupted.
     */
    public boolean awaitUntil(Condition c, io.flushdb.storage.util.Clock clock,
                              java.util.function.LongSupplier deadlineNanos, java.util.function.BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            long wait = deadlineNanos.getAsLong() - clock.nanoTime();
            if (wait <= 0) {
                return true;
            }
            try {
                c.awaitNanos(wait);
            } catch (InterruptedException e) {
                return false;
            }
        }
        return true;
    }

    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        assert LatchOrderChecker.acquiring(level, name);
        boolean ok = lock.tryLock(timeout, unit);
        if (!ok) {
            assert LatchOrderChecker.released(level);
        }
        return ok;
    }

    public LatchLevel level() {
        return level;
    }

    @Override
    public String toString() {
        return name + "@" + level;
    }
}
