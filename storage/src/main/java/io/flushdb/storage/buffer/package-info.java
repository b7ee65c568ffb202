/**
 * The buffer pool: {@link io.flushdb.storage.buffer.BufferPool}, split into
 * {@code BufferPoolInstance}s, each a fixed set of {@link io.flushdb.storage.buffer.BufferFrame}s
 * in off-heap memory with its page hash ({@code PageHash}), free list ({@code FreeList}), LRU list
 * with midpoint insertion ({@code LruList}) and flush list ({@code FlushList}). A page belongs to
 * the instance a hash of its {@code PageId} picks.
 *
 * <p>Owns: which page each frame holds, fixing, page latches, reading pages in (with checksum
 * verification), eviction, writing dirty pages (from a stamped private copy) and the per-instance
 * statistics. Never touches: files (it goes through a {@code PageStore}, the tablespace registry
 * in the engine), redo records, or what a page contains beyond its header and trailer. Pages
 * change only through {@code mtr.MiniTransaction}; a few read-only helpers fix and latch pages
 * shared without one.
 *
 * <p>Threads: every thread that reads or changes pages, in the foreground, and the page cleaner
 * threads ({@code cleaner.PageCleaner}), which write dirty pages per instance through
 * {@code flushLru} (LRU batches: clean tail pages to the free list, dirty ones written then freed)
 * and {@code flushList} (oldest first, a page budget and an LSN limit), each with its own
 * {@code FlushBatch}, in doublewrite batches. A thread that finds no free frame and no clean page
 * near the LRU tail writes one page itself (a single-page flush) and wakes the page cleaner;
 * {@code Engine.close} writes the rest ({@code flushAll}). Several flushers may hold a page's
 * shared latch at once; the one that claims its write ({@code BufferFrame.startWrite}) writes it
 * and takes it off its flush list, the others skip it.
 *
 * <p>Locks: the instance mutex ({@code BUFFER_POOL}) guards the page hash, the free list, the LRU
 * list and frame states; the flush-list mutex ({@code FLUSH_LIST}) guards the flush list and
 * {@code oldestModification}, and is taken after the instance mutex when both are needed, or
 * inside the redo log's mutex at commit. A page latch may be held while taking either mutex;
 * a thread never waits for a page latch while holding the instance mutex. No I/O happens under
 * either mutex.
 *
 * <p>Frame states ({@code BufferFrame.State}):
 * <pre>
 *   FREE      → READING    a miss: the requesting thread, under the instance mutex; it holds the
 *                          frame's latch exclusively while it reads
 *   READING   → FILE_PAGE  the read verified: the reading thread, under the frame's X latch
 *   READING   → FREE       the read failed: the reading thread, under the instance mutex; the
 *                          last thread to unfix the frame puts it on the free list
 *   FREE      → FILE_PAGE  createPage: the creating thread, under the instance mutex
 *   FILE_PAGE → FREE       eviction of a clean, unfixed page, or discardSpace: under the mutex
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>BP1: at a quiet point every frame is on exactly one of the free list and the LRU list, and
 *       a frame is in the page hash exactly when it is on the LRU list (checked by
 *       {@code BufferPool.checkInvariants}). The one transient exception is a frame whose read
 *       failed while other threads had it fixed: it is in neither until the last of them lets
 *       go.</li>
 *   <li>BP2: a fixed frame is never evicted or given another page: eviction and the single-page
 *       flush pick only unfixed frames, and a fix is taken only under the instance mutex (through
 *       the page hash), so an evictor holding the mutex sees every fix. A failed read is the one
 *       way a fixed frame loses its page; waiters see it and retry.</li>
 *   <li>BP3: an unfixed frame cannot change. Latching and flushing require a fix, so no thread
 *       can change or write its page; only {@code discardSpace}, under the instance mutex, drops
 *       it. An evictor holding the mutex may therefore test {@code oldestModification} without
 *       the flush-list mutex.</li>
 *   <li>BP4: a page is read at most once at a time: it enters the page hash before its read
 *       starts, and a second requester waits on the latch the reader holds.</li>
 *   <li>BP5: a page is written from a private copy taken under its shared latch, so no change is
 *       half-applied in the image; the copy is stamped with its trailer and checksum (PG1) and
 *       written only after the write-ahead barrier has returned for the page's newest
 *       modification (WAL1).</li>
 *   <li>FL1, FL2 (flush list: membership and order by {@code oldestModification}): see
 *       {@code FlushList}. LRU1–LRU3 (links, old sublist, its share): see {@code LruList}.</li>
 * </ul>
 */
package io.flushdb.storage.buffer;
