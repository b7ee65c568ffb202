/**
 * FlushDB's storage engine: checksummed pages in tablespace files, a buffer pool, mini-transactions
 * that stamp every page change with an LSN, B+tree indexes, and a data dictionary. It depends on
 * the JDK only and knows nothing of SQL; {@link io.flushdb.storage.Engine} owns every component
 * of one data directory. {@code docs/storage.md} describes the whole.
 *
 * <p>Glossary: where each InnoDB concept lives. "Not yet" marks a part that has no class today.
 *
 * <table class="striped">
 *   <caption>InnoDB terms and their FlushDB classes</caption>
 *   <thead>
 *     <tr><th scope="col">InnoDB term</th><th scope="col">FlushDB</th></tr>
 *   </thead>
 *   <tbody>
 *     <tr><td>buffer pool, buffer pool instance, page hash</td>
 *         <td>{@code BufferPool}, {@code BufferPoolInstance}, {@code PageHash}</td></tr>
 *     <tr><td>free list / LRU list (old sublist, midpoint) / flush list</td>
 *         <td>{@code FreeList}, {@code LruList}, {@code FlushList}</td></tr>
 *     <tr><td>buf_block_t, control block; buffer-fix; page latch mode</td>
 *         <td>{@code BufferFrame}; its fix count; {@code LatchMode}</td></tr>
 *     <tr><td>oldest_modification / newest_modification; modify_clock</td>
 *         <td>{@code BufferFrame.oldestModification()} / {@code newestModification()};
 *             {@code modifyClock()}</td></tr>
 *     <tr><td>single-page flush ({@code Innodb_buffer_pool_wait_free})</td>
 *         <td>{@code BufferPool.flushPage} with {@code FlushKind.SINGLE_PAGE}, called when
 *             {@code BufferPoolInstance} finds no free frame</td></tr>
 *     <tr><td>flush-list flush</td>
 *         <td>{@code BufferPool.flushAll} (at close only)</td></tr>
 *     <tr><td>LRU batch flush, neighbour flush, page cleaner coordinator / worker / slot,
 *             adaptive flushing</td>
 *         <td>not yet ({@code FlushKind.LRU} is declared, unused)</td></tr>
 *     <tr><td>buffer pool status figures</td>
 *         <td>{@code BufferPoolStats}; the other {@code Innodb_*} counters (rows, data file
 *             I/O, redo file I/O): {@code metrics.InnodbCounters}, file I/O counted by
 *             {@code metrics.CountingFileStore}</td></tr>
 *     <tr><td>log_sys LSNs: lsn, flushed_to_disk_lsn, last_checkpoint_lsn; oldest
 *             modification in the pool</td>
 *         <td>{@code Engine.currentLsn()}, {@code flushedToDiskLsn()},
 *             {@code lastCheckpointLsn()} (moved by {@code checkpointed}),
 *             {@code oldestModificationLsn()}</td></tr>
 *     <tr><td>mini-transaction (mtr)</td>
 *         <td>{@code MiniTransaction}, handed out by {@code MtrContext}</td></tr>
 *     <tr><td>log_sys: LSN assignment, flush order</td>
 *         <td>{@code RedoLog}</td></tr>
 *     <tr><td>redo record types (MLOG_*)</td>
 *         <td>{@code RedoRecordType}</td></tr>
 *     <tr><td>write-ahead rule</td>
 *         <td>WAL1: the barrier {@code BufferPool.flushPage} calls (a no-op while there is no
 *             log file)</td></tr>
 *     <tr><td>log buffer, redo files, log writer / flusher, group commit, checkpointer,
 *             checkpoint age, async / sync flush points, sharp / fuzzy checkpoint</td>
 *         <td>not yet</td></tr>
 *     <tr><td>doublewrite buffer</td>
 *         <td>not yet</td></tr>
 *     <tr><td>redo apply (recv_recover_page)</td>
 *         <td>{@code RedoApplier}</td></tr>
 *     <tr><td>recv_sys (recovery driver), redo scan and parse, deferred tablespace</td>
 *         <td>not yet</td></tr>
 *     <tr><td>page_id_t, FIL_NULL</td>
 *         <td>{@code PageId} (a packed {@code long}), {@code PageId.NULL_PAGE}</td></tr>
 *     <tr><td>FIL header and trailer, page checksum, page type</td>
 *         <td>{@code PageHeader}, {@code PageChecksum}, {@code PageType}</td></tr>
 *     <tr><td>os_file (file I/O)</td>
 *         <td>{@code FileIO}, {@code FileStore}</td></tr>
 *     <tr><td>fil_system, fil_space_t</td>
 *         <td>{@code TablespaceRegistry}, {@code Tablespace}</td></tr>
 *     <tr><td>FSP header (page 0), page allocation</td>
 *         <td>{@code SpaceHeader}, {@code PageAllocator} (single pages; extents and segments:
 *             not yet)</td></tr>
 *     <tr><td>B-tree (btr), persistent cursor (btr_pcur)</td>
 *         <td>{@code BTree}, {@code BTreeCursor}</td></tr>
 *     <tr><td>index page, record, min-rec flag</td>
 *         <td>{@code IndexPage}, {@code RecordLayout}, {@code RecordLayout.INFO_MIN_REC}</td></tr>
 *     <tr><td>externally stored fields (BLOB pages)</td>
 *         <td>{@code OverflowStore}, {@code ExternalRef}</td></tr>
 *     <tr><td>btr_validate_index, CHECK TABLE</td>
 *         <td>{@code BTreeChecker}, {@code TableStore.check}</td></tr>
 *     <tr><td>row0ins / row0upd / row0sel; GEN_CLUST_INDEX, DB_ROW_ID</td>
 *         <td>{@code TableStore}; {@code IndexDef.Kind.GENERATED_CLUSTERED}</td></tr>
 *     <tr><td>dict_sys, dict_table_t, dict_index_t, dict_col_t</td>
 *         <td>{@code Dictionary}, {@code TableDef}, {@code IndexDef}, {@code ColumnDef}</td></tr>
 *     <tr><td>trx_t</td>
 *         <td>{@code Transaction} (undo kept in memory)</td></tr>
 *     <tr><td>table lock, lock wait timeout</td>
 *         <td>{@code TableLock}, {@code LockWaitTimeoutException}</td></tr>
 *     <tr><td>undo pages, read views (MVCC), row locks, deadlock detector, purge</td>
 *         <td>not yet</td></tr>
 *     <tr><td>latch_level_t, sync_check</td>
 *         <td>{@code LatchLevel}, {@code LatchOrderChecker}, {@code OrderedLock},
 *             {@code OrderedRwLock}</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Packages: {@code io} (the file seam), {@code page} (what every page shares), {@code latch}
 * (the lock order), {@code buffer} (the buffer pool), {@code mtr} (mini-transactions), {@code log}
 * (LSNs and redo record kinds), {@code recovery} (redo apply), {@code space} (the data directory,
 * tablespaces, page allocation), {@code btree} (indexes, cursors, overflow chains), {@code row}
 * (a table's rows in its indexes), {@code trx} (transactions and table locks), {@code dict} (the
 * data dictionary and DDL), {@code metrics} (activity counters for status output), {@code util}
 * (the clock).
 *
 * <p>Threads: the engine starts none. Every piece of work, page writes included, runs in the
 * thread that calls it: sessions' threads, and the thread that opens or closes the engine.
 *
 * <p>States of {@link io.flushdb.storage.Engine}:
 * <pre>
 *   OPEN    entered by Engine.open; reads and writes
 *   FAILED  entered from OPEN by Engine.fail: a failed page write, a mini-transaction abandoned
 *           after changing pages, or a statement's undo that failed in the SQL layer; reads go on
 *   CLOSED  entered from OPEN or FAILED by Engine.close
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>ENG1: FAILED is sticky. The first cause is kept; {@code checkWritable()} and every later
 *       page write throw {@link io.flushdb.storage.EngineFailedException} carrying it. A failed
 *       write or fsync is never retried.</li>
 *   <li>ENG2: a clean close (from OPEN) records the shutdown LSN and the clean-shutdown flag in one
 *       mini-transaction, writes every dirty page, and forces every tablespace file before the
 *       files are closed and the directory lock is released; a close from FAILED writes
 *       nothing.</li>
 *   <li>ENG3: {@code storage} depends on the JDK only and imports nothing from {@code sql} or
 *       {@code driver} (the module's Maven enforcer rule bans every compile, runtime and provided
 *       dependency).</li>
 * </ul>
 */
package io.flushdb.storage;
