/**
 * Mini-transactions: the only way a page changes. See
 * {@link io.flushdb.storage.mtr.MiniTransaction} for the protocol (latch, change with redo,
 * commit with LSN, release).
 *
 * <p>Invariants:
 * <ul>
 *   <li>MTR1: a page changed by a mini-transaction stays latched exclusively until the commit has
 *       stamped it with the mini-transaction's end LSN.</li>
 *   <li>MTR2: every byte changed is described by the mini-transaction's redo records, so applying
 *       them to the page's prior image reproduces the new image (tested by replay).</li>
 *   <li>MTR3: a mini-transaction cannot be undone, so callers make every check that can fail
 *       before its first page change. One closed without {@code commit} after changing pages
 *       (after an I/O error part-way, say) leaves changes with no redo and no LSN; it reports
 *       itself and the engine enters FAILED.</li>
 * </ul>
 */
package io.flushdb.storage.mtr;
