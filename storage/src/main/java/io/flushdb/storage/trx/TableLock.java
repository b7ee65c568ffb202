package io.flushdb.storage.trx;

import io.flushdb.storage.util.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A table-level lock owned by transactions (not threads), in four modes:
 *
 * <ul>
 *   <li>{@link Mode#READ}: a consistent read's hold on the table's definition (MySQL's
 *       SHARED_READ metadata lock). It waits only for DDL, and only DDL waits for it: readers and
 *       writers do not block each other, since reads see a snapshot.</li>
 *   <li>{@link Mode#SHARED}: a statement that reads the latest committed rows of a table it does
 *       not change (the source of an INSERT ... SELECT, a subquery of an UPDATE): waits for and
 *       blocks writers.</li>
 *   <li>{@link Mode#EXCLUSIVE}: a statement that changes the table; one transaction at a time.</li>
 *   <li>{@link Mode#DDL}: a DDL statement; excludes every other mode.</li>
 * </ul>
 *
 * <p>A transaction's own holds never block it: one that holds the table exclusively may also
 * read it, and one that alone holds it shared may upgrade. Waiters wait on the lock's monitor
 * until woken by a release or until the timeout ({@code innodb_lock_wait_timeout}).
 *
 * <p>Statements take the locks of all their tables at once, in table id order, so one statement
 * never deadlocks with another; transactions that span statements can, and then time out.
 *
 * <p>Concurrency: all state is guarded by the monitor of this object.
 */
public final class TableLock {
    /** The lock modes, weakest first. */
    public enum Mode {
        READ, SHARED, EXCLUSIVE, DDL
    }

    private final String tableName;
    private final Clock clock;
    private final Map<Transaction, Integer> readers = new HashMap<>();
    private final Map<Transaction, Integer> shared = new HashMap<>();
    private Transaction exclusiveOwner;
    private int exclusiveHolds;
    private Transaction ddlOwner;
    private int ddlHolds;

    public TableLock(String tableName, Clock clock) {
        this.tableName = tableName;
        this.clock = clock;
    }

    /** Takes the lock in {@code mode} for {@code trx}, waiting up to {@code timeoutMillis}. */
    public synchronized void lock(Transaction trx, Mode mode, long timeoutMillis) {
        long deadline = clock.nanoTime() + timeoutMillis * 1_000_000L;
        while (blocked(trx, mode)) {
            await(deadline);
        }
        switch (mode) {
            case READ -> readers.merge(trx, 1, Integer::sum);
            case SHARED -> shared.merge(trx, 1, Integer::sum);
            case EXCLUSIVE -> {
                exclusiveOwner = trx;
                exclusiveHolds++;
            }
            case DDL -> {
                ddlOwner = trx;
                ddlHolds++;
            }
        }
    }

    /** Releases one hold of {@code trx} in {@code mode}. */
    public synchronized void unlock(Transaction trx, Mode mode) {
        switch (mode) {
            case READ -> release(readers, trx, mode);
            case SHARED -> release(shared, trx, mode);
            case EXCLUSIVE -> {
                if (exclusiveOwner != trx) {
                    throw notHeld(mode);
                }
                if (--exclusiveHolds == 0) {
                    exclusiveOwner = null;
                }
            }
            case DDL -> {
                if (ddlOwner != trx) {
                    throw notHeld(mode);
                }
                if (--ddlHolds == 0) {
                    ddlOwner = null;
                }
            }
        }
        notifyAll();
    }

    private boolean blocked(Transaction trx, Mode mode) {
        boolean otherDdl = ddlOwner != null && ddlOwner != trx;
        boolean otherWriter = exclusiveOwner != null && exclusiveOwner != trx;
        return switch (mode) {
            case READ -> otherDdl;
            case SHARED -> otherDdl || otherWriter;
            case EXCLUSIVE -> otherDdl || otherWriter || others(shared, trx);
            case DDL -> otherDdl || otherWriter || others(shared, trx) || others(readers, trx);
        };
    }

    private static boolean others(Map<Transaction, Integer> holders, Transaction trx) {
        int n = holders.size();
        return n > 1 || (n == 1 && !holders.containsKey(trx));
    }

    private void release(Map<Transaction, Integer> holders, Transaction trx, Mode mode) {
        Integer n = holders.get(trx);
        if (n == null) {
            throw notHeld(mode);
        }
        if (n == 1) {
            holders.remove(trx);
        } else {
            holders.put(trx, n - 1);
        }
    }

    private IllegalStateException notHeld(Mode mode) {
        return new IllegalStateException("transaction does not hold " + tableName + " in mode " + mode);
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
