package io.flushdb.storage.trx.lock;

import java.util.concurrent.locks.Condition;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A transaction's side of the lock system, InnoDB's {@code trx_lock_t}: the locks it holds, the
 * one request it waits for, and how its last wait ended. Created by {@link LockSys#register} at
 * transaction start and dead after {@link LockSys#releaseAll}; the transaction keeps it and passes
 * it to every {@code LockSys} call.
 *
 * <p>Concurrency: the handle is used by its transaction's thread, but other threads read and change
 * its state when they grant, cancel or inherit locks; every mutable field is guarded by the
 * {@code LockSys} mutex and is not visible outside the package.
 */
public final class TrxLocks {
    /** How the last wait of the transaction ended, read and reset by {@code awaitGrant}. */
    enum WaitOutcome {
        /** No wait ended since the last was consumed (or the wait is still going on). */
        NONE,
        /** Set by the thread that granted the waiting request. */
        GRANTED,
        /** Set when the record waited for was removed: the caller re-examines the record. */
        RETRY,
        /** Set by the deadlock detector when it chose this transaction as the victim. */
        DEADLOCK
    }

    private final long trxId;
    final LongSupplier undoWeight;
    final Supplier<String> description;
    /** Signalled when {@link #waitLock} is granted or cancelled, and by {@code wakeAll}. */
    final Condition wakeup;

    // State guarded by the LockSys mutex.
    Lock first;
    Lock last;
    /** Granted table and record locks. */
    int grantedLocks;
    /** Granted record locks. */
    int grantedRecordLocks;
    /** The one waiting request, or null (LOCK2). */
    Lock waitLock;
    WaitOutcome outcome = WaitOutcome.NONE;
    /** The deadlock search that last visited this transaction. */
    long searchMark;
    boolean registered = true;

    TrxLocks(long trxId, LongSupplier undoWeight, Supplier<String> description, Condition wakeup) {
        this.trxId = trxId;
        this.undoWeight = undoWeight;
        this.description = description;
        this.wakeup = wakeup;
    }

    public long trxId() {
        return trxId;
    }

    void add(Lock lock) {
        lock.trxPrevious = last;
        lock.trxNext = null;
        if (last == null) {
            first = lock;
        } else {
            last.trxNext = lock;
        }
        last = lock;
        if (lock.waiting) {
            waitLock = lock;
        } else {
            countGranted(lock, 1);
        }
    }

    void remove(Lock lock) {
        if (lock.trxPrevious == null) {
            first = lock.trxNext;
        } else {
            lock.trxPrevious.trxNext = lock.trxNext;
        }
        if (lock.trxNext == null) {
            last = lock.trxPrevious;
        } else {
            lock.trxNext.trxPrevious = lock.trxPrevious;
        }
        lock.trxPrevious = null;
        lock.trxNext = null;
        if (lock == waitLock) {
            waitLock = null;
        } else {
            countGranted(lock, -1);
        }
    }

    /** Records that the waiting request {@code lock} was granted. */
    void granted(Lock lock) {
        assert lock == waitLock;
        waitLock = null;
        countGranted(lock, 1);
    }

    private void countGranted(Lock lock, int delta) {
        grantedLocks += delta;
        if (!lock.queue.table) {
            grantedRecordLocks += delta;
        }
    }

    /** The deadlock victim weight: undo size plus locks held (InnoDB's {@code TRX_WEIGHT}). */
    long weight() {
        return undoWeight.getAsLong() + grantedLocks;
    }

    @Override
    public String toString() {
        return "TrxLocks[" + trxId + "]";
    }
}
