/**
 * The redo stream: LSN assignment ({@link io.flushdb.storage.log.RedoLog}) and the record kinds
 * mini-transactions write ({@link io.flushdb.storage.log.RedoRecordType}), which
 * {@link io.flushdb.storage.recovery.RedoApplier} applies to page images; and the log checkpointer
 * thread ({@link io.flushdb.storage.log.LogCheckpointer}), which periodically and on request
 * forces the data files and records the LSN below which every change is in them.
 *
 * <p>Invariant WAL1 (the write-ahead rule): a page is never written to its data file before the
 * redo log is durable up to the page's newest modification. The buffer pool calls the log's
 * barrier before every page write; while the log keeps no file, the barrier has nothing to wait
 * for.
 */
package io.flushdb.storage.log;
