/**
 * The lock system, InnoDB's lock0lock: record and table locks owned by transactions, lock waits,
 * deadlock detection, and the views behind {@code performance_schema.data_locks},
 * {@code data_lock_waits} and SHOW ENGINE INNODB STATUS ({@link io.flushdb.storage.trx.lock.LockSys}).
 *
 * <table>
 *   <caption>InnoDB terms</caption>
 *   <tr><th>InnoDB</th><th>here</th></tr>
 *   <tr><td>lock_sys, lock hash</td><td>{@code LockSys}, {@code LockQueueHash}</td></tr>
 *   <tr><td>lock_t, lock queue of a record</td><td>{@code Lock}, {@code LockQueue}</td></tr>
 *   <tr><td>trx_lock_t</td><td>{@code TrxLocks}</td></tr>
 *   <tr><td>lock_mode (LOCK_IS, LOCK_IX, LOCK_S, LOCK_X)</td><td>{@code LockMode}</td></tr>
 *   <tr><td>LOCK_ORDINARY, LOCK_GAP, LOCK_REC_NOT_GAP, LOCK_INSERT_INTENTION</td>
 *       <td>{@code RecordLockType}</td></tr>
 *   <tr><td>lock_rec_has_to_wait, lock_rec_has_expl</td>
 *       <td>{@code RecordLockType.hasToWait}, {@code covers}</td></tr>
 *   <tr><td>DeadlockChecker, lock_deadlock_*</td><td>{@code DeadlockDetector}, {@code DeadlockReport}</td></tr>
 *   <tr><td>lock_rec_convert_impl_to_expl</td><td>{@code implicitOwnerTrxId} of {@code lockRecord}</td></tr>
 *   <tr><td>lock_rec_inherit_to_gap, lock_update_insert</td>
 *       <td>{@code inheritOnRemove}, {@code inheritOnInsert}</td></tr>
 * </table>
 *
 * <p>Model: a record lock is on an index record named logically, {@code (indexId, key)} with the
 * key's stored bytes (equal by content), or on the index's supremum pseudo-record
 * ({@code LockSys.SUPREMUM}, by identity), on which every lock is a gap lock in effect. Pages and
 * heap numbers do not appear: a record keeps its locks when its page splits or merges, so the
 * lock_update_split/merge family has no counterpart; only removal and insertion move locks. A
 * table lock is on a table id. Each locked object has one queue in arrival order.
 *
 * <p>Owns: every queue, every lock, each transaction's list of locks and its one waiting request,
 * the deadlock counters and the latest deadlock report. Never touches: pages, latches, undo,
 * records or the dictionary. Whether a record exists, which record is next, who inserted it
 * ({@code DB_TRX_ID}) and how it is named all come from the caller, through the arguments and
 * {@link io.flushdb.storage.trx.lock.LockDescriber}.
 *
 * <p>Threads: every session thread, for its own transaction's requests and waits; a committing or
 * rolling back thread, purge and rollback (for {@code inheritOnRemove}); status and
 * information_schema readers. One mutex ({@code LatchLevel.LOCK_SYS}, a leaf) guards everything.
 * Requests are answered under it without blocking, with the caller's page and tree latches held;
 * a waiting transaction waits on its own condition of the mutex, after the caller released every
 * latch, and is signalled by whoever grants or cancels its request. Time comes from the injected
 * clock; waits use {@code awaitNanos} with the time left and re-read the clock on every wake.
 *
 * <p>States of a request ({@code Lock.waiting}, {@code TrxLocks.outcome}):
 * <pre>
 *   (new)   → GRANTED   nothing ahead blocks it: the requesting thread, in lockRecord/lockTable
 *   (new)   → WAITING   something blocks it and no deadlock: the requesting thread
 *   WAITING → GRANTED   the last blocker left: the thread that released it (grantWaiters)
 *   WAITING → (gone)    deadlock victim (outcome DEADLOCK): the thread whose request closed the
 *                       cycle; timeout or interrupt: the waiting thread; record removed (outcome
 *                       RETRY): the purging or rolling back thread
 *   GRANTED → (gone)    releaseAll at commit or rollback, release (READ COMMITTED), or removal
 *                       of the record
 * </pre>
 *
 * <p>Invariants:
 * <ul>
 *   <li>LOCK1: two transactions never hold granted locks that protect the same user record in
 *       incompatible modes (a lock protects the record unless it is GAP or insert intention), and
 *       two transactions never hold incompatible granted table locks. Gap locks never conflict
 *       with each other: only an insert intention waits for one, and nothing waits for an insert
 *       intention ({@code RecordLockType.hasToWait}, InnoDB's rule exactly). An insert intention
 *       that need not wait is not stored.</li>
 *   <li>LOCK2: a request waits only while a lock ahead of it blocks it, where "ahead" means every
 *       granted lock of the queue and every earlier request still waiting (FIFO: a later request
 *       never overtakes an earlier one it conflicts with). Every change that can unblock a request
 *       (release, cancelled wait, removed record) runs the queue's grant pass before the mutex is
 *       released, so no wakeup is lost. A transaction has at most one waiting request, its
 *       {@code waitLock}.</li>
 *   <li>LOCK3: each lock is in exactly one queue and in its transaction's list; a queue is in the
 *       hash exactly while it has a lock; queue order is arrival order, which is lock id order.
 *       {@code LockSys.checkInvariants} checks LOCK1 to LOCK3.</li>
 *   <li>LOCK4: no cycle of waiting transactions outlives the mutex hold that closed it. A cycle
 *       can only close when a transaction starts to wait (checked from the requester before its
 *       request is answered) or when a granted lock is given to a transaction that is itself
 *       waiting (inheritance, implicit locks: checked from each waiter of that queue). The victim is
 *       the cycle's transaction of lowest weight (undo size plus granted locks); ties go to the
 *       transaction that closed the cycle, as in MySQL, whose request is then answered DEADLOCK;
 *       any other victim has its request cancelled and its {@code awaitGrant} throws
 *       {@code DeadlockException}. The search gives up after 200 transactions deep or a million
 *       edges, and then the requester is the victim (InnoDB's "TOO DEEP OR LONG SEARCH").</li>
 *   <li>LOCK5: {@code LOCK_SYS} is a leaf: nothing is acquired under it. The suppliers given at
 *       registration and the describer are called under it and must not latch or block.</li>
 *   <li>LOCK6: implicit locks are not stored. A record changed by an active transaction is locked
 *       by it implicitly (its {@code DB_TRX_ID}); the first other transaction to request a lock on
 *       it makes that lock explicit (granted {@code X,REC_NOT_GAP} for the owner) before its own
 *       request is examined, so it waits for the owner like for any holder.</li>
 * </ul>
 */
package io.flushdb.storage.trx.lock;
