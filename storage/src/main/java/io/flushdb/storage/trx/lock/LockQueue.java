package io.flushdb.storage.trx.lock;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The locks of one record, named logically as {@code (indexId, key)}, or of one table: InnoDB's
 * lock queue, one chain of the lock hash per record. Locks are kept in arrival order; the queue is
 * also its own entry in {@link LockQueueHash} (no separate map node), and is dropped from it when
 * its last lock goes.
 *
 * <p>"Ahead of" a waiting lock means every granted lock of the queue (wherever it stands, as
 * InnoDB 8.0 inserts granted locks at the head of the queue) and every lock that arrived before it
 * and still waits (LOCK2).
 *
 * <p>Concurrency: guarded by the {@link LockSys} mutex.
 */
final class LockQueue {
    /** An index id for a record queue, a table id for a table queue. */
    final long id;
    /** The record's key (a private copy), {@link LockSys#SUPREMUM}, or null for a table. */
    final byte[] key;
    final boolean supremum;
    final boolean table;
    final int hash;

    LockQueue hashNext;
    Lock first;
    Lock last;
    int waiters;

    LockQueue(long id, byte[] key, boolean table, int hash) {
        this.id = id;
        this.key = key;
        this.supremum = key == LockSys.SUPREMUM;
        this.table = table;
        this.hash = hash;
    }

    boolean isEmpty() {
        return first == null;
    }

    void append(Lock lock) {
        lock.queuePrevious = last;
        lock.queueNext = null;
        if (last == null) {
            first = lock;
        } else {
            last.queueNext = lock;
        }
        last = lock;
        if (lock.waiting) {
            waiters++;
        }
    }

    void remove(Lock lock) {
        if (lock.queuePrevious == null) {
            first = lock.queueNext;
        } else {
            lock.queuePrevious.queueNext = lock.queueNext;
        }
        if (lock.queueNext == null) {
            last = lock.queuePrevious;
        } else {
            lock.queueNext.queuePrevious = lock.queuePrevious;
        }
        lock.queuePrevious = null;
        lock.queueNext = null;
        if (lock.waiting) {
            waiters--;
        }
    }

    /**
     * The first lock of another transaction that makes a new request {@code (mode, type)} of
     * {@code trx} wait, or null: a new request stands behind every lock, granted or waiting.
     */
    Lock blockerOfRequest(TrxLocks trx, LockMode mode, int type) {
        for (Lock l = first; l != null; l = l.queueNext) {
            if (l.trx != trx && l.blocks(mode, type)) {
                return l;
            }
        }
        return null;
    }

    /** The first lock ahead of the waiting {@code lock} (LOCK2) that makes it wait, or null. */
    Lock blockerOf(Lock lock) {
        return nextBlockerOf(lock, first);
    }

    /**
     * The first lock at or after {@code from} in this queue that stands ahead of the waiting
     * {@code lock} and makes it wait, or null. Queue order is lock id order (LOCK3), so "arrived
     * before" is a comparison of ids.
     */
    Lock nextBlockerOf(Lock lock, Lock from) {
        for (Lock l = from; l != null; l = l.queueNext) {
            if (l.trx != lock.trx && (!l.waiting || l.id < lock.id) && l.blocks(lock.mode, lock.type)) {
                return l;
            }
        }
        return null;
    }

    /** Whether a granted lock of {@code trx} here makes its request {@code (mode, type)} redundant. */
    boolean isCoveredFor(TrxLocks trx, LockMode mode, int type) {
        for (Lock l = first; l != null; l = l.queueNext) {
            if (l.trx == trx && !l.waiting && covers(l, mode, type)) {
                return true;
            }
        }
        return false;
    }

    private boolean covers(Lock held, LockMode mode, int type) {
        if (table) {
            return held.mode.isStrongerOrEqual(mode);
        }
        return RecordLockType.covers(held.mode, held.type, mode, type, supremum);
    }

    /** Whether this queue names the record {@code (indexId, key)} (or, in the table hash, the table {@code id}). */
    boolean names(long id, byte[] key) {
        return names(id, key, key == null ? 0 : key.length);
    }

    /** {@link #names(long, byte[])} for the key in {@code key[0, length)}. */
    boolean names(long id, byte[] key, int length) {
        if (this.id != id) {
            return false;
        }
        if (table) {
            return true;
        }
        if (supremum || key == LockSys.SUPREMUM) {
            return this.key == key;
        }
        return Arrays.equals(this.key, 0, this.key.length, key, 0, length);
    }

    @Override
    public String toString() {
        if (table) {
            return "table " + id;
        }
        return "index " + id + (supremum ? " supremum" : " key " + HexFormat.of().formatHex(key));
    }
}
