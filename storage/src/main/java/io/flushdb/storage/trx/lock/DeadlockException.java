package io.flushdb.storage.trx.lock;

/**
 * The transaction was chosen as a deadlock victim (MySQL error 1213, ER_LOCK_DEADLOCK, SQLSTATE
 * 40001). Its waiting request is gone; the caller rolls the transaction back, which releases its
 * locks ({@link LockSys#releaseAll}).
 */
public final class DeadlockException extends RuntimeException {
    public static final String MESSAGE = "Deadlock found when trying to get lock; try restarting transaction";

    public DeadlockException() {
        super(MESSAGE);
    }
}
