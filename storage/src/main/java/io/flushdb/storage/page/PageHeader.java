package io.flushdb.storage.page;

import java.nio.ByteBuffer;

/**
 * The header and trailer every page carries, as offsets into the page (see
 * {@code docs/format/page.md}, which this class mirrors). All multi-byte values are big-endian.
 *
 * <pre>
 * offset  size  field
 *      0     4  checksum: CRC-32C of bytes [4, pageSize)
 *      4     4  space id
 *      8     4  page number
 *     12     4  previous page in a list or B+tree level (NULL_PAGE if none)
 *     16     4  next page (NULL_PAGE if none)
 *     20     8  page LSN: newest modification written into this image
 *     28     2  page type ({@link PageType})
 *     30     2  reserved (zero)
 *     32        body (type-specific)
 * size-4     4  trailer: low 32 bits of the page LSN
 * </pre>
 *
 * <p>The trailer repeats the LSN's low bits, as InnoDB's page trailer does.
 * {@link PageChecksum#verify} checks the checksum first; since it covers the trailer too, a write
 * torn between the first and last sector normally fails there. It then checks the trailer against
 * the header LSN, and last the space id and page number (PG2).
 */
public final class PageHeader {
    public static final int OFFSET_CHECKSUM = 0;
    public static final int OFFSET_SPACE_ID = 4;
    public static final int OFFSET_PAGE_NO = 8;
    public static final int OFFSET_PREV = 12;
    public static final int OFFSET_NEXT = 16;
    public static final int OFFSET_LSN = 20;
    public static final int OFFSET_TYPE = 28;
    /** First byte of the type-specific body. */
    public static final int BODY = 32;
    /** Size of the trailer at the end of the page. */
    public static final int TRAILER_SIZE = 4;

    public static final int MIN_PAGE_SIZE = 4096;
    public static final int MAX_PAGE_SIZE = 65536;

    private PageHeader() {
    }

    public static int spaceId(ByteBuffer page) {
        return page.getInt(OFFSET_SPACE_ID);
    }

    public static int pageNo(ByteBuffer page) {
        return page.getInt(OFFSET_PAGE_NO);
    }

    public static int prev(ByteBuffer page) {
        return page.getInt(OFFSET_PREV);
    }

    public static int next(ByteBuffer page) {
        return page.getInt(OFFSET_NEXT);
    }

    public static long lsn(ByteBuffer page) {
        return page.getLong(OFFSET_LSN);
    }

    public static short type(ByteBuffer page) {
        return page.getShort(OFFSET_TYPE);
    }

    /** Offset of the trailer in a page of {@code pageSize} bytes. */
    public static int trailerOffset(int pageSize) {
        return pageSize - TRAILER_SIZE;
    }

    /** Whether {@code pageSize} is a power of two between 4 KiB and 64 KiB. */
    public static boolean isValidPageSize(int pageSize) {
        return pageSize >= MIN_PAGE_SIZE && pageSize <= MAX_PAGE_SIZE && Integer.bitCount(pageSize) == 1;
    }

    /** Whether every byte of the page is zero (a page allocated but never written). */
    public static boolean isAllZero(ByteBuffer page, int pageSize) {
        for (int i = 0; i < pageSize; i += 8) {
            if (page.getLong(i) != 0) {
                return false;
            }
        }
        return true;
    }
}
