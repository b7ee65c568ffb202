/**
 * A table's rows in its indexes ({@link io.flushdb.storage.row.TableStore}, InnoDB's
 * row0ins/row0upd/row0sel): a row becomes one clustered record and one entry per secondary index,
 * long values move to overflow chains, and the hidden row id and AUTO_INCREMENT counters are
 * handed out here.
 *
 * <p>Owns: the mapping between a row ({@code Object[]} of the columns in storage form, plus the
 * hidden row id for a table without a primary key) and its records; the in-memory row id counter;
 * the AUTO_INCREMENT counter on the table's page 0. Never touches: table locks or transactions
 * (the SQL layer takes the locks and records undo), latches other than through {@code btree}.
 *
 * <p>Threads: any session thread; one {@code TableStore} per table is shared by all sessions.
 * Each tree operation takes its tree's latch itself; the row id and AUTO_INCREMENT counters are
 * guarded by the {@code TableStore}'s monitor, which is taken with no latch held and runs a
 * mini-transaction on page 0 while held. Keeping concurrent writers of one table apart is the
 * table lock's job, not this package's.
 *
 * <p>Invariants:
 * <ul>
 *   <li>ROW1: every row has one clustered record and exactly one entry in each secondary index,
 *       holding the row's values ({@code TableStore.check} verifies it).</li>
 *   <li>ROW2: a row operation is all or nothing across the indexes while the engine runs: when a
 *       unique index refuses a key, what the operation already changed is undone in reverse
 *       before {@code DuplicateKeyException} propagates. Each index change is its own
 *       mini-transaction, so this does not survive a crash.</li>
 *   <li>ROW3: an overflow chain is written before the clustered record that refers to it, and
 *       freed only after that record is gone (or its insert failed).</li>
 *   <li>ROW4: tree latches are never nested: an operation on several indexes takes and releases
 *       one tree's latch after another.</li>
 *   <li>ROW5: the AUTO_INCREMENT counter (the next value to hand out) is written to page 0 in its
 *       own mini-transaction whenever values are handed out or a larger explicit value is stored;
 *       values a failed statement took are not given back.</li>
 * </ul>
 *
 * <p>Hidden row ids are not persisted: at open the counter starts at the largest row id in the
 * clustered index plus one, so ids of rows deleted from the end can be handed out again after a
 * restart.
 */
package io.flushdb.storage.row;
