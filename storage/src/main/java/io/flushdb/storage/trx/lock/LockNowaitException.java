package io.flushdb.storage.trx.lock;

/**
 * A locking read with NOWAIT met a row another transaction has locked (MySQL error 3572,
 * ER_LOCK_NOWAIT). Nothing was enqueued; the statement fails and the transaction goes on.
 */
public final class LockNowaitException extends RuntimeException {
    public static final String MESSAGE =
            "Statement aborted because lock(s) could not be acquired immediately and NOWAIT is set.";

    public LockNowaitException() {
        super(MESSAGE);
    }
}
