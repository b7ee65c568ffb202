package io.flushdb.storage.buffer;

import java.util.Arrays;

/**
 * The page hash of one buffer pool instance: page id → frame index, open addressing with linear
 * probing and backward-shift deletion, sized at creation for the instance's frames so it never
 * grows and never allocates.
 *
 * <p>Concurrency: none; guarded by the instance mutex.
 */
final class PageHash {
    private static final long EMPTY = -1L;
    private final long[] keys;
    private final int[] values;
    private final int mask;
    private int size;

    PageHash(int frames) {
        int capacity = Integer.highestOneBit(Math.max(4, frames * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        Arrays.fill(keys, EMPTY);
    }

    private int slot(long pageId) {
        long h = pageId * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }

    /** The frame index holding {@code pageId}, or -1. */
    int get(long pageId) {
        for (int i = slot(pageId); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == pageId) {
                return values[i];
            }
            if (k == EMPTY) {
                return -1;
            }
        }
    }

    void put(long pageId, int frame) {
        for (int i = slot(pageId); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == EMPTY) {
                keys[i] = pageId;
                values[i] = frame;
                size++;
                return;
            }
            if (k == pageId) {
                throw new IllegalStateException("page already hashed: " + pageId);
            }
        }
    }

    void remove(long pageId) {
        int i = slot(pageId);
        while (keys[i] != pageId) {
            if (keys[i] == EMPTY) {
                throw new IllegalStateException("page not hashed: " + pageId);
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = i;
        for (int j = (hole + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
        size--;
    }

    int size() {
        return size;
    }
}
