package io.flushdb.storage.buffer;

/**
 * Startup settings of the buffer pool, with MySQL's names and defaults. The dynamic ones
 * ({@code innodb_old_blocks_pct}, {@code innodb_old_blocks_time}, {@code innodb_lru_scan_depth})
 * can be changed later on the running pool.
 *
 * @param poolSizeBytes    {@code innodb_buffer_pool_size} (default 128 MiB)
 * @param instances        {@code innodb_buffer_pool_instances}
 * @param pageSize         {@code innodb_page_size} of the data directory
 * @param oldBlocksPct     {@code innodb_old_blocks_pct} (5–95, default 37)
 * @param oldBlocksTimeMs  {@code innodb_old_blocks_time} (default 1000)
 * @param lruScanDepth     {@code innodb_lru_scan_depth} (default 1024)
 */
public record BufferPoolConfig(long poolSizeBytes, int instances, int pageSize, int oldBlocksPct,
                               long oldBlocksTimeMs, int lruScanDepth) {

    public static final long DEFAULT_POOL_SIZE = 128L << 20;

    public BufferPoolConfig {
        if (instances < 1 || instances > 64) {
            throw new IllegalArgumentException("innodb_buffer_pool_instances must be 1..64: " + instances);
        }
        if (poolSizeBytes / pageSize / instances < 64) {
            throw new IllegalArgumentException("innodb_buffer_pool_size " + poolSizeBytes
                    + " leaves fewer than 64 pages per instance");
        }
    }

    public static BufferPoolConfig defaults(int pageSize) {
        return new BufferPoolConfig(DEFAULT_POOL_SIZE, 1, pageSize, 37, 1000, 1024);
    }

    public int framesPerInstance() {
        return (int) (poolSizeBytes / pageSize / instances);
    }
}
