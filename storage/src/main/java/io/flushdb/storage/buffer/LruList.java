package io.flushdb.storage.buffer;

/**
 * The LRU list of one buffer pool instance, with midpoint insertion.
 *
 * <p>The list runs from the head (young end, most recently made young) to the tail (the next
 * eviction candidates). Its last {@code innodb_old_blocks_pct} percent is the <em>old sublist</em>,
 * starting at {@link #oldHead}. A page read into the pool enters at the head of the old sublist
 * (the midpoint), so a scan that touches each page once pushes out only old pages; a page is moved
 * to the young end ("made young") when it is accessed again after staying old for
 * {@code innodb_old_blocks_time} ms. Lists shorter than {@link #oldMinLength} keep no old sublist.
 *
 * <p>Invariants (checked by {@link #checkInvariants}):
 * <ul>
 *   <li>LRU1: the links are consistent and {@link #length} counts the frames.</li>
 *   <li>LRU2: frames are old exactly from {@link #oldHead} to the tail, and {@link #oldLength}
 *       counts them.</li>
 *   <li>LRU3: with an old sublist, {@code oldLength} is within one of {@code length * pct / 100}.</li>
 * </ul>
 *
 * <p>Concurrency: none; guarded by the instance mutex.
 */
final class LruList {
    private final BufferFrame[] frames;
    private final int oldMinLength;
    private int head = -1;
    private int tail = -1;
    private int oldHead = -1;
    private int length;
    private int oldLength;
    private int oldPct = 37;

    LruList(BufferFrame[] frames) {
        this.frames = frames;
        this.oldMinLength = Math.min(512, Math.max(8, frames.length / 4));
    }

    void setOldPct(int pct) {
        this.oldPct = pct;
        adjustOld();
    }

    int length() {
        return length;
    }

    int oldLength() {
        return oldLength;
    }

    int tail() {
        return tail;
    }

    int head() {
        return head;
    }

    /** The frame nearer the head than {@code frame}, or -1. */
    int prev(int frame) {
        return frames[frame].lruPrev;
    }

    /** Adds a newly read or created page at the midpoint (the young end if there is no old sublist). */
    void addMidpoint(BufferFrame f) {
        assert !f.inLru;
        if (oldHead == -1) {
            addHead(f);
        } else {
            BufferFrame o = frames[oldHead];
            f.lruPrev = o.lruPrev;
            f.lruNext = oldHead;
            if (o.lruPrev != -1) {
                frames[o.lruPrev].lruNext = f.index;
            } else {
                head = f.index;
            }
            o.lruPrev = f.index;
            f.inLru = true;
            f.old = true;
            oldHead = f.index;
            length++;
            oldLength++;
            adjustOld();
        }
    }

    /** Moves a page to the young end. */
    void makeYoung(BufferFrame f) {
        remove(f);
        addHead(f);
    }

    private void addHead(BufferFrame f) {
        f.lruPrev = -1;
        f.lruNext = head;
        if (head != -1) {
            frames[head].lruPrev = f.index;
        } else {
            tail = f.index;
        }
        head = f.index;
        f.inLru = true;
        f.old = false;
        length++;
        adjustOld();
    }

    void remove(BufferFrame f) {
        assert f.inLru;
        if (f.index == oldHead) {
            oldHead = f.lruNext;
        }
        if (f.lruPrev != -1) {
            frames[f.lruPrev].lruNext = f.lruNext;
        } else {
            head = f.lruNext;
        }
        if (f.lruNext != -1) {
            frames[f.lruNext].lruPrev = f.lruPrev;
        } else {
            tail = f.lruPrev;
        }
        f.lruPrev = f.lruNext = -1;
        f.inLru = false;
        if (f.old) {
            oldLength--;
            f.old = false;
        }
        length--;
        adjustOld();
    }

    /** Moves the midpoint so that the old sublist keeps its share of the list (LRU3). */
    private void adjustOld() {
        if (length < oldMinLength) {
            if (oldHead != -1) {
                for (int i = oldHead; i != -1; i = frames[i].lruNext) {
                    frames[i].old = false;
                }
                oldHead = -1;
                oldLength = 0;
            }
            return;
        }
        int target = (int) ((long) length * oldPct / 100);
        if (oldHead == -1) {
            oldHead = tail;
            frames[tail].old = true;
            oldLength = 1;
        }
        while (oldLength < target - 1 && frames[oldHead].lruPrev != -1) {
            oldHead = frames[oldHead].lruPrev;
            frames[oldHead].old = true;
            oldLength++;
        }
        while (oldLength > target + 1 && oldLength > 1) {
            frames[oldHead].old = false;
            oldHead = frames[oldHead].lruNext;
            oldLength--;
        }
    }

    /** Verifies LRU1–LRU3; returns true so it can be called from {@code assert}. */
    boolean checkInvariants() {
        int n = 0;
        int olds = 0;
        boolean inOld = false;
        int prev = -1;
        for (int i = head; i != -1; i = frames[i].lruNext) {
            BufferFrame f = frames[i];
            if (f.lruPrev != prev) {
                throw new AssertionError("LRU1: broken prev link at " + f);
            }
            if (!f.inLru) {
                throw new AssertionError("LRU1: frame in list not marked inLru " + f);
            }
            if (i == oldHead) {
                inOld = true;
            }
            if (f.old != inOld) {
                throw new AssertionError("LRU2: old flag " + f.old + " at " + f + " expected " + inOld);
            }
            if (f.old) {
                olds++;
            }
            prev = i;
            n++;
            if (n > frames.length) {
                throw new AssertionError("LRU1: cycle");
            }
        }
        if (prev != tail || n != length || olds != oldLength) {
            throw new AssertionError("LRU1/2: counts length " + length + "/" + n + " old " + oldLength + "/" + olds);
        }
        if (oldHead != -1) {
            int target = (int) ((long) length * oldPct / 100);
            if (Math.abs(oldLength - target) > 1 && oldLength > 1) {
                throw new AssertionError("LRU3: old length " + oldLength + " target " + target);
            }
        }
        return true;
    }
}
