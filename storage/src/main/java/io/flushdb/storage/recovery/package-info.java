/**
 * Replaying redo onto page images: {@link io.flushdb.storage.recovery.RedoApplier} applies one
 * mini-transaction's records (the kinds of {@code log.RedoRecordType}) by running the same page
 * operations the mini-transaction ran ({@code MiniTransaction.apply*}, {@code IndexPage.apply*}).
 * {@link io.flushdb.storage.recovery.Recovery} is the recovery driver run by {@code Engine.open}:
 * checkpoint, redo scan to the true end ({@link io.flushdb.storage.recovery.RedoReader}), file records,
 * doublewrite restore, deferred tablespaces, page records applied in batches, transactions to roll
 * back; {@code docs/storage.md} describes it.
 *
 * <p>Owns: the applier decodes records onto images the caller supplies; the driver works through
 * the buffer pool and the tablespace registry before the engine serves anyone.
 *
 * <p>Threads: the opening thread's; the applier is stateless.
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
