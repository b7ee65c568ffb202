package io.flushdb.storage.trx.lock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Searches the wait-for graph for a cycle through one waiting transaction (InnoDB's
 * {@code DeadlockChecker}, depth first). A transaction T waits for every other transaction that
 * owns a lock ahead of T's waiting request (LOCK2) which makes that request wait; table and record
 * locks alike.
 *
 * <p>The search is bounded as InnoDB's is: it gives up after {@link #MAX_DEPTH} transactions on
 * the path or {@link #MAX_STEPS} edges examined, and the caller then treats the request as a
 * deadlock victim ("TOO DEEP OR LONG SEARCH IN THE LOCK TABLE WAITS-FOR GRAPH").
 *
 * <p>Concurrency: used only with the {@link LockSys} mutex held; its scratch arrays are reused
 * across searches, so one search allocates only the cycle it returns.
 */
final class DeadlockDetector {
    /** InnoDB's {@code LOCK_MAX_DEPTH_IN_DEADLOCK_CHECK}. */
    static final int MAX_DEPTH = 200;
    /** InnoDB's {@code LOCK_MAX_N_STEPS_IN_DEADLOCK_CHECK}. */
    static final int MAX_STEPS = 1_000_000;

    /**
     * A cycle found from {@code trxs.get(0)}, the transaction the search started from:
     * {@code trxs.get(i)} waits for {@code trxs.get(i + 1)}, and the last waits for the first;
     * {@code blocking.get(i)} is the lock of the next transaction that makes {@code trxs.get(i)}'s
     * request wait. A search that gave up returns {@code tooDeep} with only the start.
     */
    record Cycle(List<TrxLocks> trxs, List<Lock> blocking, boolean tooDeep) {
    }

    private final int maxDepth;
    private final int maxSteps;
    private final TrxLocks[] path;
    /** {@code edge[i]}: the blocker of {@code path[i]}'s request that the search is following. */
    private final Lock[] edge;
    private long searches;

    DeadlockDetector() {
        this(MAX_DEPTH, MAX_STEPS);
    }

    /** A detector with other bounds (tests). */
    DeadlockDetector(int maxDepth, int maxSteps) {
        this.maxDepth = maxDepth;
        this.maxSteps = maxSteps;
        this.path = new TrxLocks[maxDepth + 1];
        this.edge = new Lock[maxDepth + 1];
    }

    /**
     * A cycle through {@code start}, or null if there is none.
     *
     * <p>Requires: the LockSys mutex is held and {@code start} is waiting.
     */
    Cycle search(TrxLocks start) {
        assert start.waitLock != null;
        long mark = ++searches;
        start.searchMark = mark;
        int depth = 0;
        path[0] = start;
        edge[0] = firstBlocker(start);
        long steps = 0;
        try {
            while (depth >= 0) {
                Lock blocker = edge[depth];
                if (blocker == null) {
                    depth--;
                    if (depth >= 0) {
                        edge[depth] = nextBlocker(path[depth], edge[depth]);
                    }
                    continue;
                }
                if (++steps > maxSteps) {
                    return tooDeep(start);
                }
                TrxLocks next = blocker.trx;
                if (next == start) {
                    return cycle(depth);
                }
                // A transaction seen before cannot reach start (its subtree was searched) or is on
                // the path (a cycle without start, found when it formed); one that does not wait
                // waits for nobody.
                if (next.searchMark == mark || next.waitLock == null) {
                    next.searchMark = mark;
                    edge[depth] = nextBlocker(path[depth], blocker);
                    continue;
                }
                next.searchMark = mark;
                if (depth == maxDepth) {
                    return tooDeep(start);
                }
                depth++;
                path[depth] = next;
                edge[depth] = firstBlocker(next);
            }
            return null;
        } finally {
            Arrays.fill(path, null);
            Arrays.fill(edge, null);
        }
    }

    private static Lock firstBlocker(TrxLocks t) {
        return t.waitLock.queue.blockerOf(t.waitLock);
    }

    private static Lock nextBlocker(TrxLocks t, Lock previous) {
        return t.waitLock.queue.nextBlockerOf(t.waitLock, previous.queueNext);
    }

    private Cycle cycle(int depth) {
        List<TrxLocks> trxs = new ArrayList<>(depth + 1);
        List<Lock> blocking = new ArrayList<>(depth + 1);
        for (int i = 0; i <= depth; i++) {
            trxs.add(path[i]);
            blocking.add(edge[i]);
        }
        return new Cycle(trxs, blocking, false);
    }

    private static Cycle tooDeep(TrxLocks start) {
        return new Cycle(List.of(start), List.of(), true);
    }
}
