/**
 * The redo stream: LSN assignment ({@link io.flushdb.storage.log.RedoLog}) and the record kinds
 * mini-transactions write ({@link io.flushdb.storage.log.RedoRecordType}), which
 * {@link io.flushdb.storage.recovery.RedoApplier} applies to page images.
 *
 * <p>Invariant WAL1 (the write-ahead rule): a page is never written to its data file before the
 * redo log is durable up to the page's newest modification. The buffer pool calls the log's
 * barrier before every page write; while the log keeps no file, the barrier has nothing to wait
 * for.
 */
package io.flushdb.storage.log;
