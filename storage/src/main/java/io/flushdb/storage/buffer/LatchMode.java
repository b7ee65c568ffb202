package io.flushdb.storage.buffer;

/** How a page is latched when it is fixed in the buffer pool. */
public enum LatchMode {
    /** Shared: readers and the page flusher; any number at once. */
    SHARED,
    /** Exclusive: the one mini-transaction that changes the page. */
    EXCLUSIVE
}
