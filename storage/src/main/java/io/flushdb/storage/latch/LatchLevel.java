package io.flushdb.storage.latch;

/**
 * The one lock order of the storage engine. A thread may acquire a latch only at a level strictly
 * greater than every latch it already holds, except where a level says otherwise. Under {@code -ea}
 * (always on in tests) {@link LatchOrderChecker} fails at once on an upward acquisition.
 *
 * <pre>
 * DICTIONARY      the dictionary: DDL and the name maps; held across a whole DDL statement
 *   ↓
 * INDEX_TREE      one B+tree's structure latch (S for searches, X for changes that may split,
 *                 merge or free pages); several trees of one table are taken in index order
 *   ↓
 * PAGE            buffer frame latches: parent before child, left sibling before right,
 *                 tree pages before their tablespace's header page (allocation), overflow pages
 *                 after the record's leaf. Checked by the mini-transaction, not by this class.
 *   ↓
 * BUFFER_POOL     one instance's mutex: page hash, free list, LRU list, frame I/O state
 *   ↓
 * LOG             LSN assignment and the order in which dirty pages enter flush lists
 *   ↓
 * FLUSH_LIST      one instance's flush list
 *   ↓
 * SPACE_REGISTRY  the map of open tablespaces (space id → file)
 * </pre>
 */
public enum LatchLevel {
    /** The data dictionary; taken first by every DDL statement. */
    DICTIONARY,
    /** A B+tree's structure latch. Several trees: ascending index order (the rank below). */
    INDEX_TREE,
    /** Page frame latches (ordered among themselves by the B+tree protocol). */
    PAGE,
    /** A buffer pool instance's mutex. */
    BUFFER_POOL,
    /** The redo log's LSN assignment and flush-order mutex. */
    LOG,
    /** A buffer pool instance's flush-list mutex. */
    FLUSH_LIST,
    /** The tablespace registry. */
    SPACE_REGISTRY;

    /** Whether a thread holding this level may acquire another latch of the same level. */
    public boolean allowsSameLevel() {
        return this == INDEX_TREE || this == PAGE;
    }
}
