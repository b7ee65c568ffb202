package io.flushdb.sql.status;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One session's status counters: its {@code Com_xxx} counts, {@code Questions} and
 * {@code Slow_queries} (what {@code SHOW SESSION STATUS} reports for it), whether it is
 * executing a statement now, and when its current transaction started. Each increment also
 * counts in the engine's {@link ServerStatus}.
 *
 * <p>Concurrency: written by the session's thread only (a session is used by one thread at a
 * time); read by any thread asking for status. Values are published with ordered writes, so a
 * reader sees a recent value, never a torn one; no increment allocates.
 */
public final class SessionStatus {
    private static final int QUESTIONS = Command.all().length;
    private static final int SLOW_QUERIES = QUESTIONS + 1;

    private final ServerStatus server;
    private final AtomicLongArray counts = new AtomicLongArray(SLOW_QUERIES + 1);
    private volatile boolean executing;
    private volatile long statementStartNanos;
    private volatile long threadId;
    private volatile long transactionStartMillis;

    public SessionStatus(ServerStatus server) {
        this.server = server;
    }

    private void increment(int i) {
        counts.lazySet(i, counts.get(i) + 1);
    }

    /** Counts a statement received from the client ({@code Questions}, {@code Queries}). */
    public void question() {
        increment(QUESTIONS);
        server.questions.increment();
    }

    /** Counts a statement of kind {@code c} (null: a statement no {@code Com_xxx} counts). */
    public void command(Command c) {
        if (c != null) {
            increment(c.ordinal());
            server.countCommand(c);
        }
    }

    /** The session is starting a statement ({@code Threads_running}). */
    public void statementStarted() {
        statementStartNanos = server.clock().nanoTime();
        threadId = Thread.currentThread().getId();
        executing = true;
    }

    /** The statement ended: counts it as a slow query if it ran for {@code long_query_time} or more. */
    public void statementEnded() {
        executing = false;
        if (server.clock().nanoTime() - statementStartNanos >= ServerStatus.LONG_QUERY_NANOS) {
            increment(SLOW_QUERIES);
            server.slowQueries.increment();
        }
    }

    /** The id of the Java thread that ran the session's latest statement (0 before the first). */
    public long threadId() {
        return threadId;
    }

    /** Whether the session is executing a statement now. */
    public boolean executing() {
        return executing;
    }

    /** Records when the session's current transaction started (clock milliseconds). */
    public void transactionStarted(long millis) {
        transactionStartMillis = millis;
    }

    /** When the session's current transaction started, in clock milliseconds. */
    public long transactionStartMillis() {
        return transactionStartMillis;
    }

    /** The session's {@code Com_xxx} value of {@code c}. */
    public long commands(Command c) {
        return counts.get(c.ordinal());
    }

    /** The session's {@code Questions}. */
    public long questions() {
        return counts.get(QUESTIONS);
    }

    /** The session's {@code Slow_queries}. */
    public long slowQueries() {
        return counts.get(SLOW_QUERIES);
    }
}
