/**
 * The page cleaner: the threads that write dirty pages in the background
 * ({@link io.flushdb.storage.cleaner.PageCleaner}: a coordinator and workers sharing one slot per
 * buffer pool instance; sync, adaptive and idle flushing; LRU and flush-list flushing per slot),
 * and the adaptive flushing policy ({@link io.flushdb.storage.cleaner.AdaptiveFlushing}), a pure
 * function of a snapshot of counters and settings (seed 001's
 * {@code page_cleaner_flush_pages_recommendation}, {@code af_get_pct_for_dirty} and
 * {@code af_get_pct_for_lsn}).
 */
package io.flushdb.storage.cleaner;
