package io.flushdb.storage.latch;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A shared/exclusive latch that carries its {@link LatchLevel} (used for B+tree structure latches
 * and the dictionary). Acquisitions are checked under {@code -ea} like {@link OrderedLock}'s.
 */
public final class OrderedRwLock {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final LatchLevel level;
    private final String name;

    public OrderedRwLock(LatchLevel level, String name) {
        this.level = level;
        this.name = name;
    }

    public void lockShared() {
        assert LatchOrderChecker.acquiring(level, name);
        lock.readLock().lock();
    }

    public void unlockShared() {
        lock.readLock().unlock();
        assert LatchOrderChecker.released(level);
    }

    public void lockExclusive() {
        assert LatchOrderChecker.acquiring(level, name);
        lock.writeLock().lock();
    }

    public void unlockExclusive() {
        lock.writeLock().unlock();
        assert LatchOrderChecker.released(level);
    }

    public boolean isExclusivelyHeld() {
        return lock.isWriteLockedByCurrentThread();
    }

    public boolean isSharedHeld() {
        return lock.getReadHoldCount() > 0;
    }

    @Override
    public String toString() {
        return name + "@" + level;
    }
}
