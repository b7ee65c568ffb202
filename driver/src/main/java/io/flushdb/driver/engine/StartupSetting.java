package io.flushdb.driver.engine;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import java.util.Locale;
import java.util.function.ObjLongConsumer;
import java.util.function.ToLongFunction;

/**
 * The startup settings a connection URL may carry, by their MySQL names. Each knows its range, how
 * it is written into an {@link EngineConfig} before the engine opens, and how to read the value an
 * open engine actually runs with (so a later connection asking for something else is refused).
 *
 * <p>Values are whole numbers; the URL may write them with MySQL's suffixes (K, M, G, T, P, E),
 * e.g. {@code innodb_buffer_pool_size=256M} or {@code innodb_page_size=8k}.
 */
public enum StartupSetting {
    /** Page size of a new data directory (4k..64k, a power of two); an existing one keeps its own. */
    INNODB_PAGE_SIZE("innodb_page_size", 4096, 65536,
            (c, v) -> c.pageSize((int) v), Engine::pageSize),
    INNODB_BUFFER_POOL_SIZE("innodb_buffer_pool_size", 5L << 20, Long.MAX_VALUE,
            EngineConfig::bufferPoolSize, e -> e.config().bufferPoolSize()),
    INNODB_BUFFER_POOL_INSTANCES("innodb_buffer_pool_instances", 1, 64,
            (c, v) -> c.bufferPoolInstances((int) v), e -> e.config().bufferPoolInstances()),
    INNODB_OLD_BLOCKS_PCT("innodb_old_blocks_pct", 5, 95,
            (c, v) -> c.oldBlocksPct((int) v), e -> e.config().oldBlocksPct()),
    /** In milliseconds, as in MySQL. */
    INNODB_OLD_BLOCKS_TIME("innodb_old_blocks_time", 0, 4294967295L,
            EngineConfig::oldBlocksTimeMs, e -> e.config().oldBlocksTimeMs()),
    INNODB_LRU_SCAN_DEPTH("innodb_lru_scan_depth", 100, Integer.MAX_VALUE,
            (c, v) -> c.lruScanDepth((int) v), e -> e.config().lruScanDepth()),
    /** In seconds, as in MySQL. */
    INNODB_LOCK_WAIT_TIMEOUT("innodb_lock_wait_timeout", 1, 1073741824,
            EngineConfig::lockWaitTimeoutSeconds, e -> e.config().lockWaitTimeoutSeconds());

    private final String mysqlName;
    private final long min;
    private final long max;
    private final ObjLongConsumer<EngineConfig> apply;
    private final ToLongFunction<Engine> inEffect;

    StartupSetting(String mysqlName, long min, long max, ObjLongConsumer<EngineConfig> apply,
                   ToLongFunction<Engine> inEffect) {
        this.mysqlName = mysqlName;
        this.min = min;
        this.max = max;
        this.apply = apply;
        this.inEffect = inEffect;
    }

    /** The MySQL system variable name, e.g. {@code innodb_buffer_pool_size}. */
    public String mysqlName() {
        return mysqlName;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The setting named {@code name} (case-insensitive, as MySQL's variable names), or null. */
    public static StartupSetting byName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (StartupSetting s : values()) {
            if (s.mysqlName.equals(lower)) {
                return s;
            }
        }
        return null;
    }

    /**
     * Checks {@code value} against this setting's range.
     *
     * @throws IllegalArgumentException naming the setting and its range
     */
    public long check(long value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(mysqlName + "=" + value + " is out of range (" + min + " .. " + max + ")");
        }
        if (this == INNODB_PAGE_SIZE && Long.bitCount(value) != 1) {
            throw new IllegalArgumentException(mysqlName + "=" + value + " must be 4k, 8k, 16k, 32k or 64k");
        }
        return value;
    }

    void applyTo(EngineConfig config, long value) {
        apply.accept(config, value);
    }

    /** The value the open engine runs with. */
    long inEffect(Engine engine) {
        return inEffect.applyAsLong(engine);
    }
}
