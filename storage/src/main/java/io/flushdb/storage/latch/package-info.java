/**
 * The one lock order ({@link io.flushdb.storage.latch.LatchLevel}) and the locks that carry it.
 * The engine's mutexes and structure latches on the ladder are
 * {@link io.flushdb.storage.latch.OrderedLock}s or {@link io.flushdb.storage.latch.OrderedRwLock}s,
 * whose acquisitions are checked under {@code -ea}. Page latches are {@code StampedLock}s in each
 * buffer frame: they follow the B+tree and allocation protocol described at
 * {@code LatchLevel.PAGE}, and nothing checks their order. Monitors off the ladder (table locks,
 * a table's counters, the mini-transaction pool, memory files) are taken with no latch held or
 * are leaves.
 */
package io.flushdb.storage.latch;
