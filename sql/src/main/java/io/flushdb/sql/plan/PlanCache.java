package io.flushdb.sql.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled plans by statement text and dictionary version, shared by every session of an engine:
 * planning a statement costs tens of milliseconds, running a compiled plan microseconds. A DDL
 * statement bumps the dictionary version, so plans made against the old schema are never reused.
 * Least recently used plans are dropped beyond the capacity.
 *
 * <p>Concurrency: synchronized; plans themselves are immutable and shared.
 */
public final class PlanCache {
    private record Key(String sql, String database, long version) {
    }

    private final int capacity;
    private final LinkedHashMap<Key, Object> map;
    private long hits;
    private long misses;

    public PlanCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > PlanCache.this.capacity;
            }
        };
    }

    public synchronized Object get(String sql, String database, long version) {
        Object plan = map.get(new Key(sql, database, version));
        if (plan == null) {
            misses++;
        } else {
            hits++;
        }
        return plan;
    }

    public synchronized void put(String sql, String database, long version, Object plan) {
        map.put(new Key(sql, database, version), plan);
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    public synchronized int size() {
        return map.size();
    }
}
