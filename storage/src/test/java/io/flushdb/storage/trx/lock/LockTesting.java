package io.flushdb.storage.trx.lock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.testing.ManualClock;
import io.flushdb.storage.util.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Fixtures shared by the lock system tests. */
final class LockTesting {
    static final long INDEX = 7;
    static final int ORDINARY = RecordLockType.ORDINARY;
    static final int GAP = RecordLockType.GAP;
    static final int REC_NOT_GAP = RecordLockType.REC_NOT_GAP;
    static final int INSERT_INTENTION = RecordLockType.GAP | RecordLockType.INSERT_INTENTION;

    private LockTesting() {
    }

    static byte[] key(int k) {
        return new byte[] {(byte) k};
    }

    static TrxLocks register(LockSys lockSys, long trxId) {
        return register(lockSys, trxId, 0);
    }

    static TrxLocks register(LockSys lockSys, long trxId, long undoWeight) {
        return lockSys.register(trxId, () -> undoWeight, () -> "TRANSACTION " + trxId + ", ACTIVE 1 sec");
    }

    /**
     * A manual clock that also tells when it is read. Only {@code awaitGrant} reads
     * {@code nanoTime}, with the lock system's mutex held, right before it waits; so once a read
     * is seen, every later call into the lock system happens while that thread waits (or after).
     */
    static final class TestClock implements Clock {
        final ManualClock manual = new ManualClock();
        final Semaphore reads = new Semaphore(0);

        @Override
        public long millis() {
            return manual.millis();
        }

        @Override
        public long nanoTime() {
            reads.release();
            return manual.nanoTime();
        }

        void advanceMillis(long ms) {
            manual.advanceMillis(ms);
        }
    }

    /** A thread blocked in {@code awaitGrant}: its result is "granted" or the exception thrown. */
    static final class Waiter {
        final Thread thread;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        private Waiter(LockSys lockSys, TrxLocks t, long timeoutMillis) {
            thread = new Thread(() -> {
                try {
                    lockSys.awaitGrant(t, timeoutMillis);
                    result.complete("granted");
                } catch (Throwable e) {
                    result.complete(e);
                }
            }, "lock-waiter-" + t.trxId());
        }

        /** Starts a thread waiting for {@code t}'s request and returns once it waits. */
        static Waiter start(LockSys lockSys, TestClock clock, TrxLocks t, long timeoutMillis) throws Exception {
            assertTrue(lockSys.isWaiting(t), t + " has no waiting request");
            clock.reads.drainPermits();
            Waiter w = new Waiter(lockSys, t, timeoutMillis);
            w.thread.start();
            assertTrue(clock.reads.tryAcquire(10, TimeUnit.SECONDS), "the waiter never read the clock");
            return w;
        }

        Object get() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }

        boolean isDone() {
            return result.isDone();
        }
    }
}
