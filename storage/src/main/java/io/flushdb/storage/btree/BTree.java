package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.ColumnType.Encoding;
import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedRwLock;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.space.PageAllocator;
import java.nio.ByteBuffer;

/**
 * One B+tree index in a tablespace: a fixed root page, leaves at level 0 holding the records in key
 * order and linked both ways, and internal levels of node pointers (the first key of a child and
 * its page number).
 *
 * <p>Separator invariant (BT1): in an internal page, every key in child {@code i-1} is smaller
 * than node pointer {@code i}'s key, which is no larger than every key in child {@code i}, for
 * every {@code i}, except that the first pointer of the leftmost page of each level carries the
 * min-rec mark and compares below every key. Freeing the child of a page's first pointer hands that
 * pointer's key to the next one, so first keys stay lower bounds. Across a level, keys increase
 * strictly (BT2). A search for {@code K} therefore follows the
 * last pointer whose key is {@code <= K} (to find an equal key) or {@code < K} (to find the first
 * key with a given prefix).
 *
 * <p>Latching: searches take the tree latch shared and couple page latches shared down to the leaf,
 * then release the tree latch; cursors move right from leaf to leaf holding at most two leaves.
 * Changes take the tree latch exclusively and latch the whole path exclusively, so a split can
 * propagate to the root within one mini-transaction. A leaf emptied by a delete is unlinked and
 * freed (with its parents, if they empty too) in a second mini-transaction under the same tree
 * latch; a root left with one child absorbs it. Pages are never latched right-to-left, so scanning
 * cursors and writers cannot deadlock.
 *
 * <p>Concurrency: thread-safe; the write-path scratch state is used only under the exclusive tree
 * latch.
 */
public final class BTree {
    private static final FieldSpec CHILD = new FieldSpec(Encoding.INT, 4, true, false, null, false, 0);

    private final String name;
    private final MtrContext mtrs;
    private final int spaceId;
    private final int rootPage;
    private final long indexId;
    private final RecordLayout leafLayout;
    private final RecordLayout nodeLayout;
    private final RecordLayout keyLayout;
    private final int keyFields;
    private final int uniqueFields;
    private final int pageSize;
    private final OrderedRwLock latch;

    // Write-path scratch, used only under the exclusive tree latch.
    private final Path path;
    private final int[] removalPages = new int[64];
    private final int[] removalSlots = new int[64];

    /**
     * @param uniqueFields number of leading fields that must be unique (0 for a non-unique index;
     *                     the key field count for a clustered index)
     */
    public BTree(String name, MtrContext mtrs, int spaceId, int rootPage, long indexId, RecordLayout leafLayout,
                 int uniqueFields) {
        this.name = name;
        this.mtrs = mtrs;
        this.spaceId = spaceId;
        this.rootPage = rootPage;
        this.indexId = indexId;
        this.leafLayout = leafLayout;
        this.keyFields = leafLayout.keyFields();
        this.uniqueFields = uniqueFields;
        FieldSpec[] node = new FieldSpec[keyFields + 1];
        for (int i = 0; i < keyFields; i++) {
            node[i] = leafLayout.field(i);
        }
        node[keyFields] = CHILD;
        this.nodeLayout = new RecordLayout(node, keyFields);
        this.keyLayout = leafLayout.prefix(keyFields);
        this.pageSize = mtrs.pool().pageSize();
        this.latch = new OrderedRwLock(LatchLevel.INDEX_TREE, "index " + name);
        this.path = new Path(pageSize);
    }

    /** Creates an empty tree (a root leaf) in {@code spaceId} and returns its root page number. */
    public static int create(MiniTransaction mtr, int spaceId, long indexId) {
        BufferFrame root = PageAllocator.allocate(mtr, spaceId, PageType.INDEX);
        IndexPage.init(mtr, root, indexId, 0);
        return root.pageNo();
    }

    public String name() {
        return name;
    }

    public int spaceId() {
        return spaceId;
    }

    public int rootPage() {
        return rootPage;
    }

    public long indexId() {
        return indexId;
    }

    public RecordLayout leafLayout() {
        return leafLayout;
    }

    public RecordLayout nodeLayout() {
        return nodeLayout;
    }

    /** The layout of a full search key (the key fields). */
    public RecordLayout keyLayout() {
        return keyLayout;
    }

    public int keyFields() {
        return keyFields;
    }

    public int uniqueFields() {
        return uniqueFields;
    }

    MtrContext mtrs() {
        return mtrs;
    }

    OrderedRwLock latch() {
        return latch;
    }

    /** Opens a cursor on this tree. */
    public BTreeCursor cursor() {
        return new BTreeCursor(this);
    }

    // ---- searching ----------------------------------------------------------------------------

    /**
     * First slot of page {@code p} whose record is {@code >= key} (or {@code > key} when
     * {@code strict}), comparing {@code n} fields.
     */
    int search(ByteBuffer p, RecordLayout recLayout, ByteBuffer key, int keyOff, RecordLayout kl, int n,
               boolean strict) {
        int lo = 0;
        int hi = IndexPage.count(p);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int rec = IndexPage.record(p, mid);
            int c = mid == 0 && (RecordLayout.info(p, rec) & RecordLayout.INFO_MIN_REC) != 0 ? -1
                    : RecordLayout.compare(recLayout, p, rec, kl, key, keyOff, n);
            if (c < 0 || (strict && c == 0)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The node pointer to follow for {@code key} (BT1): last with key {@code <= K} or {@code < K}. */
    int childSlot(ByteBuffer p, ByteBuffer key, int keyOff, RecordLayout kl, int n, boolean orEqual) {
        return Math.max(0, search(p, nodeLayout, key, keyOff, kl, n, orEqual) - 1);
    }

    /** Verifies that a page reached in this tree is an index page of this index. */
    void checkPage(BufferFrame f) {
        ByteBuffer p = f.page();
        if (PageHeader.type(p) != PageType.INDEX || IndexPage.indexId(p) != indexId) {
            throw new CorruptPageException(f.spaceId(), f.pageNo(), "expected a page of index " + name + " (id "
                    + indexId + "), found type " + PageType.name(PageHeader.type(p)) + " of index "
                    + IndexPage.indexId(p));
        }
    }

    RecordLayout layoutOf(ByteBuffer p) {
        return IndexPage.level(p) == 0 ? leafLayout : nodeLayout;
    }

    /** Receives a record while its leaf is latched shared; must not change or keep the buffer. */
    @FunctionalInterface
    public interface RecordVisitor {
        void visit(ByteBuffer page, int record);
    }

    /**
     * Finds the first record whose first {@code n} fields equal those of {@code key} (of layout
     * {@code kl}) and shows it to {@code visitor} under the leaf's shared latch. Returns false if
     * there is none. Allocates nothing: the point lookup path.
     */
    public boolean find(ByteBuffer key, RecordLayout kl, int n, RecordVisitor visitor) {
        return find(key, kl, n, visitor, false);
    }

    /**
     * {@link #find}, showing a delete-marked record too when {@code includeDeleted} (a consistent
     * read builds the version its view sees from any record, marked or not).
     */
    public boolean find(ByteBuffer key, RecordLayout kl, int n, RecordVisitor visitor, boolean includeDeleted) {
        latch.lockShared();
        boolean treeLatched = true;
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(spaceId, rootPage), LatchMode.SHARED);
            checkPage(f);
            while (IndexPage.level(f.page()) > 0) {
                ByteBuffer p = f.page();
                int slot = childSlot(p, key, 0, kl, n, n < keyFields ? false : true);
                BufferFrame c = mtr.getPage(PageId.of(spaceId, IndexPage.childPage(p, IndexPage.record(p, slot))),
                        LatchMode.SHARED);
                mtr.release(f);
                f = c;
                checkPage(f);
            }
            latch.unlockShared();
            treeLatched = false;
            int slot = search(f.page(), leafLayout, key, 0, kl, n, false);
            // A prefix search may end just past a leaf whose successor starts with the key.
            while (slot == IndexPage.count(f.page()) && n < keyFields) {
                int next = PageHeader.next(f.page());
                if (next == PageId.NULL_PAGE) {
                    break;
                }
                BufferFrame nf = mtr.getPage(PageId.of(spaceId, next), LatchMode.SHARED);
                mtr.release(f);
                f = nf;
                checkPage(f);
                slot = 0;
            }
            ByteBuffer p = f.page();
            boolean found = slot < IndexPage.count(p)
                    && RecordLayout.compare(leafLayout, p, IndexPage.record(p, slot), kl, key, 0, n) == 0
                    && (includeDeleted || (RecordLayout.info(p, IndexPage.record(p, slot)) & RecordLayout.INFO_DELETED) == 0);
            if (found) {
                visitor.visit(p, IndexPage.record(p, slot));
            }
            mtr.commit();
            return found;
        } finally {
            if (treeLatched) {
                latch.unlockShared();
            }
        }
    }

    // ---- inserting ----------------------------------------------------------------------------

    /**
     * Inserts the leaf record {@code rec[0, len)}.
     *
     * @throws DuplicateKeyException if a unique index already has its key; nothing is changed
     */
    public void insert(ByteBuffer rec, int len) {
        if (insert(rec, len, null) != INSERTED) {
            throw new CorruptIndexException("index " + name + " holds a delete-marked record with the key inserted");
        }
    }

    /** {@link #insert(ByteBuffer, int, ChangeHook)}: the record went in as a new record. */
    public static final int INSERTED = 0;
    /**
     * {@link #insert(ByteBuffer, int, ChangeHook)}: a delete-marked record with the same key was
     * there. A clustered index (whose key is unique) leaves it unchanged for the caller to update;
     * a secondary index takes it over: the entry's bytes are replaced and the mark cleared.
     */
    public static final int EXISTS_DELETED = 1;

    /**
     * Inserts the leaf record {@code rec[0, len)}. A delete-marked record does not count as a
     * duplicate (it is a row version purge has not removed yet). {@code hook}, when given, runs in
     * the change's mini-transaction once every check has passed and before the first page change
     * (it writes the undo record and may rewrite {@code rec} in place, at the same length).
     *
     * @return {@link #INSERTED} or {@link #EXISTS_DELETED}
     * @throws DuplicateKeyException if a unique index already has its key in a record that is not
     *                               delete-marked; nothing is changed
     */
    public int insert(ByteBuffer rec, int len, ChangeHook hook) {
        return insert(rec, len, hook, null);
    }

    /** {@link #insert(ByteBuffer, int, ChangeHook, InsertCheck)}: the gap check said to wait; nothing changed. */
    public static final int GAP_LOCKED = 2;

    /**
     * A check a new record makes under its leaf's exclusive latch, once it knows where it goes and
     * before anything changes: a transaction's insert intention on the gap before the record's
     * successor (InnoDB's lock_rec_insert_check_and_lock). Must not block or take a latch.
     */
    public interface InsertCheck {
        /**
         * @param page the page holding the successor, latched (read only)
         * @param rec  the successor's offset in it, or -1 for the supremum (no record follows)
         * @return true to go on; false to give the insert up, with nothing changed (the caller
         *         waits for the gap with no latch held, then inserts again)
         */
        boolean mayInsert(ByteBuffer page, int rec);

        /** The record {@code rec[0, len)} went in, still under the leaf latch (locks on the gap it split follow it). */
        default void inserted(ByteBuffer rec, int len) {
        }
    }

    /**
     * {@link #insert(ByteBuffer, int, ChangeHook)} with {@code check} asked before a new record goes
     * in; returns {@link #GAP_LOCKED} when it says no.
     */
    public int insert(ByteBuffer rec, int len, ChangeHook hook, InsertCheck check) {
        checkRecordSize(len);
        mtrs.checkLogSpace(); // before the tree latch: a thread waiting for log space holds none
        latch.lockExclusive();
        try {
            if (uniqueFields > 0 && uniqueFields < keyFields && !leafLayout.anyNull(rec, 0, uniqueFields)) {
                checkUniquePrefix(rec);
            }
            try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
                descendForWrite(mtr, rec, 0, leafLayout, keyFields);
                int d = path.size() - 1;
                BufferFrame leaf = path.frame(d);
                ByteBuffer p = leaf.page();
                int slot = search(p, leafLayout, rec, 0, leafLayout, keyFields, false);
                if (slot < IndexPage.count(p)
                        && RecordLayout.compare(leafLayout, p, IndexPage.record(p, slot), leafLayout, rec, 0, keyFields) == 0) {
                    int r = IndexPage.record(p, slot);
                    if ((RecordLayout.info(p, r) & RecordLayout.INFO_DELETED) == 0) {
                        if (uniqueFields == keyFields) {
                            throw duplicate(rec, keyFields);
                        }
                        throw new CorruptIndexException("index " + name + " already holds an identical entry");
                    }
                    if (uniqueFields == keyFields) {
                        mtr.commit();
                        return EXISTS_DELETED;
                    }
                    if (hook != null) {
                        latchRightSiblingIfSplitting(mtr, leaf, len);
                        len = hook.beforeChange(mtr, p, r);
                    }
                    replaceAt(mtr, d, leaf, slot, r, rec, len);
                    mtr.commit();
                    return EXISTS_DELETED;
                }
                if (check != null && !checkGap(mtr, p, slot, check)) {
                    mtr.commit();
                    return GAP_LOCKED;
                }
                if (hook != null) {
                    latchRightSiblingIfSplitting(mtr, leaf, len);
                    len = hook.beforeChange(mtr, null, -1);
                }
                insertAt(mtr, d, slot, rec, len);
                if (check != null) {
                    check.inserted(rec, len);
                }
                mtr.commit();
                return INSERTED;
            }
        } finally {
            path.clear();
            latch.unlockExclusive();
        }
    }

    /**
     * The name of the record at {@code rec} of {@code buf} in the lock system: its key fields as
     * a record of the key layout. One record has one name, whatever the collation makes equal.
     */
    public byte[] lockKey(ByteBuffer buf, int rec) {
        LockKey key = new LockKey();
        lockKey(buf, rec, key);
        return java.util.Arrays.copyOf(key.bytes(), key.length());
    }

    /** {@link #lockKey(ByteBuffer, int)} into a reusable holder: allocates nothing once it is large enough. */
    public void lockKey(ByteBuffer buf, int rec, LockKey into) {
        ByteBuffer out = into.prepare(RecordLayout.length(buf, rec) + keyLayout.headerSize());
        keyLayout.encodeKeyPrefix(leafLayout, buf, rec, keyFields, 0, out);
        into.setLength(out.position());
    }

    /**
     * Asks {@code check} about the successor of slot {@code slot} of leaf {@code p}: the record
     * there, else the first record of the right neighbour (latched exclusively, as a split would),
     * else the supremum.
     */
    private boolean checkGap(MiniTransaction mtr, ByteBuffer p, int slot, InsertCheck check) {
        locateSuccessor(mtr, p, slot);
        boolean ok = check.mayInsert(successorPage, successorRec);
        successorPage = null;
        return ok;
    }

    /** Set by {@link #locateSuccessor} (under the exclusive tree latch): the successor's page and offset, or null and -1. */
    private ByteBuffer successorPage;
    private int successorRec;

    /**
     * Finds the record after slot {@code slot} of leaf {@code p} (the one at that slot, else the
     * first of the next non-empty leaf to the right, latched exclusively in {@code mtr}), or the
     * supremum (null, -1). Requires: the exclusive tree latch.
     */
    private void locateSuccessor(MiniTransaction mtr, ByteBuffer p, int slot) {
        if (slot < IndexPage.count(p)) {
            successorPage = p;
            successorRec = IndexPage.record(p, slot);
            return;
        }
        int next = PageHeader.next(p);
        while (next != PageId.NULL_PAGE) {
            BufferFrame n = mtr.getPage(PageId.of(spaceId, next), LatchMode.EXCLUSIVE);
            checkPage(n);
            ByteBuffer np = n.page();
            if (IndexPage.count(np) > 0) {
                successorPage = np;
                successorRec = IndexPage.record(np, 0);
                return;
            }
            next = PageHeader.next(np);
        }
        successorPage = null;
        successorRec = -1;
    }

    /**
     * A hook latches undo pages, which come after every index page in the latch order: a consistent
     * read follows roll pointers with its leaf latched. So a leaf that may have to split for a
     * record of {@code len} bytes gets its right neighbour (which a split latches) before the hook
     * runs; the split then finds it in the mini-transaction.
     */
    private void latchRightSiblingIfSplitting(MiniTransaction mtr, BufferFrame leaf, int len) {
        ByteBuffer p = leaf.page();
        int next = PageHeader.next(p);
        if (IndexPage.totalFree(p) < len + 2 && next != PageId.NULL_PAGE) {
            mtr.getPage(PageId.of(spaceId, next), LatchMode.EXCLUSIVE);
        }
    }

    /** Replaces the record at {@code slot} (offset {@code r}) of the leaf at depth {@code d} by {@code rec[0, len)}. */
    private void replaceAt(MiniTransaction mtr, int d, BufferFrame leaf, int slot, int r, ByteBuffer rec, int len) {
        if (RecordLayout.length(leaf.page(), r) == len) {
            mtr.writeBytes(leaf, r, rec, 0, len);
        } else {
            IndexPage.delete(mtr, leaf, slot);
            insertAt(mtr, d, slot, rec, len);
        }
    }

    /**
     * Work a caller does inside an index change's mini-transaction, after every check that can fail
     * and before the first page change (MTR3): a transaction writes the change's undo record here.
     */
    @FunctionalInterface
    public interface ChangeHook {
        /**
         * @param page the leaf holding the record the change replaces or removes (latched
         *             exclusively; read only), or null for a new record
         * @param rec  that record's offset in {@code page}, or -1
         * @return the length of the record to write (the caller may have rewritten it), or -1 to
         *         make no change at all
         */
        int beforeChange(MiniTransaction mtr, ByteBuffer page, int rec);

        /** Whether a removal should report the removed record and its successor ({@link #removed}). */
        default boolean observesRemoval() {
            return false;
        }

        /**
         * A delete removed the record named {@code key} ({@link #lockKey}) from index
         * {@code indexId}; {@code heir} names the record after it, or is null for the supremum.
         * Called under the leaf latch (the lock system passes the removed record's locks on).
         */
        default void removed(long indexId, byte[] key, byte[] heir) {
        }
    }

    private void checkRecordSize(int len) {
        if (len > IndexPage.maxRecordSize(pageSize)) {
            throw new IllegalArgumentException("record of " + len + " bytes exceeds the page limit "
                    + IndexPage.maxRecordSize(pageSize));
        }
    }

    private DuplicateKeyException duplicate(ByteBuffer rec, int n) {
        return new DuplicateKeyException(name, leafLayout.decodeFields(rec, 0, n));
    }

    /**
     * Requires: the exclusive tree latch. Fails if a record with the same first
     * {@code uniqueFields} fields as {@code rec} exists (a unique secondary index, whose entries
     * also carry the primary key, so equal prefixes may span leaves).
     */
    private void checkUniquePrefix(ByteBuffer rec) {
        try (MiniTransaction mtr = mtrs.startRead()) {
            long pid = PageId.of(spaceId, rootPage);
            BufferFrame f = mtr.getPage(pid, LatchMode.SHARED);
            checkPage(f);
            while (IndexPage.level(f.page()) > 0) {
                ByteBuffer p = f.page();
                int slot = childSlot(p, rec, 0, leafLayout, uniqueFields, false);
                BufferFrame c = mtr.getPage(PageId.of(spaceId, IndexPage.childPage(p, IndexPage.record(p, slot))),
                        LatchMode.SHARED);
                mtr.release(f);
                f = c;
                checkPage(f);
            }
            int slot = search(f.page(), leafLayout, rec, 0, leafLayout, uniqueFields, false);
            while (slot == IndexPage.count(f.page())) {
                int next = PageHeader.next(f.page());
                if (next == PageId.NULL_PAGE) {
                    mtr.commit();
                    return;
                }
                BufferFrame n = mtr.getPage(PageId.of(spaceId, next), LatchMode.SHARED);
                mtr.release(f);
                f = n;
                checkPage(f);
                slot = 0;
            }
            // Records with the prefix are adjacent: any that is not delete-marked is a duplicate.
            while (true) {
                ByteBuffer p = f.page();
                if (slot == IndexPage.count(p)) {
                    int next = PageHeader.next(p);
                    if (next == PageId.NULL_PAGE) {
                        break;
                    }
                    BufferFrame n = mtr.getPage(PageId.of(spaceId, next), LatchMode.SHARED);
                    mtr.release(f);
                    f = n;
                    checkPage(f);
                    slot = 0;
                    continue;
                }
                int r = IndexPage.record(p, slot);
                if (RecordLayout.compare(leafLayout, p, r, leafLayout, rec, 0, uniqueFields) != 0) {
                    break;
                }
                if ((RecordLayout.info(p, r) & RecordLayout.INFO_DELETED) == 0) {
                    throw duplicate(rec, uniqueFields);
                }
                slot++;
            }
            mtr.commit();
        }
    }

    /** Latches the path to the leaf for {@code key} exclusively (following pointers {@code <= K}). */
    private void descendForWrite(MiniTransaction mtr, ByteBuffer key, int keyOff, RecordLayout kl, int n) {
        path.clear();
        long pid = PageId.of(spaceId, rootPage);
        while (true) {
            BufferFrame f = mtr.getPage(pid, LatchMode.EXCLUSIVE);
            checkPage(f);
            ByteBuffer p = f.page();
            if (IndexPage.level(p) == 0) {
                path.push(f, -1);
                return;
            }
            if (IndexPage.count(p) == 0) {
                throw new CorruptPageException(f.spaceId(), f.pageNo(), "empty internal page in index " + name);
            }
            int slot = childSlot(p, key, keyOff, kl, n, true);
            path.push(f, slot);
            pid = PageId.of(spaceId, IndexPage.childPage(p, IndexPage.record(p, slot)));
        }
    }

    /** Inserts {@code rec} at {@code slot} of the page at depth {@code d}, splitting as needed. */
    private void insertAt(MiniTransaction mtr, int d, int slot, ByteBuffer rec, int len) {
        BufferFrame f = path.frame(d);
        if (IndexPage.totalFree(f.page()) >= len + 2) {
            IndexPage.insert(mtr, f, slot, rec, 0, len);
            return;
        }
        split(mtr, d, slot, rec, len);
    }

    /**
     * Splits the page at depth {@code d} to make room for {@code rec} at {@code slot}: a new right
     * sibling takes the upper part, and a node pointer to it goes into the parent (which may split
     * in turn; the root is first raised so that it never moves).
     */
    private void split(MiniTransaction mtr, int d, int slot, ByteBuffer rec, int len) {
        if (d == 0) {
            raiseRoot(mtr);
            d = 1;
        }
        BufferFrame f = path.frame(d);
        ByteBuffer p = f.page();
        int n = IndexPage.count(p);
        int level = IndexPage.level(p);
        int k = splitPoint(p, n, slot, len);

        BufferFrame right = PageAllocator.allocate(mtr, spaceId, PageType.INDEX);
        IndexPage.init(mtr, right, indexId, level);
        int oldNext = PageHeader.next(p);
        mtr.writeInt(right, PageHeader.OFFSET_PREV, f.pageNo());
        mtr.writeInt(right, PageHeader.OFFSET_NEXT, oldNext);
        if (oldNext != PageId.NULL_PAGE) {
            // Left to right: f, then the new page, then f's old right neighbour.
            BufferFrame r = mtr.getPage(PageId.of(spaceId, oldNext), LatchMode.EXCLUSIVE);
            mtr.writeInt(r, PageHeader.OFFSET_PREV, right.pageNo());
        }
        mtr.writeInt(f, PageHeader.OFFSET_NEXT, right.pageNo());

        // Virtual sequence: the n records with rec inserted at slot; [k, n] moves right.
        int pos = 0;
        for (int v = k; v <= n; v++) {
            if (v == slot) {
                IndexPage.insert(mtr, right, pos++, rec, 0, len);
            } else {
                int r = IndexPage.record(p, v < slot ? v : v - 1);
                IndexPage.insert(mtr, right, pos++, p, r, RecordLayout.length(p, r));
            }
        }
        if (slot < k) {
            IndexPage.deleteRange(mtr, f, k - 1, n);
            IndexPage.insert(mtr, f, slot, rec, 0, len);
        } else {
            IndexPage.deleteRange(mtr, f, k, n);
        }
        // rec is now in a page, so the scratch buffer at this depth may be reused for the pointer.
        ByteBuffer node = path.scratch(d);
        ByteBuffer rp = right.page();
        int nodeLen = nodePointer(level == 0 ? leafLayout : nodeLayout, rp, IndexPage.record(rp, 0), right.pageNo(), node);
        insertAt(mtr, d - 1, path.slot(d - 1) + 1, node, nodeLen);
    }

    /**
     * Where to split: the number of records (of the virtual sequence) that stay left. Appending at
     * the right end of a level keeps every record left, so ascending inserts fill pages; otherwise
     * the split balances bytes.
     */
    private int splitPoint(ByteBuffer p, int n, int slot, int len) {
        int usable = IndexPage.usable(pageSize);
        if (slot == n && PageHeader.next(p) == PageId.NULL_PAGE && n > 0) {
            return n;
        }
        int total = len + 2;
        for (int i = 0; i < n; i++) {
            total += RecordLayout.length(p, IndexPage.record(p, i)) + 2;
        }
        int best = -1;
        int bestDiff = Integer.MAX_VALUE;
        int left = 0;
        for (int k = 1; k <= n; k++) {
            int v = k - 1;
            left += v == slot ? len + 2 : RecordLayout.length(p, IndexPage.record(p, v < slot ? v : v - 1)) + 2;
            int right = total - left;
            if (left <= usable && right <= usable && Math.abs(left - right) < bestDiff) {
                best = k;
                bestDiff = Math.abs(left - right);
            }
        }
        if (best < 0) {
            throw new IllegalStateException("no split point for a record of " + len + " bytes in index " + name);
        }
        return best;
    }

    /**
     * Moves the root's records into a new child and makes the root its parent, one level higher.
     * The root page number never changes.
     */
    private void raiseRoot(MiniTransaction mtr) {
        BufferFrame root = path.frame(0);
        ByteBuffer rp = root.page();
        int level = IndexPage.level(rp);
        int n = IndexPage.count(rp);
        BufferFrame child = PageAllocator.allocate(mtr, spaceId, PageType.INDEX);
        IndexPage.init(mtr, child, indexId, level);
        for (int i = 0; i < n; i++) {
            int r = IndexPage.record(rp, i);
            IndexPage.insert(mtr, child, i, rp, r, RecordLayout.length(rp, r));
        }
        IndexPage.deleteRange(mtr, root, 0, n);
        mtr.writeShort(root, IndexPage.OFFSET_LEVEL, level + 1);
        ByteBuffer node = path.scratch(0);
        ByteBuffer cp = child.page();
        int len = nodePointer(level == 0 ? leafLayout : nodeLayout, cp, IndexPage.record(cp, 0), child.pageNo(), node);
        node.put(2, (byte) RecordLayout.INFO_MIN_REC); // the root is the leftmost page of its level
        IndexPage.insert(mtr, root, 0, node, 0, len);
        path.insertBelowRoot(child, path.slot(0));
        path.setSlot(0, 0);
    }

    /** Builds in {@code out} (from 0) a node pointer with the key of record {@code rec} and {@code child}. */
    private int nodePointer(RecordLayout src, ByteBuffer buf, int rec, int child, ByteBuffer out) {
        out.clear();
        int at = nodeLayout.encodeKeyPrefix(src, buf, rec, keyFields, 4, out);
        out.putInt(at, child);
        return out.position();
    }

    // ---- deleting and updating ----------------------------------------------------------------

    /**
     * Deletes the record whose key fields equal those of {@code key} (of layout {@code kl}).
     * Copies the deleted record into {@code deletedOut} (from 0) when given. Returns false if no
     * such record exists.
     */
    public boolean delete(ByteBuffer key, RecordLayout kl, ByteBuffer deletedOut) {
        return delete(key, kl, deletedOut, null);
    }

    /**
     * {@link #delete(ByteBuffer, RecordLayout, ByteBuffer)} with a hook that sees the record first
     * and may refuse the delete (returning -1): purge removes a record only if it is still the
     * delete-marked version it means.
     */
    public boolean delete(ByteBuffer key, RecordLayout kl, ByteBuffer deletedOut, ChangeHook hook) {
        mtrs.checkLogSpace();
        latch.lockExclusive();
        try {
            int depth;
            try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
                descendForWrite(mtr, key, 0, kl, keyFields);
                depth = path.size() - 1;
                BufferFrame leaf = path.frame(depth);
                ByteBuffer p = leaf.page();
                int slot = search(p, leafLayout, key, 0, kl, keyFields, false);
                if (slot >= IndexPage.count(p)
                        || RecordLayout.compare(leafLayout, p, IndexPage.record(p, slot), kl, key, 0, keyFields) != 0) {
                    mtr.commit();
                    return false;
                }
                if (hook != null && hook.beforeChange(mtr, p, IndexPage.record(p, slot)) < 0) {
                    mtr.commit();
                    return false;
                }
                if (deletedOut != null) {
                    int r = IndexPage.record(p, slot);
                    deletedOut.clear();
                    deletedOut.put(0, p, r, RecordLayout.length(p, r));
                }
                byte[] removedKey = hook != null && hook.observesRemoval() ? lockKey(p, IndexPage.record(p, slot)) : null;
                IndexPage.delete(mtr, leaf, slot);
                if (removedKey != null) {
                    locateSuccessor(mtr, p, slot);
                    hook.removed(indexId, removedKey, successorPage == null ? null : lockKey(successorPage, successorRec));
                    successorPage = null;
                }
                boolean emptied = IndexPage.count(p) == 0 && depth > 0;
                if (emptied) {
                    rememberPath(depth);
                } else {
                    depth = -1;
                }
                mtr.commit();
            }
            if (depth > 0) {
                removeEmptyPage(depth);
            }
            return true;
        } finally {
            path.clear();
            latch.unlockExclusive();
        }
    }

    /**
     * Replaces the record with the same key as {@code rec} by {@code rec[0, len)}. Copies the old
     * record into {@code oldOut} when given. Returns false if no record has that key.
     */
    public boolean update(ByteBuffer rec, int len, ByteBuffer oldOut) {
        return update(rec, leafLayout, rec, len, oldOut, null);
    }

    /**
     * Replaces the record (delete-marked or not) whose key fields equal those of {@code key} (of
     * layout {@code kl}) by {@code rec[0, len)}, which must have the same key. Copies the old
     * record into {@code oldOut} when given. {@code hook} runs first (see {@link ChangeHook}): it may
     * build {@code rec} from the old record and returns its length, or -1 for no change. Returns
     * false if no record has that key or the hook declined.
     */
    public boolean update(ByteBuffer key, RecordLayout kl, ByteBuffer rec, int len, ByteBuffer oldOut,
                          ChangeHook hook) {
        // Checked before anything changes: a hook writes its undo record into the change's
        // mini-transaction, which must not fail afterwards. A hook returns this length or the
        // old record's, which fits.
        if (hook == null || len > 0) {
            checkRecordSize(len);
        }
        mtrs.checkLogSpace();
        latch.lockExclusive();
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) {
            descendForWrite(mtr, key, 0, kl, keyFields);
            int d = path.size() - 1;
            BufferFrame leaf = path.frame(d);
            ByteBuffer p = leaf.page();
            int slot = search(p, leafLayout, key, 0, kl, keyFields, false);
            if (slot >= IndexPage.count(p)
                    || RecordLayout.compare(leafLayout, p, IndexPage.record(p, slot), kl, key, 0, keyFields) != 0) {
                mtr.commit();
                return false;
            }
            int r = IndexPage.record(p, slot);
            int oldLen = RecordLayout.length(p, r);
            if (oldOut != null) {
                oldOut.clear();
                oldOut.put(0, p, r, oldLen);
            }
            if (hook != null) {
                if (len > 0) {
                    latchRightSiblingIfSplitting(mtr, leaf, len);
                }
                len = hook.beforeChange(mtr, p, r);
                if (len < 0) {
                    mtr.commit();
                    return false;
                }
                assert len <= IndexPage.maxRecordSize(pageSize) : len;
            }
            replaceAt(mtr, d, leaf, slot, r, rec, len);
            mtr.commit();
            return true;
        } finally {
            path.clear();
            latch.unlockExclusive();
        }
    }

    private void rememberPath(int depth) {
        if (depth >= removalPages.length) {
            throw new IllegalStateException("tree of index " + name + " deeper than " + removalPages.length);
        }
        for (int d = 0; d <= depth; d++) {
            removalPages[d] = path.frame(d).pageNo();
            removalSlots[d] = path.slot(d);
        }
    }

    /**
     * Requires: the exclusive tree latch; {@link #rememberPath} filled for an emptied leaf at
     * {@code depth}. Unlinks and frees the empty page, then its parents while they empty; a root
     * left with a single child absorbs it.
     */
    private void removeEmptyPage(int depth) {
        try (MiniTransaction mtr = mtrs.startWithoutFreeCheck()) { // the delete checked, before its tree latch
            for (int d = 0; d < depth; d++) {
                mtr.getPage(PageId.of(spaceId, removalPages[d]), LatchMode.EXCLUSIVE);
            }
            int d = depth;
            while (d > 0) {
                int pageNo = removalPages[d];
                BufferFrame page = readSiblingsAndLatch(mtr, pageNo);
                if (IndexPage.count(page.page()) != 0) {
                    break; // not empty after all (cannot happen under the tree latch)
                }
                unlink(mtr, page);
                BufferFrame parent = mtr.getPage(PageId.of(spaceId, removalPages[d - 1]), LatchMode.EXCLUSIVE);
                deleteNodePointer(mtr, parent, removalSlots[d - 1]);
                PageAllocator.free(mtr, spaceId, pageNo);
                d--;
                if (IndexPage.count(parent.page()) > 0) {
                    break;
                }
                if (d == 0) {
                    // The whole tree emptied: the root becomes an empty leaf again.
                    mtr.writeShort(parent, IndexPage.OFFSET_LEVEL, 0);
                    break;
                }
            }
            BufferFrame root = mtr.getPage(PageId.of(spaceId, rootPage), LatchMode.EXCLUSIVE);
            ByteBuffer rp = root.page();
            if (IndexPage.level(rp) > 0 && IndexPage.count(rp) == 1) {
                liftOnlyChild(mtr, root);
            }
            mtr.commit();
        }
    }

    /**
     * Latches an internal or leaf page and its siblings in left-to-right order. The page's links
     * are read under a short shared latch first: they cannot change meanwhile, since only holders
     * of the exclusive tree latch change them.
     */
    private BufferFrame readSiblingsAndLatch(MiniTransaction mtr, int pageNo) {
        long pid = PageId.of(spaceId, pageNo);
        int prev;
        int next;
        BufferFrame held = mtr.heldPage(pid);
        if (held != null) {
            // An internal page already latched as a parent: readers never latch internal pages
            // without the tree latch, so latching its siblings now cannot deadlock.
            prev = PageHeader.prev(held.page());
            next = PageHeader.next(held.page());
        } else {
            BufferFrame f = mtrs.pool().getPage(pid, LatchMode.SHARED);
            prev = PageHeader.prev(f.page());
            next = PageHeader.next(f.page());
            mtrs.pool().release(f, LatchMode.SHARED);
        }
        if (prev != PageId.NULL_PAGE) {
            mtr.getPage(PageId.of(spaceId, prev), LatchMode.EXCLUSIVE);
        }
        BufferFrame page = mtr.getPage(pid, LatchMode.EXCLUSIVE);
        checkPage(page);
        if (next != PageId.NULL_PAGE) {
            mtr.getPage(PageId.of(spaceId, next), LatchMode.EXCLUSIVE);
        }
        return page;
    }

    private void unlink(MiniTransaction mtr, BufferFrame page) {
        ByteBuffer p = page.page();
        int prev = PageHeader.prev(p);
        int next = PageHeader.next(p);
        if (prev != PageId.NULL_PAGE) {
            BufferFrame l = mtr.getPage(PageId.of(spaceId, prev), LatchMode.EXCLUSIVE);
            mtr.writeInt(l, PageHeader.OFFSET_NEXT, next);
        }
        if (next != PageId.NULL_PAGE) {
            BufferFrame r = mtr.getPage(PageId.of(spaceId, next), LatchMode.EXCLUSIVE);
            mtr.writeInt(r, PageHeader.OFFSET_PREV, prev);
            ByteBuffer rp = r.page();
            if (prev == PageId.NULL_PAGE && IndexPage.level(rp) > 0 && IndexPage.count(rp) > 0) {
                // The right neighbour becomes the leftmost page of its level: its first pointer
                // must now accept every key smaller than it.
                int first = IndexPage.record(rp, 0);
                IndexPage.setInfo(mtr, r, 0, RecordLayout.info(rp, first) | RecordLayout.INFO_MIN_REC);
            }
        }
    }

    /**
     * Removes the node pointer in {@code slot}. Removing the first pointer of a page hands its key
     * (and min-rec mark) to the next pointer, so the first key stays a lower bound of every key
     * the page's subtree can receive (BT1).
     */
    private void deleteNodePointer(MiniTransaction mtr, BufferFrame f, int slot) {
        ByteBuffer p = f.page();
        if (slot != 0 || IndexPage.count(p) < 2) {
            IndexPage.delete(mtr, f, slot);
            return;
        }
        int first = IndexPage.record(p, 0);
        int second = IndexPage.record(p, 1);
        ByteBuffer node = path.scratch(0);
        int len = nodePointer(nodeLayout, p, first, IndexPage.childPage(p, second), node);
        node.put(2, (byte) RecordLayout.info(p, first));
        IndexPage.deleteRange(mtr, f, 0, 2);
        IndexPage.insert(mtr, f, 0, node, 0, len);
    }

    /** Copies the root's only child into the root (one level lower) and frees the child. */
    private void liftOnlyChild(MiniTransaction mtr, BufferFrame root) {
        ByteBuffer rp = root.page();
        int childNo = IndexPage.childPage(rp, IndexPage.record(rp, 0));
        BufferFrame child = mtr.getPage(PageId.of(spaceId, childNo), LatchMode.EXCLUSIVE);
        checkPage(child);
        ByteBuffer cp = child.page();
        int n = IndexPage.count(cp);
        IndexPage.deleteRange(mtr, root, 0, 1);
        mtr.writeShort(root, IndexPage.OFFSET_LEVEL, IndexPage.level(cp));
        for (int i = 0; i < n; i++) {
            int r = IndexPage.record(cp, i);
            IndexPage.insert(mtr, root, i, cp, r, RecordLayout.length(cp, r));
        }
        PageAllocator.free(mtr, spaceId, childNo);
    }

    // ---- whole-tree operations ----------------------------------------------------------------

    /**
     * Copies the last record of the tree into {@code out} (from 0). Returns false if the tree is
     * empty.
     */
    public boolean readLast(ByteBuffer out) {
        latch.lockShared();
        try (MiniTransaction mtr = mtrs.startRead()) {
            BufferFrame f = mtr.getPage(PageId.of(spaceId, rootPage), LatchMode.SHARED);
            checkPage(f);
            while (IndexPage.level(f.page()) > 0) {
                ByteBuffer p = f.page();
                int r = IndexPage.record(p, IndexPage.count(p) - 1);
                BufferFrame c = mtr.getPage(PageId.of(spaceId, IndexPage.childPage(p, r)), LatchMode.SHARED);
                mtr.release(f);
                f = c;
                checkPage(f);
            }
            ByteBuffer p = f.page();
            int n = IndexPage.count(p);
            boolean found = n > 0;
            if (found) {
                int r = IndexPage.record(p, n - 1);
                out.clear();
                out.put(0, p, r, RecordLayout.length(p, r));
            }
            mtr.commit();
            return found;
        } finally {
            latch.unlockShared();
        }
    }

    /**
     * Frees every page of the tree, root included (DROP INDEX). The tree must not be used after.
     */
    public void freeAllPages() {
        latch.lockExclusive();
        try {
            java.util.List<Integer> pages = new java.util.ArrayList<>();
            int leftmost = rootPage;
            while (true) {
                int levelOfLeftmost;
                int childOfLeftmost = -1;
                BufferFrame f = mtrs.pool().getPage(PageId.of(spaceId, leftmost), LatchMode.SHARED);
                try {
                    checkPage(f);
                    levelOfLeftmost = IndexPage.level(f.page());
                    if (levelOfLeftmost > 0) {
                        childOfLeftmost = IndexPage.childPage(f.page(), IndexPage.record(f.page(), 0));
                    }
                } finally {
                    mtrs.pool().release(f, LatchMode.SHARED);
                }
                for (int pg = leftmost; pg != PageId.NULL_PAGE; ) {
                    pages.add(pg);
                    BufferFrame g = mtrs.pool().getPage(PageId.of(spaceId, pg), LatchMode.SHARED);
                    try {
                        pg = PageHeader.next(g.page());
                    } finally {
                        mtrs.pool().release(g, LatchMode.SHARED);
                    }
                }
                if (levelOfLeftmost == 0) {
                    break;
                }
                leftmost = childOfLeftmost;
            }
            for (int i = 0; i < pages.size(); i += 16) {
                try (MiniTransaction mtr = mtrs.start()) {
                    for (int j = i; j < Math.min(pages.size(), i + 16); j++) {
                        PageAllocator.free(mtr, spaceId, pages.get(j));
                    }
                    mtr.commit();
                }
            }
        } finally {
            latch.unlockExclusive();
        }
    }

    @Override
    public String toString() {
        return "BTree[" + name + ", space " + spaceId + ", root " + rootPage + "]";
    }
}
