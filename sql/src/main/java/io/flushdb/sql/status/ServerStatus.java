package io.flushdb.sql.status;

import io.flushdb.sql.session.Session;
import io.flushdb.storage.util.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server-wide status of one {@code SqlEngine}: when it started, the global sums of the
 * per-session statement counters ({@code Com_xxx}, {@code Questions}, {@code Slow_queries}), the
 * connection counts, and the open sessions (for {@code Threads_connected},
 * {@code Threads_running} and the TRANSACTIONS section of SHOW ENGINE INNODB STATUS).
 *
 * <p>Every increment of a session's counter also increments the global one here, so the global
 * value is the sum over every session that ever ran, open or closed, as in MySQL (which adds a
 * session's counters to the global ones as it goes).
 *
 * <p>Concurrency: thread-safe. Counters are {@link LongAdder}s; the session registry is a
 * concurrent map.
 */
public final class ServerStatus {
    /** MySQL's default {@code long_query_time}: a statement running this long is a slow query. */
    static final long LONG_QUERY_NANOS = 10_000_000_000L;

    private final Clock clock;
    private final long startMillis;
    private final LongAdder[] commands = new LongAdder[Command.all().length];
    final LongAdder questions = new LongAdder();
    final LongAdder slowQueries = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final AtomicInteger maxUsedConnections = new AtomicInteger();
    private final ConcurrentHashMap<Long, Session> sessions = new ConcurrentHashMap<>();

    public ServerStatus(Clock clock) {
        this.clock = clock;
        this.startMillis = clock.millis();
        for (int i = 0; i < commands.length; i++) {
            commands[i] = new LongAdder();
        }
    }

    public Clock clock() {
        return clock;
    }

    /** When the engine started, in the clock's milliseconds. */
    public long startMillis() {
        return startMillis;
    }

    /** {@code Uptime}: whole seconds since the engine started. */
    public long uptimeSeconds() {
        return (clock.millis() - startMillis) / 1000;
    }

    void countCommand(Command c) {
        commands[c.ordinal()].increment();
    }

    /** The global {@code Com_xxx} value of {@code c}. */
    public long commands(Command c) {
        return commands[c.ordinal()].sum();
    }

    // ---- sessions -----------------------------------------------------------------------------

    /** Registers a new session ({@code Connections}, {@code Threads_connected}). */
    public void sessionOpened(Session s) {
        connections.increment();
        sessions.put(s.connectionId(), s);
        int open = sessions.size();
        maxUsedConnections.accumulateAndGet(open, Math::max);
    }

    /** Forgets a closed session. */
    public void sessionClosed(Session s) {
        sessions.remove(s.connectionId(), s);
    }

    /** {@code Connections}: sessions opened since the engine started. */
    public long connections() {
        return connections.sum();
    }

    /** {@code Max_used_connections}: the most sessions open at once. */
    public long maxUsedConnections() {
        return maxUsedConnections.get();
    }

    /** {@code Threads_connected}: sessions open now. */
    public long threadsConnected() {
        return sessions.size();
    }

    /** {@code Threads_running}: sessions executing a statement now (the one asking included). */
    public long threadsRunning() {
        long n = 0;
        for (Session s : sessions.values()) {
            if (s.status().executing()) {
                n++;
            }
        }
        return n;
    }

    /** The open sessions, by connection id. */
    public List<Session> sessions() {
        List<Session> out = new ArrayList<>(sessions.values());
        out.sort(Comparator.comparingLong(Session::connectionId));
        return out;
    }
}
