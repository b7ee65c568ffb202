/**
 * The page cleaner: how many pages to write each second and from where. Today it holds the
 * adaptive flushing policy ({@link io.flushdb.storage.cleaner.AdaptiveFlushing}), a pure function of
 * a snapshot of counters and settings (seed 001's {@code page_cleaner_flush_pages_recommendation},
 * {@code af_get_pct_for_dirty} and {@code af_get_pct_for_lsn}); the coordinator and worker threads
 * that act on it follow.
 */
package io.flushdb.storage.cleaner;
