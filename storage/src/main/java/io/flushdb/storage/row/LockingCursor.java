package io.flushdb.storage.row;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.IndexCursor;
import io.flushdb.storage.btree.LockKey;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.btree.RecordLocker;
import io.flushdb.storage.trx.lock.DeadlockException;
import io.flushdb.storage.trx.lock.LockNowaitException;
import io.flushdb.storage.trx.lock.LockSys;
import io.flushdb.storage.trx.lock.RecordLockType;
import java.nio.ByteBuffer;

/**
 * A locking read's cursor over one index: every record it visits is locked under its leaf's latch
 * (next-key locks when gaps are locked, the record alone otherwise; the record past the range and
 * the supremum get gap protection), and a record another transaction holds is waited for with no
 * latch held, then visited again. Delete-marked records are locked and not returned. A clustered
 * record's {@code DB_TRX_ID} names the owner of its implicit lock; a secondary entry has none, so
 * a read through a secondary index also locks each row's clustered record
 * ({@link TableStore#lockRow}).
 *
 * <p>A unique point read (a full unique key, equality) locks the record alone when it is there
 * and live, and otherwise the gap it would be in, as InnoDB does. Any equality read locks the gap
 * before the first record past its matches, not that record (InnoDB's {@code ROW_SEL_EXACT}
 * rule), so a writer of that record does not wait for it. A clustered range that starts
 * at a full primary key ({@code id >= 10}) locks the first record alone when it has that key:
 * nothing inserted before it can fall in the range (InnoDB's {@code PAGE_CUR_GE} rule).
 *
 * <p>Concurrency: one thread, like the transaction it locks for.
 */
public final class LockingCursor implements IndexCursor {
    /** What the read asks for, which decides the locks on the first and the past-the-end records. */
    public enum Shape {
        /** A range, or a whole index: next-key locks, and a next-key lock on the record past the range. */
        RANGE,
        /**
         * An equality on a key prefix that is not a full unique key: next-key locks on the matching
         * records, a gap lock on the first record that does not match.
         */
        EQUALITY,
        /** An equality on every column of a unique key: the record alone when it is there and live. */
        UNIQUE_POINT
    }

    private final BTreeCursor cursor;
    private final Locker locker;

    LockingCursor(TableStore store, BTree tree, boolean clustered, RowLocking locking, Shape shape) {
        this.cursor = tree.cursor();
        this.locker = new Locker(store, tree, clustered, locking, shape);
        cursor.setLocker(locker);
        // A secondary entry carries no writer id: one delete-marked by an open transaction is
        // returned, so that the caller locks its row (waiting for that transaction) and then
        // checks whether the row still has it ({@link TableStore#lockRow}, isEntryOf).
        cursor.setIncludeDeleted(!clustered);
    }

    @Override
    public void seekFirst() {
        locker.startAt(null, null, 0);
        cursor.seekFirst();
    }

    @Override
    public void seek(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive) {
        locker.startAt(inclusive && nFields == tree().keyFields() ? key : null, kl, nFields);
        cursor.seek(key, kl, nFields, inclusive);
    }

    @Override
    public void setUpperBound(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive) {
        cursor.setUpperBound(key, kl, nFields, inclusive);
    }

    /**
     * Moves to the next locked record (in a clustered index, one that is not delete-marked),
     * waiting for locks as needed.
     *
     * @throws DeadlockException    this transaction was chosen as a deadlock victim
     * @throws LockNowaitException  NOWAIT met a locked row
     * @throws io.flushdb.storage.trx.LockWaitTimeoutException after innodb_lock_wait_timeout
     */
    @Override
    public boolean next() {
        while (true) {
            if (cursor.next()) {
                return true;
            }
            if (!cursor.blocked()) {
                return false;
            }
            locker.waitOut();
            cursor.resume();
        }
    }

    private BTree tree() {
        return locker.tree;
    }

    @Override
    public ByteBuffer buffer() {
        return cursor.buffer();
    }

    @Override
    public int record() {
        return cursor.record();
    }

    /** The lock requests of one cursor, made under the leaf latch ({@link RecordLocker}). */
    private static final class Locker implements RecordLocker {
        private static final int NONE = 0;
        private static final int WAIT = 1;
        private static final int REFUSED = 2;
        private static final int DEADLOCK = 3;

        private final TableStore store;
        final BTree tree;
        private final boolean clustered;
        private final RowLocking locking;
        private final boolean uniquePoint;
        /** An equality read: the first record past the matches gets a gap lock, not a next-key lock. */
        private final boolean gapPastEnd;
        private final LockSys sys;
        private boolean foundLive;
        private boolean liveCandidate;
        /**
         * The full key a clustered {@code >=} range starts at, or null. Kept for the whole seek: a
         * full primary key matches one record only, and a wait makes the cursor visit the records
         * before the waited one again, which must keep their record-only locks.
         */
        private ByteBuffer startKey;
        private RecordLayout startLayout;
        private int startFields;
        private int pending = NONE;
        /** The name of the record being locked, reused from record to record. */
        private final LockKey scratch = new LockKey();

        Locker(TableStore store, BTree tree, boolean clustered, RowLocking locking, Shape shape) {
            this.store = store;
            this.tree = tree;
            this.clustered = clustered;
            this.locking = locking;
            this.uniquePoint = shape == Shape.UNIQUE_POINT;
            this.gapPastEnd = shape != Shape.RANGE;
            this.sys = locking.trx().lockSys();
            locking.trx().lockHandle(); // registered (and given an id) before any latch is held
        }

        void startAt(ByteBuffer key, RecordLayout layout, int fields) {
            startKey = clustered ? key : null;
            startLayout = layout;
            startFields = fields;
        }

        @Override
        public int lock(ByteBuffer page, int rec, boolean pastBound) {
            liveCandidate = false;
            boolean gaps = locking.gaps();
            byte[] key;
            int keyLength = 0;
            int type;
            long implicitOwner = 0;
            if (rec < 0) {
                if (!gaps || (uniquePoint && foundLive)) {
                    return GRANTED; // a unique hit locks its record alone, at the end of the index too
                }
                key = LockSys.SUPREMUM;
                type = RecordLockType.ORDINARY;
            } else {
                if (pastBound) {
                    if (!gaps || (uniquePoint && foundLive)) {
                        return GRANTED;
                    }
                    type = gapPastEnd ? RecordLockType.GAP : RecordLockType.ORDINARY;
                } else {
                    boolean deleted = (RecordLayout.info(page, rec) & RecordLayout.INFO_DELETED) != 0;
                    if (!gaps && deleted && clustered && !sys.isRegistered(store.trxId(page, rec))) {
                        // READ COMMITTED: a row whose delete is committed is not locked (InnoDB's
                        // locks_ok_del_marked); it is gone for every reader, purge or not.
                        return GRANTED;
                    }
                    if (!gaps) {
                        type = RecordLockType.REC_NOT_GAP;
                    } else if (uniquePoint && !deleted) {
                        type = RecordLockType.REC_NOT_GAP;
                        liveCandidate = true;
                    } else if (startKey != null && RecordLayout.compare(tree.leafLayout(), page, rec, startLayout,
                            startKey, 0, startFields) == 0) {
                        type = RecordLockType.REC_NOT_GAP; // the range's first key: the gap before it is outside
                    } else {
                        type = RecordLockType.ORDINARY;
                    }
                }
                tree.lockKey(page, rec, scratch);
                key = scratch.bytes();
                keyLength = scratch.length();
                if (clustered) {
                    implicitOwner = store.trxId(page, rec);
                }
            }
            boolean noWait = locking.policy() != RowLocking.WAIT;
            switch (sys.lockRecord(locking.trx().lockHandle(), tree.indexId(), key, keyLength, locking.mode(), type,
                    implicitOwner, noWait)) {
                case GRANTED:
                    // Only a live record locked now spares the gap after it (a wait may end with it gone).
                    foundLive |= liveCandidate;
                    liveCandidate = false;
                    return GRANTED;
                case WAIT:
                    pending = WAIT;
                    return STOP;
                case WOULD_BLOCK:
                    if (locking.policy() == RowLocking.SKIP_LOCKED) {
                        // A locked row is left out; a locked gap does not stop the read either.
                        return rec < 0 || pastBound ? GRANTED : SKIP;
                    }
                    pending = REFUSED;
                    return STOP;
                default:
                    pending = DEADLOCK;
                    return STOP;
            }
        }

        /** Deals with the request that stopped the cursor, with no latch held. */
        void waitOut() {
            int p = pending;
            pending = NONE;
            switch (p) {
                case WAIT -> locking.trx().awaitGrant();
                case REFUSED -> throw new LockNowaitException();
                case DEADLOCK -> throw new DeadlockException();
                default -> {
                }
            }
        }
    }
}
