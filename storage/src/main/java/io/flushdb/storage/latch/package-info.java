/**
 * The one lock order ({@link io.flushdb.storage.latch.LatchLevel}) and the locks that carry it.
 * Every mutex and structure latch of the engine is an {@link io.flushdb.storage.latch.OrderedLock}
 * or {@link io.flushdb.storage.latch.OrderedRwLock}; page latches are ordered by the B+tree and
 * mini-transaction protocol and checked there.
 */
package io.flushdb.storage.latch;
