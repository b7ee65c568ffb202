package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A forward cursor over a B+tree's leaves, from a lower bound to an optional upper bound.
 *
 * <p>The cursor copies the records of one leaf at a time into its own buffer under a short shared
 * latch and serves them from the copy, so it holds no latch between calls and the caller may take
 * as long as it likes per row. To continue, it latches the next leaf by number and checks that it
 * is still this index's leaf whose left neighbour is the leaf just read, and starts after the last
 * key it returned; if a split or a free changed the chain meanwhile, it searches again from the
 * root for the first key after that one (InnoDB's persistent cursor restore, by key).
 *
 * <p>Concurrency: one thread at a time; no latch is held between calls.
 */
public final class BTreeCursor implements IndexCursor {
    private final BTree tree;
    private final RecordLayout layout;
    private final ByteBuffer batch;
    private int[] offsets = new int[128];
    private int count;
    private int pos;
    private int leafPage = PageId.NULL_PAGE;
    private int nextPage = PageId.NULL_PAGE;
    private boolean done = true;
    private boolean includeDeleted;

    private final ByteBuffer lastKey;
    private boolean haveLastKey;

    private ByteBuffer seekKey;
    private RecordLayout seekLayout;
    private int seekFields;
    private boolean seekInclusive;

    private ByteBuffer upper;
    private RecordLayout upperLayout;
    private int upperFields;
    private boolean upperInclusive;

    /** The locking read's locker, or null for a plain cursor. */
    private RecordLocker locker;
    /** Locking: the batch ended before a record whose lock must be waited for. */
    private boolean blocked;
    /** Locking: the record past the upper bound, or the supremum, was reached: nothing follows. */
    private boolean ended;

    BTreeCursor(BTree tree) {
        this.tree = tree;
        this.layout = tree.leafLayout();
        int pageSize = tree.mtrs().pool().pageSize();
        this.batch = ByteBuffer.allocate(pageSize);
        this.lastKey = ByteBuffer.allocate(pageSize);
    }

    /**
     * Whether {@link #next} also stops at delete-marked records (a consistent read builds the
     * version its view sees from them). Off by default.
     */
    public void setIncludeDeleted(boolean on) {
        this.includeDeleted = on;
    }

    /**
     * Makes this a locking read's cursor: {@code locker} is called for every record visited, in key
     * order, with its leaf latched, and only records it grants are returned (delete-marked ones
     * included, as the locker sees them: a locking read locks them too). Across leaves the cursor
     * searches again from the last key visited rather than following the leaf chain, so a record
     * inserted at the end of a leaf just left is visited too. When {@link #next} returns false,
     * {@link #blocked} tells whether the scan stopped before a record whose lock must be waited
     * for; the caller waits, then calls {@link #resume}.
     */
    public void setLocker(RecordLocker locker) {
        this.locker = locker;
    }

    /** Whether the last {@link #next} stopped before a record the locker could not lock at once. */
    public boolean blocked() {
        return blocked;
    }

    /** Goes on after a {@link #blocked} stop: the record is visited (and its lock requested) again. */
    public void resume() {
        blocked = false;
        if (haveLastKey) {
            descend(lastKey, tree.keyLayout(), tree.keyFields(), false);
        } else {
            descend(seekKey, seekLayout, seekFields, seekInclusive);
        }
    }

    /** Positions before the first record of the tree. */
    @Override
    public void seekFirst() {
        seek(null, null, 0, true);
    }

    /**
     * Positions before the first record whose first {@code nFields} fields are {@code >= key}
     * ({@code inclusive}) or {@code > key}. {@code key} is a record of layout {@code kl} at offset
     * 0; it is not copied, so it must stay unchanged while the cursor is used.
     */
    @Override
    public void seek(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive) {
        this.seekKey = key;
        this.seekLayout = kl;
        this.seekFields = nFields;
        this.seekInclusive = inclusive;
        this.haveLastKey = false;
        this.done = false;
        this.blocked = false;
        this.ended = false;
        descend(key, kl, nFields, inclusive);
    }

    /**
     * Stops the cursor after the records whose first {@code nFields} fields are {@code <= key}
     * ({@code inclusive}) or {@code < key}. The key buffer is not copied.
     */
    @Override
    public void setUpperBound(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive) {
        this.upper = key;
        this.upperLayout = kl;
        this.upperFields = nFields;
        this.upperInclusive = inclusive;
    }

    public void clearUpperBound() {
        this.upper = null;
    }

    /** Advances to the next record; false at the end or past the upper bound. */
    @Override
    public boolean next() {
        while (!done) {
            if (pos + 1 < count) {
                pos++;
                int rec = offsets[pos];
                if (!includeDeleted && (RecordLayout.info(batch, rec) & RecordLayout.INFO_DELETED) != 0) {
                    continue;
                }
                if (upper != null) {
                    int c = RecordLayout.compare(layout, batch, rec, upperLayout, upper, 0, upperFields);
                    if (c > 0 || (c == 0 && !upperInclusive)) {
                        done = true;
                        return false;
                    }
                }
                return true;
            }
            if (locker != null && (blocked || ended)) {
                done = ended;
                return false;
            }
            if (!fetchNext()) {
                done = true;
            }
        }
        return false;
    }

    /** The buffer holding the current record (valid until the next call to {@link #next}). */
    @Override
    public ByteBuffer buffer() {
        return batch;
    }

    /** Offset of the current record in {@link #buffer()}. */
    @Override
    public int record() {
        return offsets[pos];
    }

    public RecordLayout layout() {
        return layout;
    }

    private void descend(ByteBuffer key, RecordLayout kl, int nFields, boolean inclusive) {
        tree.latch().lockShared();
        try (MiniTransaction mtr = tree.mtrs().startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(tree.spaceId(), tree.rootPage()), LatchMode.SHARED);
            tree.checkPage(f);
            while (IndexPage.level(f.page()) > 0) {
                ByteBuffer p = f.page();
                int slot = key == null ? 0 : tree.childSlot(p, key, 0, kl, nFields, !inclusive);
                BufferFrame c = mtr.getPage(PageId.of(tree.spaceId(), IndexPage.childPage(p, IndexPage.record(p, slot))),
                        LatchMode.SHARED);
                mtr.release(f);
                f = c;
                tree.checkPage(f);
            }
            int slot = key == null ? 0 : tree.search(f.page(), layout, key, 0, kl, nFields, !inclusive);
            if (locker != null) {
                // Past this leaf's last record: the next leaf, latched before this one is let go,
                // so that nothing is inserted in between unseen.
                while (slot == IndexPage.count(f.page()) && PageHeader.next(f.page()) != PageId.NULL_PAGE) {
                    BufferFrame n = mtr.getPage(PageId.of(tree.spaceId(), PageHeader.next(f.page())), LatchMode.SHARED);
                    mtr.release(f);
                    f = n;
                    tree.checkPage(f);
                    slot = 0;
                }
            }
            copyLeaf(f, slot);
            mtr.commit();
        } finally {
            tree.latch().unlockShared();
        }
    }

    /** Empties the batch for records from {@code slot} of leaf {@code f}; returns the leaf's record count. */
    private int startBatch(BufferFrame f, int slot) {
        ByteBuffer p = f.page();
        int n = IndexPage.count(p);
        if (n - slot > offsets.length) {
            offsets = Arrays.copyOf(offsets, Math.max(n, offsets.length * 2));
        }
        count = 0;
        pos = -1;
        leafPage = f.pageNo();
        nextPage = PageHeader.next(p);
        return n;
    }

    /** Copies records [slot, n) of leaf {@code f} into the batch. */
    private void copyLeaf(BufferFrame f, int slot) {
        if (locker != null) {
            copyLeafLocking(f, slot);
            return;
        }
        ByteBuffer p = f.page();
        int n = startBatch(f, slot);
        int at = 0;
        for (int s = slot; s < n; s++) {
            int r = IndexPage.record(p, s);
            int len = RecordLayout.length(p, r);
            batch.put(at, p, r, len);
            offsets[count++] = at;
            at += len;
        }
        if (count > 0) {
            lastKey.clear();
            tree.keyLayout().encodeKeyPrefix(layout, batch, offsets[count - 1], tree.keyFields(), 0, lastKey);
            haveLastKey = true;
        }
    }

    /**
     * {@link #copyLeaf} for a locking read: each record from {@code slot} is offered to the locker
     * under the leaf latch and copied if granted; the batch stops before a record to wait for,
     * after the record past the upper bound, and after the supremum when this is the last leaf.
     */
    private void copyLeafLocking(BufferFrame f, int slot) {
        ByteBuffer p = f.page();
        int n = startBatch(f, slot);
        int at = 0;
        int lastVisited = -1;
        int s = slot;
        for (; s < n; s++) {
            int r = IndexPage.record(p, s);
            boolean past = false;
            if (upper != null) {
                int c = RecordLayout.compare(layout, p, r, upperLayout, upper, 0, upperFields);
                past = c > 0 || (c == 0 && !upperInclusive);
            }
            int res = locker.lock(p, r, past);
            if (res == RecordLocker.STOP) {
                // Nothing of this batch is served before the wait: the caller waits first, then
                // visits these records again (their locks are held: they are granted at once).
                blocked = true;
                count = 0;
                lastVisited = -1;
                break;
            }
            if (past) {
                ended = true;
                break;
            }
            lastVisited = r;
            if (res == RecordLocker.SKIP) {
                continue;
            }
            int len = RecordLayout.length(p, r);
            batch.put(at, p, r, len);
            offsets[count++] = at;
            at += len;
        }
        if (s == n && nextPage == PageId.NULL_PAGE) {
            if (locker.lock(p, -1, false) == RecordLocker.STOP) {
                blocked = true;
            } else {
                ended = true;
            }
        }
        if (lastVisited >= 0) {
            lastKey.clear();
            tree.keyLayout().encodeKeyPrefix(layout, p, lastVisited, tree.keyFields(), 0, lastKey);
            haveLastKey = true;
        }
    }

    private boolean fetchNext() {
        if (locker != null) {
            resume(); // from the last key visited, not along the chain (see setLocker)
            return true;
        }
        if (nextPage == PageId.NULL_PAGE) {
            return false;
        }
        try (MiniTransaction mtr = tree.mtrs().startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(tree.spaceId(), nextPage), LatchMode.SHARED);
            ByteBuffer p = f.page();
            boolean valid = PageHeader.type(p) == PageType.INDEX && IndexPage.indexId(p) == tree.indexId()
                    && IndexPage.level(p) == 0 && PageHeader.prev(p) == leafPage;
            if (valid) {
                // The page is now the right neighbour of the leaf we read, but it may be a page
                // number reused by a split of that leaf, holding keys we already returned: start
                // after the last key returned.
                int slot = haveLastKey ? tree.search(p, layout, lastKey, 0, tree.keyLayout(), tree.keyFields(), true) : 0;
                copyLeaf(f, slot);
            }
            mtr.commit();
            if (valid) {
                return true;
            }
        }
        // The chain changed under us: search again for the first key after the last one returned.
        if (haveLastKey) {
            descend(lastKey, tree.keyLayout(), tree.keyFields(), false);
        } else {
            descend(seekKey, seekLayout, seekFields, seekInclusive);
        }
        return true;
    }
}
