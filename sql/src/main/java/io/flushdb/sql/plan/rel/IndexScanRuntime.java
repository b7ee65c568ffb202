package io.flushdb.sql.plan.rel;

import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.KeyValues;
import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.IndexCursor;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.row.LockingCursor;
import io.flushdb.storage.row.RowLocking;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.ReadView;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What generated code calls for an index scan: works out this execution's search keys, then reads
 * the matching rows through the index (clustered: the rows themselves; secondary: the entries,
 * then each row by primary key). A value that cannot match (NULL, or not exactly representable in
 * the column) makes an equality match nothing and a range bound fall away; the filter above the
 * scan re-checks every row, so the scan need only never miss one.
 *
 * <p>Concurrency: immutable and shared by every execution of a cached plan.
 */
public final class IndexScanRuntime extends ScanRuntime {
    private final int indexOrdinal;
    private final int[] keyColumns;
    private final List<List<KeyBound>> points;
    private final KeyBound lower;
    private final boolean lowerInclusive;
    private final KeyBound upper;
    private final boolean upperInclusive;

    /**
     * @param indexOrdinal 0 for the clustered index, i + 1 for secondary index i
     * @param keyColumns   table column of each key field (the column count for the hidden row id)
     * @param points       equality prefixes to look up, one scan each (in key order)
     */
    public IndexScanRuntime(TableStore store, int[] fields, int indexOrdinal, int[] keyColumns,
                            List<List<KeyBound>> points, KeyBound lower, boolean lowerInclusive, KeyBound upper,
                            boolean upperInclusive) {
        super(store, fields);
        this.indexOrdinal = indexOrdinal;
        this.keyColumns = keyColumns;
        this.points = points;
        this.lower = lower;
        this.lowerInclusive = lowerInclusive;
        this.upper = upper;
        this.upperInclusive = upperInclusive;
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        ZoneId zone = zoneOf(root);
        List<Object[]> rows = new ArrayList<>();
        RowLocking locking = rowLocking(root, store);
        Session reader = locking == null ? consistentReader(root) : null;
        ReadView view = reader == null ? null : reader.statementReadView();
        for (List<KeyBound> point : points) {
            scanPoint(point, root, zone, locking, reader != null, view, rows);
        }
        return Linq4j.asEnumerable(rows);
    }

    private BTree tree() {
        return indexOrdinal == 0 ? store.clusteredIndex() : store.secondaryIndex(indexOrdinal - 1);
    }

    private Object stored(int keyField, Object canonical, ZoneId zone) {
        int col = keyColumns[keyField];
        if (col == columns.size()) {
            return canonical == null ? null : canonical instanceof Number n ? (Object) n.longValue() : KeyValues.INEXACT;
        }
        ColumnDef c = columns.get(col);
        return KeyValues.exactStored(c, canonical, zone);
    }

    /**
     * Reads the rows of one equality prefix (and range) into {@code out}: with {@code locking}, a
     * locking read (every index record visited is locked: next-key locks under REPEATABLE READ,
     * the record alone for an equality on a full unique key that finds a live one; through a
     * secondary index each row's clustered record too); else a consistent read of {@code view}
     * when {@code consistent}; else the latest rows.
     */
    private void scanPoint(List<KeyBound> point, DataContext root, ZoneId zone, RowLocking locking, boolean consistent,
                           ReadView view, List<Object[]> out) {
        int n = point.size();
        Object[] prefix = new Object[n + 1];
        for (int i = 0; i < n; i++) {
            Object v = stored(i, point.get(i).value(root, zone), zone);
            if (v == null || v == KeyValues.INEXACT) {
                return; // '= NULL' or an impossible value matches no row
            }
            prefix[i] = v;
        }
        BTree tree = tree();
        RecordLayout keyLayout = tree.keyLayout();
        int unique = indexOrdinal == 0 ? tree.keyFields() : tree.uniqueFields();
        boolean uniquePoint = unique > 0 && n == unique && lower == null && upper == null;
        // A full primary key, unlocked: one lookup, no cursor.
        if (locking == null && indexOrdinal == 0 && uniquePoint) {
            Object[] keyRow = new Object[store.rowWidth()];
            for (int i = 0; i < n; i++) {
                keyRow[keyColumns[i] == columns.size() ? columns.size() : keyColumns[i]] = prefix[i];
            }
            Object[] row = new Object[store.rowWidth()];
            if (consistent ? store.lookupVisible(keyRow, view, row) : store.lookup(keyRow, row)) {
                out.add(project(row, zone));
            }
            return;
        }
        Object lo = lower == null ? null : stored(n, lower.value(root, zone), zone);
        Object hi = upper == null ? null : stored(n, upper.value(root, zone), zone);
        boolean useLo = lo != null && lo != KeyValues.INEXACT;
        boolean useHi = hi != null && hi != KeyValues.INEXACT;
        if (lower != null && lo == null || upper != null && hi == null) {
            return; // a comparison with NULL is never true
        }
        IndexCursor cursor;
        if (locking != null) {
            LockingCursor.Shape shape = uniquePoint ? LockingCursor.Shape.UNIQUE_POINT
                    : n > 0 && lower == null && upper == null ? LockingCursor.Shape.EQUALITY : LockingCursor.Shape.RANGE;
            cursor = store.lockingCursor(indexOrdinal, locking, shape);
        } else {
            BTreeCursor plain = tree.cursor();
            plain.setIncludeDeleted(consistent); // an entry delete-marked since may lead to the version a view sees
            cursor = plain;
        }
        ByteBuffer loKey = ByteBuffer.allocate(4096);
        ByteBuffer hiKey = ByteBuffer.allocate(4096);
        int loFields = n + (useLo ? 1 : 0);
        int hiFields = n + (useHi ? 1 : 0);
        Object[] loValues = prefix.clone();
        if (useLo) {
            loValues[n] = lo;
        }
        Object[] hiValues = prefix.clone();
        if (useHi) {
            hiValues[n] = hi;
        }
        if (hiFields > 0) {
            keyLayout.prefix(hiFields).encode(hiValues, hiFields, hiKey, 0);
            cursor.setUpperBound(hiKey, keyLayout.prefix(hiFields), hiFields, !useHi || upperInclusive);
        }
        if (loFields > 0) {
            keyLayout.prefix(loFields).encode(loValues, loFields, loKey, 0);
            cursor.seek(loKey, keyLayout.prefix(loFields), loFields, !useLo || lowerInclusive);
        } else {
            cursor.seekFirst();
        }
        Object[] row = new Object[store.rowWidth()];
        if (indexOrdinal == 0) {
            while (cursor.next()) {
                if (read(cursor.buffer(), cursor.record(), consistent, view, row) != null) {
                    out.add(project(row, zone));
                }
            }
            return;
        }
        while (cursor.next()) {
            Object[] keyRow = store.keyRowOfEntry(indexOrdinal - 1, cursor.buffer(), cursor.record());
            boolean found;
            if (locking != null) {
                found = store.lockRow(keyRow, locking, row);
            } else {
                found = consistent ? store.lookupVisible(keyRow, view, row) : store.lookup(keyRow, row);
            }
            // A version (or, locked, the latest row) with other values than the entry is another
            // entry's to give.
            if (found && (!(consistent || locking != null)
                    || store.isEntryOf(indexOrdinal - 1, row, cursor.buffer(), cursor.record()))) {
                out.add(project(row, zone));
            }
        }
    }

    static Iterator<Object[]> none() {
        return Collections.emptyIterator();
    }
}
