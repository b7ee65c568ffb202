package io.flushdb.storage.cleaner;

import io.flushdb.storage.buffer.FlushBatch;
import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.util.Clock;
import io.flushdb.storage.util.Threads;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.function.Consumer;

/**
 * The page cleaner (seed 001; DESIGN.md "Page cleaner"): {@code innodb_page_cleaners} threads, one
 * coordinator and the rest workers, that write dirty pages in the background so that foreground
 * threads find free frames and the checkpoint can move.
 *
 * <p><b>Slots.</b> There is one {@link Slot} per buffer pool instance. A pass puts every slot in
 * REQUESTED with its page budget and LSN limit; each cleaner thread (the coordinator too) takes a
 * REQUESTED slot, moves it to FLUSHING, does that instance's work — first LRU flushing from the LRU
 * tail (up to {@code innodb_lru_scan_depth}), then flush-list flushing (oldest first, up to the
 * budget, below the limit) — and moves it to FINISHED. The coordinator waits until every slot is
 * FINISHED, adds up the pages and times, and puts the slots back to NONE.
 *
 * <p><b>The coordinator loop</b> wakes once a second, or when signalled, and does one of:
 * <ol>
 *   <li>a <em>sync flush</em>, when one was requested (by the checkpointer past the async point,
 *       with {@code innodb_flush_sync} ON, or by {@code innodb_log_checkpoint_now}): every
 *       instance up to the requested LSN, no page budget; it repeats, without sleeping, until no
 *       page below that LSN is dirty;</li>
 *   <li><em>active</em> (redo was generated since the last look): once a second, the
 *       {@link AdaptiveFlushing} recommendation; when woken early, LRU flushing only;</li>
 *   <li><em>idle</em> for a whole second: {@code innodb_io_capacity} ×
 *       {@code innodb_idle_flush_pct} % pages from the flush lists;</li>
 *   <li>woken with nothing to do: LRU flushing if a foreground thread ran short of free frames,
 *       else nothing.</li>
 * </ol>
 * A second that ends more than 3 s late logs InnoDB's warning with the intended and actual loop
 * time (and then at growing intervals while it keeps happening).
 *
 * <p><b>Threads</b> wait on conditions, never sleep: workers on {@link #requested}, the
 * coordinator on {@link #wake} (with a timeout to its next second, read from the injected
 * {@link Clock}) and on {@link #finished}, sync-flush requesters on {@link #passEnded}.
 * {@link #setThreads} resizes the set while running (capped at the number of instances).
 *
 * <p>Concurrency: every field from {@link #mutex} down to the metrics is guarded by the mutex
 * ({@link LatchLevel#PAGE_CLEANER}, a leaf: no flushing happens under it). Slot work fields are
 * written by the thread that holds the slot in FLUSHING and read by the coordinator after FINISHED
 * (ordered by the mutex). Metrics are volatile, written by the coordinator only and read racily.
 * Settings are volatile.
 */
public final class PageCleaner implements AutoCloseable {
    /** The engine as the page cleaner sees it. */
    public interface Target {
        /** Buffer pool instances (one slot each). */
        int instances();

        /** The global {@code innodb_lru_scan_depth}. */
        int lruScanDepth();

        /** LRU flushing of one instance; returns the pages written ({@code b} holds the evicted). */
        int flushLru(int instance, int scanDepth, FlushBatch b);

        /** Flush-list flushing of one instance; returns the pages written. */
        int flushList(int instance, long maxPages, long lsnLimit, FlushBatch b);

        /** A batch for one cleaner thread, kept for its life. */
        FlushBatch newBatch();

        /** The current LSN: redo generated moves it (the activity test). */
        long currentLsn();

        /**
         * The LSN below which no page is dirty: the oldest modification over the flush lists, or
         * the current LSN (read first) when none is dirty.
         */
        long flushedUpTo();

        /** What adaptive flushing needs, read now. */
        AdaptiveFlushing.Snapshot snapshot(long nowSeconds, long lastPagesFlushed);

        /** A pass failed (a page write or fsync failed); the engine refuses writes after it. */
        void failed(RuntimeException e);
    }

    /** A slot's states, in the order a pass moves it through them. */
    public enum SlotState { NONE, REQUESTED, FLUSHING, FINISHED }

    /** Why pages were flushed from the flush lists, for the per-kind counters. */
    enum PassKind { SYNC, ADAPTIVE, LRU_ONLY, IDLE }

    /** One buffer pool instance's share of a pass. */
    static final class Slot {
        final int instance;
        SlotState state = SlotState.NONE;
        long pagesRequested;
        long lsnLimit;
        // Results of the slot's last pass.
        int flushedLru;
        int evictedLru;
        int flushedList;
        int neighbors;
        /** A failure of the slot's last pass: a RuntimeException or an Error (out of memory, a test's power loss). */
        Throwable failure;
        // Totals over the slot's life.
        long lruNanos;
        long listNanos;
        long lruPasses;
        long listPasses;

        Slot(int instance) {
            this.instance = instance;
        }
    }

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    /** A loop this much past its second logs a warning (InnoDB: 3000 ms). */
    private static final long OVERRUN_WARN = TimeUnit.SECONDS.toNanos(3);
    /** The largest interval, in loops, between two overrun warnings while overruns continue. */
    private static final int WARN_INTERVAL_MAX = 600;

    private final Target target;
    private final Clock clock;
    private final Consumer<String> messages;
    private final String name;

    private final OrderedLock mutex = new OrderedLock(LatchLevel.PAGE_CLEANER, "page_cleaner");
    /** Workers wait here for REQUESTED slots (or to stop). */
    private final Condition requested = mutex.newCondition();
    /** The coordinator waits here for every slot to finish. */
    private final Condition finished = mutex.newCondition();
    /** The coordinator sleeps here until its next second, a request, or shutdown. */
    private final Condition wake = mutex.newCondition();
    /** Sync-flush requesters wait here for the end of a pass. */
    private final Condition passEnded = mutex.newCondition();
    /** {@link #close} waits here for the workers to leave. */
    private final Condition workerLeft = mutex.newCondition();

    private final Slot[] slots;
    private int nRequested;
    private int nFlushing;
    private int nFinished;
    /** Workers wanted: cleaner threads minus the coordinator. */
    private int wantedWorkers;
    /** Which worker indexes have a thread in their loop. */
    private final boolean[] workerRunning;
    private int liveWorkers;
    private Thread coordinator;
    private boolean stopping;
    private RuntimeException failure;
    /** Highest LSN a sync flush was requested up to and is not yet reached; 0 when none. */
    private long syncLsn;
    /** Whether {@link #syncLsn} was asked for by a forced request (served whatever innodb_flush_sync). */
    private boolean syncForced;
    private boolean freeShortage;
    /** Requests wait for the end of the next pass ({@link #awaitNextPass}): each second brings one. */
    private int passWaiters;
    private long passesStarted;
    private long passesEnded;
    /** {@link Target#flushedUpTo} after the last pass. */
    private long flushedUpTo;

    // ---- settings (volatile, written by SET GLOBAL) ----
    private volatile long ioCapacity;
    private volatile long ioCapacityMax;
    private volatile boolean adaptiveFlushing = true;
    private volatile double adaptiveFlushingLwm = 10;
    private volatile double maxDirtyPagesPct = 90;
    private volatile double maxDirtyPagesPctLwm = 10;
    private volatile int flushingAvgLoops = 30;
    private volatile boolean flushSync = true;
    private volatile int idleFlushPct = 100;

    // ---- metrics: written by the coordinator (syncWaits under the mutex), read racily ----
    private volatile long pagesSync;
    private volatile long pagesAdaptive;
    private volatile long pagesIdle;
    private volatile long pagesLru;
    private volatile long pagesEvictedLru;
    private volatile long pagesNeighbor;
    private volatile long passes;
    private volatile long syncPasses;
    private volatile long passNanos;
    private volatile long slotLruNanos;
    private volatile long slotListNanos;
    private volatile long syncWaits;
    private volatile long overruns;
    private volatile AdaptiveFlushing.Recommendation lastRecommendation;

    /**
     * A page cleaner over {@code target}, not yet running ({@link #start}).
     *
     * @param threads    {@code innodb_page_cleaners} (capped at the number of instances)
     * @param messages   where the overrun warning goes
     */
    public PageCleaner(Target target, Clock clock, int threads, long ioCapacity, long ioCapacityMax,
            Consumer<String> messages, String name) {
        this.target = target;
        this.clock = clock;
        this.messages = messages;
        this.name = name;
        int n = target.instances();
        this.slots = new Slot[n];
        for (int i = 0; i < n; i++) {
            slots[i] = new Slot(i);
        }
        this.workerRunning = new boolean[n];
        this.wantedWorkers = Math.max(1, Math.min(threads, n)) - 1;
        setIoCapacity(ioCapacity, ioCapacityMax);
    }

    /** Starts the coordinator and the workers. */
    public void start() {
        mutex.lock();
        try {
            // Read here, not in the new thread: the first second counts from start.
            long firstLoop = clock.nanoTime() + SECOND;
            long firstLsn = target.currentLsn();
            Thread c = new Thread(() -> coordinate(firstLoop, firstLsn), "flushdb-page-cleaner-coordinator " + name);
            c.setDaemon(true);
            c.start();
            coordinator = c;
            spawnWorkers();
        } finally {
            mutex.unlock();
        }
    }

    /** Requires: the mutex. Starts a thread for every wanted worker index that has none. */
    private void spawnWorkers() {
        for (int i = 0; i < wantedWorkers; i++) {
            if (!workerRunning[i]) {
                int index = i;
                Thread t = new Thread(() -> work(index), "flushdb-page-cleaner-" + (i + 1) + " " + name);
                t.setDaemon(true);
                t.start(); // counted once started: a thread that cannot start is never waited for
                workerRunning[i] = true;
                liveWorkers++;
            }
        }
    }

    /**
     * {@code SET GLOBAL innodb_page_cleaners}: the number of cleaner threads, coordinator included,
     * capped at the number of buffer pool instances. Surplus workers leave after their current
     * slot; missing ones start at once. Returns the number now in effect.
     */
    public int setThreads(int threads) {
        int n = Math.max(1, Math.min(threads, slots.length));
        mutex.lock();
        try {
            wantedWorkers = n - 1;
            if (coordinator != null && !stopping) {
                spawnWorkers();
            }
            requested.signalAll(); // surplus workers see they are no longer wanted
        } finally {
            mutex.unlock();
        }
        return n;
    }

    /** Cleaner threads wanted, coordinator included. */
    public int threads() {
        mutex.lock();
        try {
            return wantedWorkers + 1;
        } finally {
            mutex.unlock();
        }
    }

    /** Worker threads in their loop now (those told to leave count until they have left). */
    public int liveWorkers() {
        mutex.lock();
        try {
            return liveWorkers;
        } finally {
            mutex.unlock();
        }
    }

    // ---- settings -------------------------------------------------------------------------------

    /** {@code innodb_io_capacity} and {@code innodb_io_capacity_max}, pages a second. */
    public void setIoCapacity(long capacity, long capacityMax) {
        if (capacity < 1 || capacityMax < capacity) {
            throw new IllegalArgumentException("innodb_io_capacity " + capacity + " must be at least 1 and at most "
                    + "innodb_io_capacity_max " + capacityMax);
        }
        ioCapacity = capacity;
        ioCapacityMax = capacityMax;
    }

    public void setAdaptiveFlushing(boolean on) {
        adaptiveFlushing = on;
    }

    public void setAdaptiveFlushingLwm(double pct) {
        adaptiveFlushingLwm = pct;
    }

    public void setMaxDirtyPagesPct(double pct) {
        maxDirtyPagesPct = pct;
    }

    public void setMaxDirtyPagesPctLwm(double pct) {
        maxDirtyPagesPctLwm = pct;
    }

    public void setFlushingAvgLoops(int loops) {
        flushingAvgLoops = Math.max(1, loops);
    }

    /** {@code innodb_flush_sync}: whether a checkpointer's sync request is served at full speed. */
    public void setFlushSync(boolean on) {
        flushSync = on;
    }

    public void setIdleFlushPct(int pct) {
        idleFlushPct = Math.max(0, Math.min(100, pct));
    }

    public boolean flushSync() {
        return flushSync;
    }

    public int idleFlushPct() {
        return idleFlushPct;
    }

    /** The adaptive policy's settings as they are now (io capacities, dirty-page and redo marks). */
    public AdaptiveFlushing.Settings policySettings() {
        return new AdaptiveFlushing.Settings(ioCapacity, ioCapacityMax, adaptiveFlushing, adaptiveFlushingLwm,
                maxDirtyPagesPct, maxDirtyPagesPctLwm, flushingAvgLoops);
    }

    // ---- requests -------------------------------------------------------------------------------

    /**
     * The checkpointer's request (InnoDB's {@code buf_flush_request_force} plus the wait): with
     * {@code innodb_flush_sync} ON, a sync flush up to {@code lsn} (plus three seconds of redo at
     * the average rate, but at most {@code maxAhead}, and not past the current LSN) is requested
     * and this waits until no page below {@code lsn} is dirty. (InnoDB adds the three seconds
     * unbounded; with a redo log that holds less than that, as small ones do under load, the
     * request would become "flush everything" each time.) With it OFF, nothing is requested: this waits for the end of the next
     * pass, whatever it flushed, so the caller can checkpoint what is free and ask again.
     *
     * @throws IllegalStateException if the cleaner stops or failed first
     */
    public void syncFlush(long lsn, long maxAhead) {
        if (flushSync) {
            AdaptiveFlushing.Recommendation r = lastRecommendation;
            long ahead = r == null ? 0 : r.next().lsnAvgRate() * AdaptiveFlushing.LSN_SCAN_FACTOR;
            ahead = Math.max(0, Math.min(ahead, maxAhead));
            awaitFlushed(lsn, Math.max(lsn, Math.min(lsn + ahead, target.currentLsn())), false);
        } else {
            awaitNextPass(lsn);
        }
    }

    /**
     * A sync flush up to {@code lsn} whatever {@code innodb_flush_sync} says (for
     * {@code innodb_log_checkpoint_now}); waits until no page below {@code lsn} is dirty.
     *
     * @throws IllegalStateException if the cleaner stops or failed first
     */
    public void forcedFlush(long lsn) {
        awaitFlushed(lsn, lsn, true);
    }

    private void awaitFlushed(long lsn, long requestLsn, boolean forced) {
        mutex.lock();
        try {
            if (flushedUpTo >= lsn && passesEnded > 0) {
                return;
            }
            syncWaits++;
            if (requestLsn > syncLsn) {
                syncLsn = requestLsn;
            }
            syncForced |= forced;
            wake.signal();
            while (true) {
                checkUsable();
                if (passesEnded > 0 && flushedUpTo >= lsn) {
                    return;
                }
                passEnded.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }

    private void awaitNextPass(long lsn) {
        mutex.lock();
        try {
            syncWaits++;
            long after = passesStarted;
            passWaiters++;
            try {
                passEnded.signalAll(); // for awaitSyncWaits; the other waiters re-check and wait on
                while (passesEnded <= after && !(passesEnded > 0 && flushedUpTo >= lsn)) {
                    checkUsable();
                    passEnded.awaitUninterruptibly();
                }
            } finally {
                passWaiters--;
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Requires: the mutex. */
    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("the page cleaner failed: " + failure.getMessage(), failure);
        }
        if (stopping || coordinator == null) {
            throw new IllegalStateException("the page cleaner is not running");
        }
    }

    /**
     * A foreground thread found no free frame and wrote a page itself: the coordinator wakes for
     * an LRU batch. Cheap and non-blocking beyond the leaf mutex.
     */
    public void freeShortage() {
        mutex.lock();
        try {
            freeShortage = true;
            wake.signal();
        } finally {
            mutex.unlock();
        }
    }

    // ---- the coordinator ------------------------------------------------------------------------

    private void coordinate(long firstLoop, long firstLsn) {
        try {
            coordinateLoop(firstLoop, firstLsn);
        } catch (RuntimeException | Error e) {
            // Out of memory, a test's simulated power loss, or a bug: nobody may wait for a thread
            // that is about to die.
            IllegalStateException cause = new IllegalStateException("the page cleaner failed: " + e, e);
            target.failed(cause); // before any waiter hears of it
            mutex.lock();
            try {
                if (failure == null) {
                    failure = cause;
                }
                stopping = true;
                passEnded.signalAll();
                requested.signalAll();
            } finally {
                mutex.unlock();
            }
            throw e;
        }
    }

    private void coordinateLoop(long firstLoop, long firstLsn) {
        FlushBatch batch = target.newBatch();
        long nextLoop = firstLoop;
        long lastActivity = firstLsn;
        AdaptiveFlushing.Averages averages = AdaptiveFlushing.Averages.INITIAL;
        long flushedListSinceLook = 0;
        long flushedInSecond = 0;
        long evictedInSecond = 0;
        int warnInterval = 1;
        int warnCount = 0;
        while (true) {
            boolean timedOut;
            boolean sync;
            long syncTarget;
            boolean shortage;
            boolean passWanted;
            long now;
            mutex.lock();
            try {
                while (!stopping && failure == null && !syncServable() && !freeShortage) {
                    long wait = nextLoop - clock.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    try {
                        mutex.awaitNanos(wake, wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        stopping = true;
                    }
                }
                if (stopping || failure != null) {
                    break;
                }
                now = clock.nanoTime();
                timedOut = now >= nextLoop;
                sync = syncServable();
                syncTarget = syncLsn;
                shortage = freeShortage;
                freeShortage = false;
                passWanted = passWaiters > 0;
            } finally {
                mutex.unlock();
            }

            if (timedOut) {
                long late = now - nextLoop;
                if (late > OVERRUN_WARN) {
                    if (warnCount == 0) {
                        overruns++;
                        messages.accept("FlushDB: page_cleaner: 1000ms intended loop took "
                                + TimeUnit.NANOSECONDS.toMillis(SECOND + late)
                                + "ms. The settings might not be optimal. (flushed=" + flushedInSecond
                                + " and evicted=" + evictedInSecond + ", during the time.)");
                        warnInterval = warnInterval > WARN_INTERVAL_MAX / 2 ? WARN_INTERVAL_MAX : warnInterval * 2;
                        warnCount = warnInterval;
                    } else {
                        warnCount--;
                    }
                } else {
                    warnInterval = 1;
                    warnCount = 0;
                }
                nextLoop = now + SECOND;
                flushedInSecond = 0;
                evictedInSecond = 0;
            }

            long[] result;
            try {
                if (sync) {
                    result = pass(PassKind.SYNC, null, Long.MAX_VALUE, syncTarget, batch);
                } else if (target.currentLsn() != lastActivity) {
                    if (timedOut) {
                        lastActivity = target.currentLsn();
                        AdaptiveFlushing.Recommendation r = AdaptiveFlushing.recommend(averages,
                                target.snapshot(TimeUnit.NANOSECONDS.toSeconds(now), flushedListSinceLook),
                                policySettings());
                        averages = r.next();
                        lastRecommendation = r;
                        flushedListSinceLook = 0;
                        result = pass(PassKind.ADAPTIVE, r.perInstance(), 0, Long.MAX_VALUE, batch);
                    } else {
                        result = pass(PassKind.LRU_ONLY, null, 0, Long.MAX_VALUE, batch);
                    }
                } else if (timedOut) {
                    long pages = percentOf(ioCapacity, idleFlushPct);
                    if (pages == 0 && passWanted) {
                        // innodb_idle_flush_pct=0, but the checkpointer waits for a pass (with
                        // innodb_flush_sync OFF): one at innodb_io_capacity, or it would wait forever.
                        pages = ioCapacity;
                    }
                    long perInstance = pages / slots.length + (pages % slots.length == 0 ? 0 : 1);
                    result = pages == 0 ? null : pass(PassKind.IDLE, null, perInstance, Long.MAX_VALUE, batch);
                } else if (shortage) {
                    result = pass(PassKind.LRU_ONLY, null, 0, Long.MAX_VALUE, batch);
                } else {
                    result = null;
                }
            } catch (RuntimeException e) {
                // A failure outside the slots (reading the snapshot): the same as a failed slot.
                result = null;
                fail(e);
            }
            if (result != null) {
                flushedListSinceLook += result[1];
                flushedInSecond += result[0] + result[1];
                evictedInSecond += result[2];
            }
        }
        // Stopping: wake everyone that waits on this thread.
        mutex.lock();
        try {
            passEnded.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /** {@code value × pct / 100} without overflow (io capacities may be as large as a long). */
    static long percentOf(long value, long pct) {
        return value / 100 * pct + value % 100 * pct / 100;
    }

    /** Requires: the mutex. Whether a requested sync flush is to be served now. */
    private boolean syncServable() {
        return syncLsn != 0 && (flushSync || syncForced);
    }

    /**
     * One pass over every slot, the coordinator working on slots too. {@code perInstance} (if not
     * null) or else {@code pages} is each slot's flush-list budget ({@link Long#MAX_VALUE} for a
     * sync flush, 0 for LRU flushing only). Returns {LRU pages written, flush-list pages written,
     * pages evicted}.
     */
    private long[] pass(PassKind kind, long[] perInstance, long pages, long lsnLimit, FlushBatch batch) {
        long started = clock.nanoTime();
        mutex.lock();
        try {
            passesStarted++;
            for (Slot s : slots) {
                assert s.state == SlotState.NONE : "slot " + s.instance + " is " + s.state + " at a new pass";
                s.pagesRequested = perInstance != null ? perInstance[s.instance] : pages;
                s.lsnLimit = lsnLimit;
                s.state = SlotState.REQUESTED;
            }
            nRequested = slots.length;
            nFlushing = 0;
            nFinished = 0;
            requested.signalAll();
        } finally {
            mutex.unlock();
        }
        while (flushSlot(batch) > 0) {
            // The coordinator takes slots as the workers do.
        }
        long lru = 0;
        long list = 0;
        long evicted = 0;
        long neighbors = 0;
        long lruNanos = 0;
        long listNanos = 0;
        Throwable error = null;
        mutex.lock();
        try {
            while (nFinished < slots.length) {
                finished.awaitUninterruptibly();
            }
            for (Slot s : slots) {
                assert s.state == SlotState.FINISHED;
                lru += s.flushedLru;
                list += s.flushedList;
                evicted += s.evictedLru;
                neighbors += s.neighbors;
                lruNanos += s.lruNanos;
                listNanos += s.listNanos;
                if (s.failure != null && error == null) {
                    error = s.failure;
                }
                s.failure = null;
                s.pagesRequested = 0;
                s.state = SlotState.NONE;
            }
            nFinished = 0;
        } finally {
            mutex.unlock();
        }
        pagesLru += lru;
        pagesEvictedLru += evicted;
        pagesNeighbor += neighbors;
        slotLruNanos = lruNanos;
        slotListNanos = listNanos;
        switch (kind) {
            case SYNC -> {
                pagesSync += list;
                syncPasses++;
            }
            case ADAPTIVE -> pagesAdaptive += list;
            case IDLE -> pagesIdle += list;
            case LRU_ONLY -> { }
        }
        passes++;
        passNanos += clock.nanoTime() - started;
        if (error instanceof Error e) {
            throw e; // the coordinator's handler records it and wakes every waiter
        }
        if (error != null) {
            fail((RuntimeException) error);
        }
        long upTo = target.flushedUpTo();
        mutex.lock();
        try {
            passesEnded++;
            flushedUpTo = upTo;
            if (kind == PassKind.SYNC && syncLsn != 0 && upTo >= syncLsn) {
                syncLsn = 0;
                syncForced = false;
            }
            passEnded.signalAll();
        } finally {
            mutex.unlock();
        }
        return new long[] {lru, list, evicted};
    }

    private void fail(RuntimeException e) {
        // The engine refuses writes before any waiter hears of the failure.
        target.failed(e);
        mutex.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            passEnded.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Takes one REQUESTED slot, does its work and marks it FINISHED (InnoDB's {@code pc_flush_slot}).
     * Returns the number of slots still REQUESTED.
     */
    int flushSlot(FlushBatch batch) {
        Slot slot = null;
        mutex.lock();
        try {
            if (nRequested == 0) {
                return 0;
            }
            for (Slot s : slots) {
                if (s.state == SlotState.REQUESTED) {
                    slot = s;
                    break;
                }
            }
            assert slot != null : "nRequested " + nRequested + " but no slot REQUESTED";
            nRequested--;
            nFlushing++;
            slot.state = SlotState.FLUSHING;
        } finally {
            mutex.unlock();
        }
        slot.flushedLru = 0;
        slot.evictedLru = 0;
        slot.flushedList = 0;
        slot.neighbors = 0;
        try {
            if (!stopping) {
                long t0 = clock.nanoTime();
                slot.flushedLru = target.flushLru(slot.instance, target.lruScanDepth(), batch);
                slot.evictedLru = batch.evicted();
                slot.neighbors = batch.neighbors();
                long t1 = clock.nanoTime();
                slot.lruNanos += t1 - t0;
                slot.lruPasses++;
                if (slot.pagesRequested > 0) {
                    slot.flushedList = target.flushList(slot.instance, slot.pagesRequested, slot.lsnLimit, batch);
                    slot.neighbors += batch.neighbors();
                    slot.listNanos += clock.nanoTime() - t1;
                    slot.listPasses++;
                }
            }
        } catch (RuntimeException | Error e) {
            // Recorded for the coordinator; the slot still finishes, so nobody waits for it.
            slot.failure = e;
        } finally {
            mutex.lock();
            try {
                nFlushing--;
                nFinished++;
                slot.state = SlotState.FINISHED;
                if (nRequested == 0 && nFlushing == 0) {
                    finished.signalAll();
                }
            } finally {
                mutex.unlock();
            }
        }
        mutex.lock();
        try {
            return nRequested;
        } finally {
            mutex.unlock();
        }
    }

    // ---- workers --------------------------------------------------------------------------------

    private void work(int index) {
        FlushBatch batch = null;
        mutex.lock();
        try {
            while (true) {
                while (nRequested == 0 && !stopping && index < wantedWorkers) {
                    requested.awaitUninterruptibly();
                }
                if (stopping || index >= wantedWorkers) {
                    break;
                }
                mutex.unlock();
                try {
                    if (batch == null) {
                        batch = target.newBatch();
                    }
                    flushSlot(batch);
                } finally {
                    mutex.lock();
                }
            }
        } finally {
            workerRunning[index] = false;
            liveWorkers--;
            workerLeft.signalAll();
            mutex.unlock();
        }
    }

    // ---- observation ----------------------------------------------------------------------------

    /** The slots' states now, by instance (for tests of the state machine). */
    SlotState[] slotStates() {
        mutex.lock();
        try {
            SlotState[] out = new SlotState[slots.length];
            for (int i = 0; i < slots.length; i++) {
                out[i] = slots[i].state;
            }
            return out;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Waits until at most {@code n} workers are in their loop: after {@link #setThreads} shrank the
     * set, surplus workers leave once their current slot is done (for tests of resizing).
     */
    public void awaitLiveWorkers(int n) {
        mutex.lock();
        try {
            while (liveWorkers > n) {
                workerLeft.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Waits until {@code n} requests have waited for the page cleaner (for tests). */
    void awaitSyncWaits(long n) {
        mutex.lock();
        try {
            while (syncWaits < n) {
                passEnded.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Waits until {@code n} passes have ended, or the cleaner stopped (for tests). */
    void awaitPassesEnded(long n) {
        mutex.lock();
        try {
            while (passesEnded < n && !stopping && failure == null) {
                passEnded.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Passes finished so far. */
    public long passesEnded() {
        mutex.lock();
        try {
            return passesEnded;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The counters, read racily (InnoDB's {@code buffer_flush_*} and {@code buffer_LRU_*}
     * monitors). Times are nanoseconds.
     *
     * @param pagesSync          flush-list pages written by sync flushes ({@code buffer_flush_sync_total_pages})
     * @param pagesAdaptive      by adaptive flushing ({@code buffer_flush_adaptive_total_pages})
     * @param pagesIdle          by idle (background) flushing ({@code buffer_flush_background_total_pages})
     * @param pagesLru           written by LRU batches ({@code buffer_LRU_batch_flush_total_pages})
     * @param pagesEvictedLru    clean pages LRU batches moved to the free list ({@code buffer_LRU_batch_evict_total_pages})
     * @param pagesNeighbor      pages written as neighbours ({@code buffer_flush_neighbor_total_pages})
     * @param passes             passes over the slots ({@code buffer_flush_avg_pass} counts them)
     * @param syncPasses         of which sync flushes ({@code buffer_flush_sync})
     * @param passNanos          the coordinator's time in passes, total
     * @param slotLruNanos       the slots' LRU flushing time, total
     * @param slotListNanos      the slots' flush-list flushing time, total
     * @param syncWaits          requests that waited for a sync flush ({@code buffer_flush_sync_waits})
     * @param overruns           overrun warnings logged
     * @param nToFlushRequested  the last recommendation's pages ({@code buffer_flush_n_to_flush_requested})
     * @param nToFlushByAge      its pages by age ({@code buffer_flush_n_to_flush_by_age})
     * @param avgPageRate        {@code buffer_flush_avg_page_rate}
     * @param lsnAvgRate         {@code buffer_flush_lsn_avg_rate}
     * @param pctForDirty        {@code buffer_flush_pct_for_dirty}
     * @param pctForLsn          {@code buffer_flush_pct_for_lsn}
     */
    public record Metrics(long pagesSync, long pagesAdaptive, long pagesIdle, long pagesLru, long pagesEvictedLru,
            long pagesNeighbor, long passes, long syncPasses, long passNanos, long slotLruNanos, long slotListNanos,
            long syncWaits, long overruns, long nToFlushRequested, long nToFlushByAge, long avgPageRate,
            long lsnAvgRate, long pctForDirty, long pctForLsn) {
    }

    public Metrics metrics() {
        AdaptiveFlushing.Recommendation r = lastRecommendation;
        return new Metrics(pagesSync, pagesAdaptive, pagesIdle, pagesLru, pagesEvictedLru, pagesNeighbor, passes,
                syncPasses, passNanos, slotLruNanos, slotListNanos, syncWaits, overruns,
                r == null ? 0 : r.pages(), r == null ? 0 : r.pagesForLsn(),
                r == null ? 0 : r.next().avgPageRate(), r == null ? 0 : r.next().lsnAvgRate(),
                r == null ? 0 : r.pctForDirty(), r == null ? 0 : r.pctForLsn());
    }

    /** Stops the threads and waits for them (a pass in progress finishes first). */
    @Override
    public void close() {
        Thread c;
        mutex.lock();
        try {
            stopping = true;
            c = coordinator;
            wake.signalAll();
            requested.signalAll();
            passEnded.signalAll();
        } finally {
            mutex.unlock();
        }
        if (c != null) {
            Threads.joinUninterruptibly(c);
        }
        mutex.lock();
        try {
            while (liveWorkers > 0) {
                workerLeft.awaitUninterruptibly();
            }
        } finally {
            mutex.unlock();
        }
    }
}
