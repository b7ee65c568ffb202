package io.flushdb.storage.buffer;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.page.PageChecksum;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;

/**
 * One buffer pool instance: a fixed set of frames in one off-heap arena, with its page hash, free
 * list, LRU list and flush list.
 *
 * <p>Getting a page: look it up in the page hash; on a miss take a frame from the free list, else
 * evict a clean, unfixed page from the LRU tail (scanning at most {@code innodb_lru_scan_depth}
 * frames), else write a dirty page from the LRU tail in the foreground and evict it (a
 * <em>single-page flush</em>, counted as {@code Innodb_buffer_pool_wait_free}). The page is then
 * read into the frame while the reader holds the frame's latch exclusively, so a second thread
 * asking for the same page waits on the latch rather than reading it twice.
 *
 * <p>Concurrency: {@link #mutex} (level {@link LatchLevel#BUFFER_POOL}) guards the page hash, the
 * free list, the LRU list and the frames' states; the flush list has its own mutex
 * ({@link LatchLevel#FLUSH_LIST}), taken after this one when both are needed. No I/O happens
 * under either mutex. Statistics fields are written under the mutex and read racily by the status
 * report (values may be slightly stale).
 */
final class BufferPoolInstance {
    final int id;
    final BufferPool pool;
    final OrderedLock mutex;
    /** Signalled when a flusher unfixes pages while a tablespace is being dropped. */
    private final java.util.concurrent.locks.Condition unfixed;
    final BufferFrame[] frames;
    private final PageHash hash;
    private final FreeList free;
    final LruList lru;
    final FlushList flushList;
    private final int pageSize;

    /**
     * LRU flushing leaves at least this many pages cached (InnoDB's BUF_LRU_MIN_LEN, 256; half the
     * instance when that is smaller): a scan depth as large as the instance must not empty it.
     */
    private final int lruMinLength;

    /** Evictions so far: the age measure for re-making young pages young (InnoDB's freed_page_clock). */
    private long freedPageClock;

    // Statistics, guarded by the mutex (read racily).
    long readRequests;
    long pagesRead;
    long pagesCreated;
    long pagesWritten;
    long pagesMadeYoung;
    long pagesNotMadeYoung;
    long waitFree;
    long pagesEvicted;
    /** Reads in progress: incremented under the mutex when a read starts, decremented when it ends. */
    final java.util.concurrent.atomic.AtomicInteger pendingReads = new java.util.concurrent.atomic.AtomicInteger();
    /** Page writes in progress, by {@link FlushKind} ordinal (written by {@link BufferPool#flushPage}). */
    final java.util.concurrent.atomic.AtomicIntegerArray pendingWrites =
            new java.util.concurrent.atomic.AtomicIntegerArray(FlushKind.values().length);

    /** The largest direct buffer frames are carved from. */
    private static final int ARENA_BYTES = 1 << 30;

    BufferPoolInstance(BufferPool pool, int id, int frameCount, int pageSize) {
        this.pool = pool;
        this.id = id;
        this.pageSize = pageSize;
        this.mutex = new OrderedLock(LatchLevel.BUFFER_POOL, "buf_pool[" + id + "]");
        this.unfixed = mutex.newCondition();
        frames = new BufferFrame[frameCount];
        lruMinLength = Math.min(256, frameCount / 2);
        free = new FreeList(frameCount);
        // Frames are slices of direct buffers of at most ARENA_BYTES each (a buffer's size is an
        // int, and one huge allocation is harder to place than several).
        int framesPerArena = Math.max(1, ARENA_BYTES / pageSize);
        ByteBuffer arena = null;
        for (int i = 0; i < frameCount; i++) {
            int slot = i % framesPerArena;
            if (slot == 0) {
                arena = ByteBuffer.allocateDirect(Math.min(framesPerArena, frameCount - i) * pageSize);
            }
            frames[i] = new BufferFrame(this, i, arena.slice(slot * pageSize, pageSize));
        }
        for (int i = frameCount - 1; i >= 0; i--) {
            free.push(i);
        }
        hash = new PageHash(frameCount);
        lru = new LruList(frames);
        flushList = new FlushList(frames, id);
    }

    /**
     * Fixes page {@code pageId} in this instance and latches it in {@code mode}, reading it from its
     * file if it is not cached. With {@code create}, the page is not read: the frame is zeroed for
     * the caller to initialise (mode must be exclusive).
     */
    BufferFrame getPage(long pageId, LatchMode mode, boolean create) {
        assert !create || mode == LatchMode.EXCLUSIVE;
        while (true) {
            BufferFrame f;
            boolean allocated = false;
            mutex.lock();
            try {
                readRequests++;
                int idx = hash.get(pageId);
                if (idx < 0) {
                    f = allocateFrame(pageId, create);
                    if (f == null) {
                        continue; // another thread cached the page while the mutex was released
                    }
                    allocated = true;
                } else {
                    f = frames[idx];
                    f.fix();
                    touch(f);
                }
            } finally {
                mutex.unlock();
            }
            if (allocated) {
                // We hold the new frame's latch exclusively: read the page, or hand out a zeroed one.
                if (create) {
                    zero(f);
                    return f;
                }
                return completeRead(f, pageId, mode);
            }
            latch(f, mode);
            if (f.pageId != pageId || f.state != BufferFrame.State.FILE_PAGE) {
                // The read we waited for failed (only a failed read frees a fixed frame). The last
                // thread to let go of the frame returns it to the free list.
                unlatch(f, mode);
                mutex.lock();
                try {
                    f.unfix();
                    if (f.state == BufferFrame.State.FREE && f.fixCount() == 0) {
                        free.push(f.index);
                    }
                } finally {
                    mutex.unlock();
                }
                continue;
            }
            if (create) {
                zero(f);
            }
            return f;
        }
    }

    /**
     * Requires: the mutex. Takes a frame for {@code pageId}, enters it into the page hash and the
     * LRU midpoint, fixed and exclusively latched. Returns null when the mutex had to be released
     * and the page appeared meanwhile.
     */
    private BufferFrame allocateFrame(long pageId, boolean create) {
        BufferFrame f = takeFreeFrame(pageId);
        if (f == null) {
            return null;
        }
        long stamp = f.latch.tryWriteLock();
        if (stamp == 0) {
            throw new IllegalStateException("free frame is latched: " + f);
        }
        f.pageId = pageId;
        f.state = create ? BufferFrame.State.FILE_PAGE : BufferFrame.State.READING;
        f.fix();
        f.firstAccessMillis = pool.clock.millis();
        f.freedClockWhenYoung = freedPageClock;
        hash.put(pageId, f.index);
        lru.addMidpoint(f);
        if (create) {
            pagesCreated++;
        } else {
            pagesRead++;
            pendingReads.incrementAndGet();
        }
        return f;
    }

    private BufferFrame completeRead(BufferFrame f, long pageId, LatchMode mode) {
        ByteBuffer page = f.page();
        try {
            pool.store.readPage(pageId, page);
            PageChecksum.verify(page, pageSize, PageId.spaceId(pageId), PageId.pageNo(pageId));
        } catch (RuntimeException e) {
            pendingReads.decrementAndGet();
            mutex.lock();
            try {
                hash.remove(pageId);
                lru.remove(f);
                f.state = BufferFrame.State.FREE;
                f.pageId = -1;
                f.latch.tryUnlockWrite();
                f.unfix();
                if (f.fixCount() == 0) {
                    free.push(f.index);
                } // else threads waiting for this read see the failure and the last one frees it
            } finally {
                mutex.unlock();
            }
            throw e;
        }
        pendingReads.decrementAndGet();
        f.newestModification = PageHeader.lsn(page);
        f.state = BufferFrame.State.FILE_PAGE;
        if (mode == LatchMode.SHARED) {
            f.latch.tryUnlockWrite();
            f.latch.readLock();
        }
        return f;
    }

    private void zero(BufferFrame f) {
        ByteBuffer p = f.page();
        for (int i = 0; i < pageSize; i += 8) {
            p.putLong(i, 0);
        }
        f.bumpModifyClock();
    }

    /**
     * Requires: the mutex. A frame off the free list, or a clean page evicted from the LRU tail, or
     * (after a foreground single-page flush, with the mutex released and re-taken) null so the
     * caller re-checks the page hash.
     */
    private BufferFrame takeFreeFrame(long pageId) {
        while (true) {
            int idx = free.pop();
            if (idx >= 0) {
                return frames[idx];
            }
            BufferFrame victim = scanLruForClean(pool.scanDepth());
            if (victim != null) {
                evict(victim);
                return victim;
            }
            BufferFrame dirty = nearestUnfixed();
            if (dirty == null) {
                throw new BufferPoolExhaustedException("buffer pool instance " + id + " has no free page: all "
                        + frames.length + " frames are fixed (innodb_buffer_pool_size too small for the workload)");
            }
            if (dirty.oldestModification == 0) {
                evict(dirty); // clean, but beyond the scan depth: every frame nearer the tail is fixed
                return dirty;
            }
            waitFree++;
            dirty.fix();
            // Latched before the mutex is released: an unfixed frame is unlatched, so this cannot
            // fail or wait; once released, another thread could fix and latch the victim and then
            // wait for a page this thread holds. (The one place a page latch is taken under the
            // mutex: a try-lock, which cannot deadlock.)
            long stamp = dirty.latch.tryReadLock();
            long victimId = dirty.pageId;
            mutex.unlock();
            try {
                pool.freeShortage();
                if (stamp != 0) {
                    pool.flushLatched(dirty, stamp, FlushKind.SINGLE_PAGE);
                }
            } finally {
                dirty.unfix();
                mutex.lock();
                if (pool.isDropping(victimId)) {
                    unfixed.signalAll();
                }
            }
            if (hash.get(pageId) >= 0) {
                return null;
            }
        }
    }

    /** Requires: the mutex. An unfixed clean page within {@code depth} frames of the LRU tail. */
    private BufferFrame scanLruForClean(int depth) {
        int scanned = 0;
        for (int i = lru.tail(); i != -1 && scanned < depth; i = lru.prev(i), scanned++) {
            BufferFrame f = frames[i];
            // An unfixed frame cannot be latched or changed, so its oldestModification is stable.
            if (f.fixCount() == 0 && f.oldestModification == 0 && f.state == BufferFrame.State.FILE_PAGE) {
                return f;
            }
        }
        return null;
    }

    /** Requires: the mutex. The unfixed page (clean or dirty) nearest the LRU tail, at any depth. */
    private BufferFrame nearestUnfixed() {
        for (int i = lru.tail(); i != -1; i = lru.prev(i)) {
            BufferFrame f = frames[i];
            if (f.fixCount() == 0 && f.state == BufferFrame.State.FILE_PAGE) {
                return f;
            }
        }
        return null;
    }

    /** Requires: the mutex; the frame clean and unfixed. */
    private void evict(BufferFrame f) {
        hash.remove(f.pageId);
        lru.remove(f);
        f.state = BufferFrame.State.FREE;
        f.pageId = -1;
        freedPageClock++;
        pagesEvicted++;
    }

    /** Requires: the mutex. Makes an old page young if it was first accessed long enough ago. */
    private void touch(BufferFrame f) {
        if (f.old) {
            if (pool.clock.millis() - f.firstAccessMillis >= pool.oldBlocksTimeMs) {
                lru.makeYoung(f);
                f.freedClockWhenYoung = freedPageClock;
                pagesMadeYoung++;
            } else {
                pagesNotMadeYoung++;
            }
        } else if (freedPageClock - f.freedClockWhenYoung > lru.length() / 4) {
            // Only a young page that has drifted a quarter of the list towards the midpoint is moved
            // back to the head: hot pages stay put and the list is not churned on every access.
            lru.makeYoung(f);
            f.freedClockWhenYoung = freedPageClock;
            pagesMadeYoung++;
        }
    }

    static void latch(BufferFrame f, LatchMode mode) {
        if (mode == LatchMode.SHARED) {
            f.latch.readLock();
        } else {
            f.latch.writeLock();
        }
    }

    static void unlatch(BufferFrame f, LatchMode mode) {
        if (mode == LatchMode.SHARED) {
            f.latch.tryUnlockRead();
        } else {
            f.latch.tryUnlockWrite();
        }
    }

    /**
     * Picks (fixes and adds to {@code b}) up to {@code want} pages from the flush-list tail whose
     * oldest modification is below {@code lsnLimit}, oldest first.
     */
    void pickFlushList(long lsnLimit, int want, FlushBatch b) {
        mutex.lock();
        try {
            flushList.lock.lock();
            try {
                for (int i = flushList.tail(); i != -1 && b.pickedCount < want; i = flushList.prev(i)) {
                    BufferFrame f = frames[i];
                    if (f.oldestModification >= lsnLimit) {
                        break;
                    }
                    b.scanned++;
                    if (pool.isDropping(f.pageId)) {
                        continue;
                    }
                    f.fix();
                    b.pick(f);
                }
            } finally {
                flushList.lock.unlock();
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * The LRU batch (see {@link BufferPool#flushLru}): rounds of one mutex hold each, which evict the
     * clean unfixed pages met and pick up to a batch of dirty unfixed ones; the picked pages are
     * written with the mutex released, then evicted if still clean and unfixed.
     */
    int flushLru(int depth, FlushBatch b) {
        int written = 0;
        while (b.scanned < depth) {
            mutex.lock();
            try {
                int i = lru.tail();
                while (i != -1 && b.scanned < depth && free.size() < depth && lru.length() > lruMinLength
                        && b.pickedCount < pool.maxBatch) {
                    BufferFrame f = frames[i];
                    i = lru.prev(i);
                    b.scanned++;
                    if (f.fixCount() != 0 || f.state != BufferFrame.State.FILE_PAGE || pool.isDropping(f.pageId)) {
                        continue;
                    }
                    if (f.oldestModification == 0) {
                        evictToFree(f);
                        b.evicted++;
                    } else {
                        f.fix();
                        b.pick(f);
                    }
                }
            } finally {
                mutex.unlock();
            }
            if (b.pickedCount == 0) {
                break;
            }
            int own = b.pickedCount;
            try {
                if (pool.flushNeighbors != 0) {
                    pool.pickNeighbors(b, true, pool.maxBatch);
                }
                written += pool.writePicked(b, FlushKind.LRU);
            } finally {
                // Written pages of this instance leave for the free list; neighbours in other
                // instances stay cached (clean) there.
                mutex.lock();
                try {
                    for (int k = 0; k < own; k++) {
                        BufferFrame f = b.picked[k];
                        f.unfix();
                        if (f.fixCount() == 0 && f.oldestModification == 0 && f.state == BufferFrame.State.FILE_PAGE) {
                            evictToFree(f);
                            b.evicted++;
                        }
                        b.picked[k] = null;
                    }
                } finally {
                    mutex.unlock();
                }
                for (int k = own; k < b.pickedCount; k++) {
                    b.picked[k].unfix();
                    b.picked[k] = null;
                }
                b.pickedCount = 0;
                pool.flusherUnfixed();
            }
        }
        return written;
    }

    /** Requires: the mutex; the frame clean, unfixed and holding a page. Evicts it to the free list. */
    private void evictToFree(BufferFrame f) {
        evict(f);
        free.push(f.index);
    }

    /**
     * Fixes and returns page {@code pageId} if it is cached here, dirty, unfixed and (for an LRU
     * batch, {@code oldOnly}) in the old sublist; null otherwise. For neighbour flushing.
     */
    BufferFrame fixIfFlushable(long pageId, boolean oldOnly) {
        mutex.lock();
        try {
            int idx = hash.get(pageId);
            if (idx < 0) {
                return null;
            }
            BufferFrame f = frames[idx];
            if (f.state != BufferFrame.State.FILE_PAGE || f.fixCount() != 0 || f.oldestModification == 0
                    || (oldOnly && !f.old)) {
                return null;
            }
            f.fix();
            return f;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether a page on this instance's flush list has an oldest modification below {@code lsn}. */
    boolean oldestModificationBelow(long lsn) {
        long oldest = oldestModification();
        return oldest != 0 && oldest < lsn;
    }

    /** Flush-list pages whose oldest modification is at most {@code lsn}, counted from the tail. */
    long dirtyPagesAtOrBelow(long lsn) {
        flushList.lock.lock();
        try {
            long n = 0;
            for (int i = flushList.tail(); i != -1 && frames[i].oldestModification <= lsn; i = flushList.prev(i)) {
                n++;
            }
            return n;
        } finally {
            flushList.lock.unlock();
        }
    }

    /**
     * Drops every cached page of tablespace {@code spaceId} without writing it (the file is being
     * deleted or truncated). Requires: no page of the space is fixed.
     */
    void discardSpace(int spaceId) {
        mutex.lock();
        try {
            while (true) {
                boolean fixed = false;
                for (BufferFrame f : frames) {
                    if (f.state != BufferFrame.State.FREE && f.pageId != -1 && f.spaceId() == spaceId
                            && f.fixCount() != 0) {
                        fixed = true;
                        break;
                    }
                }
                if (!fixed) {
                    break;
                }
                // Fixed by a flusher (sessions have none fixed: see BufferPool.discardSpace), which
                // signals once it lets go; it picks no new page of the space meanwhile.
                unfixed.awaitUninterruptibly();
            }
            for (BufferFrame f : frames) {
                if (f.state != BufferFrame.State.FREE && f.spaceId() == spaceId && f.pageId != -1) {
                    flushList.lock.lock();
                    try {
                        if (f.oldestModification != 0) {
                            flushList.remove(f);
                        }
                    } finally {
                        flushList.lock.unlock();
                    }
                    hash.remove(f.pageId);
                    lru.remove(f);
                    f.state = BufferFrame.State.FREE;
                    f.pageId = -1;
                    free.push(f.index);
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Wakes a {@link #discardSpace} waiting for flushers to unfix pages. */
    void signalUnfixed() {
        mutex.lock();
        try {
            unfixed.signalAll();
        } finally {
            mutex.unlock();
        }
    }

    int freeCount() {
        return free.size();
    }

    int lruLength() {
        return lru.length();
    }

    int oldLength() {
        return lru.oldLength();
    }

    int dirtyCount() {
        return flushList.length();
    }

    /** Oldest modification of any dirty page here, or 0. */
    long oldestModification() {
        flushList.lock.lock();
        try {
            return flushList.oldestModification();
        } finally {
            flushList.lock.unlock();
        }
    }

    /**
     * Verifies the instance: every frame is exactly one of free or hashed-and-in-LRU, the page hash
     * agrees with the frames, and the lists keep their invariants. Requires: no concurrent activity
     * changes the pool while it runs (tests call it at quiet points; it takes both mutexes).
     */
    boolean checkInvariants() {
        mutex.lock();
        try {
            lru.checkInvariants();
            int hashed = 0;
            for (BufferFrame f : frames) {
                boolean isFree = free.contains(f.index);
                if (isFree == f.inLru) {
                    throw new AssertionError("frame both free and in LRU, or neither: " + f + " free=" + isFree);
                }
                if (f.inLru) {
                    hashed++;
                    if (hash.get(f.pageId) != f.index) {
                        throw new AssertionError("page hash disagrees with " + f);
                    }
                }
            }
            if (hashed != hash.size()) {
                throw new AssertionError("page hash has " + hash.size() + " entries for " + hashed + " pages");
            }
            flushList.lock.lock();
            try {
                flushList.checkInvariants();
            } finally {
                flushList.lock.unlock();
            }
            return true;
        } finally {
            mutex.unlock();
        }
    }
}
