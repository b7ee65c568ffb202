package io.flushdb.storage.btree;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;
import io.flushdb.storage.space.PageAllocator;

/**
 * Overflow chains: long column values (TEXT/BLOB of megabytes) stored outside their record on a
 * singly linked chain of OVERFLOW pages of the same tablespace. The record keeps an
 * {@link ExternalRef} (first page, length).
 *
 * <pre>
 * body offset  size  field
 *           0     4  bytes of the value held in this page
 *           4   ...  the bytes; the page header's next field links the chain
 * </pre>
 *
 * <p>A chain is written one page per mini-transaction (so a value of any size never has more
 * than two pages fixed at once) before the record that refers to it is inserted, and freed after
 * that record is gone. Chains are immutable while referenced, so readers need no tree latch.
 */
public final class OverflowStore {
    static final int OFFSET_LENGTH = PageHeader.BODY;
    static final int DATA = PageHeader.BODY + 4;

    private OverflowStore() {
    }

    /** Bytes of value one overflow page holds. */
    public static int capacity(int pageSize) {
        return PageHeader.trailerOffset(pageSize) - DATA;
    }

    /** Writes {@code data} to a new chain in {@code spaceId}. */
    public static ExternalRef write(MtrContext mtrs, int spaceId, byte[] data) {
        int cap = capacity(mtrs.pool().pageSize());
        int first = PageId.NULL_PAGE;
        int prev = PageId.NULL_PAGE;
        int off = 0;
        while (off < data.length) {
            int n = Math.min(cap, data.length - off);
            try (MiniTransaction mtr = mtrs.start()) {
                BufferFrame prevFrame = prev == PageId.NULL_PAGE ? null
                        : mtr.getPage(PageId.of(spaceId, prev), LatchMode.EXCLUSIVE);
                BufferFrame f = PageAllocator.allocate(mtr, spaceId, PageType.OVERFLOW);
                mtr.writeInt(f, OFFSET_LENGTH, n);
                mtr.writeBytes(f, DATA, data, off, n);
                if (prevFrame != null) {
                    mtr.writeInt(prevFrame, PageHeader.OFFSET_NEXT, f.pageNo());
                }
                prev = f.pageNo();
                mtr.commit();
            }
            if (first == PageId.NULL_PAGE) {
                first = prev;
            }
            off += n;
        }
        return new ExternalRef(first, data.length);
    }

    /** Reads a whole value. */
    public static byte[] read(BufferPool pool, int spaceId, ExternalRef ref) {
        if (ref.length() > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("value of " + ref.length() + " bytes is too long for one Java array");
        }
        byte[] out = new byte[(int) ref.length()];
        int off = 0;
        int page = ref.firstPage();
        while (off < out.length) {
            if (page == PageId.NULL_PAGE) {
                throw new CorruptPageException(spaceId, ref.firstPage(), "overflow chain ends after " + off + " of "
                        + out.length + " bytes");
            }
            BufferFrame f = pool.getPage(PageId.of(spaceId, page), LatchMode.SHARED);
            try {
                if (PageHeader.type(f.page()) != PageType.OVERFLOW) {
                    throw new CorruptPageException(spaceId, page, "expected an overflow page, found type "
                            + PageType.name(PageHeader.type(f.page())));
                }
                int n = f.page().getInt(OFFSET_LENGTH);
                if (n < 0 || n > out.length - off) {
                    throw new CorruptPageException(spaceId, page, "overflow page holds " + n + " bytes");
                }
                f.page().get(DATA, out, off, n);
                off += n;
                page = PageHeader.next(f.page());
            } finally {
                pool.release(f, LatchMode.SHARED);
            }
        }
        return out;
    }

    /** Frees a chain (the record referring to it must be gone). */
    public static void free(MtrContext mtrs, int spaceId, ExternalRef ref) {
        int page = ref.firstPage();
        while (page != PageId.NULL_PAGE) {
            try (MiniTransaction mtr = mtrs.start()) {
                page = freeSome(mtr, spaceId, page);
                mtr.commit();
            }
        }
    }

    /** Frees up to 8 pages of a chain from {@code page} in {@code mtr}; returns the first page left. */
    private static int freeSome(MiniTransaction mtr, int spaceId, int page) {
        for (int i = 0; i < 8 && page != PageId.NULL_PAGE; i++) {
            BufferFrame f = mtr.getPage(PageId.of(spaceId, page), LatchMode.EXCLUSIVE);
            if (PageHeader.type(f.page()) != PageType.OVERFLOW) {
                throw new CorruptPageException(spaceId, page, "freeing a non-overflow page as part of a chain");
            }
            int next = PageHeader.next(f.page());
            PageAllocator.free(mtr, spaceId, page);
            page = next;
        }
        return page;
    }

    /**
     * Frees a chain whose reference is kept at {@code ownerOffset} of page {@code owner} (the first
     * page number of the reference; an undo record's copy of an old version): each
     * mini-transaction frees a few pages from the head and advances the reference to the next
     * page, or to {@link PageId#NULL_PAGE} at the end, so a free cut off by a crash and run again
     * goes on where it stopped and never frees a page twice. The owner page is latched first.
     */
    public static void freeOwned(MtrContext mtrs, int spaceId, long owner, int ownerOffset) {
        while (true) {
            try (MiniTransaction mtr = mtrs.start()) {
                BufferFrame o = mtr.getPage(owner, LatchMode.EXCLUSIVE);
                int page = o.page().getInt(ownerOffset);
                if (page == PageId.NULL_PAGE) {
                    mtr.commit();
                    return;
                }
                page = freeSome(mtr, spaceId, page);
                mtr.writeInt(o, ownerOffset, page);
                mtr.commit();
            }
        }
    }

    /** Page numbers of a chain, for the checker. */
    public static int[] pages(BufferPool pool, int spaceId, ExternalRef ref) {
        java.util.List<Integer> out = new java.util.ArrayList<>();
        int page = ref.firstPage();
        while (page != PageId.NULL_PAGE) {
            out.add(page);
            BufferFrame f = pool.getPage(PageId.of(spaceId, page), LatchMode.SHARED);
            try {
                page = PageHeader.next(f.page());
            } finally {
                pool.release(f, LatchMode.SHARED);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
