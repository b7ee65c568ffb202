package io.flushdb.storage.trx.lock;

/**
 * One row of {@code performance_schema.data_lock_waits}: a waiting request and one lock that
 * blocks it (a request blocked by several locks has one row for each).
 */
public record WaitView(LockView requesting, LockView blocking) {
}
