package io.flushdb.storage.trx.lock;

import java.util.Collection;
import java.util.List;

/**
 * The invariant checker of the lock system (LOCK1 to LOCK3 of the package overview), run by
 * {@link LockSys#checkInvariants()} in tests. Each check throws {@code IllegalStateException}
 * naming the first violation.
 *
 * <p>Requires: the LockSys mutex is held.
 */
final class LockInvariants {
    private LockInvariants() {
    }

    static void check(List<LockQueue> tableQueues, List<LockQueue> recordQueues, Collection<TrxLocks> trxs,
            LockQueueHash records, LockQueueHash tables) {
        long locksInQueues = 0;
        for (LockQueue q : tableQueues) {
            locksInQueues += checkQueue(q, tables);
        }
        for (LockQueue q : recordQueues) {
            locksInQueues += checkQueue(q, records);
        }
        long locksOfTrxs = 0;
        for (TrxLocks t : trxs) {
            locksOfTrxs += checkTrx(t);
        }
        if (locksInQueues != locksOfTrxs) {
            fail("LOCK3: " + locksInQueues + " locks in queues but " + locksOfTrxs + " in transactions");
        }
    }

    private static long checkQueue(LockQueue q, LockQueueHash hash) {
        if (q.isEmpty()) {
            fail("LOCK3: empty queue " + q + " left in the hash");
        }
        if (hash.get(q.id, q.key, q.hash) != q) {
            fail("LOCK3: " + q + " cannot be found under its own name");
        }
        long n = 0;
        int waiters = 0;
        Lock previous = null;
        for (Lock l = q.first; l != null; previous = l, l = l.queueNext) {
            n++;
            if (l.queue != q || l.queuePrevious != previous) {
                fail("LOCK3: broken links at " + l);
            }
            if (previous != null && previous.id >= l.id) {
                fail("LOCK3: " + l + " stands behind a later lock " + previous);
            }
            if (!l.trx.registered) {
                fail("LOCK3: " + l + " belongs to a released transaction");
            }
            if (l.waiting) {
                waiters++;
                if (l.trx.waitLock != l) {
                    fail("LOCK2: " + l + " waits but is not its transaction's wait lock");
                }
                if (q.blockerOf(l) == null) {
                    fail("LOCK2: " + l + " waits although nothing ahead blocks it (lost wakeup)");
                }
            } else {
                checkGrantedPairs(q, l);
            }
        }
        if (q.last != previous || waiters != q.waiters) {
            fail("LOCK3: " + q + " has a wrong tail or waiter count");
        }
        return n;
    }

    /** LOCK1 for {@code granted} against every later granted lock of another transaction. */
    private static void checkGrantedPairs(LockQueue q, Lock granted) {
        for (Lock o = granted.queueNext; o != null; o = o.queueNext) {
            if (o.waiting || o.trx == granted.trx) {
                continue;
            }
            boolean conflict;
            if (q.table) {
                conflict = !granted.mode.isCompatibleWith(o.mode);
            } else {
                conflict = !q.supremum && protectsRecord(granted) && protectsRecord(o)
                        && !granted.mode.isCompatibleWith(o.mode);
            }
            if (conflict) {
                fail("LOCK1: " + granted + " and " + o + " are both granted");
            }
        }
    }

    private static boolean protectsRecord(Lock l) {
        return (l.type & RecordLockType.GAP) == 0;
    }

    private static long checkTrx(TrxLocks t) {
        long n = 0;
        int granted = 0;
        int grantedRecords = 0;
        int waiting = 0;
        Lock previous = null;
        for (Lock l = t.first; l != null; previous = l, l = l.trxNext) {
            n++;
            if (l.trx != t || l.trxPrevious != previous) {
                fail("LOCK3: broken transaction links at " + l);
            }
            if (l.waiting) {
                waiting++;
            } else {
                granted++;
                grantedRecords += l.queue.table ? 0 : 1;
            }
        }
        if (t.last != previous || granted != t.grantedLocks || grantedRecords != t.grantedRecordLocks) {
            fail("LOCK3: " + t + " has a wrong tail or lock counts");
        }
        if (waiting > 1 || (waiting == 1) != (t.waitLock != null)) {
            fail("LOCK2: " + t + " has " + waiting + " waiting locks and wait lock " + t.waitLock);
        }
        return n;
    }

    private static void fail(String what) {
        throw new IllegalStateException(what);
    }
}
