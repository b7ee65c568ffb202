package io.flushdb.storage.trx.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lock hash, InnoDB's {@code lock_sys->rec_hash} (or {@code table_hash}): queues chained
 * through {@link LockQueue#hashNext}, so a lookup allocates nothing and a new queue is the only
 * allocation an insert makes. Grows by doubling at a load factor of 3/4; never shrinks.
 *
 * <p>Concurrency: guarded by the {@link LockSys} mutex.
 */
final class LockQueueHash {
    private final boolean tables;
    private LockQueue[] buckets = new LockQueue[256];
    private int size;

    LockQueueHash(boolean tables) {
        this.tables = tables;
    }

    /** The hash of a record {@code (indexId, key)}, or of table {@code id} when {@code key} is null. */
    static int hash(long id, byte[] key) {
        return hash(id, key, key == null ? 0 : key.length);
    }

    /** {@link #hash(long, byte[])} of the key in {@code key[0, length)}. */
    static int hash(long id, byte[] key, int length) {
        int h = Long.hashCode(id * 0x9E3779B97F4A7C15L);
        if (key == LockSys.SUPREMUM) {
            h = h * 31 + 0x5EED;
        } else if (key != null) {
            int k = 1;
            for (int i = 0; i < length; i++) {
                k = 31 * k + key[i];
            }
            h = h * 31 + k;
        }
        return h ^ (h >>> 16);
    }

    /** The queue of {@code (id, key)} with hash {@code hash}, or null. */
    LockQueue get(long id, byte[] key, int hash) {
        return get(id, key, key == null ? 0 : key.length, hash);
    }

    /** The queue of {@code (id, key[0, length))} with hash {@code hash}, or null. */
    LockQueue get(long id, byte[] key, int length, int hash) {
        for (LockQueue q = buckets[hash & (buckets.length - 1)]; q != null; q = q.hashNext) {
            if (q.hash == hash && q.names(id, key, length)) {
                return q;
            }
        }
        return null;
    }

    LockQueue getOrCreate(long id, byte[] key, int hash) {
        return getOrCreate(id, key, key == null ? 0 : key.length, hash);
    }

    /**
     * The queue of {@code (id, key[0, length))}, created if absent. A record key is copied (the
     * caller may reuse its array); {@link LockSys#SUPREMUM} is kept by identity.
     */
    LockQueue getOrCreate(long id, byte[] key, int length, int hash) {
        LockQueue q = get(id, key, length, hash);
        if (q != null) {
            return q;
        }
        byte[] stored = tables ? null : key == LockSys.SUPREMUM ? key : Arrays.copyOf(key, length);
        q = new LockQueue(id, stored, tables, hash);
        if (++size > buckets.length - (buckets.length >>> 2)) {
            grow();
        }
        int b = hash & (buckets.length - 1);
        q.hashNext = buckets[b];
        buckets[b] = q;
        return q;
    }

    /** Removes {@code q}, which must be in this hash. */
    void remove(LockQueue q) {
        int b = q.hash & (buckets.length - 1);
        LockQueue previous = null;
        for (LockQueue c = buckets[b]; c != null; previous = c, c = c.hashNext) {
            if (c == q) {
                if (previous == null) {
                    buckets[b] = c.hashNext;
                } else {
                    previous.hashNext = c.hashNext;
                }
                c.hashNext = null;
                size--;
                return;
            }
        }
        throw new IllegalStateException(q + " is not in the lock hash");
    }

    int size() {
        return size;
    }

    /** Every queue, in no particular order (for the views and the invariant check). */
    List<LockQueue> all() {
        List<LockQueue> all = new ArrayList<>(size);
        for (LockQueue head : buckets) {
            for (LockQueue q = head; q != null; q = q.hashNext) {
                all.add(q);
            }
        }
        return all;
    }

    private void grow() {
        LockQueue[] old = buckets;
        buckets = new LockQueue[old.length * 2];
        for (LockQueue head : old) {
            LockQueue q = head;
            while (q != null) {
                LockQueue next = q.hashNext;
                int b = q.hash & (buckets.length - 1);
                q.hashNext = buckets[b];
                buckets[b] = q;
                q = next;
            }
        }
    }
}
