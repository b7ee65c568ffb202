package io.flushdb.sql;

import io.flushdb.sql.plan.PlanCache;
import io.flushdb.sql.session.Session;
import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A FlushDB server instance in the application's process: the storage {@link Engine} of one data
 * directory plus what every session shares (the plan cache, connection ids). The driver opens one
 * per data directory per JVM and hands out {@link Session}s to its connections.
 *
 * <p>Concurrency: thread-safe; sessions are confined to one thread at a time.
 */
public final class SqlEngine implements AutoCloseable {
    private final Engine storage;
    private final PlanCache plans;
    private final AtomicLong connectionIds = new AtomicLong(1);
    private final io.flushdb.sql.vars.GlobalVariables globals;
    private final io.flushdb.sql.status.ServerStatus status;
    private final io.flushdb.sql.status.InnodbMetrics innodbMetrics;
    private final io.flushdb.sql.status.EngineStatusReport engineStatusReport;

    private SqlEngine(Engine storage, io.flushdb.sql.vars.StartupVariables startup) {
        this.storage = storage;
        this.plans = new PlanCache(1000);
        this.status = new io.flushdb.sql.status.ServerStatus(storage.config().clock());
        this.innodbMetrics = new io.flushdb.sql.status.InnodbMetrics(storage);
        this.engineStatusReport = new io.flushdb.sql.status.EngineStatusReport(storage, status);
        this.globals = new io.flushdb.sql.vars.GlobalVariables(this, startup);
    }

    /** Opens the data directory described by {@code config}, with no startup settings of its own. */
    public static SqlEngine open(EngineConfig config) {
        return open(config, java.util.Map.of());
    }

    /**
     * Opens the data directory described by {@code config}. System variables start from
     * {@code flushdb.cnf}, then {@code flushdb-auto.cnf} (SET PERSIST), then {@code settings} (the
     * connection URL's), each overriding the one before.
     *
     * @param settings variable name → value text
     * @throws IllegalArgumentException for an unknown variable or a bad value, naming its source
     */
    public static SqlEngine open(EngineConfig config, java.util.Map<String, String> settings) {
        io.flushdb.sql.vars.StartupVariables startup = io.flushdb.sql.vars.StartupVariables.resolve(config.store(),
                settings);
        startup.configure(config);
        Engine storage = Engine.open(config);
        try {
            SqlEngine engine = new SqlEngine(storage, startup);
            engine.globals.applyAtOpen();
            return engine;
        } catch (RuntimeException | Error e) {
            try {
                storage.close();
            } catch (RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /** The GLOBAL values of the system variables. */
    public io.flushdb.sql.vars.GlobalVariables globals() {
        return globals;
    }

    /** Server status: uptime, statement and connection counters, open sessions (SHOW STATUS). */
    public io.flushdb.sql.status.ServerStatus status() {
        return status;
    }

    /** The INFORMATION_SCHEMA.INNODB_METRICS counters and their innodb_monitor_* controls. */
    public io.flushdb.sql.status.InnodbMetrics innodbMetrics() {
        return innodbMetrics;
    }

    /** SHOW ENGINE INNODB STATUS, with the previous printout's sample for its rates. */
    public io.flushdb.sql.status.EngineStatusReport engineStatusReport() {
        return engineStatusReport;
    }

    /** A new session, with {@code database} as its default database (null for none). */
    public Session newSession(String database) {
        Session s = new Session(this, connectionIds.getAndIncrement());
        if (database != null && !database.isEmpty()) {
            try {
                s.useDatabase(database);
            } catch (RuntimeException e) {
                s.close(); // it is registered as open (Threads_connected) until closed
                throw e;
            }
        }
        return s;
    }

    public Engine storage() {
        return storage;
    }

    /** Databases, tables, columns and indexes, for tools. */
    public io.flushdb.sql.catalog.CatalogView catalog() {
        return new io.flushdb.sql.catalog.CatalogView(storage.dictionary());
    }

    public PlanCache plans() {
        return plans;
    }

    /** Where the data lives: a directory path, or mem:name. */
    public String location() {
        return storage.location();
    }

    /** Closes the storage engine (a clean shutdown). */
    @Override
    public void close() {
        storage.close();
    }
}
