package io.flushdb.storage.trx.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.testing.SeededRandom;
import io.flushdb.storage.util.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Threads running random transactions over a few records and tables, with random READ COMMITTED
 * releases, gap splits and record removals (whose waiters retry), and assertions on (LOCK1 to
 * LOCK3 checked between operations). Lock waits have a ten-minute timeout, so a lost wakeup or an
 * undetected deadlock hangs a thread and fails the test through its {@code @Timeout}; every
 * deadlock must be resolved by the detector.
 */
@Timeout(120)
class LockSysConcurrencyTest {
    private static final int THREADS = 8;
    private static final int TRANSACTIONS_PER_THREAD = 2000;
    private static final long NO_TIMEOUT = 600_000;
    private static final long INDEX = 1;
    private static final int KEYS = 4;

    @Test
    void randomTransactionsAllFinishAndLeaveNoLocks() throws Exception {
        LockSys lockSys = new LockSys(Clock.SYSTEM);
        AtomicLong trxIds = new AtomicLong(1);
        AtomicLong committed = new AtomicLong();
        AtomicLong victims = new AtomicLong();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        long baseSeed = new SeededRandom().seed();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Random random = new Random(baseSeed + i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int n = 0; n < TRANSACTIONS_PER_THREAD; n++) {
                        if (runTransaction(lockSys, trxIds.getAndIncrement(), random)) {
                            committed.incrementAndGet();
                        } else {
                            victims.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "lock-random-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        String seed = "seed " + baseSeed + " (replay with -Dflushdb.seed=" + baseSeed + ")";
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(seed + ": " + failures.size() + " thread(s) failed");
            failures.forEach(e::addSuppressed);
            throw e;
        }
        assertEquals(THREADS * TRANSACTIONS_PER_THREAD, committed.get() + victims.get(), seed);
        assertTrue(lockSys.checkInvariants());
        assertEquals(List.of(), lockSys.locks(), seed);
        assertEquals(0, lockSys.currentWaits(), seed);
        assertTrue(lockSys.deadlocks() >= victims.get(), seed);
        System.out.println(seed + ": " + committed.get() + " committed, " + victims.get() + " deadlock victims, "
                + lockSys.deadlocks() + " deadlocks, " + lockSys.lockWaits() + " row lock waits");
    }

    /** One transaction of a few random requests; false if it was a deadlock victim. */
    private static boolean runTransaction(LockSys lockSys, long trxId, Random random) {
        long weight = random.nextInt(3);
        TrxLocks t = lockSys.register(trxId, () -> weight, () -> "TRANSACTION " + trxId);
        try {
            int operations = 1 + random.nextInt(5);
            for (int i = 0; i < operations; i++) {
                LockSys.Result r = randomRequest(lockSys, t, random);
                if (r == LockSys.Result.DEADLOCK) {
                    return false;
                }
                if (r == LockSys.Result.WAIT) {
                    lockSys.awaitGrant(t, NO_TIMEOUT);
                }
                assert lockSys.checkInvariants();
                int other = random.nextInt(20);
                if (other == 0) {
                    lockSys.release(t, INDEX, key(random.nextInt(KEYS)));
                } else if (other == 1) {
                    int next = 1 + random.nextInt(KEYS - 1);
                    lockSys.inheritOnInsert(INDEX, key(next * 10 - 5), key(next));
                } else if (other == 2) {
                    int removed = random.nextInt(KEYS);
                    byte[] heir = removed == KEYS - 1 ? LockSys.SUPREMUM : key(removed + 1);
                    lockSys.inheritOnRemove(INDEX, key(removed), heir);
                }
            }
            return true;
        } catch (DeadlockException e) {
            return false;
        } finally {
            lockSys.releaseAll(t);
        }
    }

    private static LockSys.Result randomRequest(LockSys lockSys, TrxLocks t, Random random) {
        if (random.nextInt(5) == 0) {
            LockMode mode = LockMode.values()[random.nextInt(4)];
            return lockSys.lockTable(t, random.nextInt(2), mode, random.nextInt(10) == 0);
        }
        int k = random.nextInt(KEYS + 1);
        byte[] key = k == KEYS ? LockSys.SUPREMUM : key(k);
        int kind = random.nextInt(4);
        LockMode mode = kind == 3 || random.nextBoolean() ? LockMode.X : LockMode.S;
        int type = switch (kind) {
            case 0 -> RecordLockType.ORDINARY;
            case 1 -> RecordLockType.GAP;
            case 2 -> RecordLockType.REC_NOT_GAP;
            default -> RecordLockType.GAP | RecordLockType.INSERT_INTENTION;
        };
        return lockSys.lockRecord(t, INDEX, key, mode, type, 0, random.nextInt(10) == 0);
    }

    private static byte[] key(int k) {
        return new byte[] {(byte) k};
    }
}
