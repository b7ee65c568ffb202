package io.flushdb.sql.plan.rel;

import io.flushdb.sql.plan.QueryContext;
import io.flushdb.sql.session.Session;
import io.flushdb.sql.types.CalciteValues;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.IndexCursor;
import io.flushdb.storage.dict.ColumnDef;
import io.flushdb.storage.row.LockingCursor;
import io.flushdb.storage.row.RowLocking;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.trx.ReadView;
import java.nio.ByteBuffer;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * What generated code calls to read a table: runs a storage cursor and turns each record into a
 * row of Calcite values for the projected fields. Shared base of full scans and index scans.
 *
 * <p>Concurrency: immutable and shared by every execution of a cached plan; each call to
 * {@link #scan} makes its own cursor.
 */
public class ScanRuntime {
    protected final TableStore store;
    protected final List<ColumnDef> columns;
    /** Table field (column index, or the column count for the row id) of each output field. */
    protected final int[] fields;

    public ScanRuntime(TableStore store, int[] fields) {
        this.store = store;
        this.columns = store.definition().columns();
        this.fields = fields;
    }

    /** Reads every row in primary key order. Called by generated code. */
    public Enumerable<Object[]> scan(DataContext root) {
        ZoneId zone = zoneOf(root);
        return new AbstractEnumerable<>() {
            @Override
            public Enumerator<Object[]> enumerator() {
                if (root.get(QueryContext.ROW_SOURCE) instanceof QueryContext.RowSource source
                        && source.tableId() == store.definition().id()) {
                    return Linq4j.singletonEnumerator(project(source.row(), zone));
                }
                RowLocking locking = rowLocking(root, store);
                if (locking != null) {
                    LockingCursor c = store.lockingCursor(0, locking, LockingCursor.Shape.RANGE);
                    c.seekFirst();
                    return new CursorEnumerator(c, zone, false, null); // each row locked before it is read
                }
                Session reader = consistentReader(root);
                // The view first: a record copied before it opened could be older than what it sees.
                ReadView view = reader == null ? null : reader.statementReadView();
                BTreeCursor c = store.scan();
                c.setIncludeDeleted(reader != null);
                c.seekFirst();
                return new CursorEnumerator(c, zone, reader != null, view);
            }
        };
    }

    /**
     * The session running {@code root} if its statement reads consistently (a plain SELECT: rows
     * as its read view sees them, {@link Session#statementReadView}); null if it reads the latest
     * rows (a statement that changes or locks rows, under table locks that keep other writers
     * away).
     */
    static Session consistentReader(DataContext root) {
        return root.get(QueryContext.SESSION) instanceof Session s && s.readsConsistently() ? s : null;
    }

    /**
     * How the statement running {@code root} locks the rows it reads from {@code store}'s table:
     * null when it does not (a consistent read, or a read of the latest rows).
     */
    static RowLocking rowLocking(DataContext root, TableStore store) {
        return root.get(QueryContext.SESSION) instanceof Session s ? s.rowLocking(store.definition().id()) : null;
    }

    /**
     * Reads the row of the clustered record at {@code rec} of {@code buf} into {@code out} as the
     * statement sees it: the version {@code view} sees when {@code consistent}, else the record
     * itself. Null when there is no such row.
     */
    protected Object[] read(ByteBuffer buf, int rec, boolean consistent, ReadView view, Object[] out) {
        return consistent ? store.readVisible(buf, rec, view, out) : store.readRow(buf, rec, out);
    }

    static ZoneId zoneOf(DataContext root) {
        Object tz = root.get(DataContext.Variable.TIME_ZONE.camelName);
        return tz instanceof TimeZone t ? t.toZoneId() : ZoneId.systemDefault();
    }

    /** Decodes a full stored row (as {@link TableStore#decodeRow} gives it) into output fields. */
    protected Object[] project(Object[] stored, ZoneId zone) {
        Object[] out = new Object[fields.length];
        int n = columns.size();
        for (int i = 0; i < fields.length; i++) {
            int f = fields[i];
            out[i] = f == n ? stored[n] : CalciteValues.fromStored(columns.get(f), stored[f], zone);
        }
        return out;
    }

    /** An enumerator over a clustered-index cursor (a plain one, or a locking read's). */
    final class CursorEnumerator implements Enumerator<Object[]> {
        private final IndexCursor cursor;
        private final ZoneId zone;
        private final boolean consistent;
        private final ReadView view;
        private final Object[] stored;
        private Object[] current;

        CursorEnumerator(IndexCursor cursor, ZoneId zone, boolean consistent, ReadView view) {
            this.cursor = cursor;
            this.zone = zone;
            this.consistent = consistent;
            this.view = view;
            this.stored = new Object[store.rowWidth()];
        }

        @Override
        public Object[] current() {
            return current;
        }

        @Override
        public boolean moveNext() {
            while (cursor.next()) {
                if (read(cursor.buffer(), cursor.record(), consistent, view, stored) != null) {
                    current = project(stored, zone);
                    return true;
                }
            }
            return false;
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            // The cursor holds no latch between calls: nothing to release.
        }
    }
}
