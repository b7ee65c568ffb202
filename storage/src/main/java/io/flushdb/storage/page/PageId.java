package io.flushdb.storage.page;

/**
 * A page's address, (space id, page number), packed into one {@code long} so that hashing and
 * passing page ids creates no objects: the space id in the high 32 bits, the page number in the
 * low 32 bits. Static helpers only.
 */
public final class PageId {
    /** "No page": InnoDB's FIL_NULL, used for absent prev/next links and empty list heads. */
    public static final int NULL_PAGE = 0xFFFFFFFF;

    private PageId() {
    }

    public static long of(int spaceId, int pageNo) {
        return ((long) spaceId << 32) | (pageNo & 0xFFFFFFFFL);
    }

    public static int spaceId(long pageId) {
        return (int) (pageId >>> 32);
    }

    public static int pageNo(long pageId) {
        return (int) pageId;
    }

    public static String toString(long pageId) {
        return "[space " + spaceId(pageId) + ", page " + Integer.toUnsignedString(pageNo(pageId)) + "]";
    }
}
