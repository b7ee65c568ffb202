/**
 * Replaying redo onto page images: {@link io.flushdb.storage.recovery.RedoApplier} applies one
 * mini-transaction's records (the kinds of {@code log.RedoRecordType}) by running the same page
 * operations the mini-transaction ran ({@code MiniTransaction.apply*}, {@code IndexPage.apply*}).
 * The recovery driver (redo scan, parse, batches, deferred tablespaces) does not exist yet, and
 * with no log file there is nothing to recover from: today only {@code RedoReplayTest} calls the
 * applier, with records captured through {@code RedoLog.setSink}.
 *
 * <p>Owns: nothing but the decoding of records. Never touches: the buffer pool, latches or files;
 * the caller supplies the page images.
 *
 * <p>Threads: the caller's; the applier is stateless.
 *
 * <p>Invariants:
 * <ul>
 *   <li>REC1 (MTR2 seen from here): applying a mini-transaction's records to the images its pages
 *       had before it reproduces the images it left, and every page a record touches is stamped
 *       with the mini-transaction's end LSN.</li>
 *   <li>REC2: the applier applies every record it is given; choosing which records a page needs
 *       (only those of mini-transactions newer than the page's LSN) is the caller's job, so
 *       records need not be idempotent.</li>
 * </ul>
 */
package io.flushdb.storage.recovery;
