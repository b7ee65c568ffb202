package io.flushdb.compat.differential;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sessions of one script on one side (FlushDB or the reference server), and the three harness
 * commands with which a script interleaves them, as mysqltest does:
 * <pre>
 * connection NAME;    run what follows in session NAME, opened on first use (a script starts in "default")
 * send STATEMENT;     start STATEMENT in the current session without waiting for it to finish
 * reap;               wait for the current session's sent statement; its block is that statement's outcome
 * </pre>
 * The block of a {@code send} says what the statement was doing when the harness looked:
 * {@code -- blocked} when it was waiting for a row lock, {@code -- not blocked} when it had finished.
 * "Waiting for a row lock" is read from {@code information_schema.INNODB_TRX} on a separate
 * monitor session ({@code trx_state = 'LOCK WAIT'} for the session's {@code CONNECTION_ID()}), the
 * same question on both sides. The harness waits on the statement's completion with a short
 * timeout between two readings of that table: a server in another process cannot notify us.
 *
 * <p>Closing aborts sessions that still have a statement running (a script that forgets a
 * {@code reap}, or a statement that never returns), then closes the others, the default session
 * last so that the reference side can drop the script's databases through it.
 */
final class ScriptSessions implements AutoCloseable {
    /** Opens a new session configured like the script's first one, in the script's database. */
    interface Opener {
        Connection open() throws SQLException;
    }

    static final String DEFAULT = "default";
    private static final Pattern CONNECTION = Pattern.compile("(?i)connection\\s+(\\w+)");
    private static final Pattern SEND = Pattern.compile("(?is)send\\s+(.+)");
    private static final Pattern REAP = Pattern.compile("(?i)reap");
    /** How long a sent statement may be neither finished nor waiting for a lock. */
    private static final long SETTLE_MILLIS = 10_000;
    /** How long {@code reap} waits: longer than the servers' default 50 s lock wait timeout. */
    private static final long REAP_MILLIS = 90_000;
    private static final long LOOK_AGAIN_MILLIS = 20;
    /**
     * Time between two readings of INNODB_TRX. InnoDB serves that table from a cache that it
     * refreshes only when nobody has read it for 100 ms, so reading more often than that would
     * keep seeing one old picture (MariaDB does exactly this).
     */
    private static final long MONITOR_READ_GAP_MILLIS = 150;

    private final Opener opener;
    private final boolean askServerForSqlState;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final ExecutorService senders = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "script-send");
        thread.setDaemon(true);
        return thread;
    });
    private Session current;
    private Connection monitor;
    private long nextMonitorRead = System.nanoTime();

    /**
     * @param first                the script's default session (closed last by {@link #close})
     * @param opener               opens every further session, and the monitor
     * @param askServerForSqlState as {@link StatementExecutor#execute(Connection, String, List, boolean)}
     */
    ScriptSessions(Connection first, Opener opener, boolean askServerForSqlState) {
        this.opener = opener;
        this.askServerForSqlState = askServerForSqlState;
        current = new Session(DEFAULT, first);
        sessions.put(DEFAULT, current);
    }

    /** Whether {@code statement} is one of the harness commands rather than SQL. */
    static boolean isCommand(ScriptStatement statement) {
        String sql = statement.executableSql();
        return CONNECTION.matcher(sql).matches() || SEND.matcher(sql).matches() || REAP.matcher(sql).matches();
    }

    /**
     * Runs one statement or harness command and returns its outcome, or null for
     * {@code connection NAME;}, which has none.
     */
    Outcome run(ScriptStatement statement) {
        String sql = statement.executableSql();
        Matcher m;
        if ((m = CONNECTION.matcher(sql)).matches()) {
            switchTo(m.group(1));
            return null;
        }
        if ((m = SEND.matcher(sql)).matches()) {
            if (current.pending != null) {
                return scriptError("session '" + current.name + "' already has a sent statement; reap it first");
            }
            Session session = current;
            String sent = m.group(1);
            try {
                session.connectionId(); // asked now: the connection is busy once the statement runs
            } catch (SQLException e) {
                return new Outcome.Crash("cannot read CONNECTION_ID(): " + e);
            }
            session.pending = senders.submit(() -> StatementExecutor.execute(session.connection, sent,
                    statement.parameters(), askServerForSqlState));
            return observe(session);
        }
        if (REAP.matcher(sql).matches()) {
            return reap(current);
        }
        if (current.pending != null) {
            return scriptError("session '" + current.name + "' still runs a sent statement; reap it first");
        }
        return StatementExecutor.execute(current.connection, sql, statement.parameters(), askServerForSqlState);
    }

    private void switchTo(String name) {
        Session session = sessions.get(name);
        if (session == null) {
            try {
                session = new Session(name, opener.open());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot open session '" + name + "': " + e, e);
            }
            sessions.put(name, session);
        }
        current = session;
    }

    /** Waits until the sent statement finishes or is seen waiting for a row lock. */
    private Outcome observe(Session session) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_MILLIS);
        while (true) {
            long untilRead = Math.max(LOOK_AGAIN_MILLIS,
                    TimeUnit.NANOSECONDS.toMillis(nextMonitorRead - System.nanoTime()));
            try {
                session.pending.get(untilRead, TimeUnit.MILLISECONDS);
                return new Outcome.Progress(false);
            } catch (TimeoutException e) {
                // Still running: is it waiting for a lock?
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return scriptError("interrupted while watching a sent statement");
            } catch (ExecutionException e) {
                return new Outcome.Crash("the sent statement threw " + e.getCause());
            }
            if (System.nanoTime() - nextMonitorRead >= 0) {
                try {
                    if (waitsForLock(session)) {
                        return new Outcome.Progress(true);
                    }
                } catch (SQLException e) {
                    return new Outcome.Crash("cannot read INNODB_TRX: " + e);
                }
            }
            if (System.nanoTime() - deadline > 0) {
                return new Outcome.Crash("the sent statement neither finished nor waited for a row lock within "
                        + SETTLE_MILLIS + " ms; " + transactions(session));
            }
        }
    }

    private Outcome reap(Session session) {
        if (session.pending == null) {
            return scriptError("reap in session '" + session.name + "', which has no sent statement");
        }
        try {
            return session.pending.get(REAP_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome.Crash("the sent statement did not finish within " + REAP_MILLIS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return scriptError("interrupted while reaping");
        } catch (ExecutionException e) {
            return new Outcome.Crash("the sent statement threw " + e.getCause());
        } finally {
            if (session.pending.isDone()) {
                session.pending = null;
            }
        }
    }

    private boolean waitsForLock(Session session) throws SQLException {
        if (monitor == null) {
            monitor = opener.open();
        }
        nextMonitorRead = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MONITOR_READ_GAP_MILLIS);
        try (PreparedStatement query = monitor.prepareStatement("SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                + " WHERE trx_mysql_thread_id = ? AND trx_state = 'LOCK WAIT'")) {
            query.setLong(1, session.connectionId());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** What INNODB_TRX shows, for a report on a statement that does not settle. */
    private String transactions(Session session) {
        StringBuilder out = new StringBuilder("session '" + session.name + "' is connection ");
        try (Statement statement = monitor.createStatement();
                ResultSet rs = statement.executeQuery("SELECT trx_mysql_thread_id, trx_state, trx_query"
                        + " FROM information_schema.INNODB_TRX")) {
            out.append(session.connectionId()).append("; INNODB_TRX:");
            while (rs.next()) {
                out.append(" [").append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ')
                        .append(rs.getString(3)).append(']');
            }
        } catch (SQLException e) {
            out.append("? (").append(e).append(')');
        }
        return out.toString();
    }

    private static Outcome scriptError(String problem) {
        return new Outcome.Crash("script error: " + problem);
    }

    /** The default session, for the reference side's cleanup before {@link #close}. */
    Connection defaultConnection() {
        return sessions.get(DEFAULT).connection;
    }

    /** Names of sessions whose sent statement was never reaped (a script error). */
    List<String> unreaped() {
        List<String> names = new ArrayList<>();
        sessions.values().forEach(s -> {
            if (s.pending != null) {
                names.add(s.name);
            }
        });
        return names;
    }

    /** Closes every session but the default one, aborting those with a statement still running. */
    void closeOthers() {
        for (Session session : sessions.values()) {
            if (!session.name.equals(DEFAULT)) {
                session.close(senders);
            }
        }
        if (monitor != null) {
            closeQuietly(monitor);
            monitor = null;
        }
    }

    @Override
    public void close() {
        closeOthers();
        sessions.get(DEFAULT).close(senders);
        senders.shutdown();
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Nothing to do: the script's verdict does not depend on closing.
        }
    }

    private static final class Session {
        final String name;
        final Connection connection;
        private long connectionId = -1;
        Future<Outcome> pending;

        Session(String name, Connection connection) {
            this.name = name;
            this.connection = connection;
        }

        long connectionId() throws SQLException {
            if (connectionId < 0) {
                try (Statement statement = connection.createStatement();
                        ResultSet rs = statement.executeQuery("SELECT CONNECTION_ID()")) {
                    rs.next();
                    connectionId = rs.getLong(1);
                }
            }
            return connectionId;
        }

        void close(ExecutorService executor) {
            if (pending != null && !pending.isDone()) {
                try {
                    connection.abort(executor);
                } catch (SQLException | RuntimeException e) {
                    // The connection dies with the script's engine or the server's session timeout.
                }
            } else {
                closeQuietly(connection);
            }
        }
    }
}
