package io.flushdb.storage.mtr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.StorageHarness;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MiniTransactionTest {
    @Test
    void overlappingMovesBehaveAsMemmoveInBothDirections() {
        for (boolean direct : new boolean[] {true, false}) {
            ByteBuffer p = direct ? ByteBuffer.allocateDirect(64) : ByteBuffer.allocate(64);
            byte[] expected = new byte[64];
            for (int i = 0; i < 64; i++) {
                p.put(i, (byte) i);
                expected[i] = (byte) i;
            }
            MiniTransaction.applyMove(p, 10, 14, 20);
            System.arraycopy(expected.clone(), 10, expected, 14, 20);
            MiniTransaction.applyMove(p, 30, 25, 20);
            System.arraycopy(expected.clone(), 30, expected, 25, 20);
            byte[] got = new byte[64];
            p.get(0, got);
            assertArrayEquals(expected, got, direct ? "direct" : "heap");
        }
    }

    @Test
    void commitStampsTheEndLsnAndPutsTheFirstChangeOnTheFlushList() {
        StorageHarness h = new StorageHarness(4096, 64);
        int pageNo;
        long end1;
        try (MiniTransaction mtr = h.mtrs.start()) {
            BufferFrame f = PageAllocator.allocate(mtr, StorageHarness.SPACE, PageType.INDEX);
            pageNo = f.pageNo();
            mtr.writeInt(f, PageHeader.BODY, 1);
            end1 = mtr.commit();
        }
        long start2 = h.redo.currentLsn();
        long end2;
        try (MiniTransaction mtr = h.mtrs.start()) {
            BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, pageNo), LatchMode.EXCLUSIVE);
            mtr.writeInt(f, PageHeader.BODY, 2);
            end2 = mtr.commit();
        }
        assertTrue(end2 > start2 && start2 >= end1);
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, pageNo), LatchMode.SHARED);
        try {
            assertEquals(end2, PageHeader.lsn(f.page()), "page LSN is the newest change's end LSN");
            assertEquals(end2, f.newestModification());
            assertTrue(f.oldestModification() < end1, "oldest modification stays at the first change");
        } finally {
            h.pool.release(f, LatchMode.SHARED);
        }
    }

    @Test
    void abandoningAMiniTransactionWithChangesIsReported() {
        StorageHarness h = new StorageHarness(4096, 64);
        try (MiniTransaction mtr = h.mtrs.start()) {
            BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, 0), LatchMode.EXCLUSIVE);
            mtr.writeInt(f, PageHeader.BODY + 100, 7);
            // no commit
        }
        assertNotNull(h.abandoned.get());
    }

    @Test
    void changingAPageLatchedSharedIsRefused() {
        StorageHarness h = new StorageHarness(4096, 64);
        try (MiniTransaction mtr = h.mtrs.start()) {
            BufferFrame f = mtr.getPage(PageId.of(StorageHarness.SPACE, 0), LatchMode.SHARED);
            assertThrows(IllegalStateException.class, () -> mtr.writeInt(f, PageHeader.BODY + 100, 7));
            mtr.commit();
        }
    }
}
