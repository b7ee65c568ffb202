package io.flushdb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.testing.StorageHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The page cleaner's two kinds of work on one instance: flush-list and LRU flushing. */
class BufferPoolFlushTest {
    private static final int PAGE = 4096;
    private static final int BODY = PageHeader.BODY;

    private static int[] createPages(StorageHarness h, int n) {
        return BufferPoolTest.createPages(h, n);
    }

    private static void touch(StorageHarness h, int pageNo, int value) {
        try (MiniTransaction mtr = h.mtrs.start()) {
            BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, pageNo), LatchMode.EXCLUSIVE);
            mtr.writeInt(f, BODY + 4, value);
            mtr.commit();
        }
    }

    private static BufferFrame peek(StorageHarness h, int pageNo) {
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, pageNo), LatchMode.SHARED);
        h.pool.release(f, LatchMode.SHARED);
        return f;
    }

    @Test
    void flushListWritesTheOldestPagesFirstWithinItsBudgetAndBelowItsLimit() {
        StorageHarness h = new StorageHarness(PAGE, 256);
        int[] pages = createPages(h, 40);
        h.pool.flushAll();
        for (int i = 0; i < pages.length; i++) {
            touch(h, pages[i], i); // dirtied in this order: pages[0] is the oldest
        }
        FlushBatch b = new FlushBatch(PAGE);
        assertEquals(10, h.pool.flushList(0, 10, Long.MAX_VALUE, b));
        for (int i = 0; i < 40; i++) {
            assertEquals(i >= 10, peek(h, pages[i]).isDirty(), "page #" + i + ": the ten oldest were written");
        }
        long limit = peek(h, pages[25]).oldestModification();
        assertEquals(15, h.pool.flushList(0, Long.MAX_VALUE, limit, b), "pages 10..24 are below the limit");
        assertTrue(peek(h, pages[25]).isDirty());
        assertEquals(limit, h.pool.oldestModification());
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void lruFlushingFreesCleanTailPagesAndWritesThenFreesDirtyOnes() {
        StorageHarness h = new StorageHarness(PAGE, 64);
        int[] pages = createPages(h, 200); // the pool is full; its pages are a mix of clean and dirty
        BufferPoolInstance inst = h.pool.instance(0);
        assertEquals(0, inst.freeCount());
        long dirtyBefore = h.pool.totals().modifiedPages();
        assertTrue(dirtyBefore > 0);
        FlushBatch b = new FlushBatch(PAGE);
        int written = h.pool.flushLru(0, 16, b);
        assertTrue(b.scanned() <= 16, "no deeper than the scan depth: " + b.scanned());
        assertEquals(b.evicted(), inst.freeCount(), "every evicted frame is on the free list");
        assertTrue(b.evicted() >= written && b.evicted() > 0, "written pages are freed too: " + b.evicted());
        assertEquals(written, h.pool.pagesWritten(FlushKind.LRU));
        assertEquals(0, h.pool.flushLru(0, inst.freeCount(), b), "a free list as long as the depth: nothing to do");
        assertEquals(0, b.evicted());
        h.pool.flushLru(0, 64, b); // a depth as large as the instance
        assertEquals(32, inst.lruLength(), "LRU flushing leaves half a small instance cached (BUF_LRU_MIN_LEN)");
        assertTrue(h.pool.checkInvariants());
        for (int p : pages) {
            BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, p), LatchMode.SHARED);
            try {
                assertEquals(p * 7 + 1, f.page().getInt(BODY), "page " + p + " survived its eviction");
            } finally {
                h.pool.release(f, LatchMode.SHARED);
            }
        }
    }

    /** Pages 0..n of one extent dirty except {@code gap}; the oldest is {@code pages[0]}. */
    private static int[] extentWithAGap(StorageHarness h, int gap) {
        int[] pages = createPages(h, 20);
        h.pool.flushAll();
        for (int i = 0; i < pages.length; i++) {
            if (i != gap) {
                touch(h, pages[i], i);
            }
        }
        assertEquals(pages[0] + pages.length - 1, pages[pages.length - 1], "one contiguous run of pages");
        assertEquals(pages[0] / BufferPool.EXTENT_PAGES, pages[pages.length - 1] / BufferPool.EXTENT_PAGES,
                "in one extent");
        return pages;
    }

    @Test
    void flushNeighborsWritesTheContiguousRunOrTheWholeExtent() {
        for (int mode = 0; mode <= 2; mode++) {
            StorageHarness h = new StorageHarness(PAGE, 256);
            h.pool.setFlushNeighbors(mode);
            int[] pages = extentWithAGap(h, 12);
            long limit = peek(h, pages[0]).oldestModification() + 1; // only the oldest page is old enough
            FlushBatch b = new FlushBatch(PAGE);
            int written = h.pool.flushList(0, Long.MAX_VALUE, limit, b);
            int expected = switch (mode) {
                case 0 -> 1;
                case 1 -> 12; // pages 0..11: the run ends at the clean page 12
                default -> 19; // every dirty page of the extent
            };
            assertEquals(expected, written, "innodb_flush_neighbors=" + mode);
            assertEquals(expected - 1, b.neighbors(), "innodb_flush_neighbors=" + mode);
            assertTrue(h.pool.checkInvariants());
        }
    }

    /**
     * Several flushers working on the same pages at once (two cleaner threads' batches, neighbours
     * reaching into the same extent, a foreground single-page flush) never write a page twice or
     * take it off its flush list twice: the write claim lets one of them have it. FlushList.remove
     * asserts the page is dirty, so a second removal fails the test under -ea.
     */
    @Test
    void concurrentFlushersNeverWriteOnePageTwice() throws Exception {
        StorageHarness h = new StorageHarness(new io.flushdb.storage.io.MemoryFileStore("c"), PAGE, 400, 2);
        h.pool.setFlushNeighbors(2);
        int[] pages = createPages(h, 300);
        AtomicReference<Throwable> error = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                java.util.Random r = new java.util.Random(1);
                for (int i = 0; i < 20_000; i++) {
                    touch(h, pages[r.nextInt(pages.length)], i);
                }
            } catch (Throwable e) {
                error.compareAndSet(null, e);
            } finally {
                done.set(true);
            }
        });
        threads.add(writer);
        for (int t = 0; t < 3; t++) {
            int id = t;
            threads.add(new Thread(() -> {
                FlushBatch b = new FlushBatch(PAGE);
                try {
                    while (!done.get()) {
                        h.pool.flushList(id % 2, 50, Long.MAX_VALUE, b);
                        h.pool.flushLru(1 - id % 2, 100, b);
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        assertTrue(h.pool.checkInvariants());
        long byKind = 0;
        for (FlushKind k : FlushKind.values()) {
            byKind += h.pool.pagesWritten(k);
        }
        assertEquals(h.pool.totals().pagesWritten(), byKind, "each write counted once, by one flusher");
        h.pool.flushAll();
        assertEquals(0, h.pool.totals().modifiedPages());
    }

    /**
     * DROP and TRUNCATE discard a tablespace's pages while the page cleaner may hold some fixed for
     * a write: the discard waits for them (it used to throw halfway, leaving some instances
     * discarded), and no flusher picks a page of the space meanwhile.
     */
    @Test
    void discardingASpaceWaitsForAFlusherToLetGoOfItsPages() throws Exception {
        StorageHarness h = new StorageHarness(PAGE, 256);
        createPages(h, 10);
        FlushBatch held = new FlushBatch(PAGE);
        h.pool.instance(0).pickFlushList(Long.MAX_VALUE, 3, held); // a flusher's batch, not yet written
        assertEquals(3, held.pickedCount);
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread dropper = new Thread(() -> {
            try {
                h.pool.discardSpace(StorageHarness.SPACE);
            } catch (Throwable e) {
                error.set(e);
            }
        });
        dropper.start();
        dropper.join(300);
        assertTrue(dropper.isAlive(), "the discard waits for the flusher's pages");
        assertEquals(0, h.pool.flushList(0, Long.MAX_VALUE, Long.MAX_VALUE, new FlushBatch(PAGE)),
                "no page of a space being dropped is picked");
        h.pool.unfixPicked(held);
        dropper.join(10_000);
        assertTrue(!dropper.isAlive());
        assertEquals(null, error.get());
        assertEquals(0, h.pool.totals().modifiedPages());
        assertEquals(0, h.pool.totals().databasePages(), "every page of the space left the pool");
        assertTrue(h.pool.checkInvariants());
    }
}
