package io.flushdb.storage.trx.lock;

/**
 * One lock or lock request, InnoDB's {@code lock_t} for a single record or table (there are no
 * per-page bitmaps: each locked record has its own object). It sits in two intrusive lists at once:
 * its queue ({@link LockQueue}, arrival order) and its transaction's list ({@link TrxLocks}).
 *
 * <p>Concurrency: every mutable field is guarded by the {@link LockSys} mutex.
 */
final class Lock {
    /** A number unique within the lock system, for the views' engine lock ids. */
    final long id;
    final TrxLocks trx;
    final LockQueue queue;
    final LockMode mode;
    /** {@link RecordLockType} flags; 0 for a table lock. */
    final int type;

    /** Waiting for a grant; moved to false only by a grant (never back). */
    boolean waiting;
    Lock queuePrevious;
    Lock queueNext;
    Lock trxPrevious;
    Lock trxNext;

    Lock(long id, TrxLocks trx, LockQueue queue, LockMode mode, int type, boolean waiting) {
        this.id = id;
        this.trx = trx;
        this.queue = queue;
        this.mode = mode;
        this.type = type;
        this.waiting = waiting;
    }

    boolean isInsertIntention() {
        return (type & RecordLockType.INSERT_INTENTION) != 0;
    }

    /**
     * Whether a request {@code (mode, type)} must wait for this lock, given that it belongs to
     * another transaction and stands ahead of the request.
     */
    boolean blocks(LockMode requestMode, int requestType) {
        if (queue.table) {
            return !requestMode.isCompatibleWith(mode);
        }
        return RecordLockType.hasToWait(requestMode, requestType, mode, type, queue.supremum);
    }

    @Override
    public String toString() {
        return "Lock[" + id + " trx " + trx.trxId() + " " + queue + " "
                + (queue.table ? mode.name() : RecordLockType.dataLocksMode(mode, type))
                + (waiting ? " WAITING" : " GRANTED") + "]";
    }
}
