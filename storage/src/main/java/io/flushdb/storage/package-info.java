/**
 * FlushDB's storage engine: checksummed pages in tablespace files, a buffer pool, mini-transactions
 * that stamp every page change with an LSN, a redo log with group commit and checkpoints, a
 * doublewrite buffer, crash recovery, B+tree indexes, and a data dictionary. It depends on the JDK
 * only and knows nothing of SQL; {@link io.flushdb.storage.Engine} owns every component
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
 *         <td>{@code BufferPool.flushList} per instance (the page cleaner), {@code flushUpTo}
 *             and {@code flushAll} in the calling thread (close, recovery, tests); batches of
 *             at most 64 pages ({@code FlushBatch})</td></tr>
 *     <tr><td>LRU batch flush; neighbour flush ({@code innodb_flush_neighbors})</td>
 *         <td>{@code BufferPool.flushLru}; {@code BufferPool.pickNeighbors}</td></tr>
 *     <tr><td>page cleaner coordinator / worker / slot, sync / adaptive / idle flushing</td>
 *         <td>{@code cleaner.PageCleaner} ({@code SlotState}); the policy is
 *             {@code cleaner.AdaptiveFlushing}</td></tr>
 *     <tr><td>buffer pool status figures</td>
 *         <td>{@code BufferPoolStats}; the other {@code Innodb_*} counters (rows, data file
 *             I/O, redo file I/O): {@code metrics.InnodbCounters}, file I/O counted by
 *             {@code metrics.CountingFileStore}</td></tr>
 *     <tr><td>log_sys LSNs: lsn, flushed_to_disk_lsn, last_checkpoint_lsn; oldest
 *             modification in the pool</td>
 *         <td>{@code Engine.currentLsn()}, {@code logWrittenLsn()}, {@code flushedToDiskLsn()},
 *             {@code lastCheckpointLsn()} (moved by each checkpoint, {@code RedoLog.checkpointed}),
 *             {@code oldestModificationLsn()}</td></tr>
 *     <tr><td>mini-transaction (mtr)</td>
 *         <td>{@code MiniTransaction}, handed out by {@code MtrContext}</td></tr>
 *     <tr><td>log_sys: LSN assignment, flush order</td>
 *         <td>{@code RedoLog}</td></tr>
 *     <tr><td>redo record types (MLOG_*, MLOG_FILE_*)</td>
 *         <td>{@code RedoRecordType}</td></tr>
 *     <tr><td>write-ahead rule</td>
 *         <td>WAL1: the barrier {@code BufferPool} calls before every page write and every
 *             flush-list batch; in the engine, {@code RedoLog.flushUpTo(lsn, true)}</td></tr>
 *     <tr><td>log buffer; log writer and group commit</td>
 *         <td>{@code RedoLog} ({@code commit}; {@code flushUpTo} with the leader states of
 *             {@code RedoLog.FlushState}): no writer thread, the thread that needs the log
 *             written leads the pass</td></tr>
 *     <tr><td>redo files, log block, checkpoint header</td>
 *         <td>{@code LogFiles}, {@code LogFormat}</td></tr>
 *     <tr><td>log flusher ({@code innodb_flush_log_at_timeout})</td>
 *         <td>{@code LogFlusher}</td></tr>
 *     <tr><td>log_free_check, checkpoint age, async / sync flush points, log capacity</td>
 *         <td>{@code RedoLog.freeCheck}, called by {@code MtrContext.start};
 *             {@code checkpointAge()}, {@code asyncAge()}, {@code syncAge()}, {@code freeLimit()},
 *             {@code capacity()}</td></tr>
 *     <tr><td>log checkpointer, fuzzy checkpoint</td>
 *         <td>{@code LogCheckpointer}; {@code Engine.availableCheckpointLsn} and its private
 *             {@code writeCheckpoint}</td></tr>
 *     <tr><td>sharp checkpoint, {@code innodb_fast_shutdown}</td>
 *         <td>{@code Engine.close}</td></tr>
 *     <tr><td>doublewrite buffer</td>
 *         <td>{@code Doublewrite}</td></tr>
 *     <tr><td>redo apply (recv_recover_page)</td>
 *         <td>{@code RedoApplier}, driven by {@code Recovery}</td></tr>
 *     <tr><td>recv_sys (recovery driver), redo scan and parse, deferred tablespace</td>
 *         <td>{@code Recovery}, {@code RedoReader}</td></tr>
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
 *         <td>{@code Transaction} (undo kept in memory); {@code TransactionLog} (its undo, commit
 *             and rollback records in the redo, and the checkpoint bound of active
 *             transactions)</td></tr>
 *     <tr><td>rollback of incomplete transactions at recovery</td>
 *         <td>{@code Engine.open} with {@code TableStore.undoForRecovery}</td></tr>
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
 * (the lock order), {@code buffer} (the buffer pool and the doublewrite buffer), {@code mtr}
 * (mini-transactions), {@code log} (the redo log, its files, the checkpointer and flusher threads,
 * redo record kinds), {@code recovery} (crash recovery and redo apply), {@code space} (the data
 * directory, tablespaces, page allocation), {@code btree} (indexes, cursors, overflow chains),
 * {@code row} (a table's rows in its indexes, row images for undo records), {@code trx}
 * (transactions: undo, their records in the redo, table locks), {@code dict} (the data dictionary
 * and DDL), {@code metrics} (activity counters for status output), {@code util} (the clock,
 * joining threads).
 *
 * <p>Threads: the engine starts these at open and stops them first at close: the page cleaner
 * ({@code PageCleaner}: a coordinator and {@code innodb_page_cleaners} − 1 workers), the log
 * checkpointer ({@code LogCheckpointer}) and the log flusher ({@code LogFlusher}). Every other
 * piece of work runs in the thread that calls it: sessions' threads, and the thread that opens or
 * closes the engine. Page writes happen in the page cleaner threads (the checkpointer's sync flush
 * and {@code innodb_log_checkpoint_now} ask them and wait), in a thread that needs a free frame
 * and finds none clean, and in the closing thread; redo writes and fsyncs in the thread that
 * leads a flush pass.
 *
 * <p>States of {@link io.flushdb.storage.Engine}:
 * <pre>
 *   OPEN    entered by Engine.open; reads and writes
 *   FAILED  entered from OPEN by Engine.fail: a failed page write, a failed redo write or fsync,
 *           a failed checkpoint or log flusher pass, a mini-transaction abandoned after changing
 *           pages, or a statement's undo that failed in the SQL layer; reads go on
 *   CLOSED  entered from OPEN or FAILED by Engine.close
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>ENG1: FAILED is sticky. The first cause is kept; {@code checkWritable()} and every later
 *       page write throw {@link io.flushdb.storage.EngineFailedException} carrying it. A failed
 *       write or fsync is never retried.</li>
 *   <li>ENG2: a close from OPEN with {@code innodb_fast_shutdown} 0 or 1 is a sharp checkpoint:
 *       it records the shutdown LSN and the clean-shutdown flag in one mini-transaction, writes
 *       every dirty page, forces every tablespace file and writes a checkpoint at the current LSN
 *       before the files are closed and the directory lock is released. With 2 it only makes the
 *       redo durable, and the next open recovers. A close from FAILED writes nothing.</li>
 *   <li>ENG3: {@code storage} depends on the JDK only and imports nothing from {@code sql} or
 *       {@code driver} (the module's Maven enforcer rule bans every compile, runtime and provided
 *       dependency).</li>
 * </ul>
 */
package io.flushdb.storage;
