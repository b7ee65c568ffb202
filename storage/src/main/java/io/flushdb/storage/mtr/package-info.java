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
 * </ul>
 */
package io.flushdb.storage.mtr;
