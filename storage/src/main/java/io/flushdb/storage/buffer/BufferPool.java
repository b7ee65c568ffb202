package io.flushdb.storage.buffer;

import io.flushdb.storage.page.PageChecksum;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.util.Clock;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;

/**
 * The buffer pool: {@code innodb_buffer_pool_size} bytes of page frames split into
 * {@code innodb_buffer_pool_instances} {@link BufferPoolInstance}s; a page belongs to instance
 * {@code hash(space, page) % instances}.
 *
 * <p>Callers fix and latch pages through {@link #getPage} / {@link #createPage} and release them
 * with {@link #release}; in the engine only {@code MiniTransaction} does so. A page is written by
 * {@link #flushPage}: under a shared latch (so no change is half-applied), after the write-ahead
 * barrier has made the redo durable up to the page's newest modification (WAL1), into a private
 * copy that gets the checksum, then in place.
 *
 * <p>Concurrency: thread-safe. The dynamic settings are volatile fields written by the
 * variable-change listener and read racily by the instances.
 */
public final class BufferPool {
    final PageStore store;
    final Clock clock;
    private final int pageSize;
    private final BufferPoolInstance[] instances;
    private final LongConsumer walBarrier;
    private final ThreadLocal<ByteBuffer> writeBuffer;

    volatile long oldBlocksTimeMs;
    volatile int lruScanDepth;

    // Pages written by kind; written with the flushing thread's increments, read racily.
    private final java.util.concurrent.atomic.LongAdder[] writtenByKind =
            new java.util.concurrent.atomic.LongAdder[FlushKind.values().length];
    /** Page changes committed ({@code Innodb_buffer_pool_write_requests}): one per page per commit. */
    private final java.util.concurrent.atomic.LongAdder writeRequests = new java.util.concurrent.atomic.LongAdder();

    /**
     * @param walBarrier called with a page's newest modification LSN before the page is written;
     *                   returns once the redo log is durable up to it (WAL1)
     */
    public BufferPool(BufferPoolConfig config, PageStore store, Clock clock, LongConsumer walBarrier) {
        this.store = store;
        this.clock = clock;
        this.pageSize = config.pageSize();
        this.walBarrier = walBarrier;
        this.oldBlocksTimeMs = config.oldBlocksTimeMs();
        this.lruScanDepth = config.lruScanDepth();
        this.instances = new BufferPoolInstance[config.instances()];
        for (int i = 0; i < instances.length; i++) {
            instances[i] = new BufferPoolInstance(this, i, config.framesPerInstance(), pageSize);
            instances[i].lru.setOldPct(config.oldBlocksPct());
        }
        for (int i = 0; i < writtenByKind.length; i++) {
            writtenByKind[i] = new java.util.concurrent.atomic.LongAdder();
        }
        int ps = pageSize;
        this.writeBuffer = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(ps));
    }

    public int pageSize() {
        return pageSize;
    }

    private BufferPoolInstance instanceOf(long pageId) {
        if (instances.length == 1) {
            return instances[0];
        }
        long h = pageId * 0x9E3779B97F4A7C15L;
        return instances[(int) ((h >>> 33) % instances.length)];
    }

    /** Fixes page {@code pageId} and latches it in {@code mode}, reading it if it is not cached. */
    public BufferFrame getPage(long pageId, LatchMode mode) {
        return instanceOf(pageId).getPage(pageId, mode, false);
    }

    /**
     * Fixes a frame for a page that is being created (its on-disk content, if any, is
     * meaningless), latched exclusively and zero-filled. No read is done.
     */
    public BufferFrame createPage(long pageId) {
        return instanceOf(pageId).getPage(pageId, LatchMode.EXCLUSIVE, true);
    }

    /** Releases the latch taken by {@link #getPage} or {@link #createPage} and unfixes the page. */
    public void release(BufferFrame frame, LatchMode mode) {
        BufferPoolInstance.unlatch(frame, mode);
        frame.unfix();
    }

    /**
     * Records that a mini-transaction committed changes to {@code frame} over LSNs
     * [{@code startLsn}, {@code endLsn}): stamps the page LSN and, if the page was clean, adds it
     * to its flush list with oldest modification {@code startLsn}.
     *
     * <p>Requires: the frame latched exclusively by the caller, and the caller holding the redo
     * log's flush-order mutex so that pages enter flush lists in LSN order (FL2).
     */
    public void noteModified(BufferFrame frame, long startLsn, long endLsn) {
        writeRequests.increment();
        frame.newestModification = endLsn;
        frame.page().putLong(PageHeader.OFFSET_LSN, endLsn);
        addIfClean(frame, startLsn);
    }

    /** Puts a page that was clean on its flush list with oldest modification {@code lsn} (FL2). */
    private static void addIfClean(BufferFrame frame, long lsn) {
        if (frame.oldestModification == 0) {
            FlushList fl = frame.instance.flushList;
            fl.lock.lock();
            try {
                fl.addHead(frame, lsn);
            } finally {
                fl.lock.unlock();
            }
        }
    }

    /**
     * Recovery's counterpart of {@link #noteModified}: {@code frame} (latched exclusively) was
     * changed by redo apply up to {@code newestLsn}; if it was clean it goes on its flush list with
     * oldest modification {@code oldestLsn}, the start of the batch being applied. Requires: no
     * mini-transaction commits concurrently, and batches applied in LSN order (FL2).
     */
    public void noteRecovered(BufferFrame frame, long oldestLsn, long newestLsn) {
        frame.newestModification = newestLsn;
        addIfClean(frame, oldestLsn);
    }

    /**
     * Writes a dirty page and marks it clean. Requires: {@code frame} fixed by the caller and not
     * latched by it. Returns false if the page was already clean.
     */
    public boolean flushPage(BufferFrame frame, FlushKind kind) {
        long stamp = frame.latch.readLock();
        try {
            if (frame.oldestModification == 0) {
                return false;
            }
            ByteBuffer copy = writeBuffer.get();
            copy.clear();
            copy.put(0, frame.page(), 0, pageSize);
            // WAL1: the redo describing every change in this image is durable before the image is.
            walBarrier.accept(frame.newestModification);
            PageChecksum.stamp(copy, pageSize);
            var pending = frame.instance.pendingWrites;
            pending.incrementAndGet(kind.ordinal());
            try {
                store.writePage(frame.pageId, copy);
            } finally {
                pending.decrementAndGet(kind.ordinal());
            }
            markClean(frame);
            writtenByKind[kind.ordinal()].increment();
            return true;
        } finally {
            frame.latch.unlockRead(stamp);
        }
    }

    /** Writes every dirty page (oldest first per instance). Used by close, checkpoints and tests. */
    public int flushAll() {
        return flushUpTo(Long.MAX_VALUE);
    }

    /** Pages a flush-list batch writes at once (the doublewrite batch area's size). */
    public static final int BATCH = Doublewrite.BATCH_SLOTS;

    /**
     * A flush-list flush: writes every page whose oldest modification is below {@code lsn}, oldest
     * first, in batches of {@link #BATCH}, until none is left (pages dirtied meanwhile at or above
     * {@code lsn} are not waited for). Returns the pages written.
     */
    public int flushUpTo(long lsn) {
        int written = 0;
        BatchBuffers b = new BatchBuffers(pageSize);
        for (BufferPoolInstance inst : instances) {
            while (true) {
                BufferFrame[] dirty = inst.fixDirtyPages(lsn);
                if (dirty.length == 0) {
                    break;
                }
                int i = 0;
                try {
                    for (; i < dirty.length; i += BATCH) {
                        written += flushBatch(dirty, i, Math.min(dirty.length, i + BATCH), b);
                    }
                } finally {
                    for (BufferFrame f : dirty) {
                        f.unfix();
                    }
                }
            }
        }
        return written;
    }

    /** Scratch of one flush-list flush: the batch's page images and ids. */
    private static final class BatchBuffers {
        final ByteBuffer images;
        final long[] ids = new long[BATCH];
        final long[] stamps = new long[BATCH];
        final BufferFrame[] frames = new BufferFrame[BATCH];

        BatchBuffers(int pageSize) {
            images = ByteBuffer.allocateDirect(BATCH * pageSize);
        }
    }

    /**
     * Writes the dirty ones of {@code frames[from, to)} (fixed by the caller) as one batch. The first
     * page is latched shared waiting if need be; the others only if their latch is free at once, so
     * the flusher never waits for a page while holding another (a mini-transaction may hold one
     * exclusively and wait for the next): a page skipped stays dirty for the next round.
     */
    private int flushBatch(BufferFrame[] frames, int from, int to, BatchBuffers b) {
        int n = 0;
        long newest = 0;
        // The store may have narrowed the buffer's limit to the last batch's pages: the absolute
        // puts below check against the limit.
        b.images.clear();
        try {
            for (int i = from; i < to; i++) {
                BufferFrame f = frames[i];
                long stamp = n == 0 ? f.latch.readLock() : f.latch.tryReadLock();
                if (stamp == 0) {
                    continue;
                }
                if (f.oldestModification == 0) {
                    f.latch.unlockRead(stamp);
                    continue;
                }
                b.frames[n] = f;
                b.stamps[n] = stamp;
                b.ids[n] = f.pageId;
                b.images.put(n * pageSize, f.page(), 0, pageSize);
                newest = Math.max(newest, f.newestModification);
                n++;
            }
            if (n == 0) {
                return 0;
            }
            // WAL1 for the whole batch at once.
            walBarrier.accept(newest);
            for (int i = 0; i < n; i++) {
                ByteBuffer page = b.images.duplicate();
                page.limit((i + 1) * pageSize).position(i * pageSize);
                PageChecksum.stamp(page.slice(), pageSize);
            }
            for (int i = 0; i < n; i++) {
                b.frames[i].instance.pendingWrites.incrementAndGet(FlushKind.FLUSH_LIST.ordinal());
            }
            try {
                store.writePages(b.ids, b.images, n, pageSize);
            } finally {
                for (int i = 0; i < n; i++) {
                    b.frames[i].instance.pendingWrites.decrementAndGet(FlushKind.FLUSH_LIST.ordinal());
                }
            }
            for (int i = 0; i < n; i++) {
                markClean(b.frames[i]);
            }
            writtenByKind[FlushKind.FLUSH_LIST.ordinal()].add(n);
            return n;
        } finally {
            for (int i = 0; i < n; i++) {
                b.frames[i].latch.unlockRead(b.stamps[i]);
                b.frames[i] = null;
            }
        }
    }

    /** Takes a written page off its flush list. Requires: its latch held (shared) by the caller. */
    private static void markClean(BufferFrame frame) {
        FlushList fl = frame.instance.flushList;
        fl.lock.lock();
        try {
            fl.remove(frame);
        } finally {
            fl.lock.unlock();
        }
        BufferPoolInstance inst = frame.instance;
        inst.mutex.lock();
        inst.pagesWritten++;
        inst.mutex.unlock();
    }

    /** Drops every cached page of a tablespace without writing it. Requires: none of them fixed. */
    public void discardSpace(int spaceId) {
        for (BufferPoolInstance inst : instances) {
            inst.discardSpace(spaceId);
        }
    }

    /** The oldest modification LSN of any dirty page in the pool, or 0 if none is dirty. */
    public long oldestModification() {
        long oldest = 0;
        for (BufferPoolInstance inst : instances) {
            long o = inst.oldestModification();
            if (o != 0 && (oldest == 0 || o < oldest)) {
                oldest = o;
            }
        }
        return oldest;
    }

    // ---- dynamic settings -------------------------------------------------------------------

    public void setOldBlocksPct(int pct) {
        for (BufferPoolInstance inst : instances) {
            inst.mutex.lock();
            try {
                inst.lru.setOldPct(pct);
            } finally {
                inst.mutex.unlock();
            }
        }
    }

    public void setOldBlocksTimeMs(long ms) {
        this.oldBlocksTimeMs = ms;
    }

    public void setLruScanDepth(int depth) {
        this.lruScanDepth = depth;
    }

    /**
     * Per-thread override of {@link #lruScanDepth}: a session's own {@code innodb_lru_scan_depth}
     * for the free-page searches its statements make. One holder per thread, so setting it
     * allocates nothing after the thread's first use.
     */
    private static final ThreadLocal<int[]> THREAD_SCAN_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    /** Sets (depth > 0) or clears (0) the calling thread's scan depth override. */
    public void setThreadScanDepth(int depth) {
        THREAD_SCAN_DEPTH.get()[0] = depth;
    }

    /** The scan depth a free-page search on the calling thread uses. */
    int scanDepth() {
        int own = THREAD_SCAN_DEPTH.get()[0];
        return own > 0 ? own : lruScanDepth;
    }

    // ---- statistics -------------------------------------------------------------------------

    /** Instance {@code i}, for tests of this package. */
    BufferPoolInstance instance(int i) {
        return instances[i];
    }

    public int instanceCount() {
        return instances.length;
    }

    /** A racy snapshot of instance {@code i}'s figures, for status output. */
    public BufferPoolStats stats(int i) {
        BufferPoolInstance inst = instances[i];
        return new BufferPoolStats(i, inst.frames.length, inst.freeCount(), inst.lruLength(), inst.oldLength(),
                inst.dirtyCount(), inst.readRequests, inst.pagesRead, inst.pagesCreated, inst.pagesWritten,
                inst.pagesMadeYoung, inst.pagesNotMadeYoung, inst.waitFree, inst.pagesEvicted,
                inst.pendingReads.get(), inst.pendingWrites.get(FlushKind.LRU.ordinal()),
                inst.pendingWrites.get(FlushKind.FLUSH_LIST.ordinal()),
                inst.pendingWrites.get(FlushKind.SINGLE_PAGE.ordinal()));
    }

    /** The sum of every instance's figures. */
    public BufferPoolStats totals() {
        BufferPoolStats t = stats(0);
        for (int i = 1; i < instances.length; i++) {
            t = t.plus(stats(i));
        }
        return t;
    }

    public long pagesWritten(FlushKind kind) {
        return writtenByKind[kind.ordinal()].sum();
    }

    /** Page changes committed by mini-transactions, one per page per commit ({@code Innodb_buffer_pool_write_requests}). */
    public long writeRequests() {
        return writeRequests.sum();
    }

    /** Bytes of page frames, all instances together ("Total large memory allocated"). */
    public long frameBytes() {
        long frames = 0;
        for (BufferPoolInstance inst : instances) {
            frames += inst.frames.length;
        }
        return frames * pageSize;
    }

    /** Runs every instance's invariant check (LRU, flush list, page hash). For tests and assertions. */
    public boolean checkInvariants() {
        for (BufferPoolInstance inst : instances) {
            inst.checkInvariants();
        }
        return true;
    }

    @Override
    public String toString() {
        return "BufferPool(" + instances.length + " x " + instances[0].frames.length + " pages of " + pageSize + ")";
    }

    static String describe(long pageId) {
        return PageId.toString(pageId);
    }
}
