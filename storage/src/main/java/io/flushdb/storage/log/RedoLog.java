package io.flushdb.storage.log;

import io.flushdb.storage.latch.LatchLevel;
import io.flushdb.storage.latch.OrderedLock;
import io.flushdb.storage.metrics.InnodbCounters;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;

/**
 * The redo log: LSN assignment, the log buffer, the log writer with group commit, and the log
 * space the checkpoint frees.
 *
 * <p><b>Appending.</b> {@link #commit} gives a mini-transaction's record group an LSN range, copies
 * it into the log buffer ({@code innodb_log_buffer_size}, a ring indexed by {@code lsn % size}
 * holding the stream's blocks with their header and trailer slots left blank), and runs the
 * caller's flush-list insertion, all under {@link #mutex}; so dirty pages enter the flush lists in
 * LSN order (FL2), and once {@link #currentLsn} is published every page changed below it is on a
 * flush list (LOG1).
 *
 * <p><b>Writing: group commit</b> (seed 002). A thread that needs the log written (or durable) up to
 * an LSN calls {@link #flushUpTo}. The first such thread becomes the <em>leader</em> of a flush
 * pass: it fixes the pass's goal as everything buffered now (the current LSN, not just its own
 * need), copies those blocks out of the buffer and stamps them, writes them, and forces the files
 * if the pass must be durable; then it publishes {@link #writtenLsn} / {@link #flushedLsn} and wakes
 * exactly the waiters the pass satisfied. A thread arriving during a pass either finds its LSN
 * covered by the pass's goal and waits for the pass to end, or registers as the leader of the next
 * pass and waits for this one to end. One fsync serves every commit in the pass, so durable
 * commits per second grow with the number of committers. The states of the pass are
 * {@link FlushState}. Waiters park on their own {@link Waiter} record, not on a shared condition:
 * the pass end wakes the next leader first, then the root of a binary tree of the satisfied
 * waiters, each of which wakes its two children; nobody is woken only to wait again.
 *
 * <p><b>Space.</b> The ring holds {@link #capacity()} bytes: the redo from the last checkpoint to the
 * current LSN (the checkpoint age) must fit. A mini-transaction checks before it latches pages
 * ({@link #freeCheck}); past the {@linkplain #freeLimit() free limit} it waits (counted in
 * {@code Innodb_log_waits}) while the checkpointer flushes pages and checkpoints. Nothing but
 * dirty pages holds the checkpoint back (transactions keep their undo in undo pages), so flushing
 * always frees space. Redo that recovery still needs is never overwritten (LOG2).
 *
 * <p>Invariants:
 * <ul>
 *   <li>LOG1: every page a mini-transaction changed is on its flush list before {@link #currentLsn}
 *       passes the mini-transaction's end.</li>
 *   <li>LOG2: {@code currentLsn - lastCheckpointLsn <= capacity} whenever blocks are written.</li>
 *   <li>LOG3: {@code flushedLsn <= writtenLsn <= currentLsn}; none moves backwards.</li>
 *   <li>LOG4: after a failed write or fsync the log is FAILED: every later flush throws
 *       {@link RedoLogFailedException} naming the first failure (nothing is retried).</li>
 * </ul>
 *
 * <p>Lock order: {@link #mutex} is at {@link LatchLevel#LOG} (taken with page latches held, by
 * commit); the writer's state mutex {@link #writer} and the space mutex {@link #space} are leaves
 * ({@link LatchLevel#LOG_WRITER}, {@link LatchLevel#LOG_SPACE}): nothing is acquired under them
 * except that the leader takes {@link #mutex} while it holds neither.
 */
public final class RedoLog {
    /** Receives every committed mini-transaction's records (tests replay them). */
    @FunctionalInterface
    public interface RedoSink {
        /** {@code records} holds the records of one mini-transaction, committed at [startLsn, endLsn). */
        void accept(long startLsn, long endLsn, ByteBuffer records);
    }

    /** Callback that runs under the mutex once a range is assigned (adds pages to flush lists). */
    @FunctionalInterface
    public interface CommitAction {
        void committed(long startLsn, long endLsn);
    }

    /** What a thread short of log space asks of the checkpointer. */
    @FunctionalInterface
    public interface SpaceRequester {
        /** Asks for pages to be flushed and a checkpoint made as soon as possible. Must not block. */
        void requestSpace();
    }

    /**
     * The states of a flush pass (seed 002's pass states; one thread writes, so its
     * FLUSH_PASS / FLUSH_FINISHING pair is one state here).
     * <pre>
     *   IDLE ──leader arrives──▶ LEADER_DETECT ──goal fixed──▶ WRITING ──sync──▶ SYNCING
     *     ▲                          ▲                             │                │
     *     └──no one registered───────┼─────────────────────────────┴────────────────┘
     *                                └──── NEW_LEADER ◀── someone registered for the next pass
     * </pre>
     */
    public enum FlushState {
        /** No pass runs: the next thread that needs the log written leads one. */
        IDLE,
        /** A leader is fixing the goal (copying the buffer up to the current LSN); others wait. */
        LEADER_DETECT,
        /** The pass's blocks are being written; its goal and whether it syncs are fixed. */
        WRITING,
        /** The pass's blocks are written and the redo files are being forced. */
        SYNCING,
        /**
         * The pass ended; the thread that registered during it (or, if none did, the first waiter
         * it did not satisfy) leads the next one.
         */
        NEW_LEADER
    }

    /**
     * A thread parked in {@link #flushUpTo}: one per thread, reused for every wait (a commit
     * allocates nothing). Its fields other than {@link #outcome} are guarded by {@link #writer}.
     */
    private static final class Waiter {
        static final int WAITING = 0;
        /** A pass made the waiter's LSN written (or durable, if it asked so): return. */
        static final int SATISFIED = 1;
        /** The waiter leads the next pass. */
        static final int LEAD = 2;
        /** The log failed: throw. */
        static final int FAILED = 3;

        final Thread thread = Thread.currentThread();
        long lsn;
        boolean sync;
        volatile int outcome;
        /**
         * The waiters this one wakes once it is woken itself: the satisfied waiters of a pass form a
         * binary tree, so their wakeups run on every core instead of one after another on the leader.
         */
        Waiter left;
        Waiter right;

        void wakeWith(int result) {
            Thread t = thread; // read before the waiter can see its outcome and move on
            outcome = result;
            LockSupport.unpark(t);
        }

        /** Passes the outcome on to this waiter's subtree. */
        void wakeChildren(int result) {
            Waiter l = left;
            Waiter r = right;
            left = null;
            right = null;
            if (l != null) {
                l.wakeWith(result);
            }
            if (r != null) {
                r.wakeWith(result);
            }
        }
    }

    private static final ThreadLocal<Waiter> WAITER = ThreadLocal.withInitial(Waiter::new);

    private final OrderedLock mutex = new OrderedLock(LatchLevel.LOG, "log_sys");
    private final LogFiles files;
    private final InnodbCounters counters;
    private final ByteBuffer buffer;
    private final int bufferSize;
    private volatile long currentLsn;
    private volatile RedoSink sink;
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder mtrCommits = new LongAdder();

    // ---- writer state: guarded by writer -------------------------------------------------------
    private final OrderedLock writer = new OrderedLock(LatchLevel.LOG_WRITER, "log_writer");
    private FlushState state = FlushState.IDLE;
    private long passGoal;
    private boolean passSync;
    /** Threads parked in {@link #flushUpTo}, in arrival order; [0, waiterCount) are live. */
    private Waiter[] waiters = new Waiter[16];
    private int waiterCount;
    /** The waiter registered as the next pass's leader, or null. */
    private Waiter nextLeader;
    /** The waiters a pass end or failure wakes, [0, count) while {@link #writer} is held. */
    private Waiter[] toWake = new Waiter[16];
    private volatile long writtenLsn;
    private volatile long flushedLsn;
    private volatile Throwable failure;
    /** The leader's copy of the blocks it writes (only the leader touches it); grown as needed. */
    private ByteBuffer io;

    // ---- space: guarded by space ---------------------------------------------------------------
    private final OrderedLock space = new OrderedLock(LatchLevel.LOG_SPACE, "log_space");
    private final Condition checkpointMoved = space.newCondition();
    private volatile long lastCheckpointLsn;
    private volatile SpaceRequester spaceRequester = () -> { };
    private final AtomicInteger spaceWaiters = new AtomicInteger();
    /** Told of the first failed log write or fsync (the engine enters FAILED). */
    private volatile java.util.function.Consumer<Throwable> failureListener = e -> { };
    private final long freeLimit;
    private final long asyncAge;
    private final long syncAge;

    /**
     * A log without files: LSNs are assigned and records handed to the sink, and everything counts
     * as written and durable at once. For tests of the layers above.
     */
    public RedoLog(long startLsn) {
        this(null, LogFormat.toDataLsn(startLsn), LogFormat.toDataLsn(startLsn), 1 << 20, new InnodbCounters());
    }

    /**
     * A log on {@code files} continuing at data LSN {@code startLsn} (the end of the redo recovery
     * found), whose last checkpoint is at {@code checkpointLsn}.
     */
    public RedoLog(LogFiles files, long startLsn, long checkpointLsn, int bufferBytes, InnodbCounters counters) {
        if (!LogFormat.isDataLsn(startLsn)) {
            throw new IllegalArgumentException("not a data LSN: " + startLsn);
        }
        this.files = files;
        this.counters = counters;
        long ring = files == null ? Long.MAX_VALUE : files.capacity();
        // A buffer larger than a quarter of the ring could hold redo the ring has no room for.
        this.bufferSize = (int) Math.max(4 * LogFormat.BLOCK,
                Math.min(bufferBytes, ring / 4) & ~(long) (LogFormat.BLOCK - 1));
        this.buffer = files == null ? null : ByteBuffer.allocate(bufferSize);
        this.io = files == null ? null : ByteBuffer.allocate(64 * LogFormat.BLOCK);
        this.currentLsn = startLsn;
        this.writtenLsn = startLsn;
        this.flushedLsn = startLsn;
        this.lastCheckpointLsn = checkpointLsn;
        long cap = files == null ? Long.MAX_VALUE / 4 : files.capacity();
        this.asyncAge = cap / 100 * 75;
        this.syncAge = cap / 100 * 90;
        // Writers stop short of the capacity by a margin for the mini-transactions already past their
        // free check: each may add at most a few pages' worth of redo.
        this.freeLimit = cap - Math.min(cap / 4, Math.max(cap / 16, 256 * 1024));
    }

    /** The last block's existing content must be kept when it is rewritten: seed the buffer with it. */
    public void seedLastBlock(ByteBuffer block) {
        if (buffer == null) {
            return;
        }
        long start = LogFormat.blockStart(currentLsn);
        int at = (int) (start % bufferSize);
        buffer.put(at, block, 0, LogFormat.BLOCK);
    }

    // ---- appending ----------------------------------------------------------------------------

    /**
     * Assigns the LSN range for {@code records}, copies them into the log buffer and runs
     * {@code action} under the log mutex. Returns the end LSN.
     */
    public long commit(ByteBuffer records, CommitAction action) {
        int len = records.remaining();
        if (buffer == null) {
            return commitWithoutFiles(records, action, Math.max(1, len));
        }
        int n = LogFormat.GROUP_HEADER + len;
        if (n + 2L * LogFormat.BLOCK > bufferSize) {
            throw new IllegalStateException("a mini-transaction's " + n + " bytes of redo exceed the log buffer ("
                    + bufferSize + " bytes): raise innodb_log_buffer_size");
        }
        mutex.lock();
        try {
            while (true) {
                long start = currentLsn;
                long end = LogFormat.advance(start, n);
                if (end - LogFormat.blockStart(writtenLsn) + LogFormat.BLOCK <= bufferSize
                        && end - lastCheckpointLsn <= files.capacity()) {
                    copyIn(start, len, records);
                    action.committed(start, end);
                    RedoSink s = sink;
                    if (s != null) {
                        s.accept(start, end, records.duplicate());
                    }
                    currentLsn = end;
                    bytesWritten.add(n);
                    mtrCommits.increment();
                    return end;
                }
                // No room in the buffer (or, rarely, in the ring): write it out without the mutex.
                mutex.unlock();
                try {
                    counters.logWaits.increment();
                    if (end - lastCheckpointLsn > files.capacity()) {
                        awaitSpace(files.capacity() - n - LogFormat.BLOCK);
                    } else {
                        flushUpTo(start, false);
                    }
                } finally {
                    mutex.lock();
                }
            }
        } finally {
            mutex.unlock();
        }
    }

    private long commitWithoutFiles(ByteBuffer records, CommitAction action, int n) {
        mutex.lock();
        try {
            long start = currentLsn;
            long end = LogFormat.advance(start, n);
            action.committed(start, end);
            RedoSink s = sink;
            if (s != null) {
                s.accept(start, end, records.duplicate());
            }
            currentLsn = end;
            writtenLsn = end;
            flushedLsn = end;
            bytesWritten.add(n);
            mtrCommits.increment();
            return end;
        } finally {
            mutex.unlock();
        }
    }

    /** Copies the group (length prefix and records) into the buffer from data LSN {@code start}. */
    private void copyIn(long start, int len, ByteBuffer records) {
        long lsn = start;
        lsn = putData(lsn, (byte) (len >>> 24));
        lsn = putData(lsn, (byte) (len >>> 16));
        lsn = putData(lsn, (byte) (len >>> 8));
        lsn = putData(lsn, (byte) len);
        int pos = records.position();
        int left = len;
        while (left > 0) {
            int room = LogFormat.DATA_END - (int) (lsn & (LogFormat.BLOCK - 1));
            int k = Math.min(room, left);
            buffer.put((int) (lsn % bufferSize), records, pos, k);
            pos += k;
            left -= k;
            lsn = LogFormat.advance(lsn, k);
        }
    }

    private long putData(long lsn, byte b) {
        buffer.put((int) (lsn % bufferSize), b);
        return LogFormat.advance(lsn, 1);
    }

    /** The LSN the next mini-transaction will start at. */
    public long currentLsn() {
        return currentLsn;
    }

    /** LSN up to which redo is written to the files (not necessarily forced). */
    public long writtenLsn() {
        return writtenLsn;
    }

    /** LSN up to which redo is durable. */
    public long flushedLsn() {
        return flushedLsn;
    }

    public long bytesWritten() {
        return bytesWritten.sum();
    }

    public long mtrCommits() {
        return mtrCommits.sum();
    }

    /** Installs (or, with null, removes) the sink that sees every committed record group. */
    public void setSink(RedoSink sink) {
        this.sink = sink;
    }

    public LogFiles files() {
        return files;
    }

    public int bufferSize() {
        return bufferSize;
    }

    // ---- writing: group commit ----------------------------------------------------------------

    /**
     * Returns once the redo is written up to {@code lsn} and, with {@code sync}, forced. Leads a
     * flush pass or waits for one (see the class comment).
     *
     * @throws RedoLogFailedException if a write or fsync of the log failed, now or before
     */
    public void flushUpTo(long lsn, boolean sync) {
        if (files == null || (sync ? flushedLsn : writtenLsn) >= lsn) {
            checkFailure();
            return;
        }
        Waiter me = WAITER.get();
        writer.lock();
        try {
            checkFailure();
            if ((sync ? flushedLsn : writtenLsn) >= lsn) {
                return;
            }
            if (state == FlushState.IDLE) {
                state = FlushState.LEADER_DETECT;
            } else {
                enqueue(me, lsn, sync);
                me = null;
            }
        } finally {
            writer.unlock();
        }
        if (me == null) {
            me = WAITER.get();
            if (awaitTurn(me) == Waiter.SATISFIED) {
                return;
            }
            sync = me.sync; // chosen to lead the next pass
        }
        runPass(sync);
    }

    /**
     * Adds {@code w} to the waiters: it waits for the running pass if that pass covers it, else for
     * the next, registering as that pass's leader if it is the first to need it. Requires:
     * {@link #writer}.
     */
    private void enqueue(Waiter w, long lsn, boolean sync) {
        w.lsn = lsn;
        w.sync = sync;
        w.outcome = Waiter.WAITING;
        if (waiterCount == waiters.length) {
            waiters = Arrays.copyOf(waiters, waiterCount * 2);
            toWake = new Waiter[waiters.length];
        }
        waiters[waiterCount++] = w;
        boolean covered = (state == FlushState.WRITING || state == FlushState.SYNCING)
                && passGoal >= lsn && (passSync || !sync);
        // During LEADER_DETECT the goal is not fixed yet; the pass end picks a leader if needed.
        if (!covered && state != FlushState.LEADER_DETECT && nextLeader == null) {
            nextLeader = w;
        }
    }

    /** Parks until a pass end tells {@code w} its outcome; returns SATISFIED or LEAD, or throws. */
    private int awaitTurn(Waiter w) {
        boolean interrupted = false;
        int outcome;
        while ((outcome = w.outcome) == Waiter.WAITING) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        w.wakeChildren(outcome);
        if (outcome == Waiter.FAILED) {
            throw new RedoLogFailedException(failure);
        }
        return outcome;
    }

    /** One flush pass, run by its leader without any latch. */
    private void runPass(boolean sync) {
        long goal;
        long fromBlock;
        try {
            checkFailure();
            mutex.lock();
            try {
                goal = currentLsn;
                fromBlock = LogFormat.blockStart(writtenLsn);
                copyOut(fromBlock, goal);
            } finally {
                mutex.unlock();
            }
            writer.lock();
            try {
                // Waiters that arrived while the goal was being fixed and need it forced make the pass sync.
                for (int i = 0; i < waiterCount && !sync; i++) {
                    sync = waiters[i].sync && waiters[i].lsn <= goal;
                }
                passGoal = goal;
                passSync = sync;
                state = FlushState.WRITING;
            } finally {
                writer.unlock();
            }
            if (io.remaining() > 0) {
                counters.logPendingWrites.increment();
                try {
                    files.write(fromBlock, io);
                } finally {
                    counters.logPendingWrites.decrement();
                }
                counters.logWrites.increment();
                counters.logBytesWritten.add(goal - writtenLsn);
            }
            if (sync && flushedLsn < goal) {
                writer.lock();
                try {
                    state = FlushState.SYNCING;
                } finally {
                    writer.unlock();
                }
                counters.logPendingFsyncs.increment();
                try {
                    files.force();
                } finally {
                    counters.logPendingFsyncs.decrement();
                }
                counters.logFsyncs.increment();
            }
        } catch (RuntimeException | Error e) {
            boolean first = failure == null;
            failAll(e);
            if (first) {
                failureListener.accept(e);
                wakeSpaceWaiters(e);
            }
            throw e;
        }
        endPass(goal, sync);
    }

    /**
     * Ends a pass that reached {@code goal}: publishes it, hands the next pass to its registered
     * leader (or, if none registered, to the first waiter it does not satisfy) and wakes exactly the
     * waiters it satisfied. The next leader is woken first, so the next pass's write can start while
     * the others are still being scheduled; no waiter is woken only to wait again.
     */
    private void endPass(long goal, boolean sync) {
        Waiter lead = null;
        Waiter woken;
        writer.lock();
        try {
            if (goal > writtenLsn) {
                writtenLsn = goal;
            }
            if (sync && goal > flushedLsn) {
                flushedLsn = goal;
            }
            int kept = 0;
            int n = 0;
            for (int i = 0; i < waiterCount; i++) {
                Waiter w = waiters[i];
                if ((w.sync ? flushedLsn : writtenLsn) >= w.lsn) {
                    toWake[n++] = w;
                } else {
                    if (w == nextLeader || lead == null) {
                        lead = w; // the registered leader if it still needs a pass, else the first
                    }
                    waiters[kept++] = w;
                }
            }
            if (lead != null) {
                int at = 0;
                while (waiters[at] != lead) {
                    at++;
                }
                System.arraycopy(waiters, at + 1, waiters, at, kept - at - 1);
                kept--;
            }
            Arrays.fill(waiters, kept, waiterCount, null);
            waiterCount = kept;
            nextLeader = null;
            state = lead != null ? FlushState.NEW_LEADER : FlushState.IDLE;
            woken = wakeTree(n);
        } finally {
            writer.unlock();
        }
        if (lead != null) {
            lead.wakeWith(Waiter.LEAD);
        }
        if (woken != null) {
            woken.wakeWith(Waiter.SATISFIED);
        }
    }

    /**
     * Links {@code toWake[0, n)} into a binary tree (the children of i at 2i+1 and 2i+2) and
     * returns its root, or null. Requires: {@link #writer}.
     */
    private Waiter wakeTree(int n) {
        for (int i = 0; i < n; i++) {
            Waiter w = toWake[i];
            w.left = 2 * i + 1 < n ? toWake[2 * i + 1] : null;
            w.right = 2 * i + 2 < n ? toWake[2 * i + 2] : null;
        }
        Waiter root = n > 0 ? toWake[0] : null;
        Arrays.fill(toWake, 0, n, null);
        return root;
    }

    /** Records the first failure and wakes every waiter with it; the log stays FAILED. */
    private void failAll(Throwable e) {
        Waiter woken;
        writer.lock();
        try {
            if (failure == null) {
                failure = e;
            }
            System.arraycopy(waiters, 0, toWake, 0, waiterCount);
            woken = wakeTree(waiterCount);
            Arrays.fill(waiters, 0, waiterCount, null);
            waiterCount = 0;
            nextLeader = null;
            // The pass state no longer matters: every caller checks the failure before looking at it.
        } finally {
            writer.unlock();
        }
        if (woken != null) {
            woken.wakeWith(Waiter.FAILED);
        }
    }

    /**
     * Copies the blocks [{@code fromBlock}, block of {@code goal}] out of the buffer into
     * {@link #io}, stamping headers and trailers. Requires: {@link #mutex}.
     */
    private void copyOut(long fromBlock, long goal) {
        long endBlock = LogFormat.blockStart(goal);
        if ((goal & (LogFormat.BLOCK - 1)) > LogFormat.HEADER) {
            endBlock += LogFormat.BLOCK; // the last block holds data: write it, partly filled
        }
        if (endBlock - fromBlock > io.capacity()) {
            io = ByteBuffer.allocate((int) Math.min(bufferSize + (long) LogFormat.BLOCK,
                    Math.max(endBlock - fromBlock, 2L * io.capacity())));
        }
        io.clear();
        int at = 0;
        long durable = flushedLsn; // only this pass's leader moves it
        for (long b = fromBlock; b < endBlock; b += LogFormat.BLOCK) {
            io.put(at, buffer, (int) (b % bufferSize), LogFormat.BLOCK);
            int used = b + LogFormat.BLOCK <= goal ? LogFormat.DATA_END : (int) (goal - b);
            LogFormat.stampBlock(io, at, b, used, durable);
            at += LogFormat.BLOCK;
        }
        io.limit(at).position(0);
    }

    private void checkFailure() {
        Throwable f = failure;
        if (f != null) {
            throw new RedoLogFailedException(f);
        }
    }

    /** The first failure of a log write or fsync, or null. */
    public Throwable failure() {
        return failure;
    }

    // ---- space --------------------------------------------------------------------------------

    /** Bytes of the ring (Long.MAX_VALUE / 4 without files). */
    public long capacity() {
        return files == null ? Long.MAX_VALUE / 4 : files.capacity();
    }

    /**
     * The async point (75 % of the capacity): past it adaptive flushing works even when
     * {@code innodb_adaptive_flushing} is OFF ({@code log_max_modified_age_async}).
     */
    public long asyncAge() {
        return asyncAge;
    }

    /**
     * The sync point (90 %): past it the checkpointer asks the page cleaner for a sync flush
     * ({@code log_max_modified_age_sync}). Below the free limit, where writers wait.
     */
    public long syncAge() {
        return syncAge;
    }

    /** Checkpoint age past which a new mini-transaction waits for space. */
    public long freeLimit() {
        return freeLimit;
    }

    public long lastCheckpointLsn() {
        return lastCheckpointLsn;
    }

    /** Current LSN minus the last checkpoint. */
    public long checkpointAge() {
        return currentLsn - lastCheckpointLsn;
    }

    /** Installs the listener told of the first failed log write or fsync. */
    public void setFailureListener(java.util.function.Consumer<Throwable> l) {
        this.failureListener = l;
    }

    /** Wakes threads waiting for log space to look again (a checkpointer pass they asked for ended). */
    public void spaceReleased() {
        if (spaceWaiters.get() == 0) {
            return; // a waiter counts itself before it looks, so it sees what was released
        }
        space.lock();
        try {
            checkpointMoved.signalAll();
        } finally {
            space.unlock();
        }
    }

    public void setSpaceRequester(SpaceRequester r) {
        this.spaceRequester = r;
    }

    /**
     * Called before a mini-transaction that changes pages latches anything: waits while the
     * checkpoint age is past the free limit (LOG2). Holding no page latch here is what lets the
     * flushing it waits for proceed.
     */
    public void freeCheck() {
        if (currentLsn - lastCheckpointLsn <= freeLimit) {
            return;
        }
        counters.logWaits.increment();
        awaitSpace(freeLimit);
    }

    /** Waits until the checkpoint age is at most {@code age}, asking the checkpointer for space. */
    private void awaitSpace(long age) {
        spaceWaiters.incrementAndGet();
        try {
            while (true) {
                checkFailure();
                if (currentLsn - lastCheckpointLsn <= age) {
                    return;
                }
                // Asked without the space mutex: the checkpointer's mutex comes before it in the order.
                spaceRequester.requestSpace();
                space.lock();
                try {
                    // Looked at again under the mutex the signals are sent under.
                    if (currentLsn - lastCheckpointLsn > age && failure == null) {
                        checkpointMoved.awaitUninterruptibly();
                    }
                } finally {
                    space.unlock();
                }
            }
        } finally {
            spaceWaiters.decrementAndGet();
        }
    }

    /** Records a durable checkpoint at {@code lsn} (the value never moves backwards). */
    public void checkpointed(long lsn) {
        space.lock();
        try {
            if (lsn > lastCheckpointLsn) {
                lastCheckpointLsn = lsn;
            }
            checkpointMoved.signalAll();
        } finally {
            space.unlock();
        }
    }

    /** Wakes space waiters so they see a failure (the engine failed and nothing will move). */
    public void wakeSpaceWaiters(Throwable cause) {
        failAll(cause);
        space.lock();
        try {
            checkpointMoved.signalAll();
        } finally {
            space.unlock();
        }
    }
}
