package io.flushdb.storage.trx;

import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.row.TableStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction: the table locks it holds and a logical undo log of its row changes, so that a
 * failed statement, a ROLLBACK TO SAVEPOINT or a ROLLBACK restores the rows exactly.
 *
 * <p><b>Scope of this version:</b> the undo log is kept in memory (rows as they were and are), and
 * isolation comes from table locks: a table a transaction changed stays locked exclusively until
 * it ends, so others never see its uncommitted rows. Undo pages, row locks and MVCC read views
 * replace this with InnoDB's design; the calls the SQL layer makes stay the same.
 *
 * <p>Concurrency: used by one session's thread.
 */
public final class Transaction {
    private enum Kind { INSERT, DELETE, UPDATE }

    private record Undo(TableStore table, Kind kind, Object[] before, Object[] after) {
    }

    private record Held(TableLock lock, boolean exclusive, boolean statementOnly) {
    }

    private final long id;
    private final TransactionLog log;
    private final List<Undo> undo = new ArrayList<>();
    private final List<Held> locks = new ArrayList<>();
    /**
     * The thread's redo sum ({@link MtrContext#threadRedoBytes}) when the current row change
     * began; -1 until the transaction's first change.
     */
    private long redoMark = -1;
    /** Log space reserved for this transaction's rollback ({@link TransactionLog#reserve}). */
    private long reserved;
    private boolean undoing;

    /** A transaction whose changes are not redo-logged as a transaction (tests of the row layer). */
    public Transaction(long id) {
        this(id, null);
    }

    /** A transaction of an engine: its changes carry undo records and it commits through {@code log}. */
    public Transaction(long id, TransactionLog log) {
        this.id = id;
        this.log = log;
    }

    /**
     * Called by {@code TableStore} before each row change: the transaction becomes active in the
     * log from the current LSN. Returns the id its undo records carry (0: log none).
     */
    public long beforeChange() {
        if (log == null) {
            return 0;
        }
        redoMark = MtrContext.threadRedoBytes();
        log.beforeChange(id);
        return id;
    }

    /**
     * Called by {@code TableStore} after each row change (done or failed), on the thread that
     * called {@link #beforeChange}: reserves log space for undoing it, twice the redo it wrote
     * (an undo may split or merge pages its change did not).
     */
    public void afterChange() {
        if (log == null || redoMark < 0) {
            return;
        }
        long now = MtrContext.threadRedoBytes();
        long wrote = now - redoMark;
        if (!undoing && wrote > 0) {
            reserved += 2 * wrote;
            log.reserve(2 * wrote);
        }
        redoMark = now;
    }

    public long id() {
        return id;
    }

    /** Whether the transaction changed anything. */
    public boolean hasChanges() {
        return !undo.isEmpty();
    }

    // ---- undo ---------------------------------------------------------------------------------

    /** Entries in the undo log: row changes not yet committed or rolled back. */
    public int undoEntries() {
        return undo.size();
    }

    /** Table locks held (statement and transaction locks), for status output. */
    public int lockCount() {
        return locks.size();
    }

    /** A position in the undo log to roll back to (statement start, SAVEPOINT). */
    public int savepoint() {
        return undo.size();
    }

    public void recordInsert(TableStore table, Object[] row) {
        undo.add(new Undo(table, Kind.INSERT, null, row.clone()));
    }

    public void recordDelete(TableStore table, Object[] oldRow) {
        undo.add(new Undo(table, Kind.DELETE, oldRow.clone(), null));
    }

    public void recordUpdate(TableStore table, Object[] oldRow, Object[] newRow) {
        undo.add(new Undo(table, Kind.UPDATE, oldRow.clone(), newRow.clone()));
    }

    /**
     * Undoes every change after {@code savepoint}, newest first. Undo is not counted in the row
     * operation counters ({@code TableStore.undoInsert} and its kin), as InnoDB's row undo is not.
     */
    public void rollbackTo(int savepoint) {
        // A rollback frees the log space its transaction holds back: it must not wait for space.
        undoing = true;
        try {
            MtrContext.exemptFromFreeCheck(() -> undoAfter(savepoint));
        } finally {
            undoing = false;
        }
    }

    private void undoAfter(int savepoint) {
        for (int i = undo.size() - 1; i >= savepoint; i--) {
            Undo u = undo.get(i);
            switch (u.kind) {
                case INSERT -> u.table.undoInsert(u.after, this);
                case DELETE -> u.table.undoDelete(u.before.clone(), this);
                case UPDATE -> u.table.undoUpdate(u.after, u.before.clone(), this);
            }
            undo.remove(i);
        }
    }

    /** Commits with full durability ({@code innodb_flush_log_at_trx_commit=1}). */
    public void commit() {
        commit(1);
    }

    /**
     * Writes the commit record and waits for the log as {@code flushMode}
     * ({@code innodb_flush_log_at_trx_commit}) says, then forgets the undo log and releases every
     * lock. The locks are released even when the log write fails.
     */
    public void commit(int flushMode) {
        try {
            if (log != null) {
                log.commit(id, flushMode);
            }
            undo.clear();
        } finally {
            try {
                releaseAll();
            } finally {
                releaseLogSpace();
            }
        }
    }

    /** Undoes everything, records the rollback and releases every lock. */
    public void rollback() {
        try {
            rollbackTo(0);
            if (log != null) {
                log.rolledBack(id);
            }
        } finally {
            try {
                releaseAll();
            } finally {
                releaseLogSpace();
            }
        }
    }

    private void releaseLogSpace() {
        if (log != null && redoMark >= 0) {
            log.release(reserved);
            reserved = 0;
            redoMark = -1;
        }
    }

    // ---- locks --------------------------------------------------------------------------------

    /**
     * Locks a table for the current statement. Exclusive locks of a transaction that spans
     * statements are kept until it ends ({@code statementOnly} false); shared ones are released at
     * statement end.
     */
    public void lock(TableLock lock, boolean exclusive, boolean statementOnly, long timeoutMillis) {
        if (exclusive) {
            lock.lockExclusive(this, timeoutMillis);
        } else {
            lock.lockShared(this, timeoutMillis);
        }
        locks.add(new Held(lock, exclusive, statementOnly || !exclusive));
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
        if (h.exclusive) {
            h.lock.unlockExclusive(this);
        } else {
            h.lock.unlockShared(this);
        }
    }
}
