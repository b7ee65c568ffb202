package io.flushdb.storage.btree;

import java.nio.ByteBuffer;

/**
 * What a locking read does at each record it visits, called by {@link BTreeCursor} with the
 * record's leaf latched (shared): requests the record's lock, so that no insert can slip into the
 * gap it covers between the look and the lock (InnoDB's lock_clust_rec_read_check_and_lock, under
 * the page latch). An implementation must not block or take a latch: a request that must wait is
 * answered {@link #STOP}, and the caller waits with no latch held and then resumes the cursor.
 */
public interface RecordLocker {
    /** The record is locked: the cursor returns it. */
    int GRANTED = 0;
    /** The record is left out (SKIP LOCKED) and the scan goes on. */
    int SKIP = 1;
    /** The scan stops before the record: the caller waits (or fails), then {@link BTreeCursor#resume}s. */
    int STOP = 2;

    /**
     * @param page      the leaf, latched shared (read only)
     * @param rec       the record's offset, or -1 for the supremum (the end of the index)
     * @param pastBound whether the record is the first past the cursor's upper bound: after it the
     *                  scan ends (a REPEATABLE READ range scan locks the gap before it)
     * @return {@link #GRANTED}, {@link #SKIP} or {@link #STOP}
     */
    int lock(ByteBuffer page, int rec, boolean pastBound);
}
