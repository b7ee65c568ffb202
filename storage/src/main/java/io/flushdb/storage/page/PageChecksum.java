package io.flushdb.storage.page;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * CRC-32C page checksums (hardware-accelerated by the JDK). {@link #stamp} runs on the private
 * copy of a page just before it is written; {@link #verify} runs on every page read from a file.
 *
 * <p>Concurrency: stateless apart from a per-thread {@link CRC32C}, so no garbage per page.
 */
public final class PageChecksum {
    private static final ThreadLocal<CRC32C> CRC = ThreadLocal.withInitial(CRC32C::new);

    private PageChecksum() {
    }

    /** Computes the checksum of bytes [4, pageSize) of {@code page}. */
    public static int compute(ByteBuffer page, int pageSize) {
        CRC32C crc = CRC.get();
        crc.reset();
        int oldPos = page.position();
        int oldLimit = page.limit();
        page.limit(pageSize).position(PageHeader.OFFSET_CHECKSUM + 4);
        crc.update(page);
        page.limit(oldLimit).position(oldPos);
        return (int) crc.getValue();
    }

    /** Writes the LSN trailer and the checksum into a page image about to be written. */
    public static void stamp(ByteBuffer page, int pageSize) {
        page.putInt(PageHeader.trailerOffset(pageSize), (int) page.getLong(PageHeader.OFFSET_LSN));
        page.putInt(PageHeader.OFFSET_CHECKSUM, compute(page, pageSize));
    }

    /**
     * Checks a page image read from a file. An all-zero page is valid (allocated, never written).
     *
     * @throws CorruptPageException naming the page when the checksum or trailer does not match
     */
    public static void verify(ByteBuffer page, int pageSize, int spaceId, int pageNo) {
        int stored = page.getInt(PageHeader.OFFSET_CHECKSUM);
        int actual = compute(page, pageSize);
        if (stored != actual) {
            if (stored == 0 && PageHeader.isAllZero(page, pageSize)) {
                return;
            }
            throw new CorruptPageException(spaceId, pageNo, stored, actual, "checksum mismatch");
        }
        int trailer = page.getInt(PageHeader.trailerOffset(pageSize));
        if (trailer != (int) page.getLong(PageHeader.OFFSET_LSN)) {
            throw new CorruptPageException(spaceId, pageNo, stored, actual, "LSN trailer mismatch (torn write)");
        }
        int storedSpace = page.getInt(PageHeader.OFFSET_SPACE_ID);
        int storedPage = page.getInt(PageHeader.OFFSET_PAGE_NO);
        if (storedSpace != spaceId || storedPage != pageNo) {
            throw new CorruptPageException(spaceId, pageNo, stored, actual,
                    "page header names " + PageId.toString(PageId.of(storedSpace, storedPage)));
        }
    }
}
