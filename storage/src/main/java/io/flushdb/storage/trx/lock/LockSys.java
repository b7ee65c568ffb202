package io.flushdb.storage.trx.lock;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.LatchOrderChecker;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.trx.LockWaitTimeoutException;
import io.flushdb.storage.util.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The lock system, InnoDB's {@code lock_sys}: record locks on index records named logically as
 * {@code (indexId, key)}, table locks, waiting, deadlock detection and the views of both (see the
 * package overview for the model and the invariants LOCK1 to LOCK6).
 *
 * <p>A request never blocks: {@link #lockRecord} and {@link #lockTable} run with the caller's page
 * and tree latches held, so a request that must wait is enqueued and answered {@link Result#WAIT};
 * the caller releases its latches and then calls {@link #awaitGrant}.
 *
 * <p>Concurrency: one mutex ({@link LatchLevel#LOCK_SYS}, a leaf) guards every queue, every
 * {@link TrxLocks}' state and the counters. Each transaction waits on its own condition of that
 * mutex, signalled when its request is granted or cancelled, so a release wakes only the
 * transactions it grants. The weight and description suppliers given to {@link #register} and
 * the {@link LockDescriber} are called with the mutex held (deadlock detection runs inside a
 * request): they must not acquire a latch or block.
 */
public final class LockSys {
    /**
     * The supremum pseudo-record of every index ("+infinity"), compared by identity: pass this very
     * array to lock the gap after an index's last record. A lock on it is a gap lock in effect.
     */
    public static final byte[] SUPREMUM = new byte[0];

    /** The answer to a lock request. */
    public enum Result {
        /** The transaction holds the lock (or one that covers it) now. */
        GRANTED,
        /** A waiting request was enqueued: release every latch, then call {@link #awaitGrant}. */
        WAIT,
        /** The request must wait and {@code noWait} was set (NOWAIT, SKIP LOCKED): nothing enqueued. */
        WOULD_BLOCK,
        /** Waiting would close a cycle and this transaction is the victim: nothing enqueued (error 1213). */
        DEADLOCK
    }

    // Configuration.
    private final Clock clock;
    private final OrderedLock mutex = new OrderedLock(LatchLevel.LOCK_SYS, "lock_sys");

    // State guarded by mutex.
    private final LockQueueHash records = new LockQueueHash(false);
    private final LockQueueHash tables = new LockQueueHash(true);
    private final Map<Long, TrxLocks> trxs = new HashMap<>();
    private final DeadlockDetector detector;
    private LockDescriber describer = LockDescriber.IDS;
    private long nextLockId = 1;
    private String latestDeadlock;
    private long deadlocks;
    private long rowLockWaits;
    private long currentRowLockWaits;
    private long rowLockWaitNanos;
    private long rowLockWaitMaxNanos;

    public LockSys(Clock clock) {
        this(clock, new DeadlockDetector());
    }

    /** A lock system with a given detector (tests bound the search). */
    LockSys(Clock clock, DeadlockDetector detector) {
        this.clock = Objects.requireNonNull(clock);
        this.detector = detector;
    }

    /**
     * Registers a transaction at its start. {@code undoWeight} gives the size of its undo (for the
     * deadlock victim choice); {@code description} gives the "TRANSACTION ..." block of the
     * deadlock report. Both are called with the lock system's mutex held (see the class comment).
     * Throws {@code IllegalStateException} if {@code trxId} is registered already.
     */
    public TrxLocks register(long trxId, LongSupplier undoWeight, Supplier<String> description) {
        mutex.lock();
        try {
            TrxLocks t = new TrxLocks(trxId, undoWeight, description, mutex.newCondition());
            if (trxs.putIfAbsent(trxId, t) != null) {
                throw new IllegalStateException("transaction " + trxId + " is already registered");
            }
            return t;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Requests a lock on the record {@code key} ({@link #SUPREMUM} for the supremum) of index
     * {@code indexId}. {@code type} is a {@link RecordLockType} combination; {@code mode} is S or X.
     * {@code implicitOwnerTrxId} is the record's {@code DB_TRX_ID} when the caller wants an
     * implicit lock honoured (0 for none): if that transaction is registered, is not {@code t} and
     * holds no X lock on the record, it first gets a granted {@code X,REC_NOT_GAP} lock (LOCK6).
     *
     * <p>An insert intention that need not wait is answered GRANTED without creating a lock, as in
     * InnoDB ({@code lock_rec_insert_check_and_lock}): nothing ever waits for one (LOCK1).
     *
     * <p>Requires: {@code t} is registered and not waiting. May be called with any latch held
     * (LOCK5); never blocks.
     */
    public Result lockRecord(TrxLocks t, long indexId, byte[] key, LockMode mode, int type,
            long implicitOwnerTrxId, boolean noWait) {
        return lockRecord(t, indexId, key, key.length, mode, type, implicitOwnerTrxId, noWait);
    }

    /**
     * {@link #lockRecord(TrxLocks, long, byte[], LockMode, int, long, boolean)} for the key in
     * {@code key[0, keyLength)}: the array is copied only if a new lock queue is made, so a caller
     * that locks record after record can reuse one array and allocate nothing per record.
     */
    public Result lockRecord(TrxLocks t, long indexId, byte[] key, int keyLength, LockMode mode, int type,
            long implicitOwnerTrxId, boolean noWait) {
        Objects.requireNonNull(key);
        int canonicalType = RecordLockType.normalize(mode, type);
        boolean supremum = key == SUPREMUM;
        int hash = LockQueueHash.hash(indexId, key, keyLength);
        mutex.lock();
        try {
            assert t.registered && t.waitLock == null : t + " is released or waiting";
            LockQueue q = records.get(indexId, key, keyLength, hash);
            if (implicitOwnerTrxId != 0 && implicitOwnerTrxId != t.trxId() && !supremum) {
                q = convertImplicitLock(q, indexId, key, keyLength, hash, implicitOwnerTrxId);
            }
            if (q != null && q.isCoveredFor(t, mode, canonicalType)) {
                return Result.GRANTED;
            }
            if (q == null || q.blockerOfRequest(t, mode, canonicalType) == null) {
                if ((canonicalType & RecordLockType.INSERT_INTENTION) == 0) {
                    addLock(t, q != null ? q : records.getOrCreate(indexId, key, keyLength, hash), mode, canonicalType,
                            false);
                }
                return Result.GRANTED;
            }
            return enqueue(t, q, mode, canonicalType, noWait);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Requests a table lock in mode IS, IX, S or X. Requires and guarantees what
     * {@link #lockRecord} does.
     */
    public Result lockTable(TrxLocks t, long tableId, LockMode mode, boolean noWait) {
        Objects.requireNonNull(mode);
        int hash = LockQueueHash.hash(tableId, null);
        mutex.lock();
        try {
            assert t.registered && t.waitLock == null : t + " is released or waiting";
            LockQueue q = tables.get(tableId, null, hash);
            if (q != null && q.isCoveredFor(t, mode, 0)) {
                return Result.GRANTED;
            }
            if (q == null || q.blockerOfRequest(t, mode, 0) == null) {
                addLock(t, q != null ? q : tables.getOrCreate(tableId, null, hash), mode, 0, false);
                return Result.GRANTED;
            }
            return enqueue(t, q, mode, 0, noWait);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Waits until the request that answered {@link Result#WAIT} is granted, at most
     * {@code timeoutMillis} by the clock ({@code innodb_lock_wait_timeout}). Returns true when
     * it was granted (or nothing was pending), false when the record was removed meanwhile ({@link #inheritOnRemove}: the
     * caller re-examines the record and requests again). Throws {@link DeadlockException} when
     * this transaction was chosen as a deadlock victim, and {@link LockWaitTimeoutException} on
     * timeout or interrupt (the interrupt flag is restored); in all three the waiting request is
     * gone and the transaction keeps its granted locks. Returns at once if nothing is pending.
     *
     * <p>Requires: the calling thread holds no tree latch (and no page latch, which is not
     * checked).
     */
    public boolean awaitGrant(TrxLocks t, long timeoutMillis) {
        assert !LatchOrderChecker.holds(LatchLevel.INDEX_TREE) : "lock wait with a tree latch held";
        mutex.lock();
        try {
            if (t.waitLock != null) {
                waitForGrant(t, timeoutMillis);
            }
            TrxLocks.WaitOutcome outcome = t.outcome;
            t.outcome = TrxLocks.WaitOutcome.NONE;
            if (outcome == TrxLocks.WaitOutcome.DEADLOCK) {
                throw new DeadlockException();
            }
            return outcome != TrxLocks.WaitOutcome.RETRY;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Ends a transaction's part in the lock system at commit or rollback: drops every lock it
     * holds (and its waiting request, whose wait then returns as if the record were removed),
     * grants what that unblocks, and unregisters it. A second call does nothing.
     */
    public void releaseAll(TrxLocks t) {
        mutex.lock();
        try {
            if (!t.registered) {
                return;
            }
            if (t.waitLock != null) {
                cancelWait(t, TrxLocks.WaitOutcome.RETRY);
            }
            while (t.first != null) {
                Lock l = t.first;
                removeLock(l);
                grantWaiters(l.queue);
            }
            t.outcome = TrxLocks.WaitOutcome.NONE;
            t.registered = false;
            trxs.remove(t.trxId());
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Drops every granted lock {@code t} holds on one record (READ COMMITTED releasing the lock of a
     * row that did not match, InnoDB's {@code lock_rec_unlock}) and grants what that unblocks. The
     * caller does not call it for a record the transaction changed: that lock protects the change.
     */
    public void release(TrxLocks t, long indexId, byte[] key) {
        int hash = LockQueueHash.hash(indexId, key);
        mutex.lock();
        try {
            LockQueue q = records.get(indexId, key, hash);
            if (q == null) {
                return;
            }
            boolean removed = false;
            for (Lock l = q.first; l != null; ) {
                Lock next = l.queueNext;
                if (l.trx == t && !l.waiting) {
                    removeLock(l);
                    removed = true;
                }
                l = next;
            }
            if (removed) {
                grantWaiters(q);
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * A record is physically removed (purge, rollback of an insert): each granted lock on
     * {@code removed}, insert intentions excepted, is inherited by {@code heir} (the next record,
     * or {@link #SUPREMUM}) as a granted GAP lock of the same mode and transaction, InnoDB's
     * {@code lock_rec_inherit_to_gap}; then every lock on {@code removed} is dropped, and each
     * transaction waiting on it is woken: its {@link #awaitGrant} returns normally and the caller
     * re-examines. Waiting requests are not inherited: they never held anything.
     */
    public void inheritOnRemove(long indexId, byte[] removed, byte[] heir) {
        if (removed == SUPREMUM) {
            throw new IllegalArgumentException("the supremum is never removed");
        }
        int removedHash = LockQueueHash.hash(indexId, removed);
        int heirHash = LockQueueHash.hash(indexId, heir);
        mutex.lock();
        try {
            LockQueue q = records.get(indexId, removed, removedHash);
            if (q == null) {
                return;
            }
            LockQueue heirQueue = null;
            boolean ownerWaits = false;
            for (Lock l = q.first; l != null; l = l.queueNext) {
                if (l.waiting || l.isInsertIntention()) {
                    continue;
                }
                if (heirQueue == null) {
                    heirQueue = records.getOrCreate(indexId, heir, heirHash);
                    assert heirQueue != q : "a record cannot be its own heir";
                }
                ownerWaits |= inheritGap(l, heirQueue);
            }
            while (q.first != null) {
                Lock l = q.first;
                boolean waiting = l.waiting;
                removeLock(l);
                if (waiting) {
                    l.trx.outcome = TrxLocks.WaitOutcome.RETRY;
                    l.trx.wakeup.signalAll();
                }
            }
            if (ownerWaits) {
                resolveDeadlocksOfWaiters(heirQueue);
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * A record {@code inserted} was placed just before {@code next} (InnoDB's
     * {@code lock_update_insert}): each granted lock on {@code next} that covers the gap before it
     * (GAP or ORDINARY; on the supremum any lock but an insert intention) is copied to
     * {@code inserted} as a granted GAP lock of the same mode and transaction, so the gap that was
     * split stays locked on both sides.
     */
    public void inheritOnInsert(long indexId, byte[] inserted, byte[] next) {
        inheritOnInsert(indexId, inserted, inserted.length, next, next.length);
    }

    /** {@link #inheritOnInsert(long, byte[], byte[])} for keys in {@code [0, length)} of their arrays. */
    public void inheritOnInsert(long indexId, byte[] inserted, int insertedLength, byte[] next, int nextLength) {
        if (inserted == SUPREMUM) {
            throw new IllegalArgumentException("the supremum is never inserted");
        }
        int insertedHash = LockQueueHash.hash(indexId, inserted, insertedLength);
        int nextHash = LockQueueHash.hash(indexId, next, nextLength);
        mutex.lock();
        try {
            LockQueue q = records.get(indexId, next, nextLength, nextHash);
            if (q == null) {
                return;
            }
            LockQueue insertedQueue = null;
            boolean ownerWaits = false;
            for (Lock l = q.first; l != null; l = l.queueNext) {
                if (l.waiting || l.isInsertIntention()
                        || (!q.supremum && (l.type & RecordLockType.REC_NOT_GAP) != 0)) {
                    continue;
                }
                if (insertedQueue == null) {
                    insertedQueue = records.getOrCreate(indexId, inserted, insertedLength, insertedHash);
                    assert insertedQueue != q : "a record cannot be inserted before itself";
                }
                ownerWaits |= inheritGap(l, insertedQueue);
            }
            if (ownerWaits) {
                resolveDeadlocksOfWaiters(insertedQueue);
            }
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Whether transaction {@code trxId} is registered, that is, has begun and not yet ended (a
     * record it wrote is implicitly locked by it).
     */
    public boolean isRegistered(long trxId) {
        mutex.lock();
        try {
            return trxs.containsKey(trxId);
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Whether any record lock or request exists. An insert asks this under its leaf latch before
     * naming its gap: a gap lock that could stop it would have to be taken under that latch too,
     * so "none" means it need not ask for an insert intention at all.
     */
    public boolean hasRecordLocks() {
        mutex.lock();
        try {
            return records.size() > 0;
        } finally {
            mutex.unlock();
        }
    }

    /** Every lock and waiting request, in arrival order (performance_schema.data_locks). */
    public List<LockView> locks() {
        List<LockView> views = new ArrayList<>();
        LockDescriber d;
        mutex.lock();
        try {
            d = describer;
            for (LockQueue q : tables.all()) {
                for (Lock l = q.first; l != null; l = l.queueNext) {
                    views.add(view(l));
                }
            }
            for (LockQueue q : records.all()) {
                for (Lock l = q.first; l != null; l = l.queueNext) {
                    views.add(view(l));
                }
            }
        } finally {
            mutex.unlock();
        }
        views.sort(Comparator.comparingLong(LockView::lockId));
        views.replaceAll(v -> named(v, d));
        return views;
    }

    /**
     * Every waiting request with each lock that blocks it, one row per pair, ordered by requesting
     * then blocking lock (performance_schema.data_lock_waits).
     */
    public List<WaitView> waits() {
        List<WaitView> waits = new ArrayList<>();
        LockDescriber d;
        mutex.lock();
        try {
            d = describer;
            for (TrxLocks t : trxs.values()) {
                Lock w = t.waitLock;
                if (w == null) {
                    continue;
                }
                LockView requesting = view(w);
                for (Lock b = w.queue.blockerOf(w); b != null; b = w.queue.nextBlockerOf(w, b.queueNext)) {
                    waits.add(new WaitView(requesting, view(b)));
                }
            }
        } finally {
            mutex.unlock();
        }
        waits.sort(Comparator.comparingLong((WaitView w) -> w.requesting().lockId())
                .thenComparingLong(w -> w.blocking().lockId()));
        waits.replaceAll(w -> new WaitView(named(w.requesting(), d), named(w.blocking(), d)));
        return waits;
    }

    /** The LATEST DETECTED DEADLOCK text, or null if there has been none. */
    public String latestDeadlock() {
        mutex.lock();
        try {
            return latestDeadlock;
        } finally {
            mutex.unlock();
        }
    }

    /** Granted table and record locks of {@code t} (the "lock struct(s)" of the status report). */
    public int lockCount(TrxLocks t) {
        mutex.lock();
        try {
            return t.grantedLocks;
        } finally {
            mutex.unlock();
        }
    }

    /** Granted record locks of {@code t} (the "row lock(s)" of the status report). */
    public int rowLockCount(TrxLocks t) {
        mutex.lock();
        try {
            return t.grantedRecordLocks;
        } finally {
            mutex.unlock();
        }
    }

    /** Whether {@code t} has a waiting request ("LOCK WAIT"). */
    public boolean isWaiting(TrxLocks t) {
        mutex.lock();
        try {
            return t.waitLock != null;
        } finally {
            mutex.unlock();
        }
    }

    /** Deadlocks resolved so far (the {@code lock_deadlocks} metric). */
    public long deadlocks() {
        mutex.lock();
        try {
            return deadlocks;
        } finally {
            mutex.unlock();
        }
    }

    /** Waits for a record lock begun in {@link #awaitGrant} ({@code Innodb_row_lock_waits}). */
    public long lockWaits() {
        mutex.lock();
        try {
            return rowLockWaits;
        } finally {
            mutex.unlock();
        }
    }

    /** Total time of finished record lock waits ({@code Innodb_row_lock_time}). */
    public long lockWaitTimeTotalMillis() {
        mutex.lock();
        try {
            return rowLockWaitNanos / 1_000_000L;
        } finally {
            mutex.unlock();
        }
    }

    /** Longest finished record lock wait ({@code Innodb_row_lock_time_max}). */
    public long lockWaitTimeMaxMillis() {
        mutex.lock();
        try {
            return rowLockWaitMaxNanos / 1_000_000L;
        } finally {
            mutex.unlock();
        }
    }

    /** Threads waiting for a record lock now ({@code Innodb_row_lock_current_waits}). */
    public long currentWaits() {
        mutex.lock();
        try {
            return currentRowLockWaits;
        } finally {
            mutex.unlock();
        }
    }

    /** Wakes every waiting thread so that it re-reads the clock (tests with a manual clock). */
    public void wakeAll() {
        mutex.lock();
        try {
            for (TrxLocks t : trxs.values()) {
                t.wakeup.signalAll();
            }
        } finally {
            mutex.unlock();
        }
    }

    /** Sets how the deadlock report and the views name indexes, tables and keys. */
    public void setDescriber(LockDescriber d) {
        Objects.requireNonNull(d);
        mutex.lock();
        try {
            describer = d;
        } finally {
            mutex.unlock();
        }
    }

    /**
     * Checks LOCK1 to LOCK3 over every queue and transaction; throws {@code IllegalStateException}
     * naming the first violation. Returns true, for use in {@code assert}.
     */
    public boolean checkInvariants() {
        mutex.lock();
        try {
            LockInvariants.check(tables.all(), records.all(), trxs.values(), records, tables);
            return true;
        } finally {
            mutex.unlock();
        }
    }

    // ---- internals; every method below requires the mutex ----

    /** LOCK6: lock_rec_convert_impl_to_expl. Returns the record's queue (created if needed). */
    private LockQueue convertImplicitLock(LockQueue q, long indexId, byte[] key, int keyLength, int hash,
            long ownerId) {
        TrxLocks owner = trxs.get(ownerId);
        if (owner == null || (q != null && q.isCoveredFor(owner, LockMode.X, RecordLockType.REC_NOT_GAP))) {
            return q;
        }
        LockQueue queue = q != null ? q : records.getOrCreate(indexId, key, keyLength, hash);
        addLock(owner, queue, LockMode.X, RecordLockType.REC_NOT_GAP, false);
        if (owner.waitLock != null) {
            resolveDeadlocksOfWaiters(queue);
        }
        return queue;
    }

    /** Enqueues a request that must wait, after the deadlock check (LOCK4). */
    private Result enqueue(TrxLocks t, LockQueue q, LockMode mode, int type, boolean noWait) {
        if (noWait) {
            return Result.WOULD_BLOCK;
        }
        addLock(t, q, mode, type, true);
        if (resolveDeadlocks(t)) {
            t.outcome = TrxLocks.WaitOutcome.NONE;
            return Result.DEADLOCK;
        }
        if (t.waitLock == null) {
            // Removing another victim's request unblocked this one.
            t.outcome = TrxLocks.WaitOutcome.NONE;
            return Result.GRANTED;
        }
        return Result.WAIT;
    }

    private Lock addLock(TrxLocks t, LockQueue q, LockMode mode, int type, boolean waiting) {
        Lock l = new Lock(nextLockId++, t, q, mode, type, waiting);
        q.append(l); // LOCK3: ids grow along the queue
        t.add(l);
        return l;
    }

    /** Adds {@code held}'s gap to {@code q} for its owner unless covered; returns whether the owner waits. */
    private boolean inheritGap(Lock held, LockQueue q) {
        if (!q.isCoveredFor(held.trx, held.mode, RecordLockType.GAP)) {
            addLock(held.trx, q, held.mode, RecordLockType.GAP, false);
        }
        return held.trx.waitLock != null;
    }

    /** Unlinks {@code l} from its queue and transaction and drops the queue when it empties. */
    private void removeLock(Lock l) {
        LockQueue q = l.queue;
        q.remove(l);
        l.trx.remove(l);
        if (q.isEmpty()) {
            (q.table ? tables : records).remove(q);
        }
    }

    /** LOCK2: grants, in arrival order, every waiting request that nothing ahead of it blocks. */
    private void grantWaiters(LockQueue q) {
        if (q.waiters == 0) {
            return;
        }
        for (Lock l = q.first; l != null; l = l.queueNext) {
            if (l.waiting && q.blockerOf(l) == null) {
                l.waiting = false;
                q.waiters--;
                l.trx.granted(l);
                l.trx.outcome = TrxLocks.WaitOutcome.GRANTED;
                l.trx.wakeup.signalAll();
            }
        }
    }

    /** Removes {@code t}'s waiting request, records how its wait ended and wakes it. */
    private void cancelWait(TrxLocks t, TrxLocks.WaitOutcome outcome) {
        Lock l = t.waitLock;
        removeLock(l);
        t.outcome = outcome;
        t.wakeup.signalAll();
        grantWaiters(l.queue);
    }

    /**
     * LOCK4: while a cycle runs through the waiting {@code start}, chooses a victim among the
     * cycle's transactions (the lowest weight; ties go to {@code start}, then to the earliest in
     * the cycle), records the report and cancels the victim's request. Returns whether
     * {@code start} was the victim.
     */
    private boolean resolveDeadlocks(TrxLocks start) {
        while (start.waitLock != null) {
            DeadlockDetector.Cycle cycle = detector.search(start);
            if (cycle == null) {
                return false;
            }
            deadlocks++;
            TrxLocks victim;
            long threadId = Thread.currentThread().getId();
            if (cycle.tooDeep()) {
                victim = start;
                latestDeadlock = DeadlockReport.tooDeep(start, clock.millis(), threadId, describer);
            } else {
                int v = chooseVictim(cycle.trxs());
                victim = cycle.trxs().get(v);
                latestDeadlock = DeadlockReport.of(cycle, v, clock.millis(), threadId, describer);
            }
            cancelWait(victim, TrxLocks.WaitOutcome.DEADLOCK);
            if (victim == start) {
                return true;
            }
        }
        return false;
    }

    private static int chooseVictim(List<TrxLocks> cycle) {
        int victim = 0;
        long lowest = cycle.get(0).weight();
        for (int i = 1; i < cycle.size(); i++) {
            long w = cycle.get(i).weight();
            if (w < lowest) {
                lowest = w;
                victim = i;
            }
        }
        return victim;
    }

    /**
     * A granted lock was added to {@code q} for a transaction that waits elsewhere (inheritance, an
     * implicit lock made explicit): the waiters it blocks may now close a cycle that no request
     * closed, so each is checked as if it had just asked (LOCK4).
     */
    private void resolveDeadlocksOfWaiters(LockQueue q) {
        if (q.waiters == 0) {
            return;
        }
        List<TrxLocks> waiting = new ArrayList<>(q.waiters);
        for (Lock l = q.first; l != null; l = l.queueNext) {
            if (l.waiting) {
                waiting.add(l.trx);
            }
        }
        for (TrxLocks w : waiting) {
            if (w.waitLock != null && w.waitLock.queue == q) {
                resolveDeadlocks(w);
            }
        }
    }

    /** Waits for {@code t}'s request; on timeout or interrupt cancels it and throws. */
    private void waitForGrant(TrxLocks t, long timeoutMillis) {
        boolean row = !t.waitLock.queue.table;
        long start = clock.nanoTime();
        long timeoutNanos = timeoutMillis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE
                : Math.max(0, timeoutMillis) * 1_000_000L;
        if (row) {
            rowLockWaits++;
            currentRowLockWaits++;
        }
        try {
            while (t.waitLock != null) {
                long left = timeoutNanos - (clock.nanoTime() - start);
                if (left <= 0) {
                    throw timeout(t, "");
                }
                try {
                    mutex.awaitNanos(t.wakeup, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw timeout(t, "interrupted while waiting for ");
                }
            }
        } finally {
            if (row) {
                long waited = Math.max(0, clock.nanoTime() - start);
                currentRowLockWaits--;
                rowLockWaitNanos += waited;
                rowLockWaitMaxNanos = Math.max(rowLockWaitMaxNanos, waited);
            }
        }
    }

    private LockWaitTimeoutException timeout(TrxLocks t, String prefix) {
        Lock l = t.waitLock;
        String what = prefix + (l.queue.table ? "table lock on table " : "record lock in index ") + l.queue.id
                + ", trx " + t.trxId();
        cancelWait(t, TrxLocks.WaitOutcome.NONE);
        return new LockWaitTimeoutException(what);
    }

    private static LockView view(Lock l) {
        LockQueue q = l.queue;
        byte[] key = q.table || q.supremum ? q.key : q.key.clone();
        String mode = q.table ? l.mode.name() : RecordLockType.dataLocksMode(l.mode, l.type);
        return new LockView(l.id, l.trx.trxId(), q.table, q.id, null, key, q.supremum, mode, l.waiting, null);
    }

    private static LockView named(LockView v, LockDescriber d) {
        String name = v.table() ? d.table(v.objectId()) : d.index(v.objectId());
        String data = v.table() ? null : v.supremum() ? "supremum pseudo-record" : d.key(v.objectId(), v.key());
        return new LockView(v.lockId(), v.trxId(), v.table(), v.objectId(), name, v.key(), v.supremum(),
                v.lockMode(), v.waiting(), data);
    }
}
