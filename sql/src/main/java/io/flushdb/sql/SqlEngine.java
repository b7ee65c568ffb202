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

    private SqlEngine(Engine storage) {
        this.storage = storage;
        this.plans = new PlanCache(1000);
    }

    /** Opens the data directory described by {@code config}. */
    public static SqlEngine open(EngineConfig config) {
        return new SqlEngine(Engine.open(config));
    }

    /** A new session, with {@code database} as its default database (null for none). */
    public Session newSession(String database) {
        Session s = new Session(this, connectionIds.getAndIncrement());
        if (database != null && !database.isEmpty()) {
            s.useDatabase(database);
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
