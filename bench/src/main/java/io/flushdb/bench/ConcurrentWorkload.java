package io.flushdb.bench;

import io.flushdb.bench.peers.Peer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What {@link ConcurrentRun} runs on one target: a table set up once, then one {@link Client}
 * per thread, each on its own connection, running one transaction per step, and a check of the
 * table at the end. One instance serves one target's whole run (every phase of every round),
 * so it may keep state across phases, such as the next id to insert.
 *
 * <p>Concurrency: {@link #setUp}, {@link #client} and {@link #verify} are called by the harness
 * thread; each {@link Client} is used by its own thread only.
 */
interface ConcurrentWorkload {

    /** The scenario's name: progress lines, thread names, the report's table label and CSV. */
    String name();

    /** What one step is, one line, for the report. */
    String operation();

    /**
     * Creates the workload's table (with the peer's DDL hook) and loads it, on {@code admin},
     * which is in autocommit mode before and after.
     *
     * @return what this target's run does differently from the others (isolation level, how rows
     *     are locked), one line for the report's targets block; "" when nothing does
     */
    String setUp(Peer peer, Connection admin) throws SQLException;

    /** A client for one thread, on its own new {@code connection}, which it sets up as it needs. */
    Client client(Peer peer, Connection connection) throws SQLException;

    /** Throws if the table does not hold what the committed steps made of it (BENCH3). */
    void verify(Connection admin) throws SQLException;

    /** One client thread's work: one transaction per {@link #step}, counted in a {@link Tally}. */
    interface Client extends AutoCloseable {

        /**
         * Runs one transaction to its end and counts its outcome in {@code tally}: committed,
         * or declined (rolled back by the workload's own rule), with the attempts retried.
         */
        void step(Tally tally) throws SQLException;

        /** Closes the client's statements; the harness closes the connection. */
        @Override
        void close() throws SQLException;
    }

    /**
     * One client thread's counts. Written by that thread alone, read by the harness thread
     * between and after phases; the counters are published with release writes.
     */
    final class Tally {
        private final AtomicLong committed = new AtomicLong();
        private final AtomicLong retried = new AtomicLong();
        private final AtomicLong declined = new AtomicLong();

        /** A transaction committed. */
        void committed() {
            committed.setRelease(committed.getPlain() + 1);
        }

        /**
         * An attempt rolled back after losing a conflict (deadlock, serialization failure, lock
         * wait timeout), to be run again.
         */
        void retried() {
            retried.setRelease(retried.getPlain() + 1);
        }

        /** A transaction rolled back by the workload's own rule, for example an insufficient balance. */
        void declined() {
            declined.setRelease(declined.getPlain() + 1);
        }

        long committedCount() {
            return committed.getAcquire();
        }

        long retriedCount() {
            return retried.getAcquire();
        }

        long declinedCount() {
            return declined.getAcquire();
        }
    }
}
