/**
 * A table's rows in its indexes ({@link io.flushdb.storage.row.TableStore}, InnoDB's
 * row0ins/row0upd/row0sel): a row becomes one clustered record and one entry per secondary index,
 * long values move to overflow chains, and the hidden row id and AUTO_INCREMENT counters are
 * handed out here.
 *
 * <p>Owns: the mapping between a row ({@code Object[]} of the columns in storage form, plus the
 * hidden row id for a table without a primary key) and its records, old versions included (undo
 * records are built, applied and purged here); the in-memory row id counter; the AUTO_INCREMENT
 * counter on the table's page 0. Never touches: table locks (the SQL layer takes them), the
 * undo log's pages (through {@code trx.UndoLog}), latches other than through {@code btree}.
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
 *   <li>ROW2: a row operation is all or nothing across the indexes: when a unique index refuses
 *       a key, what the operation already changed is undone before {@code DuplicateKeyException}
 *       propagates (outside transactions in reverse, by hand; in a transaction by rolling back to
 *       the undo number the operation started at). Each index change is its own
 *       mini-transaction; after a crash, a transaction's half-done row is undone with the rest
 *       of the transaction.</li>
 *   <li>ROW6: in a transaction, a clustered record's DB_TRX_ID is the id of the transaction that
 *       wrote that version and its DB_ROLL_PTR points to the undo record holding the previous
 *       version (or marks an insert: there is none). Deleted rows stay as delete-marked records,
 *       with their delete-marked secondary entries, until purge; an updated row's replaced
 *       secondary entries are delete-marked. Every live row still has exactly one live entry per
 *       secondary index (ROW1 counts live records).</li>
 *   <li>ROW7: an overflow chain of an old version is freed by purge (or by the rollback that
 *       discards the version that wrote it), never by the update or delete that replaced it:
 *       read views and rollback may still need it.</li>
 *   <li>ROW8: the versions of a clustered record older than the one in the index are built with
 *       that record's leaf latched: the undo records its roll pointer leads to are cut (by a
 *       rollback) only after the record has been changed back, which needs that latch, and a
 *       committed transaction's undo outlives every view that does not see it. A reader holding
 *       only a copy of the record rebuilds from the record as it is now.</li>
 *   <li>ROW3: an overflow chain is written before the clustered record that refers to it, and
 *       freed only after that record is gone (or its insert failed).</li>
 *   <li>ROW4: tree latches are nested only one way: an operation on several indexes takes and
 *       releases one tree's latch after another, except that purge's removal of a secondary
 *       entry reads the clustered record from inside the removal (secondary tree, then the
 *       clustered tree). No code takes a secondary tree's latch while holding the clustered
 *       one.</li>
 *   <li>ROW5: the AUTO_INCREMENT counter (the next value to hand out) is written to page 0 in its
 *       own mini-transaction whenever values are handed out or a larger explicit value is stored;
 *       values a failed statement took are not given back.</li>
 * </ul>
 *
 * <p>FOREIGN KEY constraints are enforced here too, as InnoDB's row0ins/row0upd do: the three
 * transactional row operations check parent rows and act on child rows
 * ({@link io.flushdb.storage.row.ForeignKeyEnforcer}, invariants FK1 to FK3) through the links the
 * dictionary resolves after each DDL ({@link io.flushdb.storage.row.ForeignKeyLinks}).
 *
 * <p>Hidden row ids are not persisted: at open the counter starts at the largest row id in the
 * clustered index plus one, so ids of rows deleted from the end can be handed out again after a
 * restart.
 */
package io.flushdb.storage.row;
