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
import io.flushdb.storage.trx.ReadView;
import io.flushdb.storage.trx.RollPtr;
import io.flushdb.storage.trx.Transaction;
import io.flushdb.storage.trx.UndoLog;
import io.flushdb.storage.trx.UndoRecord;
import io.flushdb.storage.trx.lock.DeadlockException;
import io.flushdb.storage.trx.lock.LockMode;
import io.flushdb.storage.trx.lock.LockSys;
import io.flushdb.storage.trx.lock.RecordLockType;
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
 * <p>Clustered records hold the primary key fields, then DB_TRX_ID and DB_ROLL_PTR, then the other
 * columns in table order. Secondary entries hold the index's columns followed by the primary key
 * columns not among them.
 *
 * <p>Two kinds of change. Outside transactions (the dictionary's tables, {@link #insert(Object[])}
 * and its kin) records are changed and removed in place, with DB_TRX_ID and DB_ROLL_PTR 0. A
 * transaction's changes ({@link #insert(Object[], Transaction)} and its kin) keep old versions as
 * InnoDB does: the clustered record carries the writer's id and a roll pointer to an undo record
 * holding the previous version, written in the same mini-transaction; a delete only sets the
 * delete mark, on the record and its secondary entries; an update delete-marks the secondary
 * entries it replaces. {@link #undo} applies an undo record (rollback), {@link #purge} removes
 * what no read view needs any more, and {@link #readVisible} rebuilds the version a read view sees.
 *
 * <p>Row operations are counted in the engine's {@code metrics.InnodbCounters}: a successful
 * {@link #insert}, {@link #update} or {@link #delete} counts one row inserted, updated or deleted,
 * and {@link #readRow} and {@link #lookup} count one row read; the dictionary's own tables (ids
 * below 0) count as system rows. Rollback ({@link #undo}) and purge are not counted (MET1); the
 * internal decodes of {@link #decodeRow} (CHECK TABLE, index builds) are not rows read.
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
    /**
     * The FOREIGN KEY constraints this table is in, or null when none (the common case: one null
     * check per row operation). Written by the dictionary after each DDL; read by session threads.
     */
    private volatile ForeignKeyLinks foreignKeys;

    private static final class Scratch {
        final ByteBuffer record;
        final ByteBuffer entry;
        final ByteBuffer old;
        final ByteBuffer key;
        final ByteBuffer version;
        final ByteBuffer version2;
        final ByteBuffer current;
        final ByteBuffer entry2;
        final ByteBuffer undo;
        final UndoWriter writer = new UndoWriter();
        final VersionCheck versionCheck = new VersionCheck();
        final Probe probe = new Probe();
        final GapCheck gapCheck = new GapCheck();
        final LiveOnly liveOnly = new LiveOnly();
        /** The name of a clustered record being locked ({@link #lockRow}), reused row after row. */
        final io.flushdb.storage.btree.LockKey lockKey = new io.flushdb.storage.btree.LockKey();
        /** The lock system during one undo or purge call (removed records pass their locks on). */
        LockSys locks;
        final EntryPurge entryPurge = new EntryPurge();
        Object[] fields;
        int[] offsets;

        Scratch(int pageSize, int fieldCount) {
            version = ByteBuffer.allocate(pageSize);
            version2 = ByteBuffer.allocate(pageSize);
            current = ByteBuffer.allocate(pageSize);
            entry2 = ByteBuffer.allocate(pageSize);
            undo = ByteBuffer.allocate(pageSize);
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

    /** Sets the FOREIGN KEY constraints this table is in (null: none). Called by the dictionary. */
    public void linkForeignKeys(ForeignKeyLinks links) {
        this.foreignKeys = links;
    }

    /** The FOREIGN KEY constraints this table is in, or null. */
    public ForeignKeyLinks foreignKeyLinks() {
        return foreignKeys;
    }

    /**
     * For ALTER TABLE ... ADD FOREIGN KEY: checks that every row whose {@code childColumns} are all
     * non-NULL has a row in {@code parent} (null: no parent table) with those values leading its
     * index {@code parentIndex}; fails with {@link ForeignKeyException} ({@code detail}) at the first
     * that has none. Returns the number of rows.
     */
    public long checkReferences(int[] childColumns, TableStore parent, int parentIndex, String detail,
                                Transaction trx) {
        return ForeignKeyEnforcer.checkExistingRows(this, childColumns, parent, parentIndex, detail, trx);
    }

    public int pageSize() {
        return pageSize;
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

    // ---- transactional changes: undo records in the transaction's log, old versions kept --------

    /**
     * Inserts a row as part of {@code trx}. The clustered record carries {@code trx}'s id and a
     * roll pointer to the INSERT undo record written in the same mini-transaction. A delete-marked
     * record with the same key (a deleted row purge has not removed) is taken over: the insert
     * becomes an update of it, whose undo record keeps the deleted version for older read views.
     * Secondary entries that exist delete-marked are taken over likewise. If anything fails, the
     * row operation is undone from its own undo records and nothing is left changed (ROW2).
     */
    public Object[] insert(Object[] row, Transaction trx) {
        if (!trx.isTransactional()) {
            return insert(row);
        }
        UndoLog undo = trx.undoLogForChange();
        if (hiddenRowIdSlot >= 0 && row[hiddenRowIdSlot] == null) {
            row[hiddenRowIdSlot] = allocateRowId();
        }
        long mark = undo.nextUndoNo();
        rowOperation(null, row, trx, undo);
        ForeignKeyLinks fk = foreignKeys;
        if (fk != null && trx.foreignKeyChecks()) {
            try {
                ForeignKeyEnforcer.checkParents(fk, null, row, true, trx);
            } catch (RuntimeException e) {
                undoRowOperation(trx, mark, e);
                throw e;
            }
        }
        rowsInserted.increment();
        return row;
    }

    /** Deletes a row (by key) as part of {@code trx}: delete-marks its record and entries. Returns the row as it was, or null. */
    public Object[] delete(Object[] row, Transaction trx) {
        if (!trx.isTransactional()) {
            return delete(row);
        }
        UndoLog undo = trx.undoLogForChange();
        long mark = undo.nextUndoNo();
        Object[] old;
        mtrs.beginRowOperation();
        try {
            old = deleteMark(row, trx, undo);
        } catch (RuntimeException e) {
            undoRowOperation(trx, mark, e);
            throw e;
        } finally {
            mtrs.endRowOperation();
        }
        ForeignKeyLinks fk = foreignKeys;
        if (old != null && fk != null && fk.isReferenced() && trx.foreignKeyChecks()) {
            try {
                ForeignKeyEnforcer.actOnChildren(this, fk, old, null, trx);
            } catch (RuntimeException e) {
                undoRowOperation(trx, mark, e);
                throw e;
            }
        }
        if (old != null) {
            rowsDeleted.increment();
        }
        return old;
    }

    /**
     * Updates a row as part of {@code trx}: the clustered record is replaced (its old version goes
     * to the UPDATE undo record); each secondary index whose entry changes gets the old entry
     * delete-marked and the new one inserted. A new primary key is a delete-mark and an insert.
     */
    public Object[] update(Object[] oldRow, Object[] newRow, Transaction trx) {
        if (!trx.isTransactional()) {
            return update(oldRow, newRow);
        }
        UndoLog undo = trx.undoLogForChange();
        if (hiddenRowIdSlot >= 0) {
            newRow[hiddenRowIdSlot] = oldRow[hiddenRowIdSlot];
        }
        long mark = undo.nextUndoNo();
        ForeignKeyLinks fk = foreignKeys;
        boolean checks = fk != null && trx.foreignKeyChecks();
        // Read before the change (rowOperation may reuse the scratch); only a child side needs it.
        boolean keyChanged = checks && fk.asChild.length > 0 && primaryKeyChanged(oldRow, newRow, scratch.get());
        rowOperation(oldRow, newRow, trx, undo);
        if (checks) {
            try {
                ForeignKeyEnforcer.checkParents(fk, oldRow, newRow, keyChanged, trx);
                if (fk.isReferenced()) {
                    ForeignKeyEnforcer.actOnChildren(this, fk, oldRow, newRow, trx);
                }
            } catch (RuntimeException e) {
                undoRowOperation(trx, mark, e);
                throw e;
            }
        }
        rowsUpdated.increment();
        return newRow;
    }

    /**
     * Inserts {@code row} (when {@code oldRow} is null) or replaces {@code oldRow} by it, as one row
     * operation of {@code trx}: undone from its own undo records if anything fails (ROW2). A
     * duplicate key whose row belongs to a transaction still open is waited for and the operation
     * tried again ({@link #awaitDuplicateOwner}); otherwise the duplicate is thrown.
     */
    private void rowOperation(Object[] oldRow, Object[] row, Transaction trx, UndoLog undo) {
        while (true) {
            long mark = undo.nextUndoNo();
            DuplicateKeyException dup = null;
            mtrs.beginRowOperation();
            try {
                if (oldRow == null) {
                    insertVersion(row, trx, undo);
                } else if (primaryKeyChanged(oldRow, row, scratch.get())) {
                    if (deleteMark(oldRow, trx, undo) == null) {
                        throw new IllegalStateException("row to update is gone from " + def.qualifiedName());
                    }
                    insertVersion(row, trx, undo);
                } else {
                    updateVersion(oldRow, row, trx, undo);
                }
            } catch (DuplicateKeyException e) {
                undoRowOperation(trx, mark, e);
                dup = e;
            } catch (RuntimeException e) {
                undoRowOperation(trx, mark, e);
                throw e;
            } finally {
                mtrs.endRowOperation();
            }
            if (dup == null) {
                return;
            }
            if (!awaitDuplicateOwner(row, dup, trx)) {
                throw dup;
            }
        }
    }

    private static void undoRowOperation(Transaction trx, long mark, RuntimeException e) {
        try {
            trx.rollbackTo(mark);
        } catch (RuntimeException | Error inner) {
            e.addSuppressed(inner);
        }
    }

    private void insertVersion(Object[] row, Transaction trx, UndoLog undo) {
        Scratch s = scratch.get();
        List<ExternalRef> externals = new ArrayList<>(0);
        int len = encodeClustered(row, s, externals, trx.id());
        int klen = encodeKey(row, s.key);
        UndoWriter w = s.writer;
        GapCheck gap = s.gapCheck;
        try {
            while (true) {
                w.forInsert(this, undo, trx.id(), s.record, s.key, klen);
                gap.set(trx, clustered);
                int r = clustered.insert(s.record, len, w, gap);
                if (r == BTree.INSERTED) {
                    break;
                }
                if (r == BTree.GAP_LOCKED) {
                    gap.waitOut();
                    continue;
                }
                if (!lockForTakeOver(s.key, trx)) {
                    continue; // purged, live again, or waited for: look again
                }
                w.forUpdate(this, undo, trx.id(), s.record, len, true);
                if (clustered.update(s.key, clustered.keyLayout(), s.record, len, null, w)) {
                    break;
                }
                // The delete-marked record was purged in between: insert again.
            }
        } catch (RuntimeException e) {
            freeExternals(externals);
            throw e;
        } finally {
            w.clear();
            gap.clear();
        }
        long rollPtr = w.rollPtr;
        long mask = 0;
        for (int i = 0; i < secondaries.length; i++) {
            int elen = encodeSecondary(i, row, s.entry);
            if (insertEntry(i, s.entry, elen, trx) == BTree.EXISTS_DELETED) {
                mask |= 1L << i;
                undo.setMask(mtrs, rollPtr, mask);
            }
        }
    }

    /**
     * Inserts secondary index {@code i}'s entry {@code entry[0, len)} for {@code trx}, waiting
     * for a gap another transaction has locked; returns what {@link BTree#insert} does.
     */
    private int insertEntry(int i, ByteBuffer entry, int len, Transaction trx) {
        awaitUniqueDeleters(i, entry, trx);
        GapCheck gap = scratch.get().gapCheck;
        try {
            while (true) {
                gap.set(trx, secondaries[i]);
                int r = secondaries[i].insert(entry, len, null, gap);
                if (r != BTree.GAP_LOCKED) {
                    return r;
                }
                gap.waitOut();
            }
        } finally {
            gap.clear();
        }
    }

    /**
     * Before an entry goes into unique secondary index {@code i}: a delete-marked entry with the
     * same unique values whose row was deleted (or changed) by a transaction still open does not
     * count as a duplicate, but that transaction's rollback would bring it back; so this waits for
     * it (an S lock on that row), as InnoDB's duplicate check does. A live duplicate is left to the
     * insert, which reports it ({@link #awaitDuplicateOwner}).
     */
    private void awaitUniqueDeleters(int i, ByteBuffer entry, Transaction trx) {
        BTree sec = secondaries[i];
        int n = sec.uniqueFields();
        RecordLayout el = sec.leafLayout();
        if (n == 0 || el.anyNull(entry, 0, n)) {
            return;
        }
        Scratch s = scratch.get();
        // The cheap look first: the first entry with these values, if any, and whether it is marked.
        Probe probe = s.probe;
        probe.markedState(this);
        boolean first;
        try {
            first = sec.find(entry, el, n, probe, true);
        } finally {
            probe.clear();
        }
        if (!first || !probe.answer) {
            return;
        }
        BTreeCursor c = sec.cursor();
        c.setIncludeDeleted(true);
        boolean again = true;
        while (again) {
            again = false;
            c.setUpperBound(entry, el, n, true);
            c.seek(entry, el, n, true);
            while (c.next()) {
                if (!isDeleteMarked(c.buffer(), c.record())) {
                    continue;
                }
                Object[] keyRow = keyRowOfEntry(i, c.buffer(), c.record());
                encodeKey(keyRow, s.key);
                ByteBuffer cur = s.version;
                if (!findClustered(s.key, clustered.keyLayout(), cur) || trxId(cur, 0) == trx.id()) {
                    continue;
                }
                LockSys.Result r = trx.lockSys().lockRecord(trx.lockHandle(), clustered.indexId(), clustered.lockKey(cur, 0),
                        LockMode.S, RecordLockType.REC_NOT_GAP, trxId(cur, 0), false);
                if (r == LockSys.Result.DEADLOCK) {
                    throw new DeadlockException();
                }
                if (r == LockSys.Result.WAIT) {
                    trx.awaitGrant();
                    again = true; // look again: the entry may be live now, or gone
                    break;
                }
            }
        }
    }

    /**
     * Before an insert takes over the delete-marked record with the key {@code key}: an X lock on
     * it, waiting for the transaction that deleted it if that one is still active (its rollback
     * would bring the row back). Returns true when the lock is held and the record is still
     * delete-marked; false when the caller must look again.
     */
    private boolean lockForTakeOver(ByteBuffer key, Transaction trx) {
        ByteBuffer cur = scratch.get().version;
        if (!findClustered(key, clustered.keyLayout(), cur) || !isDeleteMarked(cur, 0)) {
            return false;
        }
        byte[] k = clustered.lockKey(cur, 0);
        long owner = trxId(cur, 0);
        if (!trx.lockRecord(clustered.indexId(), k, LockMode.X, RecordLockType.REC_NOT_GAP, owner, false)) {
            return false;
        }
        return findClustered(key, clustered.keyLayout(), cur) && isDeleteMarked(cur, 0);
    }

    /**
     * The key of the row that holds {@code row}'s values in unique index {@code indexName} (a
     * {@link DuplicateKeyException}'s index): {@code row} itself for the clustered index (only its
     * key columns matter), else a row with the key columns of the live entry found there; null
     * when no live entry holds those values (the holder is gone).
     */
    public Object[] conflictingRowKey(Object[] row, String indexName) {
        if (indexName.equals(clustered.name())) {
            return row;
        }
        int i = 0;
        while (i < secondaries.length && !secondaries[i].name().equals(indexName)) {
            i++;
        }
        if (i == secondaries.length) {
            return null;
        }
        Scratch s = scratch.get();
        BTree sec = secondaries[i];
        encodeSecondary(i, row, s.entry);
        RecordLayout el = sec.leafLayout();
        // The live entry with the same unique values (delete-marked ones may come first).
        BTreeCursor c = sec.cursor();
        c.setUpperBound(s.entry, el, sec.uniqueFields(), true);
        c.seek(s.entry, el, sec.uniqueFields(), true);
        if (!c.next()) {
            return null;
        }
        return keyRowOfEntry(i, c.buffer(), c.record());
    }

    /**
     * The primary key (in a row-shaped array, other columns null) of the row that secondary index
     * {@code i}'s entry at {@code rec} of {@code buf} points to: what {@link #lookup},
     * {@link #lookupVisible} and {@link #lockRow} take.
     */
    public Object[] keyRowOfEntry(int i, ByteBuffer buf, int rec) {
        RecordLayout el = secondaries[i].leafLayout();
        Object[] found = el.decodeFields(buf, rec, el.fieldCount());
        Object[] keyRow = new Object[rowWidth()];
        int[] fc = secondaryFieldColumn[i];
        for (int f = 0; f < fc.length; f++) {
            keyRow[fc[f] == HIDDEN_ROW_ID ? hiddenRowIdSlot : fc[f]] = found[f];
        }
        return keyRow;
    }

    /**
     * After a duplicate key: if the row holding the key belongs to a transaction still active,
     * waits for it (an S lock on that row, as InnoDB's duplicate check takes) and returns true:
     * its rollback may free the key, so the change is tried again. Returns false when the
     * duplicate stands (its row is committed, or this transaction's own).
     */
    private boolean awaitDuplicateOwner(Object[] row, DuplicateKeyException dup, Transaction trx) {
        Scratch s = scratch.get();
        Object[] keyRow = conflictingRowKey(row, dup.indexName());
        if (keyRow == null) {
            return false; // gone meanwhile: the duplicate is reported, the caller may try again
        }
        encodeKey(keyRow, s.key);
        ByteBuffer cur = s.version;
        if (!findClustered(s.key, clustered.keyLayout(), cur) || isDeleteMarked(cur, 0)) {
            return false;
        }
        byte[] k = clustered.lockKey(cur, 0);
        int type = trx.gapLocking() ? RecordLockType.ORDINARY : RecordLockType.REC_NOT_GAP;
        switch (trx.lockSys().lockRecord(trx.lockHandle(), clustered.indexId(), k, LockMode.S, type, trxId(cur, 0),
                false)) {
            case GRANTED:
                return false;
            case DEADLOCK:
                throw new DeadlockException();
            default:
                trx.awaitGrant();
                return true;
        }
    }

    /**
     * An insert's check of the gap it goes into, under the leaf latch: an insert intention on the
     * successor record, which waits if another transaction holds a gap or next-key lock there.
     * One per thread (in {@link Scratch}); it keeps its transaction only during one insert.
     */
    private static final class GapCheck implements BTree.InsertCheck {
        private static final int NONE = 0;
        private static final int WAIT = 1;
        private static final int DEADLOCK = 2;

        private Transaction trx;
        private BTree tree;
        private int pending;
        /**
         * The successor's name when the insert asked for the gap (there were record locks):
         * {@link LockSys#SUPREMUM}, or {@link #successorKey}'s array; null when it did not ask.
         */
        private byte[] successor;
        private int successorLength;
        /** Reused names of the successor and of the inserted record: an insert allocates none. */
        private final io.flushdb.storage.btree.LockKey successorKey = new io.flushdb.storage.btree.LockKey();
        private final io.flushdb.storage.btree.LockKey insertedKey = new io.flushdb.storage.btree.LockKey();

        void set(Transaction trx, BTree tree) {
            this.trx = trx;
            this.tree = tree;
            this.pending = NONE;
            this.successor = null;
        }

        void clear() {
            trx = null;
            tree = null;
            successor = null;
        }

        @Override
        public boolean mayInsert(ByteBuffer page, int rec) {
            LockSys sys = trx.lockSys();
            if (!sys.hasRecordLocks()) {
                return true;
            }
            byte[] key;
            int length;
            if (rec < 0) {
                key = LockSys.SUPREMUM;
                length = 0;
            } else {
                tree.lockKey(page, rec, successorKey);
                key = successorKey.bytes();
                length = successorKey.length();
            }
            switch (sys.lockRecord(trx.lockHandle(), tree.indexId(), key, length, LockMode.X,
                    RecordLockType.INSERT_INTENTION, 0, false)) {
                case GRANTED:
                    successor = key;
                    successorLength = length;
                    return true;
                case DEADLOCK:
                    pending = DEADLOCK;
                    return false;
                default:
                    pending = WAIT;
                    return false;
            }
        }

        /** The gap's locks (this transaction's own: others' would have stopped it) cover the new record's gap too. */
        @Override
        public void inserted(ByteBuffer rec, int len) {
            if (successor != null) {
                tree.lockKey(rec, 0, insertedKey);
                trx.lockSys().inheritOnInsert(tree.indexId(), insertedKey.bytes(), insertedKey.length(), successor,
                        successorLength);
                successor = null;
            }
        }

        /** With no latch held: waits for the gap, or fails as the deadlock victim. */
        void waitOut() {
            int p = pending;
            pending = NONE;
            Transaction t = trx;
            if (p == DEADLOCK) {
                throw new DeadlockException();
            }
            if (p == WAIT) {
                t.awaitGrant();
            }
        }
    }

    private Object[] deleteMark(Object[] row, Transaction trx, UndoLog undo) {
        Scratch s = scratch.get();
        encodeKey(row, s.key);
        UndoWriter w = s.writer;
        w.forDeleteMark(this, undo, trx.id(), s.record);
        boolean marked;
        try {
            marked = clustered.update(s.key, clustered.keyLayout(), s.record, 0, s.old, w);
        } finally {
            w.clear();
        }
        if (!marked) {
            return null;
        }
        Object[] stored = decodeForSecondaries(s.old, 0);
        for (int i = 0; i < secondaries.length; i++) {
            int elen = encodeSecondary(i, stored, s.entry);
            if (!writeEntry(i, s.entry, elen, true)) {
                throw new CorruptIndexException("index " + secondaries[i].name() + " has no entry for a row of "
                        + def.qualifiedName());
            }
        }
        return decodeRow(s.old, 0, null, true);
    }

    private void updateVersion(Object[] oldRow, Object[] newRow, Transaction trx, UndoLog undo) {
        Scratch s = scratch.get();
        List<ExternalRef> externals = new ArrayList<>(0);
        int len = encodeClustered(newRow, s, externals, trx.id());
        encodeKey(newRow, s.key);
        UndoWriter w = s.writer;
        w.forUpdate(this, undo, trx.id(), s.record, len, false);
        boolean done;
        try {
            done = clustered.update(s.key, clustered.keyLayout(), s.record, len, null, w);
        } catch (RuntimeException e) {
            freeExternals(externals);
            throw e;
        } finally {
            w.clear();
        }
        if (!done) {
            freeExternals(externals);
            throw new IllegalStateException("row to update is gone from " + def.qualifiedName());
        }
        long rollPtr = w.rollPtr;
        long mask = 0;
        for (int i = 0; i < secondaries.length; i++) {
            int olen = encodeSecondary(i, oldRow, s.old);
            int nlen = encodeSecondary(i, newRow, s.entry);
            if (sameBytes(s.old, olen, s.entry, nlen)) {
                continue;
            }
            if (!writeEntry(i, s.old, olen, true)) {
                throw new CorruptIndexException("index " + secondaries[i].name() + " has no entry for a row of "
                        + def.qualifiedName());
            }
            if (insertEntry(i, s.entry, nlen, trx) == BTree.EXISTS_DELETED) {
                mask |= 1L << i;
                undo.setMask(mtrs, rollPtr, mask);
            }
        }
    }

    /**
     * Writes secondary index {@code i}'s entry {@code entry[0, len)} over the entry that compares
     * equal to it, with the delete mark set or cleared. Returns false if there is no such entry.
     */
    private boolean writeEntry(int i, ByteBuffer entry, int len, boolean deleted) {
        entry.put(2, (byte) (deleted ? RecordLayout.INFO_DELETED : 0));
        BTree sec = secondaries[i];
        return sec.update(entry, sec.leafLayout(), entry, len, null, null);
    }

    /**
     * The {@link BTree.ChangeHook} of a transaction's clustered change: writes the undo record in
     * the change's mini-transaction and stamps the new record with the transaction id and the
     * record's roll pointer. One per thread (in {@link Scratch}), set up before each use.
     */
    private static final class UndoWriter implements BTree.ChangeHook {
        private static final int INSERT = 0;
        private static final int UPDATE = 1;
        private static final int DEL_MARK = 2;

        private int mode;
        private UndoLog undo;
        private long trxId;
        private ByteBuffer record;
        private int length;
        private ByteBuffer key;
        private int keyLength;
        private boolean requireDeleted;
        private BTree tree;
        private int spaceId;
        long rollPtr;

        void forInsert(TableStore t, UndoLog undo, long trxId, ByteBuffer record, ByteBuffer key, int keyLength) {
            set(t, INSERT, undo, trxId, record, 0);
            this.key = key;
            this.keyLength = keyLength;
        }

        void forUpdate(TableStore t, UndoLog undo, long trxId, ByteBuffer record, int length, boolean requireDeleted) {
            set(t, UPDATE, undo, trxId, record, length);
            this.requireDeleted = requireDeleted;
        }

        void forDeleteMark(TableStore t, UndoLog undo, long trxId, ByteBuffer record) {
            set(t, DEL_MARK, undo, trxId, record, 0);
        }

        /**
         * Keeps only the table's tree and space id, not the table: a per-thread scratch must not
         * keep a closed engine reachable through its tables.
         */
        private void set(TableStore t, int mode, UndoLog undo, long trxId, ByteBuffer record, int length) {
            this.tree = t.clustered;
            this.spaceId = t.spaceId;
            this.mode = mode;
            this.undo = undo;
            this.trxId = trxId;
            this.record = record;
            this.length = length;
            this.rollPtr = 0;
        }

        @Override
        public int beforeChange(MiniTransaction mtr, ByteBuffer page, int rec) {
            int len;
            switch (mode) {
                case INSERT -> {
                    rollPtr = undo.append(mtr, UndoRecord.INSERT, spaceId, 0, key, 0, keyLength);
                    len = RecordLayout.length(record, 0);
                }
                case UPDATE -> {
                    if (requireDeleted && !isDeleteMarked(page, rec)) {
                        throw new DuplicateKeyException(tree.name(),
                                tree.keyLayout().decodeFields(key, 0, tree.keyFields()));
                    }
                    rollPtr = undo.append(mtr, UndoRecord.UPDATE, spaceId, 0, page, rec, RecordLayout.length(page, rec));
                    len = length;
                }
                default -> {
                    if (isDeleteMarked(page, rec)) {
                        return -1;
                    }
                    len = RecordLayout.length(page, rec);
                    record.clear();
                    record.put(0, page, rec, len);
                    record.put(2, (byte) (RecordLayout.info(page, rec) | RecordLayout.INFO_DELETED));
                    rollPtr = undo.append(mtr, UndoRecord.DEL_MARK, spaceId, 0, page, rec, len);
                }
            }
            int at = systemFields(tree, record, 0);
            record.putLong(at, trxId);
            record.putLong(at + 8, rollPtr);
            return len;
        }

        /** Drops the references to the table's tree and log once the change is over. */
        void clear() {
            tree = null;
            undo = null;
            record = null;
            key = null;
        }
    }

    /** Whether {@code a[0, alen)} and {@code b[0, blen)} (heap buffers) hold the same bytes; allocates nothing. */
    private static boolean sameBytes(ByteBuffer a, int alen, ByteBuffer b, int blen) {
        return Arrays.equals(a.array(), a.arrayOffset(), a.arrayOffset() + alen, b.array(), b.arrayOffset(),
                b.arrayOffset() + blen);
    }

    /** Whether the clustered record at {@code rec} is delete-marked (a deleted row purge has not removed yet). */
    private static boolean isDeleteMarked(ByteBuffer buf, int rec) {
        return (RecordLayout.info(buf, rec) & RecordLayout.INFO_DELETED) != 0;
    }

    /** Offset in {@code buf} of the DB_TRX_ID of the clustered record at {@code rec} (DB_ROLL_PTR follows). */
    private int systemFields(ByteBuffer buf, int rec) {
        return systemFields(clustered, buf, rec);
    }

    private static int systemFields(BTree clustered, ByteBuffer buf, int rec) {
        RecordLayout layout = clustered.leafLayout();
        int pos = rec + layout.fieldsStart();
        for (int f = 0; f < clustered.keyFields(); f++) {
            pos = skipField(layout, buf, pos, f);
        }
        return pos;
    }

    /** DB_TRX_ID of the clustered record at {@code rec}: the transaction that wrote this version. */
    public long trxId(ByteBuffer buf, int rec) {
        return buf.getLong(systemFields(buf, rec));
    }

    /** DB_ROLL_PTR of the clustered record at {@code rec}: where its previous version is ({@link RollPtr}). */
    public long rollPtr(ByteBuffer buf, int rec) {
        return buf.getLong(systemFields(buf, rec) + 8);
    }

    /** Copies the clustered record with the key of {@code key} (of layout {@code kl}), marked or not, into {@code out}. */
    private boolean findClustered(ByteBuffer key, RecordLayout kl, ByteBuffer out) {
        Probe probe = scratch.get().probe;
        probe.copyTo(this, out);
        try {
            return clustered.find(key, kl, clustered.keyFields(), probe, true);
        } finally {
            probe.clear();
        }
    }

    /** Whether the clustered record at {@code rec} is the version transaction {@code trxId} wrote with roll pointer {@code rollPtr}. */
    private boolean carries(ByteBuffer buf, int rec, long trxId, long rollPtr) {
        int at = systemFields(buf, rec);
        return buf.getLong(at) == trxId && buf.getLong(at + 8) == rollPtr;
    }

    // ---- rollback: one undo record at a time, not counted as row operations ----------------------

    /**
     * Undoes one change of rolling-back transaction {@code trxId} from its undo record {@code u}
     * (at 0), whose roll pointer is {@code rollPtr}. Does nothing unless the clustered record still
     * carries that transaction id and roll pointer (the change never reached the index, or was
     * already undone before a crash), so undo can be applied again after an interruption (UNDO3).
     * Secondary entries are put back before the clustered record, for the same reason. A new
     * secondary entry is removed only if it is live: a delete-marked one was there before the
     * change (an older version's) and is left to purge. {@code purgeView} gives purge's view, for
     * an undone take-over ({@link #removeUndoneTakeOver}).
     */
    public void undo(ByteBuffer u, long rollPtr, long trxId, java.util.function.Supplier<ReadView> purgeView,
                     LockSys locks) {
        Scratch s = scratch.get();
        s.locks = locks;
        try {
            undoRecord(u, rollPtr, trxId, purgeView);
        } finally {
            s.locks = null;
        }
    }

    private void undoRecord(ByteBuffer u, long rollPtr, long trxId, java.util.function.Supplier<ReadView> purgeView) {
        Scratch s = scratch.get();
        int type = UndoRecord.type(u, 0);
        int dlen = UndoRecord.dataLength(u, 0);
        long mask = UndoRecord.mask(u, 0);
        ByteBuffer cur = s.version;
        if (type == UndoRecord.INSERT) {
            s.key.clear();
            s.key.put(0, u, UndoRecord.data(0), dlen);
            if (!findClustered(s.key, clustered.keyLayout(), cur) || !carries(cur, 0, trxId, rollPtr)) {
                return;
            }
            Object[] row = decodeForSecondaries(cur, 0);
            for (int i = 0; i < secondaries.length; i++) {
                int elen = encodeSecondary(i, row, s.entry);
                if ((mask & (1L << i)) != 0) {
                    writeEntry(i, s.entry, elen, true);
                } else {
                    deleteIfLive(i, s.entry);
                }
            }
            if (removeVersion(s.key, clustered.keyLayout(), trxId, rollPtr, false, 0, null)) {
                freeExternals(externalsOf(cur, 0));
            }
            purgeRemarked(row, mask, purgeView);
            return;
        }
        ByteBuffer old = s.record;
        old.clear();
        old.put(0, u, UndoRecord.data(0), dlen);
        if (!findClustered(old, clustered.leafLayout(), cur)) {
            return;
        }
        if (!carries(cur, 0, trxId, rollPtr)) {
            if (type == UndoRecord.UPDATE && isDeleteMarked(old, 0) && isDeleteMarked(cur, 0)
                    && carries(cur, 0, trxId(old, 0), rollPtr(old, 0))) {
                // An undone take-over whose record was restored before a crash: finish it.
                removeUndoneTakeOver(old, decodeForSecondaries(old, 0), null, 0, purgeView);
            }
            return;
        }
        if (type == UndoRecord.DEL_MARK) {
            Object[] row = decodeForSecondaries(old, 0);
            for (int i = 0; i < secondaries.length; i++) {
                int elen = encodeSecondary(i, row, s.entry);
                writeEntry(i, s.entry, elen, false);
            }
            clustered.update(old, clustered.leafLayout(), old, dlen, null, null);
            return;
        }
        Object[] now = decodeForSecondaries(cur, 0);
        Object[] before = decodeForSecondaries(old, 0);
        boolean beforeDeleted = isDeleteMarked(old, 0);
        for (int i = 0; i < secondaries.length; i++) {
            int clen = encodeSecondary(i, now, s.entry);
            int olen = encodeSecondary(i, before, s.old);
            if (!beforeDeleted && sameBytes(s.old, olen, s.entry, clen)) {
                continue;
            }
            if ((mask & (1L << i)) != 0) {
                writeEntry(i, s.entry, clen, true);
            } else {
                deleteIfLive(i, s.entry);
            }
            if (!beforeDeleted) {
                writeEntry(i, s.old, olen, false);
            }
        }
        clustered.update(old, clustered.leafLayout(), old, dlen, null, null);
        freeExternals(externalsOf(cur, 0));
        if (beforeDeleted) {
            removeUndoneTakeOver(old, before, now, mask, purgeView);
        } else {
            purgeRemarked(now, mask, purgeView);
        }
    }

    /**
     * The entries of {@code row} an undone change had taken over ({@code mask}) are delete-marked
     * again; the purge of the change that first marked them may be over (it found them live), so
     * those no version needs are removed now, as purge would (InnoDB's
     * row_undo_mod_del_mark_or_remove_sec).
     */
    private void purgeRemarked(Object[] row, long mask, java.util.function.Supplier<ReadView> purgeView) {
        if (mask == 0) {
            return;
        }
        ReadView view = purgeView.get();
        if (view == null) {
            return;
        }
        for (int i = 0; i < secondaries.length; i++) {
            if ((mask & (1L << i)) != 0) {
                purgeEntry(i, row, view);
            }
        }
    }

    /**
     * After undoing a take-over (an insert that reused the delete-marked record of a deleted row),
     * the record is that deleted version again, {@code old} (decoded: {@code before}). If every
     * read view sees its delete, the purge of that delete may already be over, done while the
     * record carried the take-over's roll pointer, and nothing else would ever remove it: it is
     * removed here, with its overflow chains, and the entries no version needs: those of
     * {@code before}, and those of the take-over's row {@code now} (when known) that it had taken
     * over and its undo marked again ({@code mask}) (InnoDB's row_undo_mod_remove_clust_low).
     * Otherwise that purge is still to come and finds the record as it left it.
     */
    private void removeUndoneTakeOver(ByteBuffer old, Object[] before, Object[] now, long mask,
                                      java.util.function.Supplier<ReadView> purgeView) {
        long deleter = trxId(old, 0);
        ReadView view = purgeView.get();
        if (view == null || !view.sees(deleter)) {
            return;
        }
        Scratch s = scratch.get();
        ByteBuffer removed = s.version;
        if (removeVersion(old, clustered.leafLayout(), deleter, rollPtr(old, 0), true, 0, removed)) {
            freeExternals(externalsOf(removed, 0));
        }
        // Whoever removed the record (this, or purge first), the entries are checked here: the
        // rollback re-marked some after purge's own pass.
        for (int i = 0; i < secondaries.length; i++) {
            purgeEntry(i, before, view);
            if (now != null && (mask & (1L << i)) != 0) {
                purgeEntry(i, now, view);
            }
        }
    }

    /**
     * Removes the clustered record with the key of {@code key} (layout {@code kl}) if it is still
     * the version {@code trxId} wrote with roll pointer {@code rollPtr} (and delete-marked, when
     * {@code deleted}), copying it into {@code out} when given; sets {@code purgeFlag} on that
     * undo record in the same mini-transaction when not 0. Returns whether it was removed.
     */
    private boolean removeVersion(ByteBuffer key, RecordLayout kl, long trxId, long rollPtr, boolean deleted,
                                  int purgeFlag, ByteBuffer out) {
        VersionCheck check = scratch.get().versionCheck;
        check.set(clustered, trxId, rollPtr, deleted, purgeFlag);
        check.inherit = scratch.get().locks;
        try {
            return clustered.delete(key, kl, out, check);
        } finally {
            check.tree = null;
            check.inherit = null;
        }
    }

    // ---- purge: removing what no read view needs --------------------------------------------------

    /**
     * Purges one undo record {@code u} (at 0) of committed transaction {@code trxId} that every
     * read view sees ({@code view} is purge's view). DEL_MARK: if the record is still the
     * delete-marked version that change made, its secondary entries, the record and its overflow
     * chains are removed; otherwise (the key was inserted again) only the old version's entries no
     * version still needs. UPDATE: the old version's secondary entries that are delete-marked and
     * that no version from the current one back to what {@code view} sees still has are removed,
     * and the old version's overflow chains are freed. INSERT: nothing to do.
     *
     * <p>Purging a record again after a crash cut it off is safe (UNDO5): the record's purge flags
     * say how far it got, and overflow chains are freed through the references in the undo record,
     * which each freeing mini-transaction advances.
     */
    public void purge(ByteBuffer u, long rollPtr, long trxId, ReadView view, LockSys locks) {
        Scratch s = scratch.get();
        s.locks = locks;
        try {
            purgeRecord(u, rollPtr, trxId, view);
        } finally {
            s.locks = null;
        }
    }

    private void purgeRecord(ByteBuffer u, long rollPtr, long trxId, ReadView view) {
        int type = UndoRecord.type(u, 0);
        if (type == UndoRecord.INSERT) {
            return;
        }
        Scratch s = scratch.get();
        int dlen = UndoRecord.dataLength(u, 0);
        int flags = UndoRecord.purgeFlags(u, 0);
        ByteBuffer old = s.record;
        old.clear();
        old.put(0, u, UndoRecord.data(0), dlen);
        if (type == UndoRecord.DEL_MARK) {
            if ((flags & UndoRecord.PURGED_RECORD) == 0 && !purgeDeleted(old, rollPtr, trxId, view)) {
                return;
            }
        } else if ((flags & UndoRecord.PURGED_ENTRIES) == 0) {
            Object[] before = decodeForSecondaries(old, 0);
            for (int i = 0; i < secondaries.length; i++) {
                purgeEntry(i, before, view);
            }
            if (hasExternalField(old, 0)) {
                // From here the undo record's overflow references are consumed as chains are freed:
                // a purge run again must not read them for entries.
                UndoLog.setPurgeFlag(mtrs, rollPtr, UndoRecord.PURGED_ENTRIES);
            }
        }
        freeOwnedExternals(old, rollPtr);
    }

    /**
     * DEL_MARK purge: removes the record deleted by transaction {@code trxId} with roll pointer
     * {@code rollPtr}, and the secondary entries no version needs, if it is still that
     * delete-marked version; then returns true, the record's overflow chains left for the caller
     * to free. Returns false, doing nothing, otherwise: the record is gone (the rollback of an
     * insert that took it over removed it, with its entries) or was taken over (the taker's UPDATE
     * record holds this version and purges its entries in turn; its chains are the taker's too).
     */
    private boolean purgeDeleted(ByteBuffer old, long rollPtr, long trxId, ReadView view) {
        // The row is decoded under the clustered leaf's latch: while the record is this version,
        // its overflow chains are there.
        Probe probe = scratch.get().probe;
        probe.purgeState(this, trxId, rollPtr);
        boolean present;
        try {
            present = clustered.find(old, clustered.leafLayout(), clustered.keyFields(), probe, true);
        } finally {
            probe.clear();
        }
        Object[] row = probe.row;
        probe.row = null;
        if (!present || !probe.answer) {
            return false;
        }
        for (int i = 0; i < secondaries.length; i++) {
            purgeEntry(i, row, view);
        }
        // False if taken over between the two looks: the taker keeps what it needs.
        return removeVersion(old, clustered.leafLayout(), trxId, rollPtr, true, UndoRecord.PURGED_RECORD, null);
    }

    /**
     * Frees the overflow chains the old version in undo record {@code rollPtr} (its data copied at
     * 0 of {@code old}) refers to, through the references in the undo page ({@link OverflowStore#freeOwned}).
     */
    private void freeOwnedExternals(ByteBuffer old, long rollPtr) {
        if (!hasExternalField(old, 0)) {
            return;
        }
        long undoPage = PageId.of(0, RollPtr.pageNo(rollPtr));
        RecordLayout layout = clustered.leafLayout();
        int pos = layout.fieldsStart();
        for (int f = 0; f < layout.fieldCount(); f++) {
            if (layout.isNull(old, 0, f)) {
                continue;
            }
            if (layout.field(f).isVariable() && RecordLayout.isExternal(old, pos)) {
                OverflowStore.freeOwned(mtrs, spaceId, undoPage, UndoRecord.dataOffset(rollPtr, pos + 1));
            }
            pos = skipField(layout, old, pos, f);
        }
    }

    /** Removes secondary index {@code i}'s entry {@code entry} if it is live ({@link LiveOnly}). */
    private void deleteIfLive(int i, ByteBuffer entry) {
        Scratch s = scratch.get();
        LiveOnly hook = s.liveOnly.with(s.locks);
        try {
            secondaries[i].delete(entry, secondaries[i].leafLayout(), null, hook);
        } finally {
            hook.inherit = null; // a per-thread scratch must not keep the engine reachable
        }
    }

    /**
     * The removal of an entry a rolled-back change inserted: only if live (a delete-marked one was
     * there before, an older version's). Passes the removed entry's locks on to the next record.
     */
    private static final class LiveOnly extends Inheriting {
        LiveOnly with(LockSys locks) {
            this.inherit = locks;
            return this;
        }

        @Override
        public int beforeChange(MiniTransaction mtr, ByteBuffer page, int rec) {
            return isDeleteMarked(page, rec) ? -1 : 0;
        }
    }

    /**
     * A removal hook that passes the removed record's locks on to its successor as gap locks
     * (InnoDB's lock_rec_inherit_to_gap), under the leaf latch, when a lock system is given.
     */
    private abstract static class Inheriting implements BTree.ChangeHook {
        LockSys inherit;

        @Override
        public boolean observesRemoval() {
            return inherit != null && inherit.hasRecordLocks();
        }

        @Override
        public void removed(long indexId, byte[] key, byte[] heir) {
            inherit.inheritOnRemove(indexId, key, heir == null ? LockSys.SUPREMUM : heir);
        }
    }

    /**
     * The check of a clustered record's removal by rollback or purge, made under the leaf's
     * exclusive latch: still the version written by {@code trxId} with roll pointer
     * {@code rollPtr} (roll pointers alone are reused when undo pages are), delete-marked when
     * {@code deleted}. Sets {@code purgeFlag} on that undo record in the removal's own
     * mini-transaction when not 0.
     */
    private static final class VersionCheck extends Inheriting {
        BTree tree;
        long trxId;
        long rollPtr;
        boolean deleted;
        int purgeFlag;

        void set(BTree tree, long trxId, long rollPtr, boolean deleted, int purgeFlag) {
            this.tree = tree;
            this.trxId = trxId;
            this.rollPtr = rollPtr;
            this.deleted = deleted;
            this.purgeFlag = purgeFlag;
        }

        @Override
        public int beforeChange(MiniTransaction mtr, ByteBuffer page, int rec) {
            int at = systemFields(tree, page, rec);
            if ((deleted && !isDeleteMarked(page, rec)) || page.getLong(at) != trxId
                    || page.getLong(at + 8) != rollPtr) {
                return -1;
            }
            if (purgeFlag != 0) {
                UndoLog.setPurgeFlag(mtr, rollPtr, purgeFlag);
            }
            return 0;
        }
    }

    /**
     * Removes secondary index {@code i}'s entry of {@code row} if it is delete-marked and no version
     * needs it. The decision is taken in the delete's own hook, under the entry's leaf latch: a
     * change that makes the entry needed again (a take-over, an update back to these values) must
     * latch that leaf too, so it comes entirely before or after.
     */
    private void purgeEntry(int i, Object[] row, ReadView view) {
        Scratch s = scratch.get();
        encodeSecondary(i, row, s.entry);
        BTree sec = secondaries[i];
        Probe probe = s.probe;
        probe.markedState(this);
        boolean found;
        try {
            found = sec.find(s.entry, sec.leafLayout(), sec.keyFields(), probe, true);
        } finally {
            probe.clear();
        }
        if (!found || !probe.answer) {
            return; // the cheap shared look: no delete-marked entry to remove
        }
        EntryPurge hook = s.entryPurge;
        hook.set(this, i, row, view);
        hook.inherit = s.locks;
        try {
            sec.delete(s.entry, sec.leafLayout(), null, hook);
        } finally {
            hook.clear();
        }
    }

    /** The hook of a secondary entry's removal by purge: only a delete-marked entry no version needs. */
    private static final class EntryPurge extends Inheriting {
        TableStore table;
        int index;
        Object[] row;
        ReadView view;

        void set(TableStore table, int index, Object[] row, ReadView view) {
            this.table = table;
            this.index = index;
            this.row = row;
            this.view = view;
        }

        void clear() {
            table = null;
            row = null;
            view = null;
            inherit = null;
        }

        @Override
        public int beforeChange(MiniTransaction mtr, ByteBuffer page, int rec) {
            if (!isDeleteMarked(page, rec)) {
                return -1;
            }
            return table.entryNeeded(index, row, page, rec, view) ? -1 : 0;
        }
    }

    /**
     * Whether a version of {@code row}'s clustered record that some read view may still read (from
     * the current version back to the first one {@code view} sees) is not delete-marked and has
     * secondary index {@code i}'s entry, the one at {@code rec} of {@code entryPage} (InnoDB's
     * row_vers_old_has_index_entry). The versions are followed under the clustered leaf's latch.
     */
    private boolean entryNeeded(int i, Object[] row, ByteBuffer entryPage, int entryRec, ReadView view) {
        Scratch s = scratch.get();
        encodeKey(row, s.key);
        Probe probe = s.probe;
        probe.entryState(this, i, entryPage, entryRec, view);
        try {
            return clustered.find(s.key, clustered.keyLayout(), clustered.keyFields(), probe, true) && probe.answer;
        } finally {
            probe.clear();
        }
    }

    /** {@link #entryNeeded}'s walk, from the clustered record at {@code rec} of {@code page} (latched). */
    private boolean versionsHaveEntry(ByteBuffer page, int rec, int i, ByteBuffer entryPage, int entryRec,
                                      ReadView view) {
        Scratch s = scratch.get();
        RecordLayout el = secondaries[i].leafLayout();
        ByteBuffer v = page;
        int at = rec;
        while (true) {
            if (!isDeleteMarked(v, at)) {
                Object[] version = decodeForSecondaries(v, at);
                encodeSecondary(i, version, s.entry2);
                if (RecordLayout.compare(el, s.entry2, 0, el, entryPage, entryRec, el.fieldCount()) == 0) {
                    return true;
                }
            }
            if (view.sees(trxId(v, at))) {
                return false;
            }
            long rp = rollPtr(v, at);
            if (rp == 0 || RollPtr.isInsert(rp)) {
                return false;
            }
            previousVersion(rp, s.version2);
            v = s.version2;
            at = 0;
        }
    }

    /** Replaces {@code v} by the version the undo record at {@code rollPtr} holds. */
    private void previousVersion(long rollPtr, ByteBuffer v) {
        ByteBuffer u = scratch.get().undo;
        UndoLog.read(mtrs, rollPtr, u);
        v.clear();
        v.put(0, u, UndoRecord.data(0), UndoRecord.dataLength(u, 0));
    }

    // ---- consistent reads ---------------------------------------------------------------------------

    /**
     * Reads the version of the clustered record at {@code rec} of {@code buf} that {@code view}
     * sees into {@code out}, overflow values included, and counts one row read; returns null (and
     * counts nothing) when the view sees no row there: the row did not exist yet, or its visible
     * version is deleted. A null view reads the record as it is, skipping a delete-marked one.
     *
     * <p>{@code buf} may be a copy (a cursor's batch). When the view does not see that version,
     * the older ones are built from the record as it is now, under its leaf's latch (ROW8): the
     * undo records a version's roll pointer leads to stay in place only while the record carries
     * it, which that latch guarantees.
     */
    public Object[] readVisible(ByteBuffer buf, int rec, ReadView view, Object[] out) {
        // A version the view sees keeps its overflow chains while the view is open; the latest
        // version of a null view (READ UNCOMMITTED) may be rolled back, and its chains freed,
        // under a copy: that one is read from the index.
        if (view == null ? !hasExternalField(buf, rec) : view.sees(trxId(buf, rec))) {
            return isDeleteMarked(buf, rec) ? null : readRow(buf, rec, out);
        }
        Scratch s = scratch.get();
        if (buf != s.current || rec != 0) {
            s.current.clear();
            s.current.put(0, buf, rec, RecordLayout.length(buf, rec));
        }
        return readVisibleNow(s.current, clustered.leafLayout(), view, out);
    }

    /**
     * Whether the secondary index {@code i} entry at {@code rec} of {@code buf} is the entry of
     * {@code row} (a version read through that entry: a consistent read through a secondary index
     * keeps a row only when the version its view sees has that entry).
     */
    public boolean isEntryOf(int i, Object[] row, ByteBuffer buf, int rec) {
        ByteBuffer e = scratch.get().entry2;
        encodeSecondary(i, row, e);
        RecordLayout el = secondaries[i].leafLayout();
        return RecordLayout.compare(el, e, 0, el, buf, rec, el.fieldCount()) == 0;
    }

    /**
     * Looks a row up by primary key as {@code view} sees it ({@link #readVisible}); false if the
     * view sees none.
     */
    public boolean lookupVisible(Object[] keyRow, ReadView view, Object[] out) {
        Scratch s = scratch.get();
        encodeKey(keyRow, s.key);
        return readVisibleNow(s.key, clustered.keyLayout(), view, out) != null;
    }

    private Object[] readVisibleNow(ByteBuffer key, RecordLayout kl, ReadView view, Object[] out) {
        Probe probe = scratch.get().probe;
        probe.visibleState(this, view, out);
        try {
            if (!clustered.find(key, kl, clustered.keyFields(), probe, true)) {
                return null; // purged: every view sees it deleted
            }
            Object[] row = probe.row;
            probe.row = null;
            return row;
        } finally {
            probe.clear();
        }
    }

    /** {@link #readVisible}'s walk from the clustered record at {@code rec} of {@code page} (latched). */
    private Object[] visibleVersion(ByteBuffer page, int rec, ReadView view, Object[] out) {
        if (view == null || view.sees(trxId(page, rec))) {
            return isDeleteMarked(page, rec) ? null : readRow(page, rec, out);
        }
        ByteBuffer v = scratch.get().version;
        long rp = rollPtr(page, rec);
        while (true) {
            if (rp == 0 || RollPtr.isInsert(rp)) {
                return null;
            }
            previousVersion(rp, v);
            if (view.sees(trxId(v, 0))) {
                return isDeleteMarked(v, 0) ? null : readRow(v, 0, out);
            }
            rp = rollPtr(v, 0);
        }
    }

    /**
     * What a clustered or secondary lookup does with the record it finds, under that record's leaf
     * latch: copy it, tell whether it is delete-marked, follow its versions. One per thread (in
     * {@link Scratch}); it keeps its table only during one lookup, so a per-thread scratch does not
     * keep a closed engine reachable.
     */
    private static final class Probe implements BTree.RecordVisitor {
        private static final int COPY = 0;
        private static final int MARKED = 1;
        private static final int VISIBLE = 2;
        private static final int HAS_ENTRY = 3;
        private static final int PURGE_STATE = 4;

        private int mode;
        private TableStore table;
        private ByteBuffer buffer;
        private ReadView view;
        private Object[] out;
        private int index;
        private int entryRec;
        private long trxId;
        private long rollPtr;
        /** The row found or built (VISIBLE, PURGE_STATE). */
        Object[] row;
        /** The yes/no answer (MARKED, HAS_ENTRY, PURGE_STATE: the record is the version meant). */
        boolean answer;

        void copyTo(TableStore t, ByteBuffer out) {
            start(t, COPY);
            this.buffer = out;
        }

        void markedState(TableStore t) {
            start(t, MARKED);
        }

        void visibleState(TableStore t, ReadView view, Object[] out) {
            start(t, VISIBLE);
            this.view = view;
            this.out = out;
        }

        void entryState(TableStore t, int index, ByteBuffer entryPage, int entryRec, ReadView view) {
            start(t, HAS_ENTRY);
            this.index = index;
            this.buffer = entryPage;
            this.entryRec = entryRec;
            this.view = view;
        }

        void purgeState(TableStore t, long trxId, long rollPtr) {
            start(t, PURGE_STATE);
            this.trxId = trxId;
            this.rollPtr = rollPtr;
        }

        private void start(TableStore t, int mode) {
            this.table = t;
            this.mode = mode;
            this.row = null;
            this.answer = false;
        }

        /** Drops the references taken for one lookup (the row stays for the caller to take). */
        void clear() {
            table = null;
            buffer = null;
            view = null;
            out = null;
        }

        @Override
        public void visit(ByteBuffer page, int rec) {
            switch (mode) {
                case COPY -> {
                    buffer.clear();
                    buffer.put(0, page, rec, RecordLayout.length(page, rec));
                }
                case MARKED -> answer = isDeleteMarked(page, rec);
                case VISIBLE -> row = table.visibleVersion(page, rec, view, out);
                case HAS_ENTRY -> answer = table.versionsHaveEntry(page, rec, index, buffer, entryRec, view);
                default -> {
                    answer = isDeleteMarked(page, rec) && table.carries(page, rec, trxId, rollPtr);
                    row = answer ? table.decodeForSecondaries(page, rec) : null;
                }
            }
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
                if (sameBytes(s.old, olen, s.entry, nlen)) {
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
                || !sameBytes(s.key, a, s.old, b);
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

    /**
     * A locking read's cursor over index {@code indexOrdinal} (0 the clustered index, i + 1
     * secondary index i) for a read of the given {@code shape}: see {@link LockingCursor}.
     */
    public LockingCursor lockingCursor(int indexOrdinal, RowLocking locking, LockingCursor.Shape shape) {
        BTree tree = indexOrdinal == 0 ? clustered : secondaries[indexOrdinal - 1];
        return new LockingCursor(this, tree, indexOrdinal == 0, locking, shape);
    }

    /**
     * For a locking read through a secondary index: locks the clustered record of the row with the
     * key of {@code keyRow} (the record alone) and reads its latest version into {@code out},
     * counting one row read. False when there is no such live row, or it is locked and the policy
     * is SKIP LOCKED.
     *
     * @throws LockNowaitException NOWAIT met a locked row
     */
    public boolean lockRow(Object[] keyRow, RowLocking locking, Object[] out) {
        Scratch s = scratch.get();
        Transaction trx = locking.trx();
        boolean noWait = locking.policy() != RowLocking.WAIT;
        while (true) {
            encodeKey(keyRow, s.key);
            ByteBuffer cur = s.current;
            if (!findClustered(s.key, clustered.keyLayout(), cur)) {
                return false;
            }
            clustered.lockKey(cur, 0, s.lockKey);
            LockSys.Result r = trx.lockSys().lockRecord(trx.lockHandle(), clustered.indexId(), s.lockKey.bytes(),
                    s.lockKey.length(), locking.mode(), RecordLockType.REC_NOT_GAP, trxId(cur, 0), noWait);
            if (r == LockSys.Result.GRANTED) {
                break;
            }
            if (r == LockSys.Result.WOULD_BLOCK) {
                if (locking.policy() == RowLocking.SKIP_LOCKED) {
                    return false;
                }
                throw new io.flushdb.storage.trx.lock.LockNowaitException();
            }
            if (r == LockSys.Result.DEADLOCK) {
                throw new DeadlockException();
            }
            trx.awaitGrant(); // then look again: the row may have changed
        }
        return lookup(keyRow, out);
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
        return encodeClustered(row, s, externals, 0);
    }

    /** Encodes {@code row}'s clustered record into the scratch record, DB_TRX_ID = {@code trxId}, DB_ROLL_PTR = 0. */
    private int encodeClustered(Object[] row, Scratch s, List<ExternalRef> externals, long trxId) {
        int trxField = clustered.keyFields();
        RecordLayout layout = clustered.leafLayout();
        Object[] fields = s.fields;
        int size = layout.headerSize();
        for (int f = 0; f < clusteredFieldColumn.length; f++) {
            int col = clusteredFieldColumn[f];
            Object v = col == SYSTEM ? (Object) (f == trxField ? trxId : 0L) : col == HIDDEN_ROW_ID ? row[hiddenRowIdSlot] : row[col];
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
        BTreeChecker.check(clustered);
        Scratch s = scratch.get();
        for (BTree sec : secondaries) {
            BTreeChecker.check(sec);
        }
        // Delete-marked records are versions purge has not removed yet: only live ones count.
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
        for (BTree sec : secondaries) {
            BTreeCursor e = sec.cursor();
            e.seekFirst();
            long entries = 0;
            while (e.next()) {
                entries++;
            }
            if (entries != rows) {
                throw new CorruptIndexException("index " + sec.name() + " has " + entries + " entries for " + rows
                        + " rows");
            }
        }
        return rows;
    }
}
