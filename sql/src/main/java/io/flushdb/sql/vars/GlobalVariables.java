package io.flushdb.sql.vars;

import io.flushdb.sql.SqlEngine;
import io.flushdb.sql.error.MySqlError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The GLOBAL values of one engine's system variables, and the persisted settings.
 *
 * <p>Reads are lock-free. Changes ({@link #apply}) are serialised by {@link #lock}, which is held
 * while the change's engine actions run; it is taken before any storage latch (an action may take
 * the buffer pool's mutexes or wait for the checkpointer), and no storage thread ever waits for it.
 * Lock order: GlobalVariables.lock → storage latches (see {@code LatchLevel}).
 *
 * <p>Invariant GV1: for every dynamic variable with an engine action, the engine runs with the
 * value stored here (the action ran when the value was stored, or at open).
 */
public final class GlobalVariables {
    private static final Object NULL = new Object();

    private final SqlEngine engine;
    private final Map<SystemVariable, Object> values = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    /** name → option text of the persisted settings; guarded by {@link #lock}. */
    private final Map<String, String> persisted;

    /** One change of a SET statement, already checked. */
    public record Change(SystemVariable variable, Object value, boolean setGlobal, boolean persist) {
    }

    public GlobalVariables(SqlEngine engine, StartupVariables startup) {
        this.engine = engine;
        for (SystemVariable v : SystemVariables.all()) {
            if (v.scope().hasGlobal() && v.computed == null) {
                Object given = startup.values().containsKey(v) ? startup.values().get(v) : v.defaultValue();
                values.put(v, given == null ? NULL : given);
            }
        }
        GlobalConstraints.atStartup(values, startup.values()::containsKey, engine.storage().config().messages());
        this.persisted = new LinkedHashMap<>(startup.persisted());
    }

    /** Runs every dynamic variable's engine action with its starting value (GV1). */
    public void applyAtOpen() {
        for (SystemVariable v : SystemVariables.all()) {
            if (v.onGlobal != null && v.dynamic && !SystemVariables.isTrigger(v)) {
                v.onGlobal.accept(engine, get(v));
            }
        }
    }

    /** The global value of {@code v} (which must have a GLOBAL scope). */
    public Object get(SystemVariable v) {
        if (v.computed != null) {
            return v.computed.apply(engine);
        }
        Object o = values.get(v);
        return o == NULL ? null : o;
    }

    /**
     * Stores the changes in order, running each one's engine action, and rewrites the persisted
     * file first if any change is persisted (so a failed write changes nothing).
     */
    public void apply(List<Change> changes) {
        lock.lock();
        try {
            Map<String, String> nextPersisted = new LinkedHashMap<>(persisted);
            boolean persist = false;
            for (Change c : changes) {
                if (c.persist()) {
                    nextPersisted.put(c.variable().name(), VariableValues.show(c.variable(), c.value()));
                    persist = true;
                }
            }
            if (persist) {
                writePersisted(nextPersisted);
            }
            for (Change c : changes) {
                if (!c.setGlobal()) {
                    continue;
                }
                SystemVariable v = c.variable();
                if (v.onGlobal != null) {
                    v.onGlobal.accept(engine, c.value());
                }
                if (!SystemVariables.isTrigger(v)) {
                    values.put(v, c.value() == null ? NULL : c.value());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** RESET PERSIST [name]: forgets persisted settings (the running values stay). */
    public void resetPersisted(String name, boolean ifExists) {
        lock.lock();
        try {
            Map<String, String> next = new LinkedHashMap<>(persisted);
            if (name == null) {
                next.clear();
            } else {
                SystemVariable v = SystemVariables.find(name);
                String key = v == null ? name : v.name();
                if (next.remove(key) == null) {
                    if (ifExists) {
                        return;
                    }
                    throw MySqlError.ER_VAR_DOES_NOT_EXIST.raise(name);
                }
            }
            writePersisted(next);
        } finally {
            lock.unlock();
        }
    }

    /** The persisted settings, name → value text. */
    public Map<String, String> persisted() {
        lock.lock();
        try {
            return new LinkedHashMap<>(persisted);
        } finally {
            lock.unlock();
        }
    }

    private void writePersisted(Map<String, String> next) {
        StringBuilder sb = new StringBuilder("# Written by SET PERSIST; read when the engine opens, after flushdb.cnf\n"
                + "# and before the connection URL. Change it with SET PERSIST and RESET PERSIST.\n[mysqld]\n");
        next.forEach((name, value) -> sb.append(OptionFile.line(name, value)).append('\n'));
        try {
            OptionFile.write(engine.storage().config().store(), StartupVariables.PERSISTED_FILE, sb.toString());
        } catch (RuntimeException e) {
            throw MySqlError.ER_GET_ERRNO.withMessage("Cannot write " + StartupVariables.PERSISTED_FILE + ": "
                    + e.getMessage());
        }
        persisted.clear();
        persisted.putAll(next);
    }
}
