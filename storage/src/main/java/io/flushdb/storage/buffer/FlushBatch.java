package io.flushdb.storage.buffer;

import java.nio.ByteBuffer;

/**
 * The scratch space of one flushing thread: up to {@link BufferPool#BATCH} pages picked for one
 * write (fixed by the picker), their copied images and latch stamps, and the counts of the last
 * {@link BufferPool#flushLru} or {@link BufferPool#flushList} call. A page cleaner thread keeps
 * one for its life, so a flush allocates nothing; it is not thread-safe.
 */
public final class FlushBatch {
    final ByteBuffer images;
    final long[] ids = new long[BufferPool.BATCH];
    final long[] stamps = new long[BufferPool.BATCH];
    /** Pages whose write this batch owns, latched shared, in write order. */
    final BufferFrame[] latched = new BufferFrame[BufferPool.BATCH];
    /** Pages picked for the next write, fixed by the picker. */
    final BufferFrame[] picked = new BufferFrame[BufferPool.BATCH];
    int pickedCount;

    /** Pages the last call evicted to the free list (LRU flushing). */
    int evicted;
    /** LRU or flush-list pages the last call looked at. */
    int scanned;
    /** Of the pages the last call wrote, those written as neighbours of another. */
    int neighbors;

    public FlushBatch(int pageSize) {
        images = ByteBuffer.allocateDirect(BufferPool.BATCH * pageSize);
    }

    /** Pages the last call evicted from the LRU tail to the free list. */
    public int evicted() {
        return evicted;
    }

    /** Pages the last call scanned. */
    public int scanned() {
        return scanned;
    }

    /** Pages the last call wrote as neighbours ({@code innodb_flush_neighbors}). */
    public int neighbors() {
        return neighbors;
    }

    boolean isFull() {
        return pickedCount == picked.length;
    }

    /** Whether {@code f} is already picked (a neighbour may also be a flush-list page). */
    boolean contains(BufferFrame f) {
        for (int i = 0; i < pickedCount; i++) {
            if (picked[i] == f) {
                return true;
            }
        }
        return false;
    }

    void pick(BufferFrame f) {
        picked[pickedCount++] = f;
    }

    void resetCounts() {
        evicted = 0;
        scanned = 0;
        neighbors = 0;
    }
}
