package io.flushdb.storage.btree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.ColumnType.Encoding;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.SeededRandom;
import io.flushdb.storage.testing.StorageHarness;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BTreeTest {
    private static final FieldSpec KEY = new FieldSpec(Encoding.INT, 8, false, false, null, false, 0);
    private static final FieldSpec VALUE = new FieldSpec(Encoding.BYTES, -1, false, true, null, true, 0);
    private static final RecordLayout LAYOUT = new RecordLayout(new FieldSpec[] {KEY, VALUE}, 1);

    static BTree newTree(StorageHarness h, RecordLayout layout, int unique) {
        int root;
        try (MiniTransaction mtr = h.mtrs.start()) {
            root = BTree.create(mtr, StorageHarness.SPACE, 42);
            mtr.commit();
        }
        return new BTree("t.PRIMARY", h.mtrs, StorageHarness.SPACE, root, 42, layout, unique);
    }

    private static int encode(ByteBuffer buf, long key, byte[] value) {
        buf.clear();
        return LAYOUT.encode(new Object[] {key, value}, 2, buf, 0);
    }

    private static byte[] value(SeededRandom rnd, int maxLen, long key) {
        byte[] v = new byte[rnd.nextInt(maxLen + 1)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (byte) (key * 31 + i);
        }
        return v;
    }

    private static Map<Long, byte[]> scanAll(BTree tree) {
        Map<Long, byte[]> out = new TreeMap<>();
        BTreeCursor c = tree.cursor();
        c.seekFirst();
        long prev = Long.MIN_VALUE;
        while (c.next()) {
            Object[] f = LAYOUT.decodeFields(c.buffer(), c.record(), 2);
            long k = (Long) f[0];
            assertTrue(k > prev, "scan order");
            prev = k;
            out.put(k, (byte[]) f[1]);
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {4096, 16384})
    void randomInsertsDeletesAndUpdatesAgreeWithAModel(int pageSize) {
        SeededRandom rnd = new SeededRandom();
        StorageHarness h = new StorageHarness(pageSize, 128);
        BTree tree = newTree(h, LAYOUT, 1);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        ByteBuffer buf = ByteBuffer.allocate(pageSize);
        int maxValue = IndexPage.maxRecordSize(pageSize) - 40;
        for (int i = 0; i < 20_000; i++) {
            long k = rnd.nextInt(3000);
            int op = rnd.nextInt(10);
            if (op < 5) {
                byte[] v = value(rnd, rnd.nextInt(8) == 0 ? maxValue : 60, k);
                int len = encode(buf, k, v);
                if (model.containsKey(k)) {
                    assertThrows(DuplicateKeyException.class, () -> tree.insert(buf, len), rnd.toString());
                } else {
                    tree.insert(buf, len);
                    model.put(k, v);
                }
            } else if (op < 8) {
                encode(buf, k, null);
                assertEquals(model.remove(k) != null, tree.delete(buf, LAYOUT, null), rnd.toString());
            } else {
                byte[] v = value(rnd, rnd.nextInt(4) == 0 ? maxValue : 100, k);
                int len = encode(buf, k, v);
                assertEquals(model.containsKey(k), tree.update(buf, len, null), rnd.toString());
                if (model.containsKey(k)) {
                    model.put(k, v);
                }
            }
            if (i % 2000 == 0) {
                BTreeChecker.Report r = BTreeChecker.check(tree);
                assertEquals(model.size(), r.leafRecords(), rnd.toString());
            }
        }
        BTreeChecker.Report r = BTreeChecker.check(tree);
        assertEquals(model.size(), r.leafRecords(), rnd.toString());
        assertTrue(r.levels() >= 2, "the workload built a multi-level tree");
        Map<Long, byte[]> scanned = scanAll(tree);
        assertEquals(model.keySet(), scanned.keySet(), rnd.toString());
        for (Map.Entry<Long, byte[]> e : model.entrySet()) {
            assertArrayEquals(e.getValue(), scanned.get(e.getKey()), "value of " + e.getKey() + " " + rnd);
        }
        for (long k = 0; k < 3000; k += 7) {
            encode(buf, k, null);
            long key = k;
            boolean found = tree.find(buf, LAYOUT, 1, (p, rec) -> assertEquals(key, (long) (Long) LAYOUT.decodeFields(p, rec, 1)[0]));
            assertEquals(model.containsKey(k), found);
        }
        ByteBuffer last = ByteBuffer.allocate(pageSize);
        assertEquals(!model.isEmpty(), tree.readLast(last));
        if (!model.isEmpty()) {
            assertEquals(model.lastKey(), LAYOUT.decodeFields(last, 0, 1)[0]);
        }
        assertTrue(h.pool.checkInvariants());
    }

    @Test
    void ascendingInsertsFillLeavesAlmostCompletely() {
        StorageHarness h = new StorageHarness(16384, 512);
        BTree tree = newTree(h, LAYOUT, 1);
        ByteBuffer buf = ByteBuffer.allocate(16384);
        int n = 50_000;
        long bytes = 0;
        for (long k = 0; k < n; k++) {
            int len = encode(buf, k, new byte[20]);
            bytes += len + 2;
            tree.insert(buf, len);
        }
        BTreeChecker.Report r = BTreeChecker.check(tree);
        assertEquals(n, r.leafRecords());
        int leaves = r.pagesPerLevel()[r.pagesPerLevel().length - 1];
        double fill = (double) bytes / ((long) leaves * IndexPage.usable(16384));
        assertTrue(fill > 0.95, "leaf fill factor " + fill + " over " + leaves + " leaves");
    }

    @Test
    void emptiedPagesAreFreedAndReused() {
        StorageHarness h = new StorageHarness(4096, 256);
        BTree tree = newTree(h, LAYOUT, 1);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (long k = 0; k < 5000; k++) {
            tree.insert(buf, encode(buf, k, new byte[100]));
        }
        int sizeAfterFill = spaceSize(h);
        BTreeChecker.Report full = BTreeChecker.check(tree);
        assertTrue(full.levels() >= 2, "levels " + full.levels());
        for (long k = 0; k < 5000; k++) {
            encode(buf, k, null);
            assertTrue(tree.delete(buf, LAYOUT, null), "delete " + k);
        }
        BTreeChecker.Report empty = BTreeChecker.check(tree);
        assertEquals(0, empty.leafRecords());
        assertEquals(1, empty.totalPages(), "only the root remains");
        assertTrue(freeCount(h) >= full.totalPages() - 1, "freed pages are on the free list");
        for (long k = 0; k < 5000; k++) {
            tree.insert(buf, encode(buf, k * 3, new byte[100]));
        }
        assertEquals(sizeAfterFill, spaceSize(h), "refilling reused freed pages instead of growing the file");
        assertEquals(5000, BTreeChecker.check(tree).leafRecords());
    }

    private static int spaceSize(StorageHarness h) {
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, 0), LatchMode.SHARED);
        try {
            return PageAllocator.size(f);
        } finally {
            h.pool.release(f, LatchMode.SHARED);
        }
    }

    private static int freeCount(StorageHarness h) {
        BufferFrame f = h.pool.getPage(PageId.of(StorageHarness.SPACE, 0), LatchMode.SHARED);
        try {
            return PageAllocator.freeCount(f);
        } finally {
            h.pool.release(f, LatchMode.SHARED);
        }
    }

    @Test
    void duplicateKeyLeavesTheTreeUnchanged() {
        StorageHarness h = new StorageHarness(4096, 64);
        BTree tree = newTree(h, LAYOUT, 1);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        tree.insert(buf, encode(buf, 7, new byte[] {1}));
        int len = encode(buf, 7, new byte[] {2});
        DuplicateKeyException e = assertThrows(DuplicateKeyException.class, () -> tree.insert(buf, len));
        assertEquals(7L, e.keyValues()[0]);
        assertArrayEquals(new byte[] {1}, scanAll(tree).get(7L));
        assertEquals(1, BTreeChecker.check(tree).leafRecords());
    }

    @Test
    void uniqueSecondaryIndexSeesEqualPrefixesAcrossLeavesAndAllowsNulls() {
        FieldSpec sec = new FieldSpec(Encoding.INT, 4, false, true, null, false, 0);
        FieldSpec pk = new FieldSpec(Encoding.INT, 8, false, false, null, false, 0);
        RecordLayout layout = new RecordLayout(new FieldSpec[] {sec, pk}, 2);
        StorageHarness h = new StorageHarness(4096, 64);
        BTree tree = newTree(h, layout, 1);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        // Many entries so that (500, pk) pairs land at leaf boundaries for some pk.
        for (int i = 0; i < 3000; i++) {
            buf.clear();
            tree.insert(buf, layout.encode(new Object[] {i, (long) i * 10}, 2, buf, 0));
        }
        for (int i = 0; i < 3000; i += 97) {
            int v = i;
            buf.clear();
            int lenAfter = layout.encode(new Object[] {v, (long) i * 10 + 5}, 2, buf, 0);
            assertThrows(DuplicateKeyException.class, () -> tree.insert(buf, lenAfter), "after " + v);
            buf.clear();
            int lenBefore = layout.encode(new Object[] {v, (long) i * 10 - 5}, 2, buf, 0);
            assertThrows(DuplicateKeyException.class, () -> tree.insert(buf, lenBefore), "before " + v);
        }
        for (long pkv = 0; pkv < 50; pkv++) {
            buf.clear();
            tree.insert(buf, layout.encode(new Object[] {null, 100_000 + pkv}, 2, buf, 0));
        }
        assertEquals(3050, BTreeChecker.check(tree).leafRecords());
    }

    @Test
    void cursorRangeAndBoundsAreExact() {
        StorageHarness h = new StorageHarness(4096, 64);
        BTree tree = newTree(h, LAYOUT, 1);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (long k = 0; k < 2000; k += 2) {
            tree.insert(buf, encode(buf, k, new byte[30]));
        }
        ByteBuffer lo = ByteBuffer.allocate(64);
        ByteBuffer hi = ByteBuffer.allocate(64);
        LAYOUT.prefix(1).encode(new Object[] {100L}, 1, lo, 0);
        LAYOUT.prefix(1).encode(new Object[] {200L}, 1, hi, 0);
        assertEquals(51, count(tree, lo, true, hi, true));
        assertEquals(50, count(tree, lo, false, hi, true));
        assertEquals(49, count(tree, lo, false, hi, false));
        lo.clear();
        LAYOUT.prefix(1).encode(new Object[] {101L}, 1, lo, 0);
        assertEquals(50, count(tree, lo, true, hi, true));
    }

    private static int count(BTree tree, ByteBuffer lo, boolean loInc, ByteBuffer hi, boolean hiInc) {
        BTreeCursor c = tree.cursor();
        c.setUpperBound(hi, LAYOUT.prefix(1), 1, hiInc);
        c.seek(lo, LAYOUT.prefix(1), 1, loInc);
        int n = 0;
        while (c.next()) {
            n++;
        }
        return n;
    }

    @Test
    void cursorSurvivesSplitsAndFreesBetweenCalls() {
        SeededRandom rnd = new SeededRandom();
        StorageHarness h = new StorageHarness(4096, 128);
        BTree tree = newTree(h, LAYOUT, 1);
        ByteBuffer buf = ByteBuffer.allocate(4096);
        for (long k = 0; k < 4000; k += 4) {
            tree.insert(buf, encode(buf, k, new byte[50]));
        }
        BTreeCursor c = tree.cursor();
        c.seekFirst();
        long prev = -1;
        int seen = 0;
        java.util.Set<Long> deleted = new java.util.HashSet<>();
        while (c.next()) {
            long k = (Long) LAYOUT.decodeFields(c.buffer(), c.record(), 1)[0];
            assertTrue(k > prev, "strictly increasing: " + k + " after " + prev + " " + rnd);
            prev = k;
            if (k % 4 == 0) {
                assertFalse(deleted.contains(k), "returned a key deleted before its leaf was read " + rnd);
                seen++;
            }
            // Between calls: insert keys ahead (splits), and delete whole ranges well ahead, beyond
            // the leaf already copied (frees pages). New keys stay below the original range's end:
            // keys inserted ahead without a bound could keep the scan going forever.
            if (rnd.nextInt(10) == 0) {
                for (int i = 0; i < 40; i++) {
                    long nk = k + 1 + rnd.nextInt(400);
                    if (nk % 4 != 0 && nk < 4000) {
                        int len = encode(buf, nk, new byte[50]);
                        try {
                            tree.insert(buf, len);
                        } catch (DuplicateKeyException ignored) {
                            // already inserted by an earlier round
                        }
                    }
                }
            }
            if (rnd.nextInt(50) == 0) {
                for (long d = k + 1000; d < k + 1300; d++) {
                    encode(buf, d, null);
                    if (tree.delete(buf, LAYOUT, null) && d % 4 == 0) {
                        deleted.add(d);
                    }
                }
            }
        }
        assertEquals(1000 - deleted.size(), seen, "every original key not deleted was returned once " + rnd);
        BTreeChecker.check(tree);
    }

    @Test
    void overflowChainsHoldMegabytesAndAreFreed() {
        StorageHarness h = new StorageHarness(16384, 128);
        byte[] big = new byte[3 << 20];
        new SeededRandom(7).nextBytes(big);
        int before = freeCount(h);
        ExternalRef ref = OverflowStore.write(h.mtrs, StorageHarness.SPACE, big);
        assertEquals(big.length, ref.length());
        assertArrayEquals(big, OverflowStore.read(h.pool, StorageHarness.SPACE, ref));
        int pages = OverflowStore.pages(h.pool, StorageHarness.SPACE, ref).length;
        assertEquals((big.length + OverflowStore.capacity(16384) - 1) / OverflowStore.capacity(16384), pages);
        OverflowStore.free(h.mtrs, StorageHarness.SPACE, ref);
        assertEquals(before + pages, freeCount(h));
        int sizeBefore = spaceSize(h);
        ExternalRef again = OverflowStore.write(h.mtrs, StorageHarness.SPACE, big);
        assertEquals(sizeBefore, spaceSize(h), "the second chain reused the freed pages");
        assertArrayEquals(big, OverflowStore.read(h.pool, StorageHarness.SPACE, again));
    }
}
