package io.flushdb.storage.row;

import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.trx.lock.LockMode;

/**
 * How a locking read locks the rows it reads: for which transaction, in which mode (S for
 * {@code FOR SHARE} and the tables a changing statement reads, X for {@code FOR UPDATE} and the
 * rows a statement changes), whether gaps are locked too (REPEATABLE READ and SERIALIZABLE:
 * next-key locks, so no row can appear in a range read) and what to do with a row another
 * transaction holds: wait, fail at once ({@code NOWAIT}) or leave it out ({@code SKIP LOCKED}).
 */
public record RowLocking(Transaction trx, LockMode mode, boolean gaps, int policy) {
    /** Wait for a locked row, up to {@code innodb_lock_wait_timeout}. */
    public static final int WAIT = 0;
    /** Fail with {@code LockNowaitException} (error 3572). */
    public static final int NOWAIT = 1;
    /** Leave a locked row out. */
    public static final int SKIP_LOCKED = 2;
}
