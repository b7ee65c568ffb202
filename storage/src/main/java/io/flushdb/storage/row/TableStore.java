package io.flushdb.storage.row;

import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeChecker;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.CorruptIndexException;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.btree.ExternalRef;
import io.flushdb.storage.btree.FieldSpec;
import io.flushdb.storage.btree.IndexPage;
import io.flushdb.storage.btree.OverflowStore;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.mtr.MiniTransaction;
import io.flushdb.storage.mtr.MtrContext;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.space.SpaceHeader;
import io.flushdb.storage.log.RedoRecordType;
import io.flushdb.storage.trx.Transaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A table's rows in its indexes (InnoDB's row0ins/row0upd/row0sel): encodes rows into clustered
 * records and secondary entries, keeps every index in step on insert, update and delete, moves long
 * values to overflow chains, and hands out hidden row ids and AUTO_INCREMENT values.
 *
 * <p>Rows are {@code Object[]} of the table's columns in order, holding the storage's Java types
 * ({@link RecordLayout#encode}); a table without a primary key has one more element at the end,
 * its hidden row id ({@code Long}). Each operation on one row is atomic: if a unique index rejects
 * it, every index is left as it was.
 *
 * <p>Clustered records hold the primary key fields, then DB_TRX_ID and DB_ROLL_PTR (reserved for
 * transactions, written as 0 for now), then the other columns in table order. Secondary entries
 * hold the index's columns followed by the primary key columns not among them.
 *
 * <p>Row operations are counted in the engine's {@code metrics.InnodbCounters}: a successful
 * {@link #insert}, {@link #update} or {@link #delete} counts one row inserted, updated or deleted,
 * and {@link #readRow} and {@link #lookup} count one row read; the dictionary's own tables (ids
 * below 0) count as system rows. A transaction's undo goes through {@link #undoInsert},
 * {@link #undoDelete} and {@link #undoUpdate}, which are not counted (MET1), as is crash
 * recovery's {@link #undoForRecovery}; the internal decodes of {@link #decodeRow} (CHECK TABLE,
 * index builds) are not rows read.
 *
 * <p>Concurrency: thread-safe; the trees have their own latches, the counters their own lock.
 * Per-thread scratch buffers keep the insert path free of per-row garbage beyond the row itself.
 */
public final class TableStore {
    /** Records bigger than this part of a page push their longest values off page first. */
    private static final int MIN_EXTERNAL_FIELD = 40;

    private final TableDef def;
    private final MtrContext mtrs;
    private final int spaceId;
    private final int pageSize;
    private final BTree clustered;
    private final BTree[] secondaries;
    /** Column feeding each clustered leaf field: >= 0 a column, HIDDEN_ROW_ID, or SYSTEM (trx/roll). */
    private final int[] clusteredFieldColumn;
    /** Clustered leaf field holding each column. */
    private final int[] columnField;
    private final int[][] secondaryFieldColumn;
    private final int hiddenRowIdSlot;
    private final ThreadLocal<Scratch> scratch;
    private final LongAdder rowsInserted;
    private final LongAdder rowsUpdated;
    private final LongAdder rowsDeleted;
    private final LongAdder rowsRead;

    private static final int HIDDEN_ROW_ID = -1;
    private static final int SYSTEM = -2;

    private long nextRowId;
    private long autoIncrement;

    private static final class Scratch {
        final ByteBuffer record;
        final ByteBuffer entry;
        final ByteBuffer old;
        final ByteBuffer key;
        Object[] fields;
        int[] offsets;

        Scratch(int pageSize, int fieldCount) {
            record = ByteBuffer.allocate(pageSize);
            entry = ByteBuffer.allocate(pageSize);
            old = ByteBuffer.allocate(pageSize);
            key = ByteBuffer.allocate(pageSize);
            fields = new Object[fieldCount];
            offsets = new int[fieldCount];
        }
    }

    public TableStore(TableDef def, MtrContext mtrs) {
        this.def = def;
        this.mtrs = mtrs;
        this.spaceId = def.spaceId();
        this.pageSize = mtrs.pool().pageSize();
        var counters = mtrs.counters();
        boolean system = def.id() < 0;
        this.rowsInserted = system ? counters.systemRowsInserted : counters.rowsInserted;
        this.rowsUpdated = system ? counters.systemRowsUpdated : counters.rowsUpdated;
        this.rowsDeleted = system ? counters.systemRowsDeleted : counters.rowsDeleted;
        this.rowsRead = system ? counters.systemRowsRead : counters.rowsRead;
        List<ColumnDef> cols = def.columns();
        IndexDef ci = def.clusteredIndex();
        this.hiddenRowIdSlot = def.hasHiddenPrimaryKey() ? cols.size() : -1;

        // Clustered layout: key fields, DB_TRX_ID, DB_ROLL_PTR, then the other columns.
        int[] pk = ci.columns();
        int keyCount = def.hasHiddenPrimaryKey() ? 1 : pk.length;
        List<FieldSpec> specs = new ArrayList<>();
        List<Integer> fieldCols = new ArrayList<>();
        if (def.hasHiddenPrimaryKey()) {
            specs.add(FieldSpec.SYSTEM_U64);
            fieldCols.add(HIDDEN_ROW_ID);
        } else {
            for (int c : pk) {
                specs.add(FieldSpec.of(cols.get(c), true));
                fieldCols.add(c);
            }
        }
        specs.add(FieldSpec.SYSTEM_U64);
        fieldCols.add(SYSTEM);
        specs.add(FieldSpec.SYSTEM_U64);
        fieldCols.add(SYSTEM);
        for (int c = 0; c < cols.size(); c++) {
            if (!contains(pk, c) || def.hasHiddenPrimaryKey()) {
                specs.add(FieldSpec.of(cols.get(c), false));
                fieldCols.add(c);
            }
        }
        this.clusteredFieldColumn = fieldCols.stream().mapToInt(Integer::intValue).toArray();
        this.columnField = new int[cols.size()];
        for (int f = 0; f < clusteredFieldColumn.length; f++) {
            if (clusteredFieldColumn[f] >= 0) {
                columnField[clusteredFieldColumn[f]] = f;
            }
        }
        RecordLayout clusteredLayout = new RecordLayout(specs.toArray(new FieldSpec[0]), keyCount);
        // Trees are named table.index: the name MySQL 8.0 shows in "Duplicate entry ... for key".
        this.clustered = new BTree(def.name() + "." + ci.name(), mtrs, spaceId, ci.rootPage(), ci.id(),
                clusteredLayout, keyCount);

        // Secondary layouts: index columns, then primary key columns not among them.
        List<IndexDef> ixs = def.indexes();
        this.secondaries = new BTree[ixs.size() - 1];
        this.secondaryFieldColumn = new int[ixs.size() - 1][];
        for (int i = 1; i < ixs.size(); i++) {
            IndexDef ix = ixs.get(i);
            List<FieldSpec> s = new ArrayList<>();
            List<Integer> fc = new ArrayList<>();
            for (int c : ix.columns()) {
                s.add(FieldSpec.of(cols.get(c), true));
                fc.add(c);
            }
            if (def.hasHiddenPrimaryKey()) {
                s.add(FieldSpec.SYSTEM_U64);
                fc.add(HIDDEN_ROW_ID);
            } else {
                for (int c : pk) {
                    if (!contains(ix.columns(), c)) {
                        s.add(FieldSpec.of(cols.get(c), true));
                        fc.add(c);
                    }
                }
            }
            RecordLayout layout = new RecordLayout(s.toArray(new FieldSpec[0]), s.size());
            secondaries[i - 1] = new BTree(def.name() + "." + ix.name(), mtrs, spaceId, ix.rootPage(), ix.id(),
                    layout, ix.isUnique() ? ix.columns().length : 0);
            secondaryFieldColumn[i - 1] = fc.stream().mapToInt(Integer::intValue).toArray();
        }
        int maxFields = clusteredFieldColumn.length;
        for (int[] f : secondaryFieldColumn) {
            maxFields = Math.max(maxFields, f.length);
        }
        int mf = maxFields;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(pageSize, mf));
        loadCounters();
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    public TableDef definition() {
        return def;
    }

    public BTree clusteredIndex() {
        return clustered;
    }

    /** The tree of secondary index {@code i} (index {@code i + 1} of the definition). */
    public BTree secondaryIndex(int i) {
        return secondaries[i];
    }

    public int secondaryCount() {
        return secondaries.length;
    }

    /** Columns stored in each field of secondary index {@code i} (-1: the hidden row id). */
    public int[] secondaryFieldColumns(int i) {
        return secondaryFieldColumn[i].clone();
    }

    /** Clustered field holding column {@code c}. */
    public int clusteredField(int column) {
        return columnField[column];
    }

    /** Size of a row array: the columns, plus the hidden row id if the table has no primary key. */
    public int rowWidth() {
        return def.columns().size() + (hiddenRowIdSlot >= 0 ? 1 : 0);
    }

    // ---- writing ------------------------------------------------------------------------------

    /**
     * Inserts a row. Fills in the hidden row id for tables without a primary key. Returns the
     * row as stored.
     *
     * @throws DuplicateKeyException if a unique index rejects it (nothing is changed)
     */
    public Object[] insert(Object[] row) {
        Object[] stored = insertRow(row);
        rowsInserted.increment();
        return stored;
    }

    private Object[] insertRow(Object[] row) {
        mtrs.beginRowOperation();
        try {
            return insertRowInRow(row);
        } finally {
            mtrs.endRowOperation();
        }
    }

    private Object[] insertRowInRow(Object[] row) {
        if (hiddenRowIdSlot >= 0 && row[hiddenRowIdSlot] == null) {
            row[hiddenRowIdSlot] = allocateRowId();
        }
        Scratch s = scratch.get();
        List<ExternalRef> externals = new ArrayList<>(0);
        int len = encodeClustered(row, s, externals);
        try {
            clustered.insert(s.record, len);
        } catch (RuntimeException e) {
            freeExternals(externals);
            throw e;
        }
        int done = 0;
        try {
            for (; done < secondaries.length; done++) {
                int elen = encodeSecondary(done, row, s.entry);
                secondaries[done].insert(s.entry, elen);
            }
        } catch (RuntimeException e) {
            for (int j = done - 1; j >= 0; j--) {
                encodeSecondary(j, row, s.entry);
                secondaries[j].delete(s.entry, secondaries[j].leafLayout(), null);
            }
            encodeKey(row, s.key);
            clustered.delete(s.key, clustered.keyLayout(), null);
            freeExternals(externals);
            throw e;
        }
        return row;
    }

    /**
     * Deletes the row with the primary key (or hidden row id) of {@code row}. Returns the row as it
     * was stored, or null if there is none.
     */
    public Object[] delete(Object[] row) {
        Object[] old = deleteRow(row);
        if (old != null) {
            rowsDeleted.increment();
        }
        return old;
    }

    private Object[] deleteRow(Object[] row) {
        mtrs.beginRowOperation();
        try {
            return deleteRowInRow(row);
        } finally {
            mtrs.endRowOperation();
        }
    }

    private Object[] deleteRowInRow(Object[] row) {
        Scratch s = scratch.get();
        int klen = encodeKey(row, s.key);
        if (!clustered.delete(s.key, clustered.keyLayout(), s.old)) {
            return null;
        }
        assert klen > 0;
        Object[] old = decodeRow(s.old, 0, null, true);
        for (int i = 0; i < secondaries.length; i++) {
            encodeSecondary(i, old, s.entry);
            if (!secondaries[i].delete(s.entry, secondaries[i].leafLayout(), null)) {
                throw new CorruptIndexException("index " + secondaries[i].name() + " has no entry for a row of "
                        + def.qualifiedName());
            }
        }
        freeExternals(externalsOf(s.old, 0));
        return old;
    }

    /** Puts back the old entries of the secondary indexes an update changed. */
    private void restoreSecondaries(boolean[] changed, Object[] oldRow, Object[] newRow, Scratch s) {
        for (int j = changed.length - 1; j >= 0; j--) {
            if (changed[j]) {
                encodeSecondary(j, newRow, s.entry);
                secondaries[j].delete(s.entry, secondaries[j].leafLayout(), null);
                int olen = encodeSecondary(j, oldRow, s.old);
                secondaries[j].insert(s.old, olen);
            }
        }
    }

    /**
     * Replaces {@code oldRow} (as stored) by {@code newRow}. A change of primary key is a delete
     * and an insert. Returns the new row as stored.
     *
     * @throws DuplicateKeyException if a unique index rejects the new row (nothing is changed)
     */
    public Object[] update(Object[] oldRow, Object[] newRow) {
        Object[] stored = updateRow(oldRow, newRow);
        rowsUpdated.increment();
        return stored;
    }

    // ---- transactional changes: each carries its undo record in the redo ----------------------

    /**
     * Inserts a row as part of {@code trx}: the mini-transaction of the first index change also
     * logs the undo record (TRX_UNDO) recovery needs to take the insert back if {@code trx} never
     * commits.
     */
    public Object[] insert(Object[] row, Transaction trx) {
        long id = trx.beforeChange();
        if (id == 0) {
            return insert(row);
        }
        if (hiddenRowIdSlot >= 0 && row[hiddenRowIdSlot] == null) {
            row[hiddenRowIdSlot] = allocateRowId();
        }
        setUndo(id, null, row);
        try {
            return insert(row);
        } finally {
            mtrs.clearPending();
            trx.afterChange();
        }
    }

    /** Deletes a row (by key) as part of {@code trx}; see {@link #insert(Object[], Transaction)}. */
    public Object[] delete(Object[] row, Transaction trx) {
        long id = trx.beforeChange();
        if (id == 0) {
            return delete(row);
        }
        Object[] before = currentRow(row);
        if (before == null) {
            return null;
        }
        setUndo(id, before, null);
        try {
            return delete(row);
        } finally {
            mtrs.clearPending();
            trx.afterChange();
        }
    }

    /** Updates a row as part of {@code trx}; see {@link #insert(Object[], Transaction)}. */
    public Object[] update(Object[] oldRow, Object[] newRow, Transaction trx) {
        long id = trx.beforeChange();
        if (id == 0) {
            return update(oldRow, newRow);
        }
        if (hiddenRowIdSlot >= 0) {
            newRow[hiddenRowIdSlot] = oldRow[hiddenRowIdSlot];
        }
        setUndo(id, oldRow, newRow);
        try {
            return update(oldRow, newRow);
        } finally {
            mtrs.clearPending();
            trx.afterChange();
        }
    }

    /** Rollback of an insert of {@code trx}, itself logged as a change of {@code trx}. */
    public void undoInsert(Object[] row, Transaction trx) {
        withUndo(trx, row, null, () -> undoInsert(row));
    }

    public void undoDelete(Object[] row, Transaction trx) {
        withUndo(trx, null, row, () -> undoDelete(row));
    }

    public void undoUpdate(Object[] updated, Object[] original, Transaction trx) {
        withUndo(trx, updated, original, () -> undoUpdate(updated, original));
    }

    private void withUndo(Transaction trx, Object[] before, Object[] after, Runnable change) {
        long id = trx.beforeChange();
        if (id != 0) {
            setUndo(id, before, after);
        }
        try {
            change.run();
        } finally {
            if (id != 0) {
                mtrs.clearPending();
                trx.afterChange();
            }
        }
    }

    /** The row with {@code row}'s key as stored, long values read in full; null if there is none. */
    private Object[] currentRow(Object[] row) {
        Object[] v = new Object[rowWidth()];
        return lookupForChange(row, v) ? v : null;
    }

    /** Holds the undo record (transaction id, before and after images) for the next index change. */
    private void setUndo(long trxId, Object[] before, Object[] after) {
        int len = 9 + RowImage.encodedLength(before) + RowImage.encodedLength(after);
        ByteBuffer b = ByteBuffer.allocate(len);
        b.putLong(trxId);
        b.put((byte) ((before != null ? 1 : 0) | (after != null ? 2 : 0)));
        RowImage.encode(before, b);
        RowImage.encode(after, b);
        mtrs.setPending(RedoRecordType.TRX_UNDO, spaceId, b.array(), len);
    }

    /**
     * Recovery: applies one TRX_UNDO payload (after its transaction id) of this table with
     * {@link #undoForRecovery}.
     */
    public void undoFromRedo(byte[] payload) {
        ByteBuffer b = ByteBuffer.wrap(payload);
        b.get(); // flags: the images say themselves whether a row is there
        Object[] before = RowImage.decode(b);
        Object[] after = RowImage.decode(b);
        undoForRecovery(before, after);
    }

    // ---- undo: a transaction's rollback, not counted as row operations --------------------------

    /** Removes a row the rolling-back transaction inserted ({@code row} as it was stored). */
    public void undoInsert(Object[] row) {
        deleteRow(row);
    }

    /** Puts back a row the rolling-back transaction deleted ({@code row} as it was stored). */
    public void undoDelete(Object[] row) {
        insertRow(row);
    }

    /** Restores {@code original} over {@code updated}, a row the rolling-back transaction changed. */
    public void undoUpdate(Object[] updated, Object[] original) {
        updateRow(updated, original);
    }

    /**
     * Crash recovery's undo of one row change of a transaction that did not commit, from its
     * logical undo record: brings the table to "the row is {@code before}" (absent if null) from
     * any state between "none of the change was applied" and "all of it was applied", where the
     * change was an insert ({@code before} null), a delete ({@code after} null) or an update. Both
     * rows are as stored (the hidden row id filled in) with their long values in full.
     *
     * <ul>
     *   <li>{@code after}: the clustered record with its key, if any, is deleted with the secondary
     *       entries of the record as stored (missing ones ignored), then its overflow chains are
     *       freed; then whatever secondary entries of {@code after} remain are deleted.</li>
     *   <li>{@code before}: inserted if no clustered record has its key (new overflow chains),
     *       then each of its secondary entries that is missing is inserted.</li>
     * </ul>
     *
     * <p>Idempotent, so an undo interrupted by a crash can be applied again. Each tree change is
     * its own mini-transaction and records are removed before the chains they refer to are freed
     * (ROW3), so an interruption leaks overflow pages at worst. Not counted as a row operation.
     * Overflow chains the interrupted change wrote but never referred to are not found and stay
     * allocated.
     *
     * @throws IllegalArgumentException if both rows are null, a row is not {@link #rowWidth()}
     *                                  wide, or a table without a primary key gets a row without
     *                                  its hidden row id
     */
    public void undoForRecovery(Object[] before, Object[] after) {
        if (before == null && after == null) {
            throw new IllegalArgumentException("undo of a change without rows");
        }
        checkImage(before);
        checkImage(after);
        Scratch s = scratch.get();
        if (after != null) {
            removeRowAndEntries(after, s);
        }
        if (before != null) {
            if (hiddenRowIdSlot >= 0) {
                observeRowId(((Number) before[hiddenRowIdSlot]).longValue());
            }
            restoreRowAndEntries(before, s);
        }
    }

    private void checkImage(Object[] row) {
        if (row == null) {
            return;
        }
        if (row.length != rowWidth()) {
            throw new IllegalArgumentException("row of " + row.length + " values for " + def.qualifiedName()
                    + ", whose rows have " + rowWidth());
        }
        if (hiddenRowIdSlot >= 0 && row[hiddenRowIdSlot] == null) {
            throw new IllegalArgumentException("row of " + def.qualifiedName() + " without its hidden row id");
        }
    }

    /**
     * Deletes the clustered record with {@code row}'s key, if any, with the secondary entries of the
     * record as stored, and frees its overflow chains; then deletes the entries of {@code row} that
     * are left. Missing entries are ignored.
     */
    private void removeRowAndEntries(Object[] row, Scratch s) {
        encodeKey(row, s.key);
        if (clustered.delete(s.key, clustered.keyLayout(), s.old)) {
            List<ExternalRef> externals = externalsOf(s.old, 0);
            Object[] stored = decodeForSecondaries(s.old, 0);
            deleteSecondaryEntries(stored, s);
            freeExternals(externals);
        }
        deleteSecondaryEntries(row, s);
    }

    /** Inserts {@code row} if no clustered record has its key, then each of its missing entries. */
    private void restoreRowAndEntries(Object[] row, Scratch s) {
        encodeKey(row, s.key);
        if (!clustered.find(s.key, clustered.keyLayout(), clustered.keyFields(), (p, r) -> { })) {
            List<ExternalRef> externals = new ArrayList<>(0);
            int len = encodeClustered(row, s, externals);
            try {
                clustered.insert(s.record, len);
            } catch (RuntimeException e) {
                freeExternals(externals);
                throw e;
            }
        }
        for (int i = 0; i < secondaries.length; i++) {
            int len = encodeSecondary(i, row, s.entry);
            BTree sec = secondaries[i];
            if (!sec.find(s.entry, sec.leafLayout(), sec.keyFields(), (p, r) -> { })) {
                try {
                    sec.insert(s.entry, len);
                } catch (DuplicateKeyException transientConflict) {
                    // Recovery undoes newest first, so a state on the way back can hold another
                    // row's equal unique value: a change older than this one (undone next) put
                    // that row there or will remove this one. The final state is unique.
                }
            }
        }
    }

    /** Deletes the entry of {@code row} from every secondary index that has it. */
    private void deleteSecondaryEntries(Object[] row, Scratch s) {
        for (int i = 0; i < secondaries.length; i++) {
            encodeSecondary(i, row, s.entry);
            secondaries[i].delete(s.entry, secondaries[i].leafLayout(), null);
        }
    }

    /**
     * Decodes the clustered record at {@code rec} with the overflow values of indexed columns read
     * (secondary entries hold them inline), the others left as {@link ExternalRef}s.
     */
    private Object[] decodeForSecondaries(ByteBuffer buf, int rec) {
        Object[] row = decodeRow(buf, rec, null, false);
        RecordLayout layout = clustered.leafLayout();
        for (int[] fc : secondaryFieldColumn) {
            for (int c : fc) {
                if (c >= 0 && row[c] instanceof ExternalRef ref) {
                    row[c] = readExternal(ref, layout.field(columnField[c]));
                }
            }
        }
        return row;
    }

    private Object[] updateRow(Object[] oldRow, Object[] newRow) {
        mtrs.beginRowOperation();
        try {
            return updateRowInRow(oldRow, newRow);
        } finally {
            mtrs.endRowOperation();
        }
    }

    private Object[] updateRowInRow(Object[] oldRow, Object[] newRow) {
        if (hiddenRowIdSlot >= 0) {
            newRow[hiddenRowIdSlot] = oldRow[hiddenRowIdSlot];
        }
        Scratch s = scratch.get();
        if (primaryKeyChanged(oldRow, newRow, s)) {
            Object[] stored = deleteRow(oldRow);
            if (stored == null) {
                throw new IllegalStateException("row to update is gone from " + def.qualifiedName());
            }
            try {
                return insertRow(newRow);
            } catch (RuntimeException e) {
                insertRow(stored);
                throw e;
            }
        }
        // The new clustered record first: it is what can fail for the row itself (too large, an
        // overflow page that cannot be written), and nothing has been changed yet (ROW1).
        List<ExternalRef> externals = new ArrayList<>(0);
        int len = encodeClustered(newRow, s, externals);
        // Secondary indexes whose entry changes: delete the old entry, insert the new one; undo in
        // reverse if a unique index rejects a new entry.
        boolean[] changed = new boolean[secondaries.length];
        int i = 0;
        try {
            for (; i < secondaries.length; i++) {
                int olen = encodeSecondary(i, oldRow, s.old);
                int nlen = encodeSecondary(i, newRow, s.entry);
                if (olen == nlen && s.old.slice(0, olen).equals(s.entry.slice(0, nlen))) {
                    continue;
                }
                changed[i] = true;
                secondaries[i].delete(s.old, secondaries[i].leafLayout(), null);
                try {
                    secondaries[i].insert(s.entry, nlen);
                } catch (RuntimeException e) {
                    encodeSecondary(i, oldRow, s.old);
                    secondaries[i].insert(s.old, olen);
                    changed[i] = false;
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            restoreSecondaries(changed, oldRow, newRow, s);
            freeExternals(externals);
            throw e;
        }
        if (!clustered.update(s.record, len, s.old)) {
            restoreSecondaries(changed, oldRow, newRow, s);
            freeExternals(externals);
            throw new IllegalStateException("row to update is gone from " + def.qualifiedName());
        }
        freeExternals(externalsOf(s.old, 0));
        return newRow;
    }

    private boolean primaryKeyChanged(Object[] oldRow, Object[] newRow, Scratch s) {
        if (hiddenRowIdSlot >= 0) {
            return false;
        }
        int a = encodeKey(oldRow, s.key);
        int b = encodeKey(newRow, s.old);
        RecordLayout kl = clustered.keyLayout();
        return RecordLayout.compare(kl, s.key, 0, kl, s.old, 0, clustered.keyFields()) != 0
                || a != b || !s.key.slice(0, a).equals(s.old.slice(0, b));
    }

    // ---- reading ------------------------------------------------------------------------------

    /**
     * Looks a row up by primary key (the key columns of {@code keyRow}, or its hidden row id) and
     * decodes it into {@code out}. Returns false if there is none. A row found counts as a row
     * read.
     */
    public boolean lookup(Object[] keyRow, Object[] out) {
        if (lookupForChange(keyRow, out)) {
            rowsRead.increment();
            return true;
        }
        return false;
    }

    /**
     * {@link #lookup} for a row the statement has already read, and counted, through a scan or
     * lookup of its own, and now fetches again to change it (UPDATE): not counted a second time.
     */
    public boolean lookupForChange(Object[] keyRow, Object[] out) {
        Scratch s = scratch.get();
        encodeKey(keyRow, s.key);
        return clustered.find(s.key, clustered.keyLayout(), clustered.keyFields(),
                (page, rec) -> decodeRow(page, rec, out, true));
    }

    /**
     * Reads the row of the clustered record at {@code rec} of {@code buf} (where a cursor from
     * {@link #scan} is) into {@code out}, overflow values included: one row read
     * ({@code Innodb_rows_read}).
     */
    public Object[] readRow(ByteBuffer buf, int rec, Object[] out) {
        Object[] row = decodeRow(buf, rec, out, true);
        rowsRead.increment();
        return row;
    }

    /** A cursor over the clustered index (rows in primary key order). */
    public BTreeCursor scan() {
        return clustered.cursor();
    }

    /**
     * Decodes a clustered record into a row (a new array when {@code out} is null), reading
     * overflow values when {@code withLobs}; otherwise they are left as {@link ExternalRef}s. Not
     * counted as a row read: rows returned to a statement go through {@link #readRow}.
     */
    public Object[] decodeRow(ByteBuffer buf, int rec, Object[] out, boolean withLobs) {
        if (out == null) {
            out = new Object[rowWidth()];
        }
        RecordLayout layout = clustered.leafLayout();
        int pos = rec + layout.fieldsStart();
        for (int f = 0; f < clusteredFieldColumn.length; f++) {
            int col = clusteredFieldColumn[f];
            boolean isNull = layout.isNull(buf, rec, f);
            if (col == SYSTEM) {
                pos += 8;
                continue;
            }
            Object v = isNull ? null : layout.decode(buf, pos, f);
            if (!isNull) {
                pos = skipField(layout, buf, pos, f);
            }
            if (v instanceof ExternalRef ref && withLobs) {
                v = readExternal(ref, layout.field(f));
            }
            out[col == HIDDEN_ROW_ID ? hiddenRowIdSlot : col] = v;
        }
        return out;
    }

    private static int skipField(RecordLayout layout, ByteBuffer buf, int pos, int f) {
        FieldSpec spec = layout.field(f);
        if (!spec.isVariable()) {
            return pos + spec.width();
        }
        if (RecordLayout.isExternal(buf, pos)) {
            return pos + 9;
        }
        return RecordLayout.varStart(buf, pos) + RecordLayout.varLength(buf, pos);
    }

    /** Reads an overflow value as the column's Java type (String or byte[]). */
    public Object readExternal(ExternalRef ref, FieldSpec spec) {
        byte[] b = OverflowStore.read(mtrs.pool(), spaceId, ref);
        return spec.collation() != null ? new String(b, StandardCharsets.UTF_8) : b;
    }

    // ---- encoding -----------------------------------------------------------------------------

    private int encodeClustered(Object[] row, Scratch s, List<ExternalRef> externals) {
        RecordLayout layout = clustered.leafLayout();
        Object[] fields = s.fields;
        int size = layout.headerSize();
        for (int f = 0; f < clusteredFieldColumn.length; f++) {
            int col = clusteredFieldColumn[f];
            Object v = col == SYSTEM ? 0L : col == HIDDEN_ROW_ID ? row[hiddenRowIdSlot] : row[col];
            fields[f] = v;
            size += RecordLayout.inlineSize(layout.field(f), v);
        }
        int max = IndexPage.maxRecordSize(pageSize);
        // Values too long for a record, and then the longest ones while the record is too long,
        // move to overflow chains.
        for (int f = 0; f < clusteredFieldColumn.length; f++) {
            if (layout.field(f).externalizable() && fields[f] != null && !(fields[f] instanceof ExternalRef)
                    && RecordLayout.inlineSize(layout.field(f), fields[f]) > RecordLayout.MAX_INLINE_FIELD) {
                size -= RecordLayout.inlineSize(layout.field(f), fields[f]);
                fields[f] = externalize(fields[f], externals);
                size += RecordLayout.inlineSize(layout.field(f), fields[f]);
            }
        }
        while (size > max) {
            int longest = -1;
            int longestSize = MIN_EXTERNAL_FIELD;
            for (int f = 0; f < clusteredFieldColumn.length; f++) {
                if (layout.field(f).externalizable() && fields[f] != null && !(fields[f] instanceof ExternalRef)) {
                    int fs = RecordLayout.inlineSize(layout.field(f), fields[f]);
                    if (fs > longestSize) {
                        longest = f;
                        longestSize = fs;
                    }
                }
            }
            if (longest < 0) {
                freeExternals(externals);
                throw new RowTooLargeException(def.qualifiedName(), size, max);
            }
            size -= longestSize;
            fields[longest] = externalize(fields[longest], externals);
            size += RecordLayout.inlineSize(layout.field(longest), fields[longest]);
        }
        s.record.clear();
        int len = layout.encode(fields, clusteredFieldColumn.length, s.record, 0);
        Arrays.fill(fields, null);
        return len;
    }

    private ExternalRef externalize(Object v, List<ExternalRef> externals) {
        if (externals == null) {
            throw new IllegalStateException("re-encoding a row with values off page");
        }
        byte[] b = v instanceof byte[] bytes ? bytes : ((String) v).getBytes(StandardCharsets.UTF_8);
        ExternalRef ref = OverflowStore.write(mtrs, spaceId, b);
        externals.add(ref);
        return ref;
    }

    private List<ExternalRef> externalsOf(ByteBuffer buf, int rec) {
        if ((RecordLayout.info(buf, rec) & RecordLayout.INFO_EXTERNAL) == 0 && !hasExternalField(buf, rec)) {
            return List.of();
        }
        List<ExternalRef> out = new ArrayList<>(1);
        RecordLayout layout = clustered.leafLayout();
        int pos = rec + layout.fieldsStart();
        for (int f = 0; f < layout.fieldCount(); f++) {
            if (layout.isNull(buf, rec, f)) {
                continue;
            }
            if (layout.field(f).isVariable() && RecordLayout.isExternal(buf, pos)) {
                out.add(RecordLayout.externalRef(buf, pos));
            }
            pos = skipField(layout, buf, pos, f);
        }
        return out;
    }

    private boolean hasExternalField(ByteBuffer buf, int rec) {
        RecordLayout layout = clustered.leafLayout();
        int pos = rec + layout.fieldsStart();
        for (int f = 0; f < layout.fieldCount(); f++) {
            if (layout.isNull(buf, rec, f)) {
                continue;
            }
            if (layout.field(f).isVariable() && RecordLayout.isExternal(buf, pos)) {
                return true;
            }
            pos = skipField(layout, buf, pos, f);
        }
        return false;
    }

    /** Every overflow chain referred to by the clustered record at {@code rec}. */
    public List<ExternalRef> externalRefs(ByteBuffer buf, int rec) {
        return externalsOf(buf, rec);
    }

    private void freeExternals(List<ExternalRef> externals) {
        for (ExternalRef ref : externals) {
            OverflowStore.free(mtrs, spaceId, ref);
        }
    }

    /** Encodes secondary index {@code i}'s entry for {@code row} into {@code out} (from 0). */
    public int encodeSecondary(int i, Object[] row, ByteBuffer out) {
        int[] fc = secondaryFieldColumn[i];
        Object[] fields = scratch.get().fields;
        for (int f = 0; f < fc.length; f++) {
            fields[f] = fc[f] == HIDDEN_ROW_ID ? row[hiddenRowIdSlot] : row[fc[f]];
        }
        out.clear();
        int len = secondaries[i].leafLayout().encode(fields, fc.length, out, 0);
        Arrays.fill(fields, 0, fc.length, null);
        return len;
    }

    /** Encodes the clustered key of {@code row} (a record of the key layout) into {@code out}. */
    public int encodeKey(Object[] row, ByteBuffer out) {
        RecordLayout kl = clustered.keyLayout();
        Object[] fields = scratch.get().fields;
        int n = clustered.keyFields();
        for (int f = 0; f < n; f++) {
            int col = clusteredFieldColumn[f];
            fields[f] = col == HIDDEN_ROW_ID ? row[hiddenRowIdSlot] : row[col];
        }
        out.clear();
        int len = kl.encode(fields, n, out, 0);
        Arrays.fill(fields, 0, n, null);
        return len;
    }

    // ---- counters -----------------------------------------------------------------------------

    private void loadCounters() {
        BufferFrame h = mtrs.pool().getPage(PageId.of(spaceId, 0), LatchMode.SHARED);
        try {
            autoIncrement = h.page().getLong(SpaceHeader.OFFSET_AUTO_INCREMENT);
        } finally {
            mtrs.pool().release(h, LatchMode.SHARED);
        }
        nextRowId = 1;
        if (hiddenRowIdSlot >= 0) {
            ByteBuffer last = ByteBuffer.allocate(pageSize);
            if (clustered.readLast(last)) {
                RecordLayout l = clustered.leafLayout();
                nextRowId = RecordLayout.readInt(last, l.fieldsStart(), l.field(0)) + 1;
            }
        }
    }

    private synchronized long allocateRowId() {
        return nextRowId++;
    }

    /**
     * Keeps the row id counter above {@code rowId}, a row put back by recovery's undo: the counter
     * was set at open from the rows present then, which may not have included it.
     */
    private synchronized void observeRowId(long rowId) {
        if (rowId >= nextRowId) {
            nextRowId = rowId + 1;
        }
    }

    /** The next AUTO_INCREMENT value that would be handed out (SHOW TABLE STATUS's Auto_increment). */
    public synchronized long autoIncrementValue() {
        return autoIncrement;
    }

    /** Hands out {@code count} consecutive AUTO_INCREMENT values and returns the first. */
    public synchronized long nextAutoIncrement(int count) {
        long first = autoIncrement;
        persistAutoIncrement(first + count);
        return first;
    }

    /** Notes that {@code value} was stored explicitly: later generated values are above it. */
    public synchronized void observeAutoIncrement(long value) {
        if (value >= autoIncrement && value < Long.MAX_VALUE) {
            persistAutoIncrement(value + 1);
        }
    }

    /** Sets the counter (TRUNCATE, ALTER TABLE ... AUTO_INCREMENT=). */
    public synchronized void resetAutoIncrement(long value) {
        persistAutoIncrement(value);
    }

    private void persistAutoIncrement(long value) {
        // Part of a statement's row work: refused (before anything changes) rather than parked
        // when only an open transaction's end, maybe this thread's own, could free log space.
        mtrs.beginRowOperation();
        try {
            autoIncrement = value;
            try (MiniTransaction mtr = mtrs.start()) {
                BufferFrame h = mtr.getPage(PageId.of(spaceId, 0), LatchMode.EXCLUSIVE);
                mtr.writeLong(h, SpaceHeader.OFFSET_AUTO_INCREMENT, value);
                mtr.commit();
            }
        } finally {
            mtrs.endRowOperation();
        }
    }

    // ---- checking -----------------------------------------------------------------------------

    /**
     * Checks every index's structure and that the secondary indexes hold exactly one entry per row
     * with the row's values. Returns the number of rows.
     */
    public long check() {
        BTreeChecker.Report primary = BTreeChecker.check(clustered);
        Scratch s = scratch.get();
        for (int i = 0; i < secondaries.length; i++) {
            BTreeChecker.Report r = BTreeChecker.check(secondaries[i]);
            if (r.leafRecords() != primary.leafRecords()) {
                throw new CorruptIndexException("index " + secondaries[i].name() + " has " + r.leafRecords()
                        + " entries for " + primary.leafRecords() + " rows");
            }
        }
        BTreeCursor c = clustered.cursor();
        c.seekFirst();
        long rows = 0;
        while (c.next()) {
            // Secondary entries hold indexed values inline: read those kept on overflow pages.
            Object[] row = decodeForSecondaries(c.buffer(), c.record());
            for (int i = 0; i < secondaries.length; i++) {
                int len = encodeSecondary(i, row, s.entry);
                BTree sec = secondaries[i];
                boolean found = sec.find(s.entry, sec.leafLayout(), sec.keyFields(), (p, rec) -> { });
                if (!found) {
                    throw new CorruptIndexException("index " + sec.name() + " lacks the entry of row " + rows
                            + " of " + def.qualifiedName());
                }
                assert len > 0;
            }
            rows++;
        }
        return rows;
    }
}
