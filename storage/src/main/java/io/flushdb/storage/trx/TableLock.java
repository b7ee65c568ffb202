package io.flushdb.storage.trx;

import io.flushdb.storage.util.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A table-level shared/exclusive lock owned by transactions (not threads): a transaction that
 * holds it exclusively may also read, and one that alone holds it shared may upgrade. Waiters wait
 * on the lock's monitor until woken by a release or until {@code innodb_lock_wait_timeout}.
 *
 * <p>Statements take the locks of all their tables at once, in table id order, so one statement
 * never deadlocks with another; transactions that span statements can, and then time out.
 *
 * <p>Concurrency: all state is guarded by the monitor of this object.
 */
public final class TableLock {
    private final String tableName;
    private final Clock clock;
    private Transaction exclusiveOwner;
    private int exclusiveHolds;
    private final Map<Transaction, Integer> shared = new HashMap<>();

    public TableLock(String tableName, Clock clock) {
        this.tableName = tableName;
        this.clock = clock;
    }

    public synchronized void lockShared(Transaction trx, long timeoutMillis) {
        long deadline = clock.nanoTime() + timeoutMillis * 1_000_000L;
        while (exclusiveOwner != null && exclusiveOwner != trx) {
            await(deadline);
        }
        shared.merge(trx, 1, Integer::sum);
    }

    public synchronized void lockExclusive(Transaction trx, long timeoutMillis) {
        long deadline = clock.nanoTime() + timeoutMillis * 1_000_000L;
        while ((exclusiveOwner != null && exclusiveOwner != trx) || otherSharers(trx)) {
            await(deadline);
        }
        exclusiveOwner = trx;
        exclusiveHolds++;
    }

    public synchronized void unlockShared(Transaction trx) {
        Integer n = shared.get(trx);
        if (n == null) {
            throw new IllegalStateException("transaction does not hold " + tableName + " shared");
        }
        if (n == 1) {
            shared.remove(trx);
        } else {
            shared.put(trx, n - 1);
        }
        notifyAll();
    }

    public synchronized void unlockExclusive(Transaction trx) {
        if (exclusiveOwner != trx) {
            throw new IllegalStateException("transaction does not hold " + tableName + " exclusively");
        }
        if (--exclusiveHolds == 0) {
            exclusiveOwner = null;
        }
        notifyAll();
    }

    private boolean otherSharers(Transaction trx) {
        int n = shared.size();
        return n > 1 || (n == 1 && !shared.containsKey(trx));
    }

    private void await(long deadline) {
        long left = deadline - clock.nanoTime();
        if (left <= 0) {
            throw new LockWaitTimeoutException("table " + tableName);
        }
        try {
            wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LockWaitTimeoutException("interrupted while waiting for table " + tableName);
        }
    }

    @Override
    public String toString() {
        return "TableLock[" + tableName + "]";
    }
}
