package io.flushdb.storage.buffer;

/** Why a page was written, for the per-kind counters the status commands show. */
public enum FlushKind {
    /** A foreground thread found no free frame and wrote an LRU page itself. */
    SINGLE_PAGE,
    /** Written from the LRU tail by a background batch. */
    LRU,
    /** Written from the flush list (checkpoint, close, or background flushing). */
    FLUSH_LIST
}
