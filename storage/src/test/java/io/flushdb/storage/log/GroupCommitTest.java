package io.flushdb.storage.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.ForwardingFileIO;
import io.flushdb.storage.io.ForwardingFileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.io.StorageIOException;
import io.flushdb.storage.metrics.InnodbCounters;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Group commit in {@link RedoLog#flushUpTo}: one fsync serves every committer that arrived while
 * the previous pass was forcing; every caller returns only once its LSN is durable; a failed force
 * reaches every waiter.
 */
class GroupCommitTest {
    /** Larger than everything the tests append: no checkpoint is needed. */
    private static final long CAPACITY = 32L << 20;

    /** A store whose redo forces can be held at a gate, counting them. */
    private static final class GatedStore extends ForwardingFileStore {
        final AtomicInteger forces = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile boolean failNext;

        GatedStore(FileStore target) {
            super(target);
        }

        @Override
        public FileIO open(String name, boolean create) {
            return new ForwardingFileIO(target.open(name, create)) {
                @Override
                public void force() {
                    entered.countDown();
                    try {
                        if (!gate.await(30, TimeUnit.SECONDS)) {
                            throw new AssertionError("the gate was never opened");
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    if (failNext) {
                        throw new StorageIOException(file.name(), 0, "injected fsync failure", null);
                    }
                    forces.incrementAndGet();
                    file.force();
                }
            };
        }
    }

    private static RedoLog openLog(FileStore store, InnodbCounters counters) {
        LogFiles files = LogFiles.create(store, CAPACITY, LogFormat.FIRST_LSN, 16384);
        return new RedoLog(files, LogFormat.FIRST_LSN, LogFormat.FIRST_LSN, 1 << 20, counters);
    }

    private static long append(RedoLog log, int bytes) {
        ByteBuffer rec = ByteBuffer.allocate(bytes);
        return log.commit(rec, (start, end) -> { });
    }

    /** Waits (bounded) until {@code t} is parked in the log's flushUpTo, not on a mutex. */
    private static void awaitParkedIn(RedoLog log, Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (LockSupport.getBlocker(t) != log) {
            if (System.nanoTime() > deadline) {
                fail(t.getName() + " never parked in flushUpTo: " + t.getState());
            }
            Thread.yield();
        }
    }

    private static Thread committer(RedoLog log, String name, boolean sync, List<Throwable> failures,
            AtomicInteger notDurable) {
        Thread t = new Thread(() -> {
            try {
                long end = append(log, 100);
                log.flushUpTo(end, sync);
                if ((sync ? log.flushedLsn() : log.writtenLsn()) < end) {
                    notDurable.incrementAndGet();
                }
            } catch (Throwable e) {
                synchronized (failures) {
                    failures.add(e);
                }
            }
        }, name);
        t.start();
        return t;
    }

    /**
     * A leader commits and is held in its force; {@code followers} committers (syncing as
     * {@code sync} says) arrive and park; then the force is let go and everyone must return.
     */
    private static void holdAForceWhileFollowersQueue(GatedStore store, RedoLog log, int followers,
            IntPredicate sync, List<Throwable> failures, AtomicInteger notDurable) throws InterruptedException {
        Thread leader = committer(log, "leader", true, failures, notDurable);
        assertTrue(store.entered.await(30, TimeUnit.SECONDS), "the first committer leads a pass and forces");
        List<Thread> all = new ArrayList<>(List.of(leader));
        for (int i = 0; i < followers; i++) {
            Thread t = committer(log, "follower-" + i, sync.test(i), failures, notDurable);
            all.add(t);
            awaitParkedIn(log, t);
        }
        store.gate.countDown();
        for (Thread t : all) {
            t.join(30_000);
            assertTrue(!t.isAlive(), t.getName() + " still waits");
        }
    }

    @Test
    void committersArrivingDuringAForceShareTheNextOne() throws Exception {
        GatedStore store = new GatedStore(new MemoryFileStore("group-commit"));
        InnodbCounters counters = new InnodbCounters();
        RedoLog log = openLog(store, counters);
        long fsyncsBefore = counters.logFsyncs.sum();
        int forcesBefore = store.forces.get();
        store.entered = new CountDownLatch(1);
        store.gate = new CountDownLatch(1);
        List<Throwable> failures = new ArrayList<>();
        AtomicInteger notDurable = new AtomicInteger();

        holdAForceWhileFollowersQueue(store, log, 8, i -> i % 4 != 3, failures, notDurable);
        assertTrue(failures.isEmpty(), failures::toString);
        assertEquals(0, notDurable.get(), "a committer returned before its LSN was durable");
        // The leader's pass, then one pass for all eight who arrived during its force.
        assertEquals(2, store.forces.get() - forcesBefore, "redo forces");
        assertEquals(2, counters.logFsyncs.sum() - fsyncsBefore, "Innodb_os_log_fsyncs");
        assertEquals(log.currentLsn(), log.flushedLsn());
    }

    @Test
    void aFailedForceReachesEveryWaiterAndEveryLaterFlush() throws Exception {
        GatedStore store = new GatedStore(new MemoryFileStore("group-commit-fail"));
        RedoLog log = openLog(store, new InnodbCounters());
        AtomicReference<Throwable> told = new AtomicReference<>();
        log.setFailureListener(told::set);
        store.entered = new CountDownLatch(1);
        store.gate = new CountDownLatch(1);
        store.failNext = true;
        List<Throwable> failures = new ArrayList<>();
        AtomicInteger notDurable = new AtomicInteger();

        holdAForceWhileFollowersQueue(store, log, 4, i -> true, failures, notDurable);
        assertEquals(5, failures.size(), failures::toString);
        Throwable first = told.get();
        assertTrue(first instanceof StorageIOException, String.valueOf(first));
        for (Throwable f : failures) {
            Throwable cause = f instanceof RedoLogFailedException ? f.getCause() : f;
            assertSame(first, cause, "every committer sees the first failure: " + f);
        }
        assertSame(first, log.failure());
        store.failNext = false;
        try {
            log.flushUpTo(log.currentLsn(), false);
            fail("a later flush must be refused");
        } catch (RedoLogFailedException e) {
            assertSame(first, e.getCause());
        }
    }

    @Test
    void manyCommittersEachReturnDurableAndShareFsyncs() throws Exception {
        GatedStore store = new GatedStore(new MemoryFileStore("group-commit-many"));
        InnodbCounters counters = new InnodbCounters();
        RedoLog log = openLog(store, counters);
        int threads = 8;
        int each = 2_000;
        AtomicInteger notDurable = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            boolean sync = i % 2 == 0;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    for (int k = 0; k < each; k++) {
                        long end = append(log, 40 + k % 700);
                        log.flushUpTo(end, sync);
                        if ((sync ? log.flushedLsn() : log.writtenLsn()) < end) {
                            notDurable.incrementAndGet();
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "committer-" + i);
            all.add(t);
            t.start();
        }
        go.countDown();
        for (Thread t : all) {
            t.join(120_000);
            assertTrue(!t.isAlive(), t.getName() + " is stuck");
        }
        assertNull(failure.get());
        assertEquals(0, notDurable.get(), "a committer returned before its LSN was written or durable");
        assertTrue(counters.logFsyncs.sum() <= (long) threads / 2 * each + 1,
                "at most one fsync per durable commit: " + counters.logFsyncs.sum());
        log.flushUpTo(log.currentLsn(), true);
        assertEquals(log.currentLsn(), log.flushedLsn());
    }
}
