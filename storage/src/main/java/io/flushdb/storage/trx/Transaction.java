package io.flushdb.storage.trx;

import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.lock.DeadlockException;
import io.flushdb.storage.trx.lock.LockMode;
import io.flushdb.storage.trx.lock.LockSys;
import io.flushdb.storage.trx.lock.TrxLocks;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction: its undo log in undo pages (created with its first change), its read view, and
 * the table locks it holds.
 *
 * <p>Row changes go through {@code TableStore}, which writes each change's undo record in the
 * change's own mini-transaction ({@link #undoLogForChange}). A savepoint is an undo number:
 * {@link #rollbackTo} undoes the records at and after it, newest first, and cuts them from the log.
 * {@link #commit} puts the log in the history list for purge; {@link #rollback} undoes everything
 * and frees it.
 *
 * <p>Concurrency: used by one session's thread at a time. Status output from other threads reads
 * the id and counts without synchronisation (racy snapshots).
 */
public final class Transaction {
    private record Held(TableLock lock, TableLock.Mode mode, boolean statementOnly) {
    }

    /** Null for a transaction of the row-layer tests: its changes are not undoable. */
    private final TrxSys sys;
    private volatile long id;
    private UndoLog undo;
    private ReadView view;
    private final List<Held> locks = new ArrayList<>();
    private final long[] trxNo = new long[1];
    private ByteBuffer undoRecord;
    /** The transaction's part in the lock system: registered when it gets its id. */
    private volatile TrxLocks lockHandle;
    /** How long a row lock request waits ({@code innodb_lock_wait_timeout}), set per statement. */
    private long lockWaitTimeoutMillis = 50_000;
    /** Purge's view, for rollback ({@link TableStore#undo}). */
    private final java.util.function.Supplier<ReadView> purgeView;

    /** A transaction whose changes are not logged for undo (tests of the row layer). */
    public Transaction(long id) {
        this.sys = null;
        this.id = id;
        this.purgeView = () -> null;
    }

    Transaction(TrxSys sys) {
        this.sys = sys;
        this.purgeView = sys::purgeView;
    }

    /** A transaction recovery found unfinished, to be rolled back. */
    static Transaction recovered(TrxSys sys, UndoLog log) {
        Transaction t = new Transaction(sys);
        t.id = log.trxId();
        t.undo = log;
        return t;
    }

    /** Whether changes made in this transaction are undoable (it belongs to a transaction system). */
    public boolean isTransactional() {
        return sys != null;
    }

    /** The transaction id; 0 until the first change. */
    public long id() {
        return id;
    }

    void assignId(long id) {
        this.id = id;
        if (view != null) {
            view.setCreator(id);
        }
    }

    long[] trxNoHolder() {
        return trxNo;
    }

    /** Whether the transaction changed anything. */
    public boolean hasChanges() {
        return undo != null && undo.nextUndoNo() > 0;
    }

    /** Undo records written: row changes not yet committed or rolled back. */
    public long undoEntries() {
        return undo == null ? 0 : undo.nextUndoNo();
    }

    /** Table locks held (statement and transaction locks), for status output. */
    public int lockCount() {
        return locks.size();
    }

    /**
     * The undo log a change appends to: created, with the transaction's id, at the first change.
     *
     * @throws TooManyTransactionsException when every rollback segment slot is in use
     */
    public UndoLog undoLogForChange() {
        if (undo == null) {
            boolean activated = id == 0;
            lockHandle();
            try {
                undo = sys.rseg().createLog(id);
            } catch (RuntimeException | Error e) {
                if (activated) {
                    // No log, no changes: not active after all (a view must not wait on it).
                    sys.lockSys().releaseAll(lockHandle);
                    lockHandle = null;
                    sys.rolledBack(this);
                    assignId(0);
                }
                throw e;
            }
        }
        return undo;
    }

    // ---- row locks ----------------------------------------------------------------------------

    /**
     * The transaction's handle in the lock system. A transaction that locks rows (its first
     * change, or a locking read) gets its id and is registered then, as InnoDB makes a transaction
     * read-write: the id names it as the owner of the implicit locks of the records it writes.
     */
    public TrxLocks lockHandle() {
        if (lockHandle == null) {
            if (id == 0) {
                sys.activate(this);
            }
            lockHandle = sys.lockSys().register(id, this::undoEntries, this::toString);
        }
        return lockHandle;
    }

    /** The lock system, for {@code TableStore}'s lock requests. */
    public LockSys lockSys() {
        return sys.lockSys();
    }

    /** Table and record locks held in the lock system (the status report's "lock struct(s)"). */
    public int lockStructs() {
        TrxLocks h = lockHandle;
        return h == null ? 0 : sys.lockSys().lockCount(h);
    }

    /** Whether the transaction's lock request is waiting (INNODB_TRX's LOCK WAIT). */
    public boolean waitsForLock() {
        TrxLocks h = lockHandle;
        return h != null && sys.lockSys().isWaiting(h);
    }

    /** Record locks held (the status report's "row lock(s)"). */
    public int rowLocks() {
        TrxLocks h = lockHandle;
        return h == null ? 0 : sys.lockSys().rowLockCount(h);
    }

    /** Whether this transaction is registered with the lock system (holds or may hold row locks). */
    public boolean locksRows() {
        return lockHandle != null;
    }

    /** Whether locking reads lock gaps (REPEATABLE READ, SERIALIZABLE) or records only (READ COMMITTED and below). */
    private boolean gapLocking = true;
    /** foreign_key_checks for the statement running (InnoDB's trx->check_foreigns); set by the session thread. */
    private boolean foreignKeyChecks = true;

    /** Whether row operations enforce FOREIGN KEY constraints (foreign_key_checks). */
    public boolean foreignKeyChecks() {
        return foreignKeyChecks;
    }

    public void setForeignKeyChecks(boolean on) {
        this.foreignKeyChecks = on;
    }


    /** Sets whether this transaction's locking reads and duplicate checks lock gaps (by isolation level). */
    public void setGapLocking(boolean on) {
        this.gapLocking = on;
    }

    public boolean gapLocking() {
        return gapLocking;
    }

    /** Sets how long a lock request waits ({@code innodb_lock_wait_timeout}). */
    public void setLockWaitTimeout(long millis) {
        this.lockWaitTimeoutMillis = millis;
    }

    /**
     * Requests a record lock (see {@link LockSys#lockRecord}) and, when it must wait, waits with
     * no latch held. Returns true when the lock is held, false when the request would have to wait
     * and {@code noWait} (NOWAIT, SKIP LOCKED), or when the record was removed while waiting (the
     * caller looks again).
     *
     * @throws DeadlockException          when this transaction is chosen as a deadlock victim
     * @throws LockWaitTimeoutException   after {@code innodb_lock_wait_timeout}
     */
    public boolean lockRecord(long indexId, byte[] key, LockMode mode, int type, long implicitOwner, boolean noWait) {
        LockSys ls = sys.lockSys();
        TrxLocks t = lockHandle();
        switch (ls.lockRecord(t, indexId, key, mode, type, implicitOwner, noWait)) {
            case GRANTED:
                return true;
            case WOULD_BLOCK:
                return false;
            case DEADLOCK:
                throw new DeadlockException();
            default:
                return awaitGrant();
        }
    }

    /**
     * Waits for this transaction's pending lock request (a {@code WAIT} answer) with no latch
     * held. Returns true once granted, false when the record was removed meanwhile.
     */
    public boolean awaitGrant() {
        return sys.lockSys().awaitGrant(lockHandle(), lockWaitTimeoutMillis);
    }

    /** Takes a table lock (IS, IX), waiting as {@link #lockRecord} does. */
    public void lockTable(long tableId, LockMode mode) {
        LockSys ls = sys.lockSys();
        TrxLocks t = lockHandle();
        switch (ls.lockTable(t, tableId, mode, false)) {
            case GRANTED:
                return;
            case DEADLOCK:
                throw new DeadlockException();
            default:
                awaitGrant();
        }
    }

    private void releaseRowLocks() {
        if (lockHandle != null) {
            sys.lockSys().releaseAll(lockHandle);
            lockHandle = null;
        }
    }

    // ---- read views ---------------------------------------------------------------------------

    /** The transaction's read view, opened now if it has none (a consistent read's snapshot). */
    public ReadView readView() {
        if (view == null && sys != null) {
            view = sys.openView(this);
        }
        return view;
    }

    /** Closes the read view (READ COMMITTED, at the end of each statement); the next read opens a new one. */
    public void closeReadView() {
        if (view != null) {
            sys.closeView(view);
            view = null;
        }
    }

    // ---- rollback -----------------------------------------------------------------------------

    /** A position in the undo log to roll back to (statement start, SAVEPOINT): an undo number. */
    public long savepoint() {
        return undo == null ? 0 : undo.nextUndoNo();
    }

    /**
     * Undoes every change at or after {@code savepoint}, newest first, and cuts them from the undo
     * log. Undo is not counted in the row operation counters, as InnoDB's row undo is not.
     */
    public void rollbackTo(long savepoint) {
        if (undo == null || undo.nextUndoNo() <= savepoint) {
            return;
        }
        if (undoRecord == null) {
            undoRecord = ByteBuffer.allocate(sys.mtrs().pool().pageSize());
        }
        UndoLog.Reader r = undo.reader(sys.mtrs());
        while (r.previous(undoRecord)) {
            if (UndoRecord.undoNo(undoRecord, 0) < savepoint) {
                break;
            }
            TableStore table = sys.table(UndoRecord.spaceId(undoRecord, 0));
            if (table != null) { // a table dropped since has taken its rows with it
                // One row operation per record: the log free check runs here, with no latch held,
                // and not inside the index changes (which hold their tree's latch).
                sys.mtrs().beginRowOperation();
                try {
                    table.undo(undoRecord, r.rollPtr(), id, purgeView, sys.lockSys());
                } finally {
                    sys.mtrs().endRowOperation();
                }
            }
        }
        undo.truncate(sys.mtrs(), savepoint, undoRecord);
    }

    /** Commits with full durability ({@code innodb_flush_log_at_trx_commit=1}). */
    public void commit() {
        commit(1);
    }

    /**
     * Commits: a transaction with changes puts its undo log in the history list in one
     * mini-transaction (its commit point), and its changes become visible to views opened after;
     * then every lock is released and the commit waits for the log as {@code flushMode}
     * ({@code innodb_flush_log_at_trx_commit}) says: 1 until durable, 2 until written, 0 not at all.
     * The locks are released even when the commit fails.
     */
    public void commit(int flushMode) {
        try {
            long lsn = 0;
            if (undo != null) {
                if (undo.nextUndoNo() == 0) {
                    sys.rseg().release(undo);
                    sys.rolledBack(this);
                } else {
                    lsn = sys.commit(this, undo);
                }
                undo = null;
            } else if (lockHandle != null) {
                sys.rolledBack(this); // it only locked rows: nothing to commit
            }
            closeReadView();
            releaseRowLocks();
            releaseAll();
            if (lsn != 0 && flushMode != 0) {
                sys.mtrs().log().flushUpTo(lsn, flushMode == 1);
            }
        } finally {
            if (lockHandle != null) {
                releaseRowLocks(); // even when the commit failed: nothing else would release them
            }
            if (!locks.isEmpty()) {
                releaseAll();
            }
        }
    }

    /** Undoes everything, frees the undo log and releases every lock. */
    public void rollback() {
        try {
            if (undo != null) {
                rollbackTo(0);
                sys.rseg().release(undo);
                sys.rolledBack(this);
                undo = null;
            } else if (lockHandle != null) {
                sys.rolledBack(this);
            }
        } finally {
            if (sys != null) {
                closeReadView();
                releaseRowLocks();
            }
            releaseAll();
        }
    }

    // ---- locks --------------------------------------------------------------------------------

    /**
     * Locks a table in {@code mode} for the current statement. The lock is kept until the
     * transaction ends unless {@code statementOnly}; a SHARED lock (a statement's read of the latest
     * rows of a table it does not change) is always released at statement end.
     */
    public void lock(TableLock lock, TableLock.Mode mode, boolean statementOnly, long timeoutMillis) {
        lock.lock(this, mode, timeoutMillis);
        locks.add(new Held(lock, mode, statementOnly || mode == TableLock.Mode.SHARED));
    }

    /** Releases the locks held only for the statement that just ended. */
    public void releaseStatementLocks() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            Held h = locks.get(i);
            if (h.statementOnly) {
                release(h);
                locks.remove(i);
            }
        }
    }

    private void releaseAll() {
        for (int i = locks.size() - 1; i >= 0; i--) {
            release(locks.get(i));
        }
        locks.clear();
    }

    private void release(Held h) {
        h.lock.unlock(this, h.mode);
    }

    @Override
    public String toString() {
        return "Transaction[" + id + (undo != null ? ", " + undo : "") + "]";
    }
}
