package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks a whole B+tree and verifies its structure (MySQL's CHECK TABLE, SQLite's
 * integrity_check):
 * <ul>
 *   <li>every page is an index page of this index, at the level its parent implies;</li>
 *   <li>records are in strictly increasing key order within each page and across each level;</li>
 *   <li>sibling links are consistent both ways, and each level's chain visits exactly the
 *       children of the level above, in order;</li>
 *   <li>the separator invariant BT1 holds for every node pointer;</li>
 *   <li>only the root may be empty, and no record exceeds its page.</li>
 * </ul>
 * Runs under the tree's shared latch, so the tree must not be changed meanwhile (writers wait).
 */
public final class BTreeChecker {
    /** What the checker saw. */
    public record Report(int levels, long leafRecords, int[] pagesPerLevel, List<Integer> pages) {
        public long totalPages() {
            long n = 0;
            for (int p : pagesPerLevel) {
                n += p;
            }
            return n;
        }
    }

    private BTreeChecker() {
    }

    public static Report check(BTree tree) {
        BufferPool pool = tree.mtrs().pool();
        tree.latch().lockShared();
        try {
            return walk(tree, pool);
        } finally {
            tree.latch().unlockShared();
        }
    }

    private static Report walk(BTree tree, BufferPool pool) {
        int space = tree.spaceId();
        List<Integer> allPages = new ArrayList<>();
        List<Integer> levelPages = List.of(tree.rootPage());
        int rootLevel = -1;
        List<int[]> counts = new ArrayList<>();
        long leafRecords = 0;
        // Children expected at the next level, in order, from the node pointers of this level.
        while (true) {
            List<Integer> children = new ArrayList<>();
            int level = -1;
            ByteBuffer prevLast = null;
            RecordLayout prevLayout = null;
            int expectedPrev = PageId.NULL_PAGE;
            for (int i = 0; i < levelPages.size(); i++) {
                int pageNo = levelPages.get(i);
                allPages.add(pageNo);
                BufferFrame f = pool.getPage(PageId.of(space, pageNo), LatchMode.SHARED);
                try {
                    ByteBuffer p = f.page();
                    String where = "index " + tree.name() + " page " + pageNo;
                    tree.checkPage(f);
                    int lv = IndexPage.level(p);
                    if (level == -1) {
                        level = lv;
                        if (rootLevel == -1) {
                            rootLevel = lv;
                        }
                    } else if (lv != level) {
                        throw new CorruptIndexException(where + ": level " + lv + " in a chain of level " + level);
                    }
                    if (PageHeader.prev(p) != expectedPrev) {
                        throw new CorruptIndexException(where + ": prev link " + PageHeader.prev(p) + ", expected " + expectedPrev);
                    }
                    int next = PageHeader.next(p);
                    int want = i + 1 < levelPages.size() ? levelPages.get(i + 1) : PageId.NULL_PAGE;
                    if (next != want) {
                        throw new CorruptIndexException(where + ": next link " + next + ", expected " + want);
                    }
                    int n = IndexPage.count(p);
                    if (n == 0 && pageNo != tree.rootPage()) {
                        throw new CorruptIndexException(where + ": empty non-root page");
                    }
                    checkSpace(p, pool.pageSize(), where);
                    RecordLayout layout = tree.layoutOf(p);
                    for (int s = 0; s < n; s++) {
                        int r = IndexPage.record(p, s);
                        boolean minRec = (RecordLayout.info(p, r) & RecordLayout.INFO_MIN_REC) != 0;
                        boolean leftmostFirst = lv > 0 && s == 0 && PageHeader.prev(p) == PageId.NULL_PAGE;
                        if (minRec != leftmostFirst) {
                            throw new CorruptIndexException(where + ": record " + s + (minRec ? " has" : " lacks")
                                    + " the min-rec mark");
                        }
                        boolean previousIsMinRec = s == 1
                                && (RecordLayout.info(p, IndexPage.record(p, 0)) & RecordLayout.INFO_MIN_REC) != 0;
                        if (s > 0 && !previousIsMinRec) {
                            int c = RecordLayout.compare(layout, p, IndexPage.record(p, s - 1), layout, p, r, tree.keyFields());
                            if (c >= 0) {
                                throw new CorruptIndexException(where + ": records " + (s - 1) + " and " + s + " out of order");
                            }
                        } else if (prevLast != null && lv == 0) {
                            int c = RecordLayout.compare(prevLayout, prevLast, 0, layout, p, r, tree.keyFields());
                            if (c >= 0) {
                                throw new CorruptIndexException(where + ": first record not after the previous page's last");
                            }
                        }
                        if (lv > 0) {
                            children.add(IndexPage.childPage(p, r));
                        }
                    }
                    if (n > 0 && lv == 0) {
                        int last = IndexPage.record(p, n - 1);
                        prevLast = ByteBuffer.allocate(RecordLayout.length(p, last));
                        prevLast.put(0, p, last, RecordLayout.length(p, last));
                        prevLayout = layout;
                    }
                    if (lv == 0) {
                        leafRecords += n;
                    } else {
                        checkSeparators(tree, pool, p, where);
                    }
                    expectedPrev = pageNo;
                } finally {
                    pool.release(f, LatchMode.SHARED);
                }
            }
            counts.add(new int[] {level, levelPages.size()});
            if (level == 0) {
                break;
            }
            levelPages = children;
        }
        int[] perLevel = new int[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            perLevel[i] = counts.get(i)[1];
        }
        return new Report(rootLevel + 1, leafRecords, perLevel, allPages);
    }

    private static void checkSpace(ByteBuffer p, int pageSize, String where) {
        int n = IndexPage.count(p);
        int top = IndexPage.heapTop(p);
        if (top < IndexPage.SLOTS + 2 * n || top > PageHeader.trailerOffset(pageSize)) {
            throw new CorruptIndexException(where + ": heap top " + top + " overlaps the slots");
        }
        int sum = 0;
        for (int s = 0; s < n; s++) {
            int r = IndexPage.record(p, s);
            int len = RecordLayout.length(p, r);
            if (r < top || r + len > PageHeader.trailerOffset(pageSize)) {
                throw new CorruptIndexException(where + ": record " + s + " outside the heap");
            }
            sum += len;
        }
        if (sum + IndexPage.garbage(p) != PageHeader.trailerOffset(pageSize) - top) {
            throw new CorruptIndexException(where + ": heap accounting: records " + sum + " + garbage "
                    + IndexPage.garbage(p) + " != heap " + (PageHeader.trailerOffset(pageSize) - top));
        }
    }

    /** BT1 for the node pointers of internal page {@code p}: child i's keys are in [key_i, key_i+1). */
    private static void checkSeparators(BTree tree, BufferPool pool, ByteBuffer p, String where) {
        int n = IndexPage.count(p);
        RecordLayout nl = tree.nodeLayout();
        for (int s = 0; s < n; s++) {
            int r = IndexPage.record(p, s);
            int child = IndexPage.childPage(p, r);
            BufferFrame c = pool.getPage(PageId.of(tree.spaceId(), child), LatchMode.SHARED);
            try {
                ByteBuffer cp = c.page();
                int cn = IndexPage.count(cp);
                if (cn == 0) {
                    continue;
                }
                RecordLayout cl = tree.layoutOf(cp);
                // Every key bounds its child from below, except the min-rec pointer of a level's
                // leftmost page, which stands for minus infinity.
                boolean minRec = (RecordLayout.info(p, r) & RecordLayout.INFO_MIN_REC) != 0;
                if (!minRec && RecordLayout.compare(cl, cp, IndexPage.record(cp, 0), nl, p, r, tree.keyFields()) < 0) {
                    throw new CorruptIndexException(where + ": child " + child + " has a key below its separator (slot " + s + ")");
                }
                if (s + 1 < n) {
                    int nr = IndexPage.record(p, s + 1);
                    if (RecordLayout.compare(cl, cp, IndexPage.record(cp, cn - 1), nl, p, nr, tree.keyFields()) >= 0) {
                        throw new CorruptIndexException(where + ": child " + child + " has a key at or above the next separator");
                    }
                }
            } finally {
                pool.release(c, LatchMode.SHARED);
            }
        }
    }
}
