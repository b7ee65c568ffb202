package io.flushdb.bench.timeseries;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of the flushing scenario's time series: what {@link MetricsSampler} reads each
 * second, and the per-second rates {@link Derived} from its cumulative counters. The chart and
 * the summary find their figures under these names.
 */
public final class FlushingColumns {

    public static final String LSN_CURRENT = "log_lsn_current";
    public static final String LSN_LAST_CHECKPOINT = "log_lsn_last_checkpoint";
    public static final String CHECKPOINT_AGE = "log_lsn_checkpoint_age";
    public static final String ASYNC_AGE = "log_max_modified_age_async";
    public static final String SYNC_AGE = "log_max_modified_age_sync";
    public static final String PAGES_DIRTY = "buffer_pool_pages_dirty";
    public static final String PAGES_FREE = "buffer_pool_pages_free";
    public static final String ADAPTIVE_TOTAL = "buffer_flush_adaptive_total_pages";
    public static final String SYNC_TOTAL = "buffer_flush_sync_total_pages";
    public static final String BACKGROUND_TOTAL = "buffer_flush_background_total_pages";
    public static final String LRU_FLUSH_TOTAL = "buffer_LRU_batch_flush_total_pages";
    public static final String LRU_EVICT_TOTAL = "buffer_LRU_batch_evict_total_pages";
    public static final String N_TO_FLUSH_REQUESTED = "buffer_flush_n_to_flush_requested";
    public static final String PCT_FOR_DIRTY = "buffer_flush_pct_for_dirty";
    public static final String PCT_FOR_LSN = "buffer_flush_pct_for_lsn";
    public static final String AVG_PAGE_RATE = "buffer_flush_avg_page_rate";
    public static final String LSN_AVG_RATE = "buffer_flush_lsn_avg_rate";
    public static final String METRIC_WAIT_FREE = "buffer_pool_wait_free";

    /** {@code INFORMATION_SCHEMA.INNODB_METRICS} counters sampled each second. */
    public static final List<String> METRICS = List.of(LSN_CURRENT, LSN_LAST_CHECKPOINT, CHECKPOINT_AGE, ASYNC_AGE,
            SYNC_AGE, PAGES_DIRTY, PAGES_FREE, ADAPTIVE_TOTAL, SYNC_TOTAL, BACKGROUND_TOTAL, LRU_FLUSH_TOTAL,
            LRU_EVICT_TOTAL, N_TO_FLUSH_REQUESTED, PCT_FOR_DIRTY, PCT_FOR_LSN, AVG_PAGE_RATE, LSN_AVG_RATE,
            METRIC_WAIT_FREE);

    /** Foreground single-page flushes: a thread found no free page and wrote one itself. */
    public static final String WAIT_FREE = "Innodb_buffer_pool_wait_free";
    /** Pages written by every kind of flush. */
    public static final String PAGES_FLUSHED = "Innodb_buffer_pool_pages_flushed";

    /** {@code SHOW GLOBAL STATUS} variables sampled each second. */
    public static final List<String> STATUS = List.of(WAIT_FREE, PAGES_FLUSHED);

    public static final String STATEMENTS_PER_S = "statements_per_s";
    public static final String ADAPTIVE_PER_S = "adaptive_pages_per_s";
    public static final String SYNC_PER_S = "sync_pages_per_s";
    public static final String BACKGROUND_PER_S = "background_pages_per_s";
    public static final String LRU_FLUSH_PER_S = "lru_batch_flush_pages_per_s";
    public static final String LRU_EVICT_PER_S = "lru_batch_evict_pages_per_s";
    public static final String SINGLE_PAGE_PER_S = "single_page_flushes_per_s";
    public static final String PAGES_FLUSHED_PER_S = "pages_flushed_per_s";
    public static final String REDO_BYTES_PER_S = "redo_bytes_per_s";

    /** The per-second rates, each from its cumulative counter. */
    public static final List<Derived> DERIVED = List.of(
            new Derived(STATEMENTS_PER_S, TimeSeriesRecorder.STATEMENTS),
            new Derived(ADAPTIVE_PER_S, ADAPTIVE_TOTAL),
            new Derived(SYNC_PER_S, SYNC_TOTAL),
            new Derived(BACKGROUND_PER_S, BACKGROUND_TOTAL),
            new Derived(LRU_FLUSH_PER_S, LRU_FLUSH_TOTAL),
            new Derived(LRU_EVICT_PER_S, LRU_EVICT_TOTAL),
            new Derived(SINGLE_PAGE_PER_S, WAIT_FREE, METRIC_WAIT_FREE),
            new Derived(PAGES_FLUSHED_PER_S, PAGES_FLUSHED),
            new Derived(REDO_BYTES_PER_S, LSN_CURRENT));

    private FlushingColumns() {
    }

    /** What the sampler returns: the metrics, then the status variables. */
    public static List<String> sampled() {
        List<String> all = new ArrayList<>(METRICS);
        all.addAll(STATUS);
        return all;
    }
}
