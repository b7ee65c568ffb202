package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import java.nio.ByteBuffer;

/**
 * The pages from the root to a leaf that a changing operation holds exclusively, with the slot of
 * the node pointer followed at each internal level, and a scratch buffer per level for building
 * node pointer records during splits. Reused by one tree's writer (under the tree's exclusive
 * latch), so descending allocates nothing.
 */
final class Path {
    private BufferFrame[] frames = new BufferFrame[8];
    private int[] slots = new int[8];
    private ByteBuffer[] scratch = new ByteBuffer[8];
    private int size;
    private final int pageSize;

    Path(int pageSize) {
        this.pageSize = pageSize;
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            frames[i] = null;
        }
        size = 0;
    }

    void push(BufferFrame f, int slot) {
        grow(size + 1);
        frames[size] = f;
        slots[size] = slot;
        size++;
    }

    /** Inserts a level just below the root (after a root raise). */
    void insertBelowRoot(BufferFrame f, int slot) {
        grow(size + 1);
        System.arraycopy(frames, 1, frames, 2, size - 1);
        System.arraycopy(slots, 1, slots, 2, size - 1);
        frames[1] = f;
        slots[1] = slot;
        size++;
    }

    private void grow(int n) {
        if (n > frames.length) {
            frames = java.util.Arrays.copyOf(frames, n * 2);
            slots = java.util.Arrays.copyOf(slots, n * 2);
            scratch = java.util.Arrays.copyOf(scratch, n * 2);
        }
    }

    int size() {
        return size;
    }

    BufferFrame frame(int d) {
        return frames[d];
    }

    int slot(int d) {
        return slots[d];
    }

    void setSlot(int d, int slot) {
        slots[d] = slot;
    }

    /** A scratch buffer for depth {@code d}, cleared. */
    ByteBuffer scratch(int d) {
        grow(d + 1);
        ByteBuffer b = scratch[d];
        if (b == null) {
            b = ByteBuffer.allocate(pageSize);
            scratch[d] = b;
        }
        b.clear();
        return b;
    }
}
