/**
 * Transactions as this version has them: a logical undo log kept in memory
 * ({@link io.flushdb.storage.trx.Transaction}) and table-level shared/exclusive locks owned by
 * transactions ({@link io.flushdb.storage.trx.TableLock}). Isolation comes from the locks alone;
 * undo pages, MVCC read views, row locks, deadlock detection and purge do not exist yet.
 *
 * <p>Owns: the undo entries of a transaction (row images, before and after) and the lock state of
 * every table. Never touches: pages, latches or redo directly; undo is applied through
 * {@code row.TableStore}, so each undo step is an ordinary row operation with its own
 * mini-transactions. A transaction's changes carry undo records in the redo and its commit a
 * commit record ({@code TransactionLog}), so recovery rolls back what never committed; transaction
 * ids come from a counter in {@code Engine} that restarts past the highest id the recovered redo
 * holds, and {@code DB_TRX_ID} is written as 0.
 *
 * <p>Threads: a {@code Transaction} is used by its session's thread only. A {@code TableLock} is
 * shared by every session; all its state is guarded by its monitor, on which waiters wait until a
 * release or {@code innodb_lock_wait_timeout}. Table locks are outside the latch ladder: they are
 * taken before any latch and never while one is held.
 *
 * <p>Invariants:
 * <ul>
 *   <li>TRX1: a table lock has at most one exclusive owner, and while it has one, no other
 *       transaction holds it shared. The owner may also take it shared, and a transaction that
 *       alone holds it shared may take it exclusively (upgrade).</li>
 *   <li>TRX2: locks belong to transactions, not threads. A lock marked statement-only, and every
 *       shared lock, is released by {@code releaseStatementLocks} at the end of the statement; an
 *       exclusive lock taken in a transaction that spans statements is held until
 *       {@code commit} or {@code rollback}.</li>
 *   <li>TRX3: {@code rollbackTo(savepoint)} undoes the entries after {@code savepoint} newest first
 *       and removes them, so a savepoint is a position in the undo log; {@code commit} forgets the
 *       log. The caller records each change right after the storage call that made it.</li>
 *   <li>TRX4: there is no deadlock detection. The SQL layer takes a statement's locks all at
 *       once in table id order, so two statements never deadlock; transactions that hold locks
 *       across statements can, and one of them then fails with
 *       {@code LockWaitTimeoutException}.</li>
 * </ul>
 */
package io.flushdb.storage.trx;
