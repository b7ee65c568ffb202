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
    /** Pages one flush batch may pick: {@link #BATCH}, or a quarter of an instance if smaller. */
    final int maxBatch;
    private final ThreadLocal<ByteBuffer> writeBuffer;

    volatile long oldBlocksTimeMs;
    volatile int lruScanDepth;
    /** {@code innodb_flush_neighbors}: 0, 1 (contiguous) or 2 (whole extent). */
    volatile int flushNeighbors;
    /** Told when a thread had to write a page itself to get a free frame (the page cleaner listens). */
    private volatile Runnable freeShortageListener = () -> { };

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
        // A batch fixes its pages while it writes them: at most a quarter of an instance, so the
        // foreground always has frames to evict (InnoDB's batches are small beside an instance).
        this.maxBatch = Math.max(1, Math.min(BATCH, config.framesPerInstance() / 4));
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
     * latched by it. Returns false if the page was already clean, or another flusher is writing it.
     */
    public boolean flushPage(BufferFrame frame, FlushKind kind) {
        return flushLatched(frame, frame.latch.readLock(), kind);
    }

    /**
     * {@link #flushPage} for a page the caller has latched shared with {@code stamp}; the latch is
     * released before return. The write is claimed first and the page's state read after the
     * claim: a flusher that wrote it meanwhile marked it clean before giving the claim up.
     */
    boolean flushLatched(BufferFrame frame, long stamp, FlushKind kind) {
        try {
            if (!frame.startWrite()) {
                return false;
            }
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
                frame.endWrite();
            }
        } finally {
            frame.latch.unlockRead(stamp);
        }
    }

    /** Writes every dirty page (oldest first per instance). Used by close, checkpoints and tests. */
    public int flushAll() {
        return flushUpTo(Long.MAX_VALUE);
    }

    /** Pages a flush writes at once (the doublewrite batch area's size). */
    public static final int BATCH = Doublewrite.BATCH_SLOTS;

    /** The pages of one extent, the area {@code innodb_flush_neighbors} looks in. */
    static final int EXTENT_PAGES = 64;

    /**
     * A flush-list flush in the calling thread: writes every page whose oldest modification is below
     * {@code lsn}, oldest first per instance, in batches of {@link #BATCH} (pages dirtied meanwhile
     * at or above {@code lsn} are not waited for). Returns the pages written. The page cleaner does
     * the same work per instance through {@link #flushList}; this is for close, recovery and tests.
     */
    public int flushUpTo(long lsn) {
        int written = 0;
        FlushBatch b = new FlushBatch(pageSize);
        for (int i = 0; i < instances.length; i++) {
            // Each round writes the oldest page or finds it clean (writePicked waits for its latch),
            // and pages dirtied meanwhile enter at or above the current LSN: the loop ends. (A page
            // another flusher is writing is skipped and found clean by a later round; only the
            // page cleaner flushes concurrently, and it is stopped when close and recovery call this.)
            while (instances[i].oldestModificationBelow(lsn)) {
                written += flushList(i, Long.MAX_VALUE, lsn, b);
            }
        }
        return written;
    }

    /**
     * Flush-list flushing of instance {@code instance}: writes up to {@code maxPages} pages whose
     * oldest modification is below {@code lsnLimit}, oldest first, in batches (with their dirty
     * neighbours when {@code innodb_flush_neighbors} is set). Written pages stay in the LRU list,
     * clean. Stops early when a batch writes nothing (its pages are latched or being written by
     * another flusher); the caller's next pass finds them. Returns the pages written; {@code b}
     * holds the pages scanned and the neighbours written.
     */
    public int flushList(int instance, long maxPages, long lsnLimit, FlushBatch b) {
        BufferPoolInstance inst = instances[instance];
        b.resetCounts();
        int written = 0;
        while (written < maxPages) {
            int want = (int) Math.min(maxBatch, maxPages - written);
            inst.pickFlushList(lsnLimit, want, b);
            if (b.pickedCount == 0) {
                break;
            }
            int n;
            try {
                if (flushNeighbors != 0) {
                    pickNeighbors(b, false, want);
                }
                n = writePicked(b, FlushKind.FLUSH_LIST);
            } finally {
                unfixPicked(b);
            }
            written += n;
            if (n == 0) {
                break;
            }
        }
        return written;
    }

    /**
     * LRU flushing of instance {@code instance} (InnoDB's LRU batch): from the LRU tail, up to
     * {@code scanDepth} pages and until the free list holds {@code scanDepth} frames, clean unfixed
     * pages go to the free list and dirty ones are written (through the doublewrite batch) and then
     * freed. Returns the pages written; {@code b} holds the pages evicted and scanned.
     */
    public int flushLru(int instance, int scanDepth, FlushBatch b) {
        b.resetCounts();
        return instances[instance].flushLru(scanDepth, b);
    }

    /**
     * Adds the dirty neighbours of the picked pages in their extent ({@code innodb_flush_neighbors}
     * 1: contiguous runs on both sides; 2: the whole extent) to {@code b}, up to {@code limit} picks.
     * From an LRU batch only neighbours in their LRU's old sublist are taken, as InnoDB does.
     */
    void pickNeighbors(FlushBatch b, boolean lru, int limit) {
        int mode = flushNeighbors;
        int own = b.pickedCount;
        limit = Math.min(limit, maxBatch);
        for (int k = 0; k < own && b.pickedCount < limit && !b.isFull(); k++) {
            long id = b.picked[k].pageId;
            int space = PageId.spaceId(id);
            int pageNo = PageId.pageNo(id);
            long low = pageNo - Integer.remainderUnsigned(pageNo, EXTENT_PAGES);
            long high = low + EXTENT_PAGES;
            if (mode == 2) {
                for (long p = low; p < high && b.pickedCount < limit && !b.isFull(); p++) {
                    if (p != pageNo) {
                        pickNeighbor(b, PageId.of(space, (int) p), lru);
                    }
                }
            } else {
                for (long p = pageNo - 1L; p >= low && b.pickedCount < limit && !b.isFull(); p--) {
                    if (!pickNeighbor(b, PageId.of(space, (int) p), lru)) {
                        break;
                    }
                }
                for (long p = pageNo + 1L; p < high && b.pickedCount < limit && !b.isFull(); p++) {
                    if (!pickNeighbor(b, PageId.of(space, (int) p), lru)) {
                        break;
                    }
                }
            }
        }
        b.neighbors += b.pickedCount - own;
    }

    /** Picks page {@code id} if it is cached, dirty and unfixed; returns whether it is (or was) picked. */
    private boolean pickNeighbor(FlushBatch b, long id, boolean lru) {
        BufferFrame f = isDropping(id) ? null : instanceOf(id).fixIfFlushable(id, lru);
        if (f == null) {
            return false;
        }
        if (b.contains(f)) {
            f.unfix();
        } else {
            b.pick(f);
        }
        return true;
    }

    /**
     * Writes the picked pages of {@code b} as one batch and marks them clean. The first page is
     * latched shared waiting if need be (so a mini-transaction's exclusive latch cannot starve the
     * flush); the others only if their latch is free at once, so the flusher never waits for a page
     * while holding another (a mini-transaction may hold one exclusively and wait for the next). A
     * page another flusher is writing is skipped, as InnoDB skips io-fixed pages: it is clean once
     * that write ends. A page skipped stays dirty for the next round. The picked pages stay fixed
     * (the caller unfixes).
     */
    int writePicked(FlushBatch b, FlushKind kind) {
        int n = 0;
        long newest = 0;
        // The store may have narrowed the buffer's limit to the last batch's pages: the absolute
        // puts below check against the limit.
        b.images.clear();
        try {
            for (int i = 0; i < b.pickedCount; i++) {
                BufferFrame f = b.picked[i];
                long stamp = i == 0 ? f.latch.readLock() : f.latch.tryReadLock();
                if (stamp == 0) {
                    continue;
                }
                if (!f.startWrite()) {
                    f.latch.unlockRead(stamp); // another flusher writes it now
                    continue;
                }
                if (f.oldestModification == 0) { // read after the claim: see flushLatched
                    f.endWrite();
                    f.latch.unlockRead(stamp);
                    continue;
                }
                b.latched[n] = f;
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
                b.latched[i].instance.pendingWrites.incrementAndGet(kind.ordinal());
            }
            try {
                store.writePages(b.ids, b.images, n, pageSize);
            } finally {
                for (int i = 0; i < n; i++) {
                    b.latched[i].instance.pendingWrites.decrementAndGet(kind.ordinal());
                }
            }
            for (int i = 0; i < n; i++) {
                markClean(b.latched[i]);
            }
            writtenByKind[kind.ordinal()].add(n);
            return n;
        } finally {
            for (int i = 0; i < n; i++) {
                BufferFrame f = b.latched[i];
                f.endWrite();
                f.latch.unlockRead(b.stamps[i]);
                b.latched[i] = null;
            }
        }
    }

    /** Unfixes and forgets the picked pages of {@code b}. */
    void unfixPicked(FlushBatch b) {
        for (int i = 0; i < b.pickedCount; i++) {
            b.picked[i].unfix();
            b.picked[i] = null;
        }
        b.pickedCount = 0;
        flusherUnfixed();
    }

    /**
     * Tablespaces being dropped or truncated ({@link #discardSpace}): flushers pick none of their
     * pages, and tell the dropping thread when they let go of one they had fixed.
     */
    private final java.util.Set<Integer> droppingSpaces = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Whether page {@code pageId}'s tablespace is being dropped (flushers leave its pages alone). */
    boolean isDropping(long pageId) {
        return !droppingSpaces.isEmpty() && droppingSpaces.contains(PageId.spaceId(pageId));
    }

    /** A flusher unfixed pages: wakes a {@link #discardSpace} waiting for them, if any. */
    void flusherUnfixed() {
        if (!droppingSpaces.isEmpty()) {
            for (BufferPoolInstance inst : instances) {
                inst.signalUnfixed();
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

    /**
     * Drops every cached page of a tablespace without writing it (the file is being deleted or
     * truncated). Requires: no session has one of its pages fixed. A flusher may have some fixed
     * for a write in progress: flushers stop picking the space's pages at once, and this waits for
     * the ones they hold.
     */
    public void discardSpace(int spaceId) {
        droppingSpaces.add(spaceId);
        try {
            for (BufferPoolInstance inst : instances) {
                inst.discardSpace(spaceId);
            }
        } finally {
            droppingSpaces.remove(spaceId);
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

    /** The global {@code innodb_lru_scan_depth}: the page cleaner's LRU batch depth. */
    public int lruScanDepth() {
        return lruScanDepth;
    }

    /** {@code innodb_flush_neighbors}: 0 off, 1 contiguous dirty neighbours, 2 the whole extent. */
    public void setFlushNeighbors(int mode) {
        if (mode < 0 || mode > 2) {
            throw new IllegalArgumentException("innodb_flush_neighbors must be 0, 1 or 2: " + mode);
        }
        this.flushNeighbors = mode;
    }

    public int flushNeighbors() {
        return flushNeighbors;
    }

    /**
     * Sets what runs when a thread finds no free frame and no clean page near the LRU tail and so
     * writes a page itself (a single-page flush): the page cleaner wakes for an LRU batch. It runs
     * with no buffer pool mutex held; it must not block.
     */
    public void setFreeShortageListener(Runnable listener) {
        this.freeShortageListener = listener == null ? () -> { } : listener;
    }

    void freeShortage() {
        freeShortageListener.run();
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

    /**
     * Pages on instance {@code i}'s flush list whose oldest modification is at most {@code lsn}
     * (adaptive flushing's count of old pages). Walks the list from its tail under its mutex.
     */
    public long dirtyPagesAtOrBelow(int i, long lsn) {
        return instances[i].dirtyPagesAtOrBelow(lsn);
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
