package io.flushdb.sql.infoschema;

import io.flushdb.storage.buffer.BufferPool;
import io.flushdb.storage.buffer.BufferPoolStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * {@code information_schema.INNODB_BUFFER_POOL_STATS}: one row per buffer pool instance, from
 * the instance's {@link BufferPoolStats}, with InnoDB's 32 columns (BIGINT UNSIGNED counts,
 * DOUBLE rates).
 *
 * <p>As in InnoDB ({@code buf_stats_get_pool_info}), the rates and the per-thousand-gets figures
 * cover the time since the previous read of this table on the same engine: each read computes
 * them against the figures the previous one saw, and keeps its own for the next. The first read of
 * an instance has no previous figures and reports 0 for all of them (InnoDB measures its first
 * from server start). HIT_RATE is 1000 minus the pages read per 1000 page requests in that
 * interval (0 when there was no request).
 *
 * <p>Always 0, because FlushDB does not have the mechanism: PENDING_DECOMPRESS and the
 * UNCOMPRESS_ columns (no compressed pages), the READ_AHEAD columns (no read-ahead), and
 * LRU_IO_TOTAL / LRU_IO_CURRENT (InnoDB's LRU I/O sampling, not kept).
 */
final class InnodbBufferPoolStats {
    static final InfoSchemaTable TABLE = InfoSchemaTable.named("INNODB_BUFFER_POOL_STATS")
            .bigintUnsigned("POOL_ID").notNull()
            .bigintUnsigned("POOL_SIZE").notNull()
            .bigintUnsigned("FREE_BUFFERS").notNull()
            .bigintUnsigned("DATABASE_PAGES").notNull()
            .bigintUnsigned("OLD_DATABASE_PAGES").notNull()
            .bigintUnsigned("MODIFIED_DATABASE_PAGES").notNull()
            .bigintUnsigned("PENDING_DECOMPRESS").notNull()
            .bigintUnsigned("PENDING_READS").notNull()
            .bigintUnsigned("PENDING_FLUSH_LRU").notNull()
            .bigintUnsigned("PENDING_FLUSH_LIST").notNull()
            .bigintUnsigned("PAGES_MADE_YOUNG").notNull()
            .bigintUnsigned("PAGES_NOT_MADE_YOUNG").notNull()
            .doublePrecision("PAGES_MADE_YOUNG_RATE").notNull()
            .doublePrecision("PAGES_MADE_NOT_YOUNG_RATE").notNull()
            .bigintUnsigned("NUMBER_PAGES_READ").notNull()
            .bigintUnsigned("NUMBER_PAGES_CREATED").notNull()
            .bigintUnsigned("NUMBER_PAGES_WRITTEN").notNull()
            .doublePrecision("PAGES_READ_RATE").notNull()
            .doublePrecision("PAGES_CREATE_RATE").notNull()
            .doublePrecision("PAGES_WRITTEN_RATE").notNull()
            .bigintUnsigned("NUMBER_PAGES_GET").notNull()
            .bigintUnsigned("HIT_RATE").notNull()
            .bigintUnsigned("YOUNG_MAKE_PER_THOUSAND_GETS").notNull()
            .bigintUnsigned("NOT_YOUNG_MAKE_PER_THOUSAND_GETS").notNull()
            .bigintUnsigned("NUMBER_PAGES_READ_AHEAD").notNull()
            .bigintUnsigned("NUMBER_READ_AHEAD_EVICTED").notNull()
            .doublePrecision("READ_AHEAD_RATE").notNull()
            .doublePrecision("READ_AHEAD_EVICTED_RATE").notNull()
            .bigintUnsigned("LRU_IO_TOTAL").notNull()
            .bigintUnsigned("LRU_IO_CURRENT").notNull()
            .bigintUnsigned("UNCOMPRESS_TOTAL").notNull()
            .bigintUnsigned("UNCOMPRESS_CURRENT").notNull()
            .rows(InnodbBufferPoolStats::rows);

    /** An instance's figures as a read saw them, and when (System.nanoTime). */
    private record Sample(BufferPoolStats stats, long nanos) {
    }

    /** The previous read's samples of each engine's buffer pool, by instance. */
    private static final Map<BufferPool, Sample[]> PREVIOUS = new WeakHashMap<>();

    private InnodbBufferPoolStats() {
    }

    private static List<Object[]> rows(InfoSchemaContext ctx) {
        BufferPool pool = ctx.engine().storage().bufferPool();
        int n = pool.instanceCount();
        Sample[] now = new Sample[n];
        for (int i = 0; i < n; i++) {
            now[i] = new Sample(pool.stats(i), System.nanoTime());
        }
        Sample[] before;
        synchronized (PREVIOUS) {
            before = PREVIOUS.put(pool, now);
        }
        List<Object[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(row(now[i], before == null || before.length != n ? null : before[i]));
        }
        return out;
    }

    private static Object[] row(Sample now, Sample before) {
        BufferPoolStats s = now.stats();
        BufferPoolStats b = before == null ? s : before.stats();
        double seconds = before == null ? 0 : (now.nanos() - before.nanos()) / 1e9;
        long gets = s.readRequests() - b.readRequests();
        long readDelta = s.pagesRead() - b.pagesRead();
        long hitRate = gets == 0 ? 0 : Math.max(0, 1000 - 1000 * readDelta / gets);
        return new Object[] {(long) s.poolId(), s.poolSize(), s.freeBuffers(), s.databasePages(), s.oldPages(),
            s.modifiedPages(), 0L, s.pendingReads(), s.pendingLru(), s.pendingFlushList(), s.madeYoung(),
            s.notMadeYoung(), rate(s.madeYoung() - b.madeYoung(), seconds),
            rate(s.notMadeYoung() - b.notMadeYoung(), seconds), s.pagesRead(), s.pagesCreated(), s.pagesWritten(),
            rate(readDelta, seconds), rate(s.pagesCreated() - b.pagesCreated(), seconds),
            rate(s.pagesWritten() - b.pagesWritten(), seconds), s.readRequests(), hitRate,
            perThousand(s.madeYoung() - b.madeYoung(), gets), perThousand(s.notMadeYoung() - b.notMadeYoung(), gets),
            0L, 0L, 0.0, 0.0, 0L, 0L, 0L, 0L};
    }

    private static double rate(long delta, double seconds) {
        return seconds <= 0 ? 0.0 : delta / seconds;
    }

    private static long perThousand(long delta, long gets) {
        return gets == 0 ? 0 : 1000 * delta / gets;
    }
}
