package io.flushdb.driver.engine;

import io.flushdb.sql.SqlEngine;
import java.sql.SQLException;

/**
 * One connection's hold on a shared engine, from {@link EngineRegistry#acquire}. Closing it returns
 * the reference; closing the last lease closes the engine.
 *
 * <p>Concurrency: thread-safe; {@link #close} is idempotent.
 */
public final class EngineLease implements AutoCloseable {
    private final EngineRegistry registry;
    private final EngineRegistry.SharedEngine entry;
    private final SqlEngine engine;
    /** Guarded by the entry's monitor. */
    private boolean returned;

    EngineLease(EngineRegistry registry, EngineRegistry.SharedEngine entry) {
        this.registry = registry;
        this.entry = entry;
        this.engine = entry.engine;
    }

    public SqlEngine engine() {
        return engine;
    }

    public EngineLocation location() {
        return entry.location;
    }

    /** Returns the reference; the last one closes the engine (a clean shutdown). */
    @Override
    public void close() throws SQLException {
        synchronized (entry) {
            if (returned) {
                return;
            }
            returned = true;
            registry.release(entry);
        }
    }
}
