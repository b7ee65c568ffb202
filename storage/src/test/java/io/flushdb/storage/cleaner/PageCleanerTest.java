package io.flushdb.storage.cleaner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.buffer.FlushBatch;
import io.flushdb.storage.cleaner.PageCleaner.SlotState;
import io.flushdb.storage.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The page cleaner's slot state machine and coordinator decisions, against a fake buffer pool:
 * every wait is on a latch or a semaphore the fake releases, and the coordinator's second passes
 * only when the test advances the manual clock and wakes it.
 */
@Timeout(60)
class PageCleanerTest {
    private static final int INSTANCES = 4;

    /** A buffer pool stand-in that records what each slot was asked and can hold slots at a gate. */
    static final class FakePool implements PageCleaner.Target {
        final ManualClock clock;
        final AtomicLong currentLsn = new AtomicLong(1000);
        final AtomicLong flushedUpTo = new AtomicLong(0);
        /** Released once per flush-list call a test lets through; null: no gate. */
        volatile Semaphore gate;
        /** Counted down on entering flushList. */
        volatile CountDownLatch entered = new CountDownLatch(0);
        final List<long[]> listCalls = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger lruCalls = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<RuntimeException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile RuntimeException throwOnList;
        volatile long advanceClockOnListMillis;
        /** After each flushList call, flushedUpTo moves by this much. */
        volatile long progressPerCall;
        volatile long dirty = 500;

        FakePool(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public int instances() {
            return INSTANCES;
        }

        @Override
        public int lruScanDepth() {
            return 100;
        }

        @Override
        public int flushLru(int instance, int scanDepth, FlushBatch b) {
            lruCalls.incrementAndGet();
            return 0;
        }

        @Override
        public int flushList(int instance, long maxPages, long lsnLimit, FlushBatch b) {
            threads.add(Thread.currentThread().getName());
            listCalls.add(new long[] {instance, maxPages, lsnLimit});
            entered.countDown();
            Semaphore g = gate;
            if (g != null) {
                g.acquireUninterruptibly();
            }
            long advance = advanceClockOnListMillis;
            if (advance > 0) {
                advanceClockOnListMillis = 0;
                clock.advanceMillis(advance);
            }
            RuntimeException e = throwOnList;
            if (e != null) {
                throw e;
            }
            flushedUpTo.addAndGet(progressPerCall);
            return (int) Math.min(maxPages, 10);
        }

        @Override
        public FlushBatch newBatch() {
            return new FlushBatch(4096);
        }

        @Override
        public long currentLsn() {
            return currentLsn.get();
        }

        @Override
        public long flushedUpTo() {
            return flushedUpTo.get();
        }

        @Override
        public AdaptiveFlushing.Snapshot snapshot(long nowSeconds, long lastPagesFlushed) {
            return snapshotAt(nowSeconds, lastPagesFlushed, currentLsn.get(), dirty);
        }

        static AdaptiveFlushing.Snapshot snapshotAt(long now, long last, long lsn, long dirty) {
            return new AdaptiveFlushing.Snapshot(now, lsn, lsn - 600_000, 8_000_000, 6_000_000, dirty, 1000, 24,
                    INSTANCES, (i, upTo) -> 40L * (i + 1), last);
        }

        @Override
        public void failed(RuntimeException e) {
            failures.add(e);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final FakePool pool = new FakePool(clock);
    private final List<String> messages = java.util.Collections.synchronizedList(new ArrayList<>());
    private PageCleaner cleaner;

    private PageCleaner start(int threads) {
        cleaner = new PageCleaner(pool, clock, threads, 200, 2000, messages::add, "test");
        cleaner.start();
        return cleaner;
    }

    @AfterEach
    void stop() {
        Semaphore g = pool.gate;
        if (g != null) {
            g.release(1000);
        }
        if (cleaner != null) {
            cleaner.close();
        }
    }

    /** Runs {@code r} on a new thread; its failure, if any, lands in the returned reference. */
    private static Thread async(Runnable r, AtomicReference<Throwable> error) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (Throwable e) {
                error.set(e);
            }
        });
        t.start();
        return t;
    }

    @Test
    void slotsGoFromRequestedThroughFlushingToFinishedAndBackToNone() throws Exception {
        start(2); // the coordinator and one worker
        pool.gate = new Semaphore(0);
        pool.entered = new CountDownLatch(2);
        pool.flushedUpTo.set(0);
        pool.progressPerCall = 1_000; // four calls reach 4000
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread requester = async(() -> cleaner.forcedFlush(4_000), error);

        assertTrue(pool.entered.await(10, TimeUnit.SECONDS), "two threads took a slot each");
        SlotState[] states = cleaner.slotStates();
        assertEquals(2, count(states, SlotState.FLUSHING), java.util.Arrays.toString(states));
        assertEquals(2, count(states, SlotState.REQUESTED), "the rest wait for a free cleaner");

        pool.entered = new CountDownLatch(2);
        pool.gate.release(2); // the first two slots finish; the two threads take the other two
        assertTrue(pool.entered.await(10, TimeUnit.SECONDS));
        states = cleaner.slotStates();
        assertEquals(2, count(states, SlotState.FINISHED), java.util.Arrays.toString(states));
        assertEquals(2, count(states, SlotState.FLUSHING), java.util.Arrays.toString(states));

        pool.gate.release(2);
        requester.join(10_000);
        assertEquals(null, error.get());
        assertTrue(!requester.isAlive(), "the sync flush returned once flushedUpTo reached its LSN");
        assertArrayEquals(new SlotState[] {SlotState.NONE, SlotState.NONE, SlotState.NONE, SlotState.NONE},
                cleaner.slotStates());
        assertEquals(2, pool.threads.size(), "both cleaner threads worked on slots: " + pool.threads);
        Set<Long> served = new java.util.HashSet<>();
        for (long[] call : pool.listCalls) {
            assertEquals(Long.MAX_VALUE, call[1], "a sync flush has no page budget");
            assertEquals(4_000, call[2], "and flushes up to the requested LSN");
            served.add(call[0]);
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), served, "every instance's slot was served once");
        assertEquals(4, pool.listCalls.size());
        assertEquals(1, cleaner.metrics().syncPasses());
        assertEquals(40, cleaner.metrics().pagesSync());
    }

    private static int count(SlotState[] states, SlotState s) {
        int n = 0;
        for (SlotState x : states) {
            if (x == s) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aSyncFlushRepeatsWithoutSleepingUntilNoPageBelowItsLsnIsDirty() throws Exception {
        start(1);
        pool.progressPerCall = 100; // each pass moves flushedUpTo by 400
        cleaner.forcedFlush(1_000);
        assertTrue(pool.flushedUpTo.get() >= 1_000);
        assertEquals(3, cleaner.metrics().syncPasses(), "400, 800, 1200: three passes, no second waited for");
        assertEquals(1, cleaner.metrics().syncWaits());
        cleaner.forcedFlush(900); // already flushed past it: no pass, no wait
        assertEquals(3, cleaner.metrics().syncPasses());
    }

    @Test
    void withFlushSyncOffTheCheckpointersRequestWaitsForOnePassOnly() throws Exception {
        start(1);
        cleaner.setFlushSync(false);
        pool.progressPerCall = 0; // flushing never reaches the LSN
        long passes = cleaner.passesEnded();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread requester = async(() -> cleaner.syncFlush(5_000, 0), error);
        cleaner.awaitSyncWaits(1);
        // No sync pass is run for it: the next pass is the coordinator's ordinary one, a second on.
        clock.advanceMillis(1_000);
        cleaner.freeShortage(); // wakes the coordinator, which sees its second has passed
        requester.join(10_000);
        assertTrue(!requester.isAlive());
        assertEquals(null, error.get());
        assertTrue(cleaner.passesEnded() > passes);
        assertEquals(0, cleaner.metrics().syncPasses(), "innodb_flush_sync=OFF: no sync flush");
    }

    @Test
    void withIdleFlushPctZeroAWaitingCheckpointerStillGetsAPassEachSecond() throws Exception {
        start(1);
        cleaner.setFlushSync(false);
        cleaner.setIdleFlushPct(0);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread requester = async(() -> cleaner.syncFlush(5_000, 0), error);
        cleaner.awaitSyncWaits(1);
        clock.advanceMillis(1_000);
        cleaner.freeShortage();
        requester.join(10_000);
        assertTrue(!requester.isAlive(), "the idle second flushed at innodb_io_capacity for the waiter");
        assertEquals(null, error.get());
        for (long[] call : pool.listCalls) {
            assertEquals(50, call[1], "200 pages a second over four instances");
        }
        assertEquals(INSTANCES, pool.listCalls.size());
    }

    @Test
    void percentagesOfHugeCapacitiesDoNotOverflow() {
        assertEquals(50, PageCleaner.percentOf(100, 50));
        assertEquals(199, PageCleaner.percentOf(199, 100));
        assertEquals(Long.MAX_VALUE / 100 * 100 + Long.MAX_VALUE % 100, PageCleaner.percentOf(Long.MAX_VALUE, 100));
        assertTrue(PageCleaner.percentOf(Long.MAX_VALUE, 99) > 0);
    }

    @Test
    void anIdleSecondFlushesIoCapacityTimesIdlePctSplitAcrossInstances() throws Exception {
        start(2);
        cleaner.setIoCapacity(400, 2000);
        cleaner.setIdleFlushPct(50);
        pool.entered = new CountDownLatch(INSTANCES);
        clock.advanceMillis(1_000);
        cleaner.freeShortage();
        assertTrue(pool.entered.await(10, TimeUnit.SECONDS));
        awaitPasses(1);
        for (long[] call : pool.listCalls) {
            assertEquals(50, call[1], "400 × 50 % = 200 pages a second, 50 per instance");
            assertEquals(Long.MAX_VALUE, call[2]);
        }
        assertEquals(INSTANCES * 10, cleaner.metrics().pagesIdle());
        assertEquals(0, cleaner.metrics().pagesAdaptive());
    }

    @Test
    void anActiveSecondFlushesWhatTheAdaptivePolicyRecommends() throws Exception {
        start(2);
        // Second 1: redo was generated, so the policy is asked; its first answer only starts the
        // averages (no flush-list work, LRU flushing only).
        pool.currentLsn.set(2_000_000);
        clock.advanceMillis(1_000);
        cleaner.freeShortage();
        awaitPasses(1);
        assertEquals(0, pool.listCalls.size());
        // Every slot did its LRU flushing (the wake-up may add an LRU-only pass if the coordinator
        // had already woken for its second by itself).
        assertTrue(pool.lruCalls.get() >= INSTANCES && pool.lruCalls.get() % INSTANCES == 0, "" + pool.lruCalls);
        // Second 2: more redo; the pages per instance are the policy's.
        pool.currentLsn.set(3_000_000);
        pool.entered = new CountDownLatch(INSTANCES);
        clock.advanceMillis(1_000);
        cleaner.freeShortage();
        assertTrue(pool.entered.await(10, TimeUnit.SECONDS));
        awaitPasses(2);
        long now1 = TimeUnit.NANOSECONDS.toSeconds(clock.nanoTime()) - 1;
        AdaptiveFlushing.Recommendation first = AdaptiveFlushing.recommend(AdaptiveFlushing.Averages.INITIAL,
                FakePool.snapshotAt(now1, 0, 2_000_000, pool.dirty), cleaner.policySettings());
        AdaptiveFlushing.Recommendation expected = AdaptiveFlushing.recommend(first.next(),
                FakePool.snapshotAt(now1 + 1, 0, 3_000_000, pool.dirty), cleaner.policySettings());
        assertTrue(expected.pages() > 0, "the case must flush something: " + expected);
        long[] asked = new long[INSTANCES];
        for (long[] call : pool.listCalls) {
            asked[(int) call[0]] = call[1];
        }
        assertArrayEquals(expected.perInstance(), asked);
        assertEquals(expected.pages(), cleaner.metrics().nToFlushRequested());
        assertEquals(expected.pctForLsn(), cleaner.metrics().pctForLsn());
    }

    @Test
    void aLoopFarOverItsSecondLogsTheIntendedAndActualTime() throws Exception {
        start(1);
        pool.advanceClockOnListMillis = 5_000; // the first flush-list call takes five seconds
        clock.advanceMillis(1_000);
        cleaner.freeShortage();
        awaitPasses(2); // the slow idle pass, then the next second's
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("1000ms intended loop took 5000ms"), messages.get(0));
        assertEquals(1, cleaner.metrics().overruns());
    }

    @Test
    void aFailedPassFailsTheEngineAndEveryWaiter() {
        start(2);
        RuntimeException boom = new IllegalStateException("write failed");
        pool.throwOnList = boom;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> cleaner.forcedFlush(10));
        assertSame(boom, e.getCause());
        assertEquals(List.of(boom), pool.failures);
        assertThrows(IllegalStateException.class, () -> cleaner.forcedFlush(20), "and every later request");
    }

    @Test
    void theThreadSetGrowsAndShrinksWhileRunning() throws Exception {
        start(1);
        assertEquals(0, cleaner.liveWorkers());
        assertEquals(4, cleaner.setThreads(8), "capped at the instances");
        pool.gate = new Semaphore(0);
        pool.entered = new CountDownLatch(INSTANCES);
        AtomicReference<Throwable> error = new AtomicReference<>();
        pool.progressPerCall = 1_000;
        Thread requester = async(() -> cleaner.forcedFlush(4_000), error);
        assertTrue(pool.entered.await(10, TimeUnit.SECONDS), "four threads each hold a slot at once");
        assertEquals(4, count(cleaner.slotStates(), SlotState.FLUSHING));
        pool.gate.release(4);
        requester.join(10_000);
        assertEquals(null, error.get());
        assertEquals(4, pool.threads.size());

        assertEquals(1, cleaner.setThreads(1));
        cleaner.awaitLiveWorkers(0);
        assertEquals(0, cleaner.liveWorkers());
        pool.threads.clear();
        pool.gate.release(1000);
        pool.flushedUpTo.set(0);
        cleaner.forcedFlush(8_000); // past what the last pass reached: two more passes
        assertEquals(1, pool.threads.size(), "only the coordinator works: " + pool.threads);
    }

    private void awaitPasses(long n) throws InterruptedException {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (cleaner.passesEnded() < n) {
                cleaner.awaitPassesEnded(n);
            }
        });
    }
}
