package io.flushdb.storage.row;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.dict.ForeignKeyDef;
import io.flushdb.storage.row.ForeignKeyLinks.Link;
import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.trx.lock.LockMode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * FOREIGN KEY enforcement in the row layer, as InnoDB's {@code row_ins_check_foreign_constraint}
 * and {@code row_upd_check_references_constraints} do it, so that every write path (INSERT,
 * REPLACE, ON DUPLICATE KEY UPDATE, UPDATE, DELETE, and the cascades themselves) is covered by
 * the three row operations of {@link TableStore}.
 *
 * <ul>
 *   <li>FK1: a child row whose referencing columns are all non-NULL has a parent row with equal
 *       referenced values (equal under the columns' collation: the parent's index compares). The
 *       check runs after the child's own row operation, so a row may reference itself; the parent
 *       record found is locked S (a next-key lock under REPEATABLE READ), so it cannot be deleted
 *       or re-keyed before the child's transaction ends.</li>
 *   <li>FK2: after a parent row is deleted, or its referenced values change (compared in binary,
 *       as InnoDB), the child rows with the old values are found through the child's index and
 *       locked X; then RESTRICT and NO ACTION fail (1451), CASCADE deletes them or gives them the
 *       new values, SET NULL sets their referencing columns to NULL. Those changes are row
 *       operations of their own, checked the same way.</li>
 *   <li>FK3: a cascade with {@link #MAX_CASCADE_DEPTH} or more enclosing operations (the
 *       statement's own included) fails, as InnoDB's {@code FK_MAX_CASCADE_DEL} check does, so
 *       cascades nest at most 14 deep; a cascade that would update a table that an enclosing
 *       operation of the same chain updates acts as RESTRICT (InnoDB's
 *       {@code row_ins_cascade_ancestor_updates_table}), which stops update cycles.</li>
 * </ul>
 *
 * <p>A failure is thrown as {@link ForeignKeyException}; {@link TableStore} then undoes the row
 * operation, cascades included, before the exception leaves it.
 *
 * <p>Concurrency: called on the thread of the transaction that changes the row; the chain of
 * enclosing operations is kept per thread.
 */
final class ForeignKeyEnforcer {
    /** The deepest cascade InnoDB allows (FK_MAX_CASCADE_DEL). */
    static final int MAX_CASCADE_DEPTH = 15;

    /** An operation whose children are being acted on: the table, and whether it deletes. */
    private record Frame(long tableId, boolean delete) {
    }

    private static final ThreadLocal<ArrayDeque<Frame>> CHAIN = ThreadLocal.withInitial(ArrayDeque::new);

    /**
     * The encoded search key of {@link #findRows}, reused row after row. A search ends before the
     * next begins (cascades run after their search has collected its rows), so one per thread does.
     */
    private static final ThreadLocal<ByteBuffer[]> KEY = ThreadLocal.withInitial(() -> new ByteBuffer[1]);

    private ForeignKeyEnforcer() {
    }

    /**
     * FK1 for a row just inserted ({@code oldRow} null) or changed from {@code oldRow} into
     * {@code newRow}: only constraints whose referencing values changed are checked, unless
     * {@code keyChanged} (a new primary key re-inserts every index entry, and InnoDB checks each).
     */
    static void checkParents(ForeignKeyLinks links, Object[] oldRow, Object[] newRow, boolean keyChanged,
                             Transaction trx) {
        for (Link l : links.asChild) {
            if (oldRow != null && !keyChanged && sameValues(oldRow, newRow, l.childColumns())) {
                continue;
            }
            Object[] key = values(newRow, l.childColumns());
            if (key == null) {
                continue;
            }
            if (l.parent() == null || l.parentIndex() < 0
                    || !findRows(l.parent(), l.parentIndex(), key, LockMode.S, trx, null)) {
                throw new ForeignKeyException(ForeignKeyException.Kind.NO_REFERENCED_ROW, l.detail());
            }
        }
    }

    /**
     * FK2 and FK3 for a parent row of {@code table} just deleted ({@code newRow} null) or changed
     * from {@code oldRow} into {@code newRow}.
     */
    static void actOnChildren(TableStore table, ForeignKeyLinks links, Object[] oldRow, Object[] newRow,
                              Transaction trx) {
        boolean delete = newRow == null;
        ArrayDeque<Frame> chain = CHAIN.get();
        chain.push(new Frame(table.definition().id(), delete));
        try {
            for (Link l : links.asParent) {
                if (!delete && sameValues(oldRow, newRow, l.parentColumns())) {
                    continue;
                }
                Object[] key = values(oldRow, l.parentColumns());
                if (key == null || l.childIndex() < 0) {
                    continue;
                }
                ForeignKeyDef.Action action = delete ? l.def().onDelete() : l.def().onUpdate();
                boolean restrict = action != ForeignKeyDef.Action.CASCADE && action != ForeignKeyDef.Action.SET_NULL;
                if (delete && restrict && l.child() == table && referencesItself(l, oldRow)) {
                    // InnoDB checks before the row's own child entry is delete-marked: it counts.
                    throw new ForeignKeyException(ForeignKeyException.Kind.ROW_IS_REFERENCED, l.detail());
                }
                List<Object[]> children = new ArrayList<>();
                findRows(l.child(), l.childIndex(), key, LockMode.X, trx, children);
                if (children.isEmpty()) {
                    continue;
                }
                switch (action) {
                    case CASCADE -> {
                        if (delete) {
                            checkDepth(chain, l);
                            for (Object[] child : children) {
                                l.child().delete(child, trx);
                            }
                        } else {
                            cascadeUpdate(chain, l, children, newRow, trx);
                        }
                    }
                    case SET_NULL -> cascadeUpdate(chain, l, children, null, trx);
                    default -> throw new ForeignKeyException(ForeignKeyException.Kind.ROW_IS_REFERENCED, l.detail());
                }
            }
        } finally {
            chain.pop();
        }
    }

    /** Gives {@code children} the parent's new values ({@code newParent}), or NULL when that is null. */
    private static void cascadeUpdate(ArrayDeque<Frame> chain, Link l, List<Object[]> children, Object[] newParent,
                                      Transaction trx) {
        long childId = l.child().definition().id();
        for (Frame f : chain) {
            if (f.tableId() == childId && !f.delete()) {
                throw new ForeignKeyException(ForeignKeyException.Kind.ROW_IS_REFERENCED, l.detail());
            }
        }
        checkDepth(chain, l);
        int[] cc = l.childColumns();
        for (Object[] child : children) {
            Object[] changed = child.clone();
            for (int i = 0; i < cc.length; i++) {
                changed[cc[i]] = newParent == null ? null : newParent[l.parentColumns()[i]];
            }
            l.child().update(child, changed, trx);
        }
    }

    /** Whether {@code row} of a self-referencing table is its own parent under {@code l}. */
    private static boolean referencesItself(Link l, Object[] row) {
        int[] cc = l.childColumns();
        int[] pc = l.parentColumns();
        for (int i = 0; i < cc.length; i++) {
            Object v = row[cc[i]];
            if (v == null || !sameValue(v, row[pc[i]])) {
                return false;
            }
        }
        return true;
    }

    /**
     * FK3: the operation whose children are acted on is the top one or a cascade; a cascade from
     * it would have {@code chain.size()} ancestors, and InnoDB refuses one with
     * {@code FK_MAX_CASCADE_DEL} or more.
     */
    private static void checkDepth(ArrayDeque<Frame> chain, Link l) {
        if (chain.size() >= MAX_CASCADE_DEPTH) {
            throw new ForeignKeyException(ForeignKeyException.Kind.CASCADE_TOO_DEEP, l.detail());
        }
    }

    /**
     * Looks for the live rows of {@code store} whose index {@code indexOrdinal} starts with
     * {@code key}, locking each in {@code mode}. With {@code out} null, stops at the first and
     * returns whether there is one; otherwise adds each row (a copy) to {@code out}.
     */
    private static boolean findRows(TableStore store, int indexOrdinal, Object[] key, LockMode mode, Transaction trx,
                                    List<Object[]> out) {
        // Collects before any change: the cascades below change this same index.
        RowLocking locking = new RowLocking(trx, mode, trx.gapLocking(), RowLocking.WAIT);
        BTree tree = indexOrdinal == 0 ? store.clusteredIndex() : store.secondaryIndex(indexOrdinal - 1);
        int n = key.length;
        int unique = indexOrdinal == 0 ? tree.keyFields() : tree.uniqueFields();
        LockingCursor.Shape shape = unique > 0 && n == unique ? LockingCursor.Shape.UNIQUE_POINT
                : LockingCursor.Shape.EQUALITY;
        LockingCursor cursor = store.lockingCursor(indexOrdinal, locking, shape);
        RecordLayout kl = tree.keyLayout().prefix(n);
        ByteBuffer[] holder = KEY.get();
        if (holder[0] == null || holder[0].capacity() < store.pageSize()) {
            holder[0] = ByteBuffer.allocate(store.pageSize());
        }
        ByteBuffer encoded = holder[0];
        encoded.clear();
        kl.encode(key, n, encoded, 0);
        cursor.setUpperBound(encoded, kl, n, true);
        cursor.seek(encoded, kl, n, true);
        int width = store.rowWidth();
        boolean found = false;
        while (cursor.next()) {
            Object[] row = new Object[width];
            if (indexOrdinal == 0) {
                store.readRow(cursor.buffer(), cursor.record(), row);
            } else {
                Object[] keyRow = store.keyRowOfEntry(indexOrdinal - 1, cursor.buffer(), cursor.record());
                if (!store.lockRow(keyRow, locking, row)
                        || !store.isEntryOf(indexOrdinal - 1, row, cursor.buffer(), cursor.record())) {
                    continue;
                }
            }
            found = true;
            if (out == null) {
                return true;
            }
            out.add(row);
        }
        return found;
    }

    /**
     * ALTER TABLE ... ADD FOREIGN KEY with checks on: every row of {@code child} whose referencing
     * values are all non-NULL must have a parent row (locked S, as FK1); returns the rows of
     * {@code child}, the rows MySQL's table copy reports.
     */
    static long checkExistingRows(TableStore child, int[] childColumns, TableStore parent, int parentIndex,
                                  String detail, Transaction trx) {
        io.flushdb.storage.btree.BTreeCursor c = child.scan();
        c.seekFirst();
        long rows = 0;
        while (c.next()) {
            rows++;
            Object[] row = child.decodeRow(c.buffer(), c.record(), null, false);
            Object[] key = values(row, childColumns);
            if (key != null && (parent == null || parentIndex < 0
                    || !findRows(parent, parentIndex, key, LockMode.S, trx, null))) {
                throw new ForeignKeyException(ForeignKeyException.Kind.NO_REFERENCED_ROW, detail);
            }
        }
        return rows;
    }

    /** The values of {@code columns} of {@code row}, or null if one is NULL (no constraint applies). */
    private static Object[] values(Object[] row, int[] columns) {
        Object[] key = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            key[i] = row[columns[i]];
            if (key[i] == null) {
                return null;
            }
        }
        return key;
    }

    /** Whether {@code a} and {@code b} hold the same values in {@code columns}, compared in binary. */
    private static boolean sameValues(Object[] a, Object[] b, int[] columns) {
        for (int c : columns) {
            if (!sameValue(a[c], b[c])) {
                return false;
            }
        }
        return true;
    }

    /** Whether two stored values are equal in binary (a DECIMAL by value, whatever its scale). */
    private static boolean sameValue(Object x, Object y) {
        if (x instanceof byte[] bx && y instanceof byte[] by) {
            return Arrays.equals(bx, by);
        }
        if (x instanceof BigDecimal dx && y instanceof BigDecimal dy) {
            return dx.compareTo(dy) == 0;
        }
        return Objects.equals(x, y);
    }
}
