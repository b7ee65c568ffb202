package io.flushdb.storage.trx;

/** A lock was not granted within {@code innodb_lock_wait_timeout} (MySQL error 1205). */
public final class LockWaitTimeoutException extends RuntimeException {
    public LockWaitTimeoutException(String what) {
        super("Lock wait timeout exceeded; try restarting transaction (" + what + ")");
    }
}
