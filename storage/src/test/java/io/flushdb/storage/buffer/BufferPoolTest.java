package io.flushdb.storage.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.StorageHarness;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class BufferPoolTest {
    private static final int PAGE = 4096;
    private static final int BODY = PageHeader.BODY;

    /** Creates {@code n} pages whose body holds their own page number. */
    static int[] createPages(StorageHarness h, int n) {
        int[] pages = new int[n];
        for (int i = 0; i < n; i++) {
            try (MiniTransaction mtr = h.mtrs.start()) {
                BufferFrame f = PageAllocator.allocate(mtr, StorageHarness.SPACE, PageType.INDEX);
                mtr.writeInt(f, BODY, f.pageNo() * 7 + 1);
                pages[i] = f.pageNo();
                mtr.commit();
            }
        }
        return pages;
    }

    private static int readBody(StorageHarness h, int pageNo) {
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, pageNo), LatchMode.SHARED);
        try {
            return f.page().getInt(BODY);
        } finally {
            h.pool.release(f, LatchMode.SHARED);
        }
    }

    @Test
    void pagesEvictedDirtyAreWrittenAndReadBackIntact() {
        StorageHarness h = new StorageHarness(PAGE, 64);
        int[] pages = createPages(h, 500); // far more than the pool holds
        for (int p : pages) {
            assertEquals(p * 7 + 1, readBody(h, p), "page " + p);
        }
        BufferPoolStats s = h.pool.totals();
        assertTrue(s.pagesWritten() >= 500 - 64, "dirty victims were written: " + s);
        assertTrue(s.pagesRead() >= 500 - 64, "evicted pages were read back: " + s);
        assertTrue(s.waitFree() > 0, "without a page cleaner, the foreground flushed: " + s);
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void flushAllLeavesNoDirtyPageAndOnDiskImagesVerify() {
        StorageHarness h = new StorageHarness(PAGE, 256);
        int[] pages = createPages(h, 100);
        assertTrue(h.pool.totals().modifiedPages() > 0);
        h.pool.flushAll();
        assertEquals(0, h.pool.totals().modifiedPages());
        assertEquals(0, h.pool.oldestModification());
        FileIO f = h.spaces.get(StorageHarness.SPACE).file();
        ByteBuffer img = ByteBuffer.allocate(PAGE);
        for (int p : pages) {
            img.clear();
            f.read((long) p * PAGE, img);
            io.flushdb.storage.page.PageChecksum.verify(img, PAGE, StorageHarness.SPACE, p);
            assertEquals(p * 7 + 1, img.getInt(BODY));
        }
    }

    @Test
    void flushListStaysOrderedByOldestModification() {
        StorageHarness h = new StorageHarness(PAGE, 128);
        int[] pages = createPages(h, 60);
        // Re-dirty pages in a scrambled order: the flush list keeps first-modification order.
        for (int i = pages.length - 1; i >= 0; i -= 3) {
            try (MiniTransaction mtr = h.mtrs.start()) {
                BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, pages[i]), LatchMode.EXCLUSIVE);
                mtr.writeInt(f, BODY + 4, i);
                mtr.commit();
            }
        }
        assertTrue(h.pool.checkInvariants());
        h.pool.flushAll();
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void aScanDoesNotPushOutHotPages() {
        StorageHarness h = new StorageHarness(PAGE, 400);
        int[] pages = createPages(h, 1200);
        h.pool.flushAll();
        h.pool.discardSpace(StorageHarness.SPACE); // start from an empty pool
        // Fill the pool with pages read once, so the list is long enough to have an old sublist.
        for (int i = 600; i < 1000; i++) {
            readBody(h, pages[i]);
        }
        // The hot set enters at the midpoint and is made young by a second access after
        // innodb_old_blocks_time.
        int[] hot = java.util.Arrays.copyOf(pages, 50);
        for (int p : hot) {
            readBody(h, p);
        }
        h.clock.advanceMillis(2000);
        long youngBefore = h.pool.totals().madeYoung();
        for (int p : hot) {
            readBody(h, p);
        }
        assertEquals(50, h.pool.totals().madeYoung() - youngBefore, "the hot set was made young");
        long readsBefore = h.pool.totals().pagesRead();
        // A one-pass scan over more pages than the pool holds: each page is touched twice in quick
        // succession, as a scan does, which must not make it young.
        for (int i = 50; i < 600; i++) {
            readBody(h, pages[i]);
            readBody(h, pages[i]);
        }
        assertEquals(550, h.pool.totals().pagesRead() - readsBefore);
        assertEquals(50, h.pool.totals().madeYoung() - youngBefore, "the scan made nothing young");
        long afterScan = h.pool.totals().pagesRead();
        for (int p : hot) {
            readBody(h, p);
        }
        assertEquals(0, h.pool.totals().pagesRead() - afterScan, "hot pages survived the scan in the young sublist");
        assertTrue(h.pool.totals().notMadeYoung() >= 550);
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void corruptPageIsReportedWithItsAddressAndOtherPagesStayReadable() {
        StorageHarness h = new StorageHarness(PAGE, 64);
        int[] pages = createPages(h, 200);
        h.pool.flushAll();
        h.pool.discardSpace(StorageHarness.SPACE); // nothing cached: the next read goes to the file
        int victim = pages[5];
        FileIO f = h.spaces.get(StorageHarness.SPACE).file();
        ByteBuffer one = ByteBuffer.allocate(1);
        one.put(0, (byte) 0x5A);
        f.write((long) victim * PAGE + 2000, one);
        CorruptPageException e = assertThrows(CorruptPageException.class, () -> readBody(h, victim));
        assertEquals(StorageHarness.SPACE, e.spaceId());
        assertEquals(victim, e.pageNo());
        assertTrue(e.getMessage().contains("page " + victim), e.getMessage());
        assertEquals(pages[6] * 7 + 1, readBody(h, pages[6]));
        assertThrows(CorruptPageException.class, () -> readBody(h, victim), "still reported on retry");
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void concurrentReadersAndWritersKeepThePoolConsistent() throws Exception {
        StorageHarness h = new StorageHarness(new io.flushdb.storage.io.MemoryFileStore("c"), PAGE, 160, 2);
        int[] pages = createPages(h, 300);
        int threads = 4;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
        java.util.List<Thread> ts = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicLong increments = new java.util.concurrent.atomic.AtomicLong();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                    java.util.Random r = new java.util.Random(id);
                    for (int i = 0; i < 5000; i++) {
                        int p = pages[r.nextInt(pages.length)];
                        if (r.nextInt(4) == 0) {
                            try (MiniTransaction mtr = h.mtrs.start()) {
                                BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, p), LatchMode.EXCLUSIVE);
                                int v = f.page().getInt(BODY + 8);
                                mtr.writeInt(f, BODY + 8, v + 1);
                                mtr.commit();
                                increments.incrementAndGet();
                            }
                        } else {
                            assertEquals(p * 7 + 1, readBody(h, p));
                        }
                    }
                } catch (Throwable e) {
                    error.compareAndSet(null, e);
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        assertTrue(h.pool.checkInvariants());
        long total = 0;
        for (int p : pages) {
            BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, p), LatchMode.SHARED);
            total += f.page().getInt(BODY + 8);
            h.pool.release(f, LatchMode.SHARED);
        }
        assertEquals(increments.get(), total, "no increment lost: exclusive latches serialise writers");
    }

    /**
     * When every frame within innodb_lru_scan_depth of the LRU tail is fixed, a clean page
     * farther up the list is evicted. (Once, a clean page there was "flushed" instead: a no-op,
     * after which the search began again and never ended.)
     */
    @Test
    void aCleanPageBeyondTheScanDepthIsEvictedWhenNearerFramesAreFixed() {
        StorageHarness h = new StorageHarness(PAGE, 64);
        h.pool.setLruScanDepth(8);
        int[] pages = createPages(h, 100); // more than the pool holds: no frame is free
        h.pool.flushAll(); // and every page is clean
        BufferPoolInstance inst = h.pool.instance(0);
        int head = inst.lru.head();
        java.util.List<Long> toFix = new java.util.ArrayList<>();
        java.util.Set<Long> cached = new java.util.HashSet<>();
        for (int i = inst.lru.tail(); i != -1; i = inst.lru.prev(i)) {
            cached.add(inst.frames[i].pageId());
            if (i != head) {
                toFix.add(inst.frames[i].pageId());
            }
        }
        java.util.List<BufferFrame> held = new java.util.ArrayList<>();
        for (long id : toFix) {
            held.add(h.pool.getPage(id, LatchMode.SHARED));
        }
        try {
            int uncached = java.util.Arrays.stream(pages)
                    .filter(p -> !cached.contains(PageId.of(StorageHarness.SPACE, p))).findFirst().orElseThrow();
            int body = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> readBody(h, uncached), "the free-frame search must end");
            assertEquals(uncached * 7 + 1, body);
        } finally {
            for (BufferFrame f : held) {
                h.pool.release(f, LatchMode.SHARED);
            }
        }
        assertTrue(h.pool.checkInvariants());
    }

    /**
     * Flush-list batches through the doublewrite file across two instances: one instance's last,
     * short batch, then the next instance's full one in the same flush. (The doublewrite store
     * narrows the batch buffer's limit to the pages it wrote; the next batch must still fill all
     * its slots.)
     */
    @Test
    void aFullBatchAfterAShortOneWritesEveryPageThroughTheDoublewriteFile() {
        io.flushdb.storage.io.MemoryFileStore files = new io.flushdb.storage.io.MemoryFileStore("dblwr");
        io.flushdb.storage.space.TablespaceRegistry spaces = new io.flushdb.storage.space.TablespaceRegistry(files, PAGE);
        Doublewrite dw = new Doublewrite(files, PAGE, spaces, spaces::force);
        PageStore store = new PageStore() {
            @Override
            public void readPage(long pageId, ByteBuffer dst) {
                spaces.readPage(pageId, dst);
            }

            @Override
            public void writePage(long pageId, ByteBuffer src) {
                dw.writeSingle(pageId, src);
            }

            @Override
            public void writePages(long[] ids, ByteBuffer images, int n, int pageSize) {
                dw.writeBatch(ids, images, n);
            }
        };
        BufferPool pool = new BufferPool(new BufferPoolConfig(1024L * PAGE, 2, PAGE, 37, 1000, 1024), store,
                new io.flushdb.storage.testing.ManualClock(), lsn -> { });
        io.flushdb.storage.mtr.MtrContext mtrs = new io.flushdb.storage.mtr.MtrContext(pool,
                new io.flushdb.storage.log.RedoLog(1), () -> { });
        spaces.open(StorageHarness.SPACE, "space1.ibd", true);
        int[] pages = new int[3 * BufferPool.BATCH];
        try (MiniTransaction mtr = mtrs.start()) {
            PageAllocator.initSpace(mtr, StorageHarness.SPACE);
            mtr.commit();
        }
        for (int i = 0; i < pages.length; i++) {
            try (MiniTransaction mtr = mtrs.start()) {
                BufferFrame f = PageAllocator.allocate(mtr, StorageHarness.SPACE, PageType.INDEX);
                mtr.writeInt(f, BODY, i);
                pages[i] = f.pageNo();
                mtr.commit();
            }
        }
        assertTrue(pool.stats(0).modifiedPages() % BufferPool.BATCH != 0, "instance 0 ends on a short batch");
        assertTrue(pool.stats(1).modifiedPages() >= BufferPool.BATCH, "instance 1 has a full batch");
        assertEquals(pages.length + 1, pool.flushAll(), "every page and page 0");
        assertEquals(0, pool.oldestModification());
        ByteBuffer img = ByteBuffer.allocate(PAGE);
        for (int i = 0; i < pages.length; i++) {
            spaces.readPage(PageId.of(StorageHarness.SPACE, pages[i]), img);
            assertEquals(i, img.getInt(BODY), "page " + pages[i] + " on disk");
        }
    }
}
