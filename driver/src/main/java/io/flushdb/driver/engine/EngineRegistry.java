package io.flushdb.driver.engine;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.error.MySqlException;
import io.flushdb.sql.error.SqlErrors;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link SqlEngine} per data directory (or {@code mem:} name) per registry, shared by every
 * connection to it: opened with the first connection's startup settings, reference-counted by
 * {@link EngineLease}s, and closed (a clean shutdown) when the last lease is returned. A memory
 * database therefore disappears with its last connection.
 *
 * <p>The driver uses {@link #shared()}, the JVM's one registry, which also closes every open engine
 * from a shutdown hook. This is the driver's only static state: {@code DriverManager} hands URLs to
 * a static driver, and one data directory must map to one engine in the whole JVM. Tests create
 * their own registries.
 *
 * <p>Invariants:
 * <ul>
 *   <li>ER1: a key maps to at most one {@link SharedEngine} in {@link #engines}; its engine is open
 *       exactly while its reference count is positive (or while it is being opened).</li>
 *   <li>ER2: a {@link SharedEngine} leaves {@link #engines} only after its engine is closed, under
 *       its own monitor, so a connection arriving while the last one closes waits for the close to
 *       finish and then opens a fresh engine (never two engines on one directory).</li>
 * </ul>
 *
 * <p>Concurrency: thread-safe. Lock order: a {@link SharedEngine}'s monitor, then the registry's
 * {@link #engines} monitor; the registry monitor is never held while waiting for an entry's, so
 * opening or closing one directory (which may take a while: recovery, the shutdown checkpoint)
 * does not block connections to others.
 */
public final class EngineRegistry {
    private static final System.Logger LOG = System.getLogger(EngineRegistry.class.getName());

    /** Key → entry. Guarded by its own monitor. */
    private final Map<String, SharedEngine> engines = new HashMap<>();
    /** Set once by {@link #closeAll}; guarded by {@link #engines}' monitor. */
    private boolean shutDown;

    private static final class Holder {
        static final EngineRegistry SHARED = createShared();

        private static EngineRegistry createShared() {
            EngineRegistry r = new EngineRegistry();
            Runtime.getRuntime().addShutdownHook(new Thread(r::closeAll, "flushdb-shutdown"));
            return r;
        }
    }

    /** The JVM's registry, whose engines are closed cleanly at JVM exit. */
    public static EngineRegistry shared() {
        return Holder.SHARED;
    }

    /**
     * Returns a lease on the engine at {@code location}, opening it with {@code settings} if no
     * connection has it open.
     *
     * @throws SQLException (SQLSTATE 08001) if the engine cannot be opened — e.g. another process
     *                      has the data directory — or is open with different startup settings
     */
    public EngineLease acquire(EngineLocation location, StartupSettings settings) throws SQLException {
        String key;
        try {
            key = location.key();
        } catch (IOException | RuntimeException e) {
            throw cannotOpen(location, e);
        }
        while (true) {
            SharedEngine entry;
            synchronized (engines) {
                if (shutDown) {
                    throw new SQLNonTransientConnectionException(
                            "FlushDB is shut down: the JVM is exiting", "08001", 0);
                }
                entry = engines.computeIfAbsent(key, k -> new SharedEngine(k, location));
            }
            synchronized (entry) {
                if (entry.removed) {
                    continue; // ER2: closed and removed after we found it; look again
                }
                if (entry.engine == null) {
                    entry.open(settings);
                } else {
                    List<String> differences = settings.differencesFrom(entry.engine);
                    if (!differences.isEmpty()) {
                        throw new SQLNonTransientConnectionException("The FlushDB engine at " + location
                                + " is already open with different startup settings: " + String.join(", ", differences)
                                + ". Startup settings apply when the engine opens; connect with the same settings "
                                + "or close every connection to it first", "08001", 0);
                    }
                }
                entry.references++;
                return new EngineLease(this, entry);
            }
        }
    }

    /** Number of engines open now (for tests and diagnostics). */
    public int openEngineCount() {
        synchronized (engines) {
            return engines.size();
        }
    }

    /**
     * Closes every open engine (clean shutdown) and refuses later connections. Run by the shutdown
     * hook; connections still open fail on their next statement.
     */
    public void closeAll() {
        List<SharedEngine> all;
        synchronized (engines) {
            shutDown = true;
            all = new ArrayList<>(engines.values());
        }
        for (SharedEngine entry : all) {
            synchronized (entry) {
                if (entry.engine != null && !entry.removed) {
                    try {
                        entry.closeEngine();
                    } catch (SQLException e) {
                        LOG.log(System.Logger.Level.ERROR, "Shutdown of the FlushDB engine at " + entry.location
                                + " failed", e);
                    }
                }
            }
        }
    }

    /**
     * Returns one reference; the last one closes the engine.
     *
     * <p>Requires: caller holds {@code entry}'s monitor.
     */
    void release(SharedEngine entry) throws SQLException {
        assert Thread.holdsLock(entry);
        if (entry.removed) {
            return; // closed by closeAll
        }
        if (--entry.references == 0) {
            entry.closeEngine();
        }
    }

    private static SQLException cannotOpen(EngineLocation location, Throwable e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        return new SQLNonTransientConnectionException("Cannot open the FlushDB database at " + location + ": "
                + reason, "08001", 0, e);
    }

    /** A key's engine and its reference count. Concurrency: every field is guarded by its monitor. */
    final class SharedEngine {
        final String key;
        final EngineLocation location;
        SqlEngine engine;
        int references;
        /** True once the engine is closed and the entry left {@link #engines}. */
        boolean removed;

        SharedEngine(String key, EngineLocation location) {
            this.key = key;
            this.location = location;
        }

        /**
         * Requires: holds this monitor. On any failure, errors included (an engine reserves its
         * buffer pool when it opens, which may exhaust memory), the entry is removed (ER1).
         */
        void open(StartupSettings settings) throws SQLException {
            try {
                engine = SqlEngine.open(location.newConfig(key), settings.text());
            } catch (RuntimeException e) {
                remove();
                throw cannotOpen(location, e);
            } catch (Error e) {
                remove();
                throw e;
            }
        }

        /** Requires: holds this monitor. The entry leaves the map even if the close fails (ER2). */
        void closeEngine() throws SQLException {
            SqlEngine closing = engine;
            engine = null;
            try {
                closing.close();
            } catch (RuntimeException e) {
                MySqlException m = SqlErrors.translate(e);
                throw new SQLException("Shutdown of the FlushDB engine at " + location + " failed: " + m.getMessage(),
                        m.sqlState(), m.code(), e);
            } finally {
                remove();
            }
        }

        private void remove() {
            removed = true;
            synchronized (engines) {
                engines.remove(key, this);
            }
        }
    }
}
