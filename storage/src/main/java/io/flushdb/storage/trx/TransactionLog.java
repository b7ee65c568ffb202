package io.flushdb.storage.trx;

import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Transactions as the redo log sees them: which are active with changes (and since which LSN),
 * their commit and rollback records, and how long a commit waits for the log
 * ({@code innodb_flush_log_at_trx_commit}).
 *
 * <p>A transaction's row changes carry undo records in the redo ({@code TRX_UNDO}, written by the
 * mini-transaction of each clustered index change). Recovery rolls back every transaction whose
 * undo records it finds without a later {@code TRX_COMMIT} or {@code TRX_ROLLBACK}. For that, the
 * checkpoint never passes the LSN at which an active transaction made its first change
 * ({@link #oldestActiveLsn}), so its undo records stay in the redo recovery reads (TRX1).
 *
 * <p>Limit of this version: a transaction holds the checkpoint back from its first change until
 * it ends. Its commit record and its rollback never wait for log space (ending it is what frees
 * space); for the rollback to always fit, each open transaction reserves twice the redo its changes
 * wrote ({@link #reserve}), and a free check counts the reservations as used. When the redo written
 * since the oldest open transaction's first change plus the reservations reach the log's free
 * limit, new mini-transactions are refused with {@code LogSpacePinnedException} instead of
 * waiting for a checkpoint that flushing cannot make. Undo pages (the transactions issue) remove
 * the bound.
 *
 * <p>Concurrency: thread-safe (a concurrent map); each transaction is used by one thread at a time.
 */
public final class TransactionLog {
    private final MtrContext mtrs;
    private final RedoLog redo;
    private final ConcurrentHashMap<Long, Long> active = new ConcurrentHashMap<>();
    private final ThreadLocal<byte[]> idBytes = ThreadLocal.withInitial(() -> new byte[8]);
    /** Log space open transactions keep for their rollback ({@link #reserve}). */
    private final LongAdder reserved = new LongAdder();

    public TransactionLog(MtrContext mtrs) {
        this.mtrs = mtrs;
        this.redo = mtrs.log();
    }

    /** Called before a transaction's row change: registers it as active from the current LSN. */
    public void beforeChange(long trxId) {
        if (!active.containsKey(trxId)) {
            active.putIfAbsent(trxId, redo.currentLsn());
        }
    }

    /**
     * Keeps {@code bytes} of log space for a transaction's rollback: new work is held back (or
     * refused) so that a rollback, which never waits for space, always finds it.
     */
    public void reserve(long bytes) {
        reserved.add(bytes);
    }

    /** Gives back what a transaction reserved, once it ended; wakes threads waiting for space. */
    public void release(long bytes) {
        if (bytes != 0) {
            reserved.add(-bytes);
        }
        redo.spaceReleased();
    }

    /** Log space reserved for the rollback of open transactions. */
    public long reservedBytes() {
        return reserved.sum();
    }

    /** The LSN of the oldest active transaction's first change, or Long.MAX_VALUE when none has one. */
    public long oldestActiveLsn() {
        long oldest = Long.MAX_VALUE;
        for (long lsn : active.values()) {
            oldest = Math.min(oldest, lsn);
        }
        return oldest;
    }

    /**
     * Commits: writes the commit record of a transaction that changed rows and waits as
     * {@code flushMode} says: 1 until it is durable, 2 until it is written to the OS, 0 not at all.
     * A transaction without changes writes nothing.
     */
    public void commit(long trxId, int flushMode) {
        if (!active.containsKey(trxId)) {
            return;
        }
        long lsn = writeEnd(RedoRecordType.TRX_COMMIT, trxId);
        active.remove(trxId);
        if (flushMode == 1) {
            redo.flushUpTo(lsn, true);
        } else if (flushMode == 2) {
            redo.flushUpTo(lsn, false);
        }
    }

    /** Records that a transaction's rollback is complete (its undo need not be applied again). */
    public void rolledBack(long trxId) {
        if (!active.containsKey(trxId)) {
            return;
        }
        writeEnd(RedoRecordType.TRX_ROLLBACK, trxId);
        active.remove(trxId);
    }

    private long writeEnd(RedoRecordType type, long trxId) {
        byte[] b = idBytes.get();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (trxId >>> (56 - 8 * i));
        }
        // Never waits for log space: ending the transaction is what frees the space it holds back.
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            mtr.logNonPage(type, 0, b, 0, 8);
            return mtr.commit();
        }
    }
}
