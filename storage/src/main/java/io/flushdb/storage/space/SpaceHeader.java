package io.flushdb.storage.space;

import io.flushdb.storage.page.PageHeader;

/**
 * Page 0 of every tablespace (format in {@code docs/format/page.md}): identity, size and the list
 * of free pages, plus the per-table counters that must survive restarts.
 *
 * <pre>
 * body offset  size  field
 *           0     4  magic "FDBS"
 *           4     4  format version (1)
 *           8     4  page size in bytes
 *          12     4  space id
 *          16     4  size in pages: pages [0, size) have been allocated at some time
 *          20     4  first page of the free list (NULL_PAGE if empty); free pages link through
 *                    their header's next field
 *          24     4  number of pages on the free list
 *          28     8  AUTO_INCREMENT counter of the table in this space: the next value to hand out
 *          36     8  next hidden row id (tables without a primary key)
 * </pre>
 */
public final class SpaceHeader {
    public static final int MAGIC = 0x46444253; // "FDBS"
    public static final int FORMAT_VERSION = 1;

    public static final int OFFSET_MAGIC = PageHeader.BODY;
    public static final int OFFSET_VERSION = PageHeader.BODY + 4;
    public static final int OFFSET_PAGE_SIZE = PageHeader.BODY + 8;
    public static final int OFFSET_SPACE_ID = PageHeader.BODY + 12;
    public static final int OFFSET_SIZE = PageHeader.BODY + 16;
    public static final int OFFSET_FREE_HEAD = PageHeader.BODY + 20;
    public static final int OFFSET_FREE_COUNT = PageHeader.BODY + 24;
    public static final int OFFSET_AUTO_INCREMENT = PageHeader.BODY + 28;
    public static final int OFFSET_NEXT_ROW_ID = PageHeader.BODY + 36;
    /** Bytes of page 0 that hold everything above (FIL header and space header). */
    public static final int IMAGE_BYTES = PageHeader.BODY + 44;

    private SpaceHeader() {
    }
}
