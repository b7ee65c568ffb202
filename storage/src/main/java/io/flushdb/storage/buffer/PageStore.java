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
}
