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
