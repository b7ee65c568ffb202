package io.flushdb.storage.buffer;

/**
 * Figures of one buffer pool instance (or their sum), as SHOW ENGINE INNODB STATUS and
 * INNODB_BUFFER_POOL_STATS report them.
 *
 * @param poolSize       frames ("Buffer pool size")
 * @param freeBuffers    frames on the free list
 * @param databasePages  LRU length
 * @param oldPages       length of the LRU's old sublist
 * @param modifiedPages  flush list length
 * @param readRequests   logical page requests ({@code Innodb_buffer_pool_read_requests})
 * @param pagesRead      pages read from files ({@code Innodb_buffer_pool_reads})
 * @param pagesCreated   pages created without a read
 * @param pagesWritten   pages written
 * @param madeYoung      pages moved to the young end
 * @param notMadeYoung   accesses to old pages that did not make them young
 * @param waitFree       foreground single-page flushes ({@code Innodb_buffer_pool_wait_free})
 * @param evicted        clean pages evicted from the LRU
 * @param pendingReads   page reads in progress ("Pending reads")
 * @param pendingLru     LRU batch writes in progress ("Pending writes: LRU")
 * @param pendingFlushList flush-list writes in progress ("flush list")
 * @param pendingSinglePage single-page (foreground) writes in progress ("single page")
 */
public record BufferPoolStats(int poolId, long poolSize, long freeBuffers, long databasePages, long oldPages,
                              long modifiedPages, long readRequests, long pagesRead, long pagesCreated,
                              long pagesWritten, long madeYoung, long notMadeYoung, long waitFree, long evicted,
                              long pendingReads, long pendingLru, long pendingFlushList, long pendingSinglePage) {

    BufferPoolStats plus(BufferPoolStats o) {
        return new BufferPoolStats(-1, poolSize + o.poolSize, freeBuffers + o.freeBuffers,
                databasePages + o.databasePages, oldPages + o.oldPages, modifiedPages + o.modifiedPages,
                readRequests + o.readRequests, pagesRead + o.pagesRead, pagesCreated + o.pagesCreated,
                pagesWritten + o.pagesWritten, madeYoung + o.madeYoung, notMadeYoung + o.notMadeYoung,
                waitFree + o.waitFree, evicted + o.evicted, pendingReads + o.pendingReads,
                pendingLru + o.pendingLru, pendingFlushList + o.pendingFlushList,
                pendingSinglePage + o.pendingSinglePage);
    }
}
