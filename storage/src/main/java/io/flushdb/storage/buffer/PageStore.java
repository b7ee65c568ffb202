package io.flushdb.storage.buffer;

import java.nio.ByteBuffer;

/**
 * Where the buffer pool reads pages from and writes them to: the tablespace registry in the
 * engine, a plain file in buffer pool tests. Implementations map a page id to a file offset.
 */
public interface PageStore {

    /** Reads page {@code pageId} into {@code dst} (position 0, page size bytes). */
    void readPage(long pageId, ByteBuffer dst);

    /** Writes the stamped page image {@code src} (position 0, page size bytes) to its place. */
    void writePage(long pageId, ByteBuffer src);

    /**
     * Writes a batch of {@code n} stamped page images, page {@code i} of {@code ids} at
     * {@code i * pageSize} in {@code images} (a flush batch; the engine sends it through the
     * doublewrite file). The default writes them one by one.
     */
    default void writePages(long[] ids, ByteBuffer images, int n, int pageSize) {
        for (int i = 0; i < n; i++) {
            ByteBuffer page = images.duplicate();
            page.limit((i + 1) * pageSize).position(i * pageSize);
            writePage(ids[i], page.slice());
        }
    }
}
