package io.flushdb.storage.mtr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.btree.FieldSpec;
import io.flushdb.storage.btree.OverflowStore;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.ColumnType.Encoding;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.recovery.RedoApplier;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.SeededRandom;
import io.flushdb.storage.testing.StorageHarness;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MTR2: applying the redo records a workload wrote to the pages' earlier images reproduces the
 * pages exactly. Every page change therefore goes through a logged mini-transaction call.
 */
class RedoReplayTest {
    private record Group(long endLsn, ByteBuffer records) {
    }

    @Test
    void replayingRedoOntoEarlierImagesReproducesEveryPage() {
        int pageSize = 4096;
        SeededRandom rnd = new SeededRandom();
        StorageHarness h = new StorageHarness(pageSize, 64);
        FieldSpec key = new FieldSpec(Encoding.INT, 8, false, false, null, false, 0);
        FieldSpec val = new FieldSpec(Encoding.BYTES, -1, false, true, null, true, 0);
        RecordLayout layout = new RecordLayout(new FieldSpec[] {key, val}, 1);
        int root;
        try (MiniTransaction mtr = h.mtrs.start()) {
            root = BTree.create(mtr, StorageHarness.SPACE, 9);
            mtr.commit();
        }
        BTree tree = new BTree("replay", h.mtrs, StorageHarness.SPACE, root, 9, layout, 1);

        // Earlier images: everything on disk, nothing cached.
        h.pool.flushAll();
        Map<Long, ByteBuffer> images = new HashMap<>();
        int sizeBefore = spaceSize(h);
        for (int p = 0; p < sizeBefore; p++) {
            ByteBuffer img = ByteBuffer.allocate(pageSize);
            h.spaces.readPage(PageId.of(StorageHarness.SPACE, p), img);
            images.put(PageId.of(StorageHarness.SPACE, p), img);
        }
        List<Group> groups = new ArrayList<>();
        h.redo.setSink((start, end, records) -> {
            ByteBuffer copy = ByteBuffer.allocate(records.remaining());
            copy.put(records.duplicate()).flip();
            groups.add(new Group(end, copy));
        });

        ByteBuffer buf = ByteBuffer.allocate(pageSize);
        for (int i = 0; i < 6000; i++) {
            long k = rnd.nextInt(2000);
            byte[] v = new byte[rnd.nextInt(rnd.nextInt(10) == 0 ? 1500 : 80)];
            rnd.nextBytes(v);
            buf.clear();
            int len = layout.encode(new Object[] {k, v}, 2, buf, 0);
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    try {
                        tree.insert(buf, len);
                    } catch (DuplicateKeyException ignored) {
                        // part of the workload
                    }
                }
                case 1 -> tree.update(buf, len, null);
                default -> tree.delete(buf, layout, null);
            }
        }
        byte[] blob = new byte[50_000];
        rnd.nextBytes(blob);
        OverflowStore.free(h.mtrs, StorageHarness.SPACE, OverflowStore.write(h.mtrs, StorageHarness.SPACE, blob));
        h.redo.setSink(null);
        assertTrue(groups.size() > 1000, "mini-transactions logged: " + groups.size());

        for (Group g : groups) {
            RedoApplier.apply(g.records, g.endLsn, pageSize,
                    id -> images.computeIfAbsent(id, x -> ByteBuffer.allocate(pageSize)));
        }
        int sizeAfter = spaceSize(h);
        for (int p = 0; p < sizeAfter; p++) {
            long id = PageId.of(StorageHarness.SPACE, p);
            BufferFrame f = h.pool.getPage(id, LatchMode.SHARED);
            try {
                ByteBuffer live = f.page();
                ByteBuffer replayed = images.get(id);
                for (int i = 4; i < PageHeader.trailerOffset(pageSize); i++) {
                    if (live.get(i) != replayed.get(i)) {
                        throw new AssertionError("page " + p + " differs at byte " + i + " after replay " + rnd);
                    }
                }
            } finally {
                h.pool.release(f, LatchMode.SHARED);
            }
        }
        assertEquals(0, h.abandoned.get() == null ? 0 : 1);
    }

    private static int spaceSize(StorageHarness h) {
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, 0), LatchMode.SHARED);
        try {
            return PageAllocator.size(f);
        } finally {
            h.pool.release(f, LatchMode.SHARED);
        }
    }
}
