package io.flushdb.storage.space;

import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.page.PageType;

/**
 * Allocation and freeing of pages within a tablespace, through page 0's free list and size
 * (see {@link SpaceHeader}). All changes are logged in the caller's mini-transaction.
 *
 * <p>Latch order: the caller's tree pages, then page 0, then the page taken off the free list
 * (which no other thread can reach: it is in no structure).
 */
public final class PageAllocator {
    private PageAllocator() {
    }

    /**
     * Creates tablespace {@code spaceId}'s page 0 in a new, empty file.
     */
    public static void initSpace(MiniTransaction mtr, int spaceId) {
        BufferFrame h = mtr.createPage(PageId.of(spaceId, 0), PageType.SPACE_HEADER);
        mtr.writeInt(h, SpaceHeader.OFFSET_MAGIC, SpaceHeader.MAGIC);
        mtr.writeInt(h, SpaceHeader.OFFSET_VERSION, SpaceHeader.FORMAT_VERSION);
        mtr.writeInt(h, SpaceHeader.OFFSET_PAGE_SIZE, mtr.pageSize());
        mtr.writeInt(h, SpaceHeader.OFFSET_SPACE_ID, spaceId);
        mtr.writeInt(h, SpaceHeader.OFFSET_SIZE, 1);
        mtr.writeInt(h, SpaceHeader.OFFSET_FREE_HEAD, PageId.NULL_PAGE);
        mtr.writeInt(h, SpaceHeader.OFFSET_FREE_COUNT, 0);
        mtr.writeLong(h, SpaceHeader.OFFSET_AUTO_INCREMENT, 1);
        mtr.writeLong(h, SpaceHeader.OFFSET_NEXT_ROW_ID, 1);
    }

    /**
     * Allocates a page of {@code spaceId} and returns it initialised as {@code pageType}, latched
     * exclusively in {@code mtr}. Reuses a freed page when there is one.
     */
    public static BufferFrame allocate(MiniTransaction mtr, int spaceId, short pageType) {
        BufferFrame h = mtr.getPage(PageId.of(spaceId, 0), LatchMode.EXCLUSIVE);
        int head = h.page().getInt(SpaceHeader.OFFSET_FREE_HEAD);
        int pageNo;
        if (head != PageId.NULL_PAGE) {
            BufferFrame free = mtr.getPage(PageId.of(spaceId, head), LatchMode.EXCLUSIVE);
            if (PageHeader.type(free.page()) != PageType.FREE) {
                throw new io.flushdb.storage.page.CorruptPageException(spaceId, head,
                        "page on the free list has type " + PageType.name(PageHeader.type(free.page())));
            }
            mtr.writeInt(h, SpaceHeader.OFFSET_FREE_HEAD, PageHeader.next(free.page()));
            mtr.writeInt(h, SpaceHeader.OFFSET_FREE_COUNT, h.page().getInt(SpaceHeader.OFFSET_FREE_COUNT) - 1);
            pageNo = head;
        } else {
            pageNo = h.page().getInt(SpaceHeader.OFFSET_SIZE);
            mtr.writeInt(h, SpaceHeader.OFFSET_SIZE, pageNo + 1);
        }
        return mtr.createPage(PageId.of(spaceId, pageNo), pageType);
    }

    /**
     * Puts page {@code pageNo} (which must be in no structure any more) on its space's free list.
     * The page is re-initialised as a FREE page.
     */
    public static void free(MiniTransaction mtr, int spaceId, int pageNo) {
        if (pageNo == 0) {
            throw new IllegalArgumentException("page 0 cannot be freed");
        }
        BufferFrame p = mtr.getPage(PageId.of(spaceId, pageNo), LatchMode.EXCLUSIVE);
        BufferFrame h = mtr.getPage(PageId.of(spaceId, 0), LatchMode.EXCLUSIVE);
        mtr.initPage(p, PageType.FREE);
        int head = h.page().getInt(SpaceHeader.OFFSET_FREE_HEAD);
        mtr.writeInt(p, PageHeader.OFFSET_NEXT, head);
        mtr.writeInt(h, SpaceHeader.OFFSET_FREE_HEAD, pageNo);
        mtr.writeInt(h, SpaceHeader.OFFSET_FREE_COUNT, h.page().getInt(SpaceHeader.OFFSET_FREE_COUNT) + 1);
    }

    /** Pages ever allocated in the space (its size in pages). Requires: page 0 latched by the caller. */
    public static int size(BufferFrame header) {
        return header.page().getInt(SpaceHeader.OFFSET_SIZE);
    }

    public static int freeCount(BufferFrame header) {
        return header.page().getInt(SpaceHeader.OFFSET_FREE_COUNT);
    }
}
