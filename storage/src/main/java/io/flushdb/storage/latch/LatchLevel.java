package io.flushdb.storage.latch;

/**
 * The one lock order of the storage engine. A thread may acquire a latch only at a level later in
 * this list than every latch it already holds; {@link #allowsSameLevel()} names the levels that
 * may also be taken again at the level already held.
 *
 * <p>What is checked: each {@link OrderedLock} and {@link OrderedRwLock} carries its level, and
 * under {@code -ea} (always on in tests) {@link LatchOrderChecker} records every acquisition in a
 * per-thread list and fails at once with an {@code AssertionError} on one that breaks the order.
 * That covers every level below but PAGE. Page latches are not
 * checked by anything: they are {@code StampedLock}s in the buffer frames and are never recorded,
 * so neither their order among themselves nor their place on the ladder is verified; the B+tree
 * and allocation code keep the PAGE rules below by construction. (The mini-transaction checks only
 * that a page it holds shared is not asked for exclusively, that changes go to pages it holds
 * exclusively, and that a changed page is not released before commit.)
 *
 * <pre>
 * DICTIONARY      the dictionary's DDL latch, held exclusively for the whole of one Dictionary
 *                 DDL call; lookups read concurrent maps without it
 *   ↓
 * INDEX_TREE      one B+tree's structure latch: S for a search's descent, X for every change
 *                 (insert, delete, update, freeing pages). A change waits for log space (the
 *                 free check) before it takes the latch, never under it. Nested only by purge's removal of a
 *                 secondary entry, which reads the clustered record (secondary, then
 *                 clustered); otherwise TableStore and the dictionary take one tree's latch
 *                 after another
 *   ↓
 * PAGE            buffer frame latches, not checked: parent before child, left sibling before
 *                 right, a tablespace's page 0 after the tree pages held and before a page taken
 *                 off its free list, overflow pages after the record's leaf (exceptions under the
 *                 exclusive tree latch: see the btree package); undo pages (system tablespace)
 *                 after any index page: a change appends its undo record under its leaf's
 *                 latch, and a consistent read follows roll pointers under it (so a leaf that
 *                 may split gets its right neighbour latched before the undo record is
 *                 written). The rollback
 *                 segment page before the undo pages of a log; purge's chain free latches the
 *                 undo page holding the chain's reference before the chain's pages; purge's
 *                 secondary entry removal reads the clustered record (its tree latch and leaf)
 *                 under the entry's leaf. One try-lock breaks the
 *                 ladder: the foreground single-page flush latches its unfixed victim under the
 *                 instance mutex (a try-lock cannot wait, so it cannot deadlock)
 *   ↓
 * BUFFER_POOL     one instance's mutex: page hash, free list, LRU list, frame states
 *   ↓
 * LOG             LSN assignment and the order in which dirty pages enter flush lists
 *   ↓
 * FLUSH_LIST      one instance's flush list
 *   ↓
 * SPACE_REGISTRY  declared for the map of open tablespaces but unused: TablespaceRegistry keeps a
 *                 ConcurrentHashMap and takes no latch
 *   ↓
 * CHECKPOINTER    the log checkpointer's state (period, requests, pass count); a leaf: held only
 *                 to read or change that state and to wait on its conditions, never during I/O
 *   ↓
 * PAGE_CLEANER    the page cleaner's slots, requests and thread set; a leaf: held only to move
 *                 slots between states and to wait on its conditions, never while flushing
 *   ↓
 * LOG_WRITER      the redo log writer's pass state (group commit); a leaf: a leader takes LOG
 *                 only after releasing it
 *   ↓
 * LOG_SPACE       the redo log's free-space wait; a leaf
 *   ↓
 * DOUBLEWRITE     the doublewrite file's batch in progress: held during the batch's I/O, with page
 *                 latches held (shared) by the flushing thread and nothing acquired under it
 *   ↓
 * PURGE           the purge thread's requests and settings; a leaf held only to read them or wait
 *   ↓
 * TRX_SYS         the transaction system: transaction ids, the active and committing
 *                 transactions, open read views. Taken with page latches held (a commit's
 *                 mini-transaction holds the rollback segment page); nothing is acquired under it
 *   ↓
 * LOCK_SYS        the row and table lock queues; taken with tree and page latches held (an
 *                 insert checks the gap it enters under its leaf latch); a leaf. Lock waits
 *                 happen after every latch is released
 * </pre>
 */
public enum LatchLevel {
    /** The data dictionary's DDL latch; the first latch a DDL call takes. */
    DICTIONARY,
    /** A B+tree's structure latch. Same-level nesting is allowed: secondary before clustered only. */
    INDEX_TREE,
    /** Page frame latches: ordered by the B+tree protocol and never checked (see above). */
    PAGE,
    /** A buffer pool instance's mutex. */
    BUFFER_POOL,
    /** The redo log's LSN assignment and flush-order mutex. */
    LOG,
    /** A buffer pool instance's flush-list mutex. */
    FLUSH_LIST,
    /** Declared for the tablespace registry; no lock uses it today. */
    SPACE_REGISTRY,
    /** The log checkpointer's state mutex (a leaf). */
    CHECKPOINTER,
    /** The page cleaner's slots and requests (a leaf). */
    PAGE_CLEANER,
    /** The redo log writer's pass state (a leaf). */
    LOG_WRITER,
    /** The redo log's free-space wait (a leaf). */
    LOG_SPACE,
    /** A doublewrite area's batch in progress (a leaf held during I/O). */
    DOUBLEWRITE,
    /** The purge thread's requests and settings (a leaf). */
    PURGE,
    /** The transaction system's ids, active set and read views (a leaf). */
    TRX_SYS,
    /** The lock queues of rows and tables (a leaf; waits happen without it and without latches). */
    LOCK_SYS;

    /** Whether a thread holding this level may acquire another latch of the same level. */
    public boolean allowsSameLevel() {
        return this == INDEX_TREE || this == PAGE;
    }
}
