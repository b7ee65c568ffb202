package io.flushdb.storage.trx;

import io.flushdb.storage.log.RedoLog;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>Limit of this version: a transaction that stays active while it writes more redo than the
 * log's free limit holds the checkpoint back until it ends; undo pages (the transactions issue)
 * remove that bound.
 *
 * <p>Concurrency: thread-safe (a concurrent map); each transaction is used by one thread at a time.
 */
public final class TransactionLog {
    private final MtrContext mtrs;
    private final RedoLog redo;
    private final ConcurrentHashMap<Long, Long> active = new ConcurrentHashMap<>();
    private final ThreadLocal<byte[]> idBytes = ThreadLocal.withInitial(() -> new byte[8]);

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
        try (MiniTransaction mtr = mtrs.start()) {
            mtr.logNonPage(type, 0, b, 0, 8);
            return mtr.commit();
        }
    }
}
