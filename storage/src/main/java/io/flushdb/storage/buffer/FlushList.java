package io.flushdb.storage.buffer;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;

/**
 * The flush list of one buffer pool instance: every dirty page, ordered by
 * {@code oldestModification}, newest at the head, oldest at the tail. Flushing takes pages from the
 * tail, so the oldest modification in the pool is always at a tail, and the LSN up to which every
 * change is on disk (the checkpoint candidate) is the minimum over the instances' tails.
 *
 * <p>Invariants:
 * <ul>
 *   <li>FL1: a frame is on the list exactly when its {@code oldestModification} is not 0.</li>
 *   <li>FL2: {@code oldestModification} does not increase from head to tail. Insertion keeps it so
 *       because pages are added at the head only by mini-transaction commit, in LSN order (the
 *       redo log's flush-order mutex is held while adding).</li>
 * </ul>
 *
 * <p>Concurrency: every method requires the list's own mutex ({@link #lock}), at level
 * {@link LatchLevel#FLUSH_LIST}.
 */
final class FlushList {
    final OrderedLock lock;
    private final BufferFrame[] frames;
    private int head = -1;
    private int tail = -1;
    private int length;

    FlushList(BufferFrame[] frames, int instance) {
        this.frames = frames;
        this.lock = new OrderedLock(LatchLevel.FLUSH_LIST, "flush_list[" + instance + "]");
    }

    /** Adds a page made dirty by a commit at {@code lsn}. Requires: {@link #lock}. */
    void addHead(BufferFrame f, long lsn) {
        assert lock.isHeldByCurrentThread();
        assert f.oldestModification == 0;
        // FL2: commits add in LSN order, so the head is never older than its successor.
        assert head == -1 || frames[head].oldestModification <= lsn : "FL2 at insertion";
        f.oldestModification = lsn;
        f.flushPrev = -1;
        f.flushNext = head;
        if (head != -1) {
            frames[head].flushPrev = f.index;
        } else {
            tail = f.index;
        }
        head = f.index;
        length++;
    }

    /** Removes a page that has been written (or discarded). Requires: {@link #lock}. */
    void remove(BufferFrame f) {
        assert lock.isHeldByCurrentThread();
        assert f.oldestModification != 0;
        if (f.flushPrev != -1) {
            frames[f.flushPrev].flushNext = f.flushNext;
        } else {
            head = f.flushNext;
        }
        if (f.flushNext != -1) {
            frames[f.flushNext].flushPrev = f.flushPrev;
        } else {
            tail = f.flushPrev;
        }
        f.flushPrev = f.flushNext = -1;
        f.oldestModification = 0;
        length--;
    }

    int tail() {
        return tail;
    }

    /** The frame nearer the head (newer) than {@code frame}, or -1. */
    int prev(int frame) {
        return frames[frame].flushPrev;
    }

    int length() {
        return length;
    }

    /** Oldest modification in this list, or 0 when it is empty. Requires: {@link #lock}. */
    long oldestModification() {
        return tail == -1 ? 0 : frames[tail].oldestModification;
    }

    /** Verifies FL1 and FL2 for the listed frames; returns true for use in {@code assert}. */
    boolean checkInvariants() {
        assert lock.isHeldByCurrentThread();
        int n = 0;
        long newer = Long.MAX_VALUE;
        int prev = -1;
        for (int i = head; i != -1; i = frames[i].flushNext) {
            BufferFrame f = frames[i];
            if (f.flushPrev != prev) {
                throw new AssertionError("flush list: broken prev link at " + f);
            }
            if (f.oldestModification == 0) {
                throw new AssertionError("FL1: clean page on the flush list " + f);
            }
            if (f.oldestModification > newer) {
                throw new AssertionError("FL2: flush list out of order at " + f + ": " + f.oldestModification + " > " + newer);
            }
            newer = f.oldestModification;
            prev = i;
            if (++n > frames.length) {
                throw new AssertionError("flush list: cycle");
            }
        }
        if (n != length || prev != tail) {
            throw new AssertionError("flush list: length " + length + " but counted " + n);
        }
        return true;
    }
}
