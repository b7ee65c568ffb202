package io.flushdb.storage.buffer;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.page.PageChecksum;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The doublewrite buffer ({@code innodb_doublewrite}): a page is written to its place in a data
 * file only after a copy of it is durable in {@code #ib_<page size>_0.dblwr}, so a page torn by a
 * crash during its in-place write can be restored from the copy at recovery (redo records apply
 * to whole pages only; they cannot repair a torn one).
 *
 * <p>Layout: {@link #BATCH_SLOTS} page slots for flush batches, then {@link #SINGLE_SLOTS} for
 * single-page flushes (the foreground flush that frees a frame), each area with its own mutex, so
 * a single-page flush never waits behind a batch. A batch: copies written to the batch area in one
 * write, the file forced, the pages written in place, the data files touched forced; only then can
 * the area be reused (DW1: a slot is overwritten only after the in-place write of the copy it held
 * is durable). At recovery, {@link #restore} puts back every page whose in-place image fails its
 * checksum from the newest valid copy of it.
 *
 * <p>Concurrency: the batch and single areas each have a mutex at level
 * {@link LatchLevel#DOUBLEWRITE}, held during the area's I/O; nothing is acquired under them.
 */
public final class Doublewrite {
    /** Slots of the batch area: the largest batch a flush hands over at once. */
    public static final int BATCH_SLOTS = 64;
    /** Slots of the single-page area. */
    public static final int SINGLE_SLOTS = 1;

    /** Forces the data file of a tablespace. */
    @FunctionalInterface
    public interface SpaceForcer {
        void force(int spaceId);
    }

    private final FileIO file;
    private final int pageSize;
    private final PageStore target;
    private final SpaceForcer forcer;
    private final OrderedLock batchMutex = new OrderedLock(LatchLevel.DOUBLEWRITE, "dblwr_batch");
    private final OrderedLock singleMutex = new OrderedLock(LatchLevel.DOUBLEWRITE, "dblwr_single");
    private final int[] touched = new int[BATCH_SLOTS];
    private final int[] singleSpace = new int[1];
    private final java.util.concurrent.atomic.LongAdder pagesWritten = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder writes = new java.util.concurrent.atomic.LongAdder();
    private final long[] singleId = new long[1];

    public Doublewrite(FileStore store, int pageSize, PageStore target, SpaceForcer forcer) {
        this.file = store.open(fileName(pageSize), true);
        this.pageSize = pageSize;
        this.target = target;
        this.forcer = forcer;
    }

    /** The doublewrite file's name for a page size, as InnoDB names it. */
    public static String fileName(int pageSize) {
        return "#ib_" + pageSize + "_0.dblwr";
    }

    /**
     * Writes {@code n} stamped page images ({@code images}, page {@code i} at
     * {@code i * pageSize}) of pages {@code ids}: copies first, then in place, both forced.
     */
    public void writeBatch(long[] ids, ByteBuffer images, int n) {
        if (n > BATCH_SLOTS) {
            throw new IllegalArgumentException("batch of " + n + " pages exceeds " + BATCH_SLOTS);
        }
        batchMutex.lock();
        try {
            writeThrough(0, ids, images, n);
        } finally {
            batchMutex.unlock();
        }
    }

    /** Writes one stamped page image through the single-page area. */
    public void writeSingle(long id, ByteBuffer image) {
        singleMutex.lock();
        try {
            singleId[0] = id;
            writeThrough(BATCH_SLOTS, singleId, image, 1);
        } finally {
            singleMutex.unlock();
        }
    }

    private void writeThrough(int firstSlot, long[] ids, ByteBuffer images, int n) {
        images.limit(n * pageSize).position(0);
        file.write((long) firstSlot * pageSize, images);
        file.force();
        int spaces = 0;
        int[] seen = firstSlot == 0 ? touched : singleSpace;
        for (int i = 0; i < n; i++) {
            ByteBuffer page = images.duplicate();
            page.limit((i + 1) * pageSize).position(i * pageSize);
            target.writePage(ids[i], page.slice());
            int space = PageId.spaceId(ids[i]);
            boolean known = false;
            for (int s = 0; s < spaces; s++) {
                known |= seen[s] == space;
            }
            if (!known) {
                seen[spaces++] = space;
            }
        }
        for (int s = 0; s < spaces; s++) {
            forcer.force(seen[s]);
        }
        pagesWritten.add(n);
        writes.increment();
    }

    /** Pages written through the doublewrite file ({@code Innodb_dblwr_pages_written}). */
    public long pagesWritten() {
        return pagesWritten.sum();
    }

    /** Doublewrite batches written ({@code Innodb_dblwr_writes}). */
    public long writes() {
        return writes.sum();
    }

    /**
     * Recovery: for every valid copy in the file whose page's in-place image fails its checks,
     * writes the copy in place (the newest copy when a page has several). Returns the pages
     * restored; {@code restored} hears each one's space id for forcing.
     *
     * @param exists tells whether a space is open (copies of dropped spaces are ignored)
     */
    public int restore(PageStore spaces, java.util.function.IntPredicate exists, IntConsumer restored) {
        int slots = BATCH_SLOTS + SINGLE_SLOTS;
        Map<Long, ByteBuffer> newest = new HashMap<>();
        ByteBuffer copy = ByteBuffer.allocate(pageSize);
        for (int s = 0; s < slots; s++) {
            copy.clear();
            file.read((long) s * pageSize, copy);
            copy.clear();
            if (PageHeader.isAllZero(copy, pageSize)) {
                continue;
            }
            int space = copy.getInt(PageHeader.OFFSET_SPACE_ID);
            int pageNo = copy.getInt(PageHeader.OFFSET_PAGE_NO);
            try {
                PageChecksum.verify(copy, pageSize, space, pageNo);
            } catch (CorruptPageException e) {
                continue; // a copy torn while being written: its page was not touched in place
            }
            long id = PageId.of(space, pageNo);
            ByteBuffer prev = newest.get(id);
            if (prev == null || PageHeader.lsn(prev) < PageHeader.lsn(copy)) {
                ByteBuffer keep = ByteBuffer.allocate(pageSize);
                keep.put(0, copy, 0, pageSize);
                newest.put(id, keep);
            }
        }
        int count = 0;
        ByteBuffer current = ByteBuffer.allocate(pageSize);
        for (Map.Entry<Long, ByteBuffer> e : newest.entrySet()) {
            long id = e.getKey();
            int space = PageId.spaceId(id);
            if (!exists.test(space)) {
                continue;
            }
            current.clear();
            spaces.readPage(id, current);
            boolean intact;
            try {
                PageChecksum.verify(current, pageSize, space, PageId.pageNo(id));
                intact = true;
            } catch (CorruptPageException torn) {
                intact = false;
            }
            if (!intact) {
                ByteBuffer img = e.getValue();
                img.clear();
                spaces.writePage(id, img);
                restored.accept(space);
                count++;
            }
        }
        return count;
    }

    public void close() {
        file.close();
    }
}
