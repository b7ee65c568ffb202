/**
 * Transactions, InnoDB's trx0*: the transaction system ({@link io.flushdb.storage.trx.TrxSys}:
 * ids, the active transactions, read views), undo logs in undo pages
 * ({@link io.flushdb.storage.trx.UndoLog}, {@link io.flushdb.storage.trx.UndoRecord}) held by a
 * rollback segment ({@link io.flushdb.storage.trx.RollbackSegment}: slots and the history list),
 * consistent-read snapshots ({@link io.flushdb.storage.trx.ReadView}), the transaction itself
 * ({@link io.flushdb.storage.trx.Transaction}: rollback, savepoints, commit) and the purge thread
 * ({@link io.flushdb.storage.trx.Purge}). Row locks are in {@code trx.lock}; the table locks of
 * {@link io.flushdb.storage.trx.TableLock} remain for DDL and for the statements of this version.
 * The undo formats are in {@code docs/format/undo.md}.
 *
 * <p>Owns: undo pages and the rollback segment page (system tablespace), the transaction id
 * bound on the system page, the active set and the open views. Never touches: rows as columns
 * (applying an undo record to a table, purging one and rebuilding old versions is
 * {@code row.TableStore}'s work; this package finds the table by tablespace id through
 * {@link io.flushdb.storage.trx.TrxSys#setTables}).
 *
 * <p>Threads: a {@code Transaction} is used by its session's thread. {@code TrxSys} is shared:
 * one {@code TRX_SYS} mutex (a leaf, taken with page latches held) guards its counters and sets.
 * The rollback segment is changed only under its page's exclusive latch, taken before any undo
 * page. The purge thread reads committed logs and frees them; readers building old versions read
 * single undo records under shared page latches.
 *
 * <p>Invariants:
 * <ul>
 *   <li>UNDO1: a rollback segment slot holds the undo log of a transaction that has changes and
 *       has not committed, or a cached empty log; the history list holds exactly the committed
 *       logs purge has not finished, in commit-number order (a single-page log of inserts only
 *       is cached at commit instead, while the cache has room: no view needs insert undo). Commit moves a log from its slot to the history list
 *       (or caches it) in one mini-transaction: the commit point.</li>
 *   <li>UNDO2: a change's undo record is written in the mini-transaction of its clustered index
 *       change, and the record carries the writer's id and a roll pointer to it: no change
 *       reaches the redo without its undo.</li>
 *   <li>UNDO3: applying an undo record is idempotent: it acts only if the clustered record still
 *       carries that record's transaction id and roll pointer (a roll pointer alone may be reused
 *       when undo pages are), and it puts secondary entries back before the clustered record.
 *       So a rollback interrupted by a crash is simply run again from the log left in the
 *       slot.</li>
 *   <li>UNDO4: purge removes a committed log only when its commit number is below the purge
 *       view's {@code lowLimitNo}: every read view sees that transaction, so no view can need the
 *       versions its records rebuild. A delete-marked record is removed only while still
 *       delete-marked by that change; a delete-marked secondary entry only if no version from the
 *       current one back to what the purge view sees has its values.</li>
 *   <li>UNDO5: purging a record again is harmless: the removal of a delete-marked record sets a
 *       flag in its undo record in the same mini-transaction, and each freeing of overflow
 *       pages advances the chain's reference in the undo record, so a log purged again after a
 *       crash frees nothing twice.</li>
 *   <li>TRX5: transaction ids and numbers come from one counter whose bound is persisted on the
 *       system page before an id at or above it is handed out, so no id is reused after a
 *       crash.</li>
 *   <li>TRX6: a committing transaction stays in the active set until its commit mini-transaction
 *       is in the log, and its number stays in the committing set until then; a view opened
 *       meanwhile treats it as active and bounds purge below it.</li>
 *   <li>TRX7: a read view opened before a transaction's first change sees that transaction's
 *       changes: the creator id is set when the id is assigned.</li>
 *   <li>TRX8: an id is handed out and entered in the active set (a commit number: in the
 *       committing set) in one critical section, so a view either predates it or lists it.</li>
 * </ul>
 *
 * <p>Limits of this version: one rollback segment (its slot count, about a quarter of the page
 * size in transactions, bounds the transactions with changes at once: error 1637 past it); one
 * purge thread; an undo record holds the whole old clustered record rather than the changed
 * fields; recovery rolls unfinished transactions back while the engine opens (with the page
 * cleaner and the checkpointer already running) rather than in the background. The overflow
 * chains a rollback frees can leak if a crash comes between the record's change and the freeing;
 * no chain is ever freed twice.
 */
package io.flushdb.storage.trx;
