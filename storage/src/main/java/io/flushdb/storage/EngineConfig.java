package io.flushdb.storage;

import io.flushdb.storage.buffer.BufferPoolConfig;
import io.flushdb.storage.io.DirectoryFileStore;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.util.Clock;
import java.nio.file.Path;

/**
 * The startup settings of an engine, with MySQL's names and defaults. Built with the fluent
 * setters; {@link Engine#open} reads it once.
 */
public final class EngineConfig {
    private FileStore store;
    private int pageSize = 16384;
    private boolean pageSizeGiven;
    private long bufferPoolSize = BufferPoolConfig.DEFAULT_POOL_SIZE;
    private int bufferPoolInstances = -1;
    private int oldBlocksPct = 37;
    private long oldBlocksTimeMs = 1000;
    private int lruScanDepth = 1024;
    private long lockWaitTimeoutSeconds = 50;
    private int pageCleaners = 4;
    private Clock clock = Clock.SYSTEM;
    private long redoLogCapacity = 104_857_600L;
    private boolean redoLogCapacityGiven;
    private long logBufferSize = 16_777_216L;
    private boolean doublewrite = true;
    private int fastShutdown = 1;
    private long flushLogAtTimeoutSeconds = 1;
    private long recoveryMemory = -1;
    private java.util.function.Consumer<String> messages = EngineConfig::log;

    /** An engine on the real directory {@code dir} (created if missing). */
    public static EngineConfig directory(Path dir) {
        EngineConfig c = new EngineConfig();
        c.store = new DirectoryFileStore(dir);
        return c;
    }

    /** An engine whose files live in memory for its lifetime. */
    public static EngineConfig memory(String name) {
        EngineConfig c = new EngineConfig();
        c.store = new MemoryFileStore(name);
        return c;
    }

    /** An engine on any file store (tests wrap stores to inject faults). */
    public static EngineConfig store(FileStore store) {
        EngineConfig c = new EngineConfig();
        c.store = store;
        return c;
    }

    /** {@code innodb_page_size}: used when the data directory is created; must match afterwards. */
    public EngineConfig pageSize(int bytes) {
        this.pageSize = bytes;
        this.pageSizeGiven = true;
        return this;
    }

    /** {@code innodb_buffer_pool_size}. */
    public EngineConfig bufferPoolSize(long bytes) {
        this.bufferPoolSize = bytes;
        return this;
    }

    /** {@code innodb_buffer_pool_instances} (default: 1 below 1 GiB, else 8). */
    public EngineConfig bufferPoolInstances(int n) {
        this.bufferPoolInstances = n;
        return this;
    }

    public EngineConfig oldBlocksPct(int pct) {
        this.oldBlocksPct = pct;
        return this;
    }

    public EngineConfig oldBlocksTimeMs(long ms) {
        this.oldBlocksTimeMs = ms;
        return this;
    }

    public EngineConfig lruScanDepth(int depth) {
        this.lruScanDepth = depth;
        return this;
    }

    /** {@code innodb_lock_wait_timeout} in seconds. */
    public EngineConfig lockWaitTimeoutSeconds(long seconds) {
        this.lockWaitTimeoutSeconds = seconds;
        return this;
    }

    /** {@code innodb_page_cleaners} (capped at the number of buffer pool instances). */
    public EngineConfig pageCleaners(int n) {
        this.pageCleaners = n;
        return this;
    }

    public int pageCleaners() {
        return Math.min(pageCleaners, bufferPoolInstances());
    }

    public EngineConfig clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** {@code innodb_redo_log_capacity}: the size of the redo ring created for a new data directory. */
    public EngineConfig redoLogCapacity(long bytes) {
        this.redoLogCapacity = bytes;
        this.redoLogCapacityGiven = true;
        return this;
    }

    /** Whether {@link #redoLogCapacity(long)} was called (else the default applies). */
    public boolean redoLogCapacityGiven() {
        return redoLogCapacityGiven;
    }

    public long redoLogCapacity() {
        return redoLogCapacity;
    }

    /** {@code innodb_log_buffer_size}. */
    public EngineConfig logBufferSize(long bytes) {
        this.logBufferSize = bytes;
        return this;
    }

    public long logBufferSize() {
        return logBufferSize;
    }

    /** {@code innodb_doublewrite} ON (true) or OFF. */
    public EngineConfig doublewrite(boolean on) {
        this.doublewrite = on;
        return this;
    }

    public boolean doublewrite() {
        return doublewrite;
    }

    /** {@code innodb_fast_shutdown} at open (the engine's setter changes it later). */
    public EngineConfig fastShutdown(int mode) {
        if (mode < 0 || mode > 2) {
            throw new IllegalArgumentException("innodb_fast_shutdown must be 0, 1 or 2: " + mode);
        }
        this.fastShutdown = mode;
        return this;
    }

    public int fastShutdown() {
        return fastShutdown;
    }

    /** {@code innodb_flush_log_at_timeout} in seconds. */
    public EngineConfig flushLogAtTimeoutSeconds(long seconds) {
        this.flushLogAtTimeoutSeconds = seconds;
        return this;
    }

    public long flushLogAtTimeoutSeconds() {
        return flushLogAtTimeoutSeconds;
    }

    /**
     * Memory for parsed redo records during recovery; past it, records are applied in several
     * batches. Default: a quarter of the buffer pool.
     */
    public EngineConfig recoveryMemory(long bytes) {
        this.recoveryMemory = bytes;
        return this;
    }

    public long recoveryMemory() {
        return recoveryMemory > 0 ? recoveryMemory : Math.max(1 << 20, bufferPoolSize / 4);
    }

    /** Where the engine's progress and warning lines go (recovery, shutdown); default: System.Logger. */
    public EngineConfig messages(java.util.function.Consumer<String> sink) {
        this.messages = sink;
        return this;
    }

    public java.util.function.Consumer<String> messages() {
        return messages;
    }

    private static void log(String line) {
        System.getLogger("io.flushdb.storage").log(System.Logger.Level.INFO, line);
    }

    public FileStore store() {
        return store;
    }

    public int pageSize() {
        return pageSize;
    }

    public boolean pageSizeGiven() {
        return pageSizeGiven;
    }

    public long bufferPoolSize() {
        return bufferPoolSize;
    }

    public int bufferPoolInstances() {
        if (bufferPoolInstances > 0) {
            return bufferPoolInstances;
        }
        return bufferPoolSize < (1L << 30) ? 1 : 8;
    }

    public int oldBlocksPct() {
        return oldBlocksPct;
    }

    public long oldBlocksTimeMs() {
        return oldBlocksTimeMs;
    }

    public int lruScanDepth() {
        return lruScanDepth;
    }

    public long lockWaitTimeoutSeconds() {
        return lockWaitTimeoutSeconds;
    }

    public Clock clock() {
        return clock;
    }

    BufferPoolConfig bufferPoolConfig(int actualPageSize) {
        return new BufferPoolConfig(bufferPoolSize, bufferPoolInstances(), actualPageSize, oldBlocksPct,
                oldBlocksTimeMs, lruScanDepth);
    }
}
