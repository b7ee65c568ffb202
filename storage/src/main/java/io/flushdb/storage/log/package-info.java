/**
 * The redo log: LSN assignment, the log buffer and group commit ({@link io.flushdb.storage.log.RedoLog}),
 * the on-disk format ({@link io.flushdb.storage.log.LogFormat}, {@link io.flushdb.storage.log.LogFiles}:
 * {@code docs/format/redo.md}), the record kinds ({@link io.flushdb.storage.log.RedoRecordType}), the
 * once-per-timeout flusher ({@link io.flushdb.storage.log.LogFlusher}) and the log checkpointer
 * thread ({@link io.flushdb.storage.log.LogCheckpointer}), which flushes pages when the checkpoint
 * age demands it and writes checkpoints into the log header.
 *
 * <p>Invariant WAL1 (the write-ahead rule): a page is never written to its data file before the
 * redo log is durable up to the page's newest modification. The buffer pool calls the log's
 * barrier ({@code RedoLog.flushUpTo(lsn, true)}) before every page write or batch.
 */
package io.flushdb.storage.log;
