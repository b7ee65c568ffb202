/**
 * The engine's activity counters behind the {@code Innodb_*} status variables, the
 * {@code INNODB_METRICS} counters and {@code SHOW ENGINE INNODB STATUS}:
 * {@link io.flushdb.storage.metrics.InnodbCounters} (row operations, data file I/O, redo file
 * I/O) and {@link io.flushdb.storage.metrics.CountingFileStore}, the layer over the engine's
 * {@code FileStore} that counts every read, write and fsync of a data directory file.
 *
 * <p>Owns: the counters and their meaning. Never touches: pages, latches, what is read or
 * written. The figures the buffer pool keeps itself (page reads, creates, writes, LRU moves) stay
 * in {@code buffer.BufferPoolStats}; the LSNs stay with the redo log and the engine
 * ({@code Engine.currentLsn()}, {@code lastCheckpointLsn()}, ...).
 *
 * <p>Threads: any thread that does the counted work increments; status readers sum. Every
 * counter is a {@link java.util.concurrent.atomic.LongAdder}: an increment allocates nothing
 * and contends with no other thread, and a reader sees a value that may lag concurrent
 * increments (status output is a racy snapshot, as in InnoDB).
 *
 * <p>Invariants:
 * <ul>
 *   <li>MET1: a counted operation is counted once, by the layer that does it: rows by
 *       {@code row.TableStore} (a transaction's undo is not counted, as InnoDB's row undo is
 *       not), file I/O by {@code CountingFileStore}.</li>
 *   <li>MET2: "pending" figures are incremented before the operation starts and decremented when
 *       it ends, successfully or not, so they return to 0 when no I/O is in flight.</li>
 * </ul>
 */
package io.flushdb.storage.metrics;
