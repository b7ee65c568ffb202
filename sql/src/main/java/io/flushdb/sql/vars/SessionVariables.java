package io.flushdb.sql.vars;

import io.flushdb.sql.session.Session;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * The SESSION values of one session, copied from the GLOBAL values when the session starts (as
 * MySQL does). Values the session object keeps itself (autocommit, isolation, read-only) are read
 * and written through their {@link SystemVariable.SessionBinding}.
 *
 * <p>Concurrency: confined to the session's thread, like the session.
 */
public final class SessionVariables {
    private final Session session;
    private final Map<SystemVariable, Object> values = new HashMap<>();
    private final Map<String, Object> user = new HashMap<>();
    private ZoneId zone;
    private long lockWaitTimeoutMillis;
    private long metadataLockTimeoutMillis;
    private int lruScanDepth;
    private boolean foreignKeyChecks = true;
    /** Whether SET SESSION gave innodb_lru_scan_depth a value of this session's own. */
    private boolean ownScanDepth;

    public SessionVariables(Session session, GlobalVariables globals) {
        this.session = session;
        for (SystemVariable v : SystemVariables.all()) {
            if (!v.scope().hasSession() || v.computed != null) {
                continue;
            }
            Object start = v.scope().hasGlobal() ? globals.get(v) : v.defaultValue();
            if (v.binding != null) {
                if (v.scope().hasGlobal()) {
                    v.binding.set(session, start);
                }
            } else {
                values.put(v, start);
                changed(v, start);
            }
        }
    }

    /** The session value of {@code v} (which must have a SESSION scope). */
    public Object get(SystemVariable v) {
        if (v.binding != null) {
            return v.binding.get(session);
        }
        return values.get(v);
    }

    /** Stores an already checked session value. */
    public void set(SystemVariable v, Object value) {
        if (v.binding != null) {
            v.binding.set(session, value);
        } else {
            values.put(v, value);
            changed(v, value);
            if (v == SystemVariables.INNODB_LRU_SCAN_DEPTH) {
                ownScanDepth = true;
            }
        }
    }

    private void changed(SystemVariable v, Object value) {
        if (v == SystemVariables.TIME_ZONE) {
            zone = SystemVariables.zone((String) value);
        } else if (v == SystemVariables.INNODB_LOCK_WAIT_TIMEOUT) {
            lockWaitTimeoutMillis = (Long) value * 1000;
        } else if (v == SystemVariables.LOCK_WAIT_TIMEOUT) {
            metadataLockTimeoutMillis = (Long) value * 1000;
        } else if (v == SystemVariables.INNODB_LRU_SCAN_DEPTH) {
            lruScanDepth = (int) (long) (Long) value;
        } else if (v == SystemVariables.FOREIGN_KEY_CHECKS) {
            foreignKeyChecks = Boolean.TRUE.equals(value) || value instanceof Number n && n.longValue() != 0;
        }
    }

    /** The session's time zone (time_zone), for NOW() and temporal conversions. */
    public ZoneId zone() {
        return zone;
    }

    /** lock_wait_timeout in milliseconds: the wait for a metadata lock (DDL and the reads it excludes). */
    public long metadataLockTimeoutMillis() {
        return metadataLockTimeoutMillis;
    }

    /** foreign_key_checks: whether FOREIGN KEY constraints are checked and their actions run. */
    public boolean foreignKeyChecks() {
        return foreignKeyChecks;
    }

    /** innodb_lock_wait_timeout in milliseconds. */
    public long lockWaitTimeoutMillis() {
        return lockWaitTimeoutMillis;
    }

    /**
     * innodb_lru_scan_depth for this session's own free-page searches when SET SESSION gave it one,
     * else 0 (the searches use the GLOBAL value, which may change while the session lives).
     */
    public int lruScanDepthOverride() {
        return ownScanDepth ? lruScanDepth : 0;
    }

    // ---- user variables ------------------------------------------------------------------------

    /** The value of {@code @name} (null if never set, as in MySQL). Names are case-insensitive. */
    public Object user(String name) {
        return user.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public void setUser(String name, Object value) {
        user.put(name.toLowerCase(java.util.Locale.ROOT), value);
    }

    /**
     * A signature of the user variables' current types, for plan cache keys: a statement that
     * reads {@code @x} is planned with {@code @x}'s type, so it must not reuse a plan made when
     * {@code @x} held another type.
     */
    public String userTypes() {
        if (user.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("\0uv");
        user.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Object v = e.getValue();
            sb.append('\0').append(e.getKey()).append(':')
                    .append(v == null ? "null" : v.getClass().getSimpleName());
            if (v instanceof java.math.BigDecimal d) {
                sb.append(Math.max(0, Math.min(30, d.scale())));
            }
        });
        return sb.toString();
    }

    /** Whether {@code @name} has been set (an unset one reads as NULL). */
    public boolean hasUser(String name) {
        return user.containsKey(name.toLowerCase(java.util.Locale.ROOT));
    }
}
