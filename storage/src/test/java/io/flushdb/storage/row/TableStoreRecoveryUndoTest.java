package io.flushdb.storage.row;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.ExternalRef;
import io.flushdb.storage.btree.OverflowStore;
import io.flushdb.storage.btree.RecordLayout;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.Tables;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TableStore#undoForRecovery} from the states a crash can leave a row change in: nothing of
 * it applied, each prefix of its index changes, all of it, and all of it followed by each prefix of
 * a rollback that was in progress. Each state is undone twice, and after each time the table holds
 * exactly its other rows and {@code before}, with index entries that match byte for byte.
 */
class TableStoreRecoveryUndoTest {
    private static final String DB = "d";
    private Engine engine;
    private int tableCount;
    private int lob;

    @BeforeEach
    void open() {
        engine = Engine.open(EngineConfig.memory("undo").bufferPoolSize(16 << 20));
        engine.dictionary().createDatabase(DB, Collation.UTF8MB4_0900_AI_CI, false);
        lob = 3 * OverflowStore.capacity(engine.pageSize()) + 100;
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private record State(String name, Consumer<TableStore> apply) {
    }

    private TableStore create(BiFunction<String, String, TableDef> def) {
        return engine.dictionary().createTable(def.apply(DB, "t" + tableCount++)).store();
    }

    private void drop(TableStore t) {
        engine.dictionary().dropTable(DB, t.definition().name());
    }

    private static Object[] copy(Object[] row) {
        return row == null ? null : row.clone();
    }

    // ---- tables and rows -------------------------------------------------------------------------

    private Object[] person(long id, String email, String city, String note) {
        return new Object[] {id, email, city, note};
    }

    private List<Object[]> people() {
        List<Object[]> rows = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            rows.add(person(id, "user" + id + "@example.com", id % 4 == 0 ? null : "city" + (id % 3),
                    id % 5 == 0 ? UndoTables.text(id == 10 ? lob : 200, (int) id) : null));
        }
        return rows;
    }

    private Object[] peopleRow(long id) {
        return people().get((int) id - 1);
    }

    // ---- the runner ------------------------------------------------------------------------------

    /**
     * Undoes the change {@code before -> after} of a table holding {@code base} (and {@code before})
     * from every state, twice, checking the table each time.
     */
    private void undoFromEveryState(BiFunction<String, String, TableDef> def, List<Object[]> base, Object[] before,
                                    Object[] after) {
        TableStore probe = create(def);
        List<State> states = states(probe, before, after);
        drop(probe);
        assertTrue(states.size() >= 2);
        for (State state : states) {
            TableStore t = create(def);
            for (Object[] r : base) {
                t.insert(copy(r));
            }
            if (before != null) {
                t.insert(copy(before));
            }
            long pages = pagesInUse(t);
            state.apply.accept(t);
            t.undoForRecovery(copy(before), copy(after));
            verify(t, base, before, state.name + ", undone once");
            long once = pagesInUse(t);
            t.undoForRecovery(copy(before), copy(after));
            verify(t, base, before, state.name + ", undone twice");
            if (state.name.equals("nothing applied") || state.name.equals("all applied")) {
                // From a state the running engine produces, nothing leaks: the chains of the
                // records undone are freed. (Crash states may leak chains written or left over.)
                assertEquals(pages, once, state.name + ": pages in use");
            }
            assertEquals(once, pagesInUse(t), state.name + ": pages in use after the second undo");
            drop(t);
        }
    }

    private List<State> states(TableStore p, Object[] before, Object[] after) {
        List<State> out = new ArrayList<>();
        out.add(new State("nothing applied", t -> { }));
        out.addAll(partial(p, before, after, "crashed in the change"));
        out.add(new State("all applied", t -> complete(t, before, after)));
        for (State s : partial(p, after, before, "crashed in its rollback")) {
            out.add(new State("all applied, " + s.name, t -> {
                complete(t, before, after);
                s.apply.accept(t);
            }));
        }
        return out;
    }

    /** What the running engine does for the change. */
    private static void complete(TableStore t, Object[] before, Object[] after) {
        if (before == null) {
            t.insert(copy(after));
        } else if (after == null) {
            assertNotNull(t.delete(copy(before)));
        } else {
            t.update(copy(before), copy(after));
        }
    }

    /**
     * The states the change {@code from -> to} passes through, index change by index change, in
     * the order {@code TableStore} makes them (insert: clustered then each secondary; delete:
     * clustered, each secondary, then the overflow chains; update: for each changed secondary the
     * old entry out and the new one in, then the clustered record; a changed key: delete, insert).
     */
    private List<State> partial(TableStore p, Object[] from, Object[] to, String what) {
        int n = p.secondaryCount();
        List<State> out = new ArrayList<>();
        if (from == null) {
            for (int k = 0; k < n; k++) {
                int kk = k;
                out.add(new State(what + ": inserted with " + k + " secondary entries",
                        t -> insertPartially(t, to, kk)));
            }
        } else if (to == null) {
            for (int k = 0; k <= n; k++) {
                int kk = k;
                out.add(new State(what + ": deleted with " + k + " secondary entries gone",
                        t -> deletePartially(t, from, kk)));
            }
        } else if (!sameKey(p, from, to)) {
            for (int k = 0; k <= n; k++) {
                int kk = k;
                out.add(new State(what + ": key change, deleted with " + k + " secondary entries gone",
                        t -> deletePartially(t, from, kk)));
            }
            for (int k = 0; k < n; k++) {
                int kk = k;
                out.add(new State(what + ": key change, deleted, inserted with " + k + " secondary entries", t -> {
                    deletePartially(t, from, n);
                    insertPartially(t, to, kk);
                }));
            }
        } else {
            int[] changed = changedSecondaries(p, from, to);
            for (int k = 1; k <= 2 * changed.length; k++) {
                int kk = k;
                out.add(new State(what + ": update, " + k + " secondary changes of " + 2 * changed.length, t -> {
                    for (int j = 0; j < kk; j++) {
                        if (j % 2 == 0) {
                            deleteEntry(t, changed[j / 2], from);
                        } else {
                            insertEntry(t, changed[j / 2], to);
                        }
                    }
                }));
            }
        }
        return out;
    }

    private static void insertPartially(TableStore t, Object[] row, int secondaries) {
        t.insert(copy(row));
        for (int i = secondaries; i < t.secondaryCount(); i++) {
            deleteEntry(t, i, row);
        }
    }

    /** The clustered record and the first {@code secondaries} entries deleted; chains not freed. */
    private static void deletePartially(TableStore t, Object[] row, int secondaries) {
        deleteClustered(t, row);
        for (int i = 0; i < secondaries; i++) {
            deleteEntry(t, i, row);
        }
    }

    private static boolean sameKey(TableStore t, Object[] a, Object[] b) {
        ByteBuffer x = ByteBuffer.allocate(t.clusteredIndex().keyLayout().fieldCount() * 100 + 100);
        ByteBuffer y = ByteBuffer.allocate(x.capacity());
        int lx = t.encodeKey(a, x);
        int ly = t.encodeKey(b, y);
        return x.slice(0, lx).equals(y.slice(0, ly));
    }

    private static int[] changedSecondaries(TableStore t, Object[] a, Object[] b) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.secondaryCount(); i++) {
            if (!Arrays.equals(entry(t, i, a), entry(t, i, b))) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    // ---- direct tree operations ------------------------------------------------------------------

    private static byte[] entry(TableStore t, int i, Object[] row) {
        ByteBuffer b = ByteBuffer.allocate(16384);
        int len = t.encodeSecondary(i, row, b);
        return Arrays.copyOf(b.array(), len);
    }

    private static void insertEntry(TableStore t, int i, Object[] row) {
        byte[] e = entry(t, i, row);
        t.secondaryIndex(i).insert(ByteBuffer.wrap(e), e.length);
    }

    private static void deleteEntry(TableStore t, int i, Object[] row) {
        BTree sec = t.secondaryIndex(i);
        assertTrue(sec.delete(ByteBuffer.wrap(entry(t, i, row)), sec.leafLayout(), null), "entry to delete");
    }

    private static void deleteClustered(TableStore t, Object[] row) {
        ByteBuffer k = ByteBuffer.allocate(16384);
        t.encodeKey(row, k);
        assertTrue(t.clusteredIndex().delete(k, t.clusteredIndex().keyLayout(), null), "record to delete");
    }

    // ---- checking --------------------------------------------------------------------------------

    /** The table holds exactly {@code base} and {@code before}, and each index their entries. */
    private static void verify(TableStore t, List<Object[]> base, Object[] before, String label) {
        List<Object[]> expected = new ArrayList<>(base);
        if (before != null) {
            expected.add(before);
        }
        assertEquals(expected.size(), t.check(), label + ": rows");
        verifyContent(t, expected, label);
    }

    /** Rows and index entries, byte for byte (collations may call different values equal). */
    private static void verifyContent(TableStore t, List<Object[]> expected, String label) {
        List<String> clustered = new ArrayList<>();
        BTreeCursor c = t.scan();
        c.seekFirst();
        while (c.next()) {
            clustered.add(Arrays.deepToString(t.decodeRow(c.buffer(), c.record(), null, true)));
        }
        Object[] out = new Object[t.rowWidth()];
        List<String> wanted = new ArrayList<>();
        for (Object[] r : expected) {
            assertTrue(t.lookupForChange(r, out), label + ": row " + Arrays.deepToString(r) + " is missing");
            assertArrayEquals(r, out, label);
            wanted.add(Arrays.deepToString(r));
        }
        assertEquals(sorted(wanted), sorted(clustered), label + ": rows");
        for (int i = 0; i < t.secondaryCount(); i++) {
            List<String> want = new ArrayList<>();
            for (Object[] r : expected) {
                want.add(HexFormat.of().formatHex(entry(t, i, r)));
            }
            assertEquals(sorted(want), entries(t.secondaryIndex(i)), label + ": entries of " + t.secondaryIndex(i));
        }
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    private static List<String> entries(BTree tree) {
        List<String> out = new ArrayList<>();
        BTreeCursor c = tree.cursor();
        c.seekFirst();
        while (c.next()) {
            ByteBuffer b = c.buffer();
            byte[] e = new byte[RecordLayout.length(b, c.record())];
            b.get(c.record(), e);
            out.add(HexFormat.of().formatHex(e));
        }
        return sorted(out);
    }

    private long pagesInUse(TableStore t) {
        BufferFrame h = engine.bufferPool().getPage(PageId.of(t.definition().spaceId(), 0), LatchMode.SHARED);
        try {
            return PageAllocator.size(h) - PageAllocator.freeCount(h);
        } finally {
            engine.bufferPool().release(h, LatchMode.SHARED);
        }
    }

    // ---- the cases: people (PK, unique and plain secondary, TEXT) ------------------------------

    @Test
    void insertWithALongValue() {
        undoFromEveryState(UndoTables::people, people(), null,
                person(100, "new@example.com", "city9", UndoTables.text(lob, 3)));
    }

    @Test
    void deleteOfARowWithALongValue() {
        List<Object[]> base = people();
        Object[] gone = base.remove(9);
        assertEquals(lob, ((String) gone[3]).length());
        undoFromEveryState(UndoTables::people, base, gone, null);
    }

    @Test
    void deleteWithNulls() {
        List<Object[]> base = people();
        Object[] gone = base.remove(3);
        undoFromEveryState(UndoTables::people, base, gone, null);
    }

    @Test
    void updateOfEverySecondaryAndTheLongValueUnderTheSameKey() {
        List<Object[]> base = people();
        Object[] before = base.remove(9);
        undoFromEveryState(UndoTables::people, base, before,
                person(10, "changed@example.com", "elsewhere", UndoTables.text(lob + 5000, 77)));
    }

    @Test
    void updateToAndFromNullsAndALongValue() {
        List<Object[]> base = people();
        Object[] before = base.remove(3);
        undoFromEveryState(UndoTables::people, base, before, person(4, "user4@example.com", "city1",
                UndoTables.text(lob, 1)));
        base = people();
        before = base.remove(9);
        undoFromEveryState(UndoTables::people, base, before, person(10, "user10@example.com", null, null));
    }

    @Test
    void updateThatChangesNoSecondary() {
        List<Object[]> base = people();
        Object[] before = base.remove(4);
        undoFromEveryState(UndoTables::people, base, before, person(5, (String) before[1], (String) before[2],
                "a new note"));
    }

    @Test
    void updateThatChangesOnlyTheCaseOfAUniqueValue() {
        List<Object[]> base = people();
        Object[] before = base.remove(5);
        undoFromEveryState(UndoTables::people, base, before,
                person(6, "USER6@EXAMPLE.COM", "CITY0", (String) before[3]));
    }

    @Test
    void updateOfThePrimaryKey() {
        List<Object[]> base = people();
        Object[] before = base.remove(9);
        undoFromEveryState(UndoTables::people, base, before,
                person(500, "moved@example.com", (String) before[2], UndoTables.text(300, 5)));
    }

    @Test
    void updateOfThePrimaryKeyKeepingTheUniqueValue() {
        List<Object[]> base = people();
        Object[] before = base.remove(1);
        undoFromEveryState(UndoTables::people, base, before,
                person(0, (String) before[1], (String) before[2], (String) before[3]));
    }

    // ---- the other tables ----------------------------------------------------------------------

    @Test
    void everyColumnTypeInsertUpdateAndDelete() {
        List<Object[]> base = new ArrayList<>();
        for (int id = 1; id <= 8; id++) {
            base.add(id % 3 == 0 ? UndoTables.allTypesNullRow(id) : UndoTables.allTypesRow(id, id, 50 * id));
        }
        undoFromEveryState(UndoTables::allTypes, base, null, UndoTables.allTypesRow(20, 20, lob));
        undoFromEveryState(UndoTables::allTypes, base, UndoTables.allTypesRow(20, 20, lob),
                UndoTables.allTypesRow(20, 21, lob + 1));
        undoFromEveryState(UndoTables::allTypes, base, UndoTables.allTypesRow(20, 20, lob),
                UndoTables.allTypesNullRow(20));
        undoFromEveryState(UndoTables::allTypes, base, UndoTables.allTypesNullRow(20),
                UndoTables.allTypesRow(21, 22, 10));
        undoFromEveryState(UndoTables::allTypes, base, UndoTables.allTypesRow(20, 23, lob), null);
    }

    @Test
    void tableWithoutPrimaryKey() {
        List<Object[]> base = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            base.add(new Object[] {id % 2 == 0 ? null : "m" + (id % 3), id, UndoTables.bytes(id == 5 ? lob : 10, 1),
                id});
        }
        undoFromEveryState(UndoTables::noPrimaryKey, base, null,
                new Object[] {"inserted", 77L, UndoTables.bytes(lob, 2), 11L});
        List<Object[]> rest = new ArrayList<>(base);
        Object[] five = rest.remove(4);
        undoFromEveryState(UndoTables::noPrimaryKey, rest, five, null);
        undoFromEveryState(UndoTables::noPrimaryKey, rest, five, new Object[] {"m2", 500L, null, 5L});
        undoFromEveryState(UndoTables::noPrimaryKey, rest, five, new Object[] {"M1", 5L, UndoTables.bytes(9, 9), 5L});
    }

    @Test
    void compositeKeyAndAUniqueIndexHoldingTheWholeKey() {
        List<Object[]> base = new ArrayList<>();
        for (long b = 1; b <= 12; b++) {
            base.add(new Object[] {"k" + b % 4, b, b % 3 == 0 ? null : "c" + b});
        }
        List<Object[]> rest = new ArrayList<>(base);
        Object[] six = rest.remove(5);
        undoFromEveryState(UndoTables::compositeKey, base, null, new Object[] {"new", 6L, "c"});
        undoFromEveryState(UndoTables::compositeKey, rest, six, null);
        // The key changes only in case: the primary key "changed" (delete and insert), yet both
        // rows have one key under the collation.
        undoFromEveryState(UndoTables::compositeKey, rest, six, new Object[] {"K2", 6L, "c6"});
        undoFromEveryState(UndoTables::compositeKey, rest, six, new Object[] {"k2", 60L, "other"});
        undoFromEveryState(UndoTables::compositeKey, rest, six, new Object[] {"k2", 6L, "now set"});
        // An update that changes nothing.
        undoFromEveryState(UndoTables::compositeKey, rest, six, six.clone());
    }

    // ---- particular states -------------------------------------------------------------------

    @Test
    void strayEntriesOfTheNewRowAreRemovedEvenWithoutItsRecord() {
        TableStore t = create(UndoTables::people);
        Object[] before = person(1, "a@x", "c1", null);
        Object[] after = person(1, "b@x", "c2", null);
        t.insert(copy(before));
        // An update whose secondaries were switched, and then an undo that restored the clustered
        // record... as the old row, but left the new entries: both rows' entries are present.
        insertEntry(t, 0, after);
        insertEntry(t, 1, after);
        t.undoForRecovery(copy(before), copy(after));
        verify(t, List.of(), before, "stray entries");
    }

    @Test
    void anOldRecordWithTheNewEntriesIsReplaced() {
        // The clustered record with the key holds the old row while the secondary entries are the
        // new row's: the entries of the record as stored are removed (ignoring missing ones) and
        // the before image is put back.
        TableStore t = create(UndoTables::people);
        Object[] before = person(1, "a@x", "c1", UndoTables.text(lob, 1));
        Object[] after = person(1, "b@x", null, null);
        t.insert(copy(before));
        for (int i = 0; i < 2; i++) {
            deleteEntry(t, i, before);
            insertEntry(t, i, after);
        }
        long pages = pagesInUse(t);
        t.undoForRecovery(copy(before), copy(after));
        verify(t, List.of(), before, "old record, new entries");
        assertEquals(pages, pagesInUse(t), "the chain of the record removed is freed, one as long written");
    }

    @Test
    void aNewRecordWithTheOldEntriesIsReplaced() {
        TableStore t = create(UndoTables::people);
        Object[] before = person(1, "a@x", "c1", UndoTables.text(lob, 1));
        Object[] after = person(1, "b@x", "c2", UndoTables.text(lob, 2));
        t.insert(person(2, "two@x", "c1", null));
        t.insert(copy(before));
        long pages = pagesInUse(t);
        t.update(copy(before), copy(after));
        for (int i = 0; i < 2; i++) {
            deleteEntry(t, i, after);
            insertEntry(t, i, before);
        }
        for (int n = 1; n <= 2; n++) {
            t.undoForRecovery(copy(before), copy(after));
            verify(t, List.<Object[]>of(person(2, "two@x", "c1", null)), before, "new record, old entries, " + n);
            assertEquals(pages, pagesInUse(t), "the new row's chain is freed, the old row's rewritten");
        }
    }

    @Test
    void theEntriesOfTheRecordAsStoredGoWithIt() {
        // Neither image: what is removed is what the record with the key holds, and its entries.
        TableStore t = create(UndoTables::people);
        Object[] stored = person(1, "stored@x", "cs", UndoTables.text(lob, 4));
        Object[] before = person(1, "before@x", "cb", null);
        Object[] after = person(1, "after@x", "ca", "short");
        t.insert(person(2, "two@x", "cs", null));
        t.insert(copy(stored));
        long pages = pagesInUse(t);
        t.undoForRecovery(copy(before), copy(after));
        verifyContent(t, List.of(person(2, "two@x", "cs", null), before), "stored record replaced");
        assertEquals(2, t.check());
        assertTrue(pagesInUse(t) <= pages - 3, "the stored record's chain is freed");
    }

    @Test
    void undoOfAnInsertFreesItsChainsAndAnotherUndoChangesNothing() {
        TableStore t = create(UndoTables::people);
        long empty = pagesInUse(t);
        Object[] row = person(1, "a@x", "c1", UndoTables.text(5 * OverflowStore.capacity(engine.pageSize()), 1));
        t.insert(copy(row));
        assertTrue(pagesInUse(t) >= empty + 5);
        t.undoForRecovery(null, copy(row));
        assertEquals(empty, pagesInUse(t));
        t.undoForRecovery(null, copy(row));
        assertEquals(empty, pagesInUse(t));
        assertEquals(0, t.check());
        // The freed pages are reusable: the free list is sound.
        t.insert(copy(row));
        assertEquals(1, t.check());
        verifyContent(t, List.<Object[]>of(row), "reinserted");
    }

    @Test
    void undoIsNotCountedAsRowOperations() {
        TableStore t = create(UndoTables::people);
        t.insert(person(1, "a@x", "c1", null));
        var counters = engine.counters();
        long ins = counters.rowsInserted.sum();
        long upd = counters.rowsUpdated.sum();
        long del = counters.rowsDeleted.sum();
        long read = counters.rowsRead.sum();
        t.undoForRecovery(person(1, "a@x", "c1", null), person(1, "b@x", "c1", null));
        t.undoForRecovery(null, person(1, "a@x", "c1", null));
        t.undoForRecovery(person(2, "b@x", null, null), null);
        assertEquals(ins, counters.rowsInserted.sum());
        assertEquals(upd, counters.rowsUpdated.sum());
        assertEquals(del, counters.rowsDeleted.sum());
        assertEquals(read, counters.rowsRead.sum());
    }

    @Test
    void refusesRowsThatDoNotFitTheTable() {
        TableStore t = create(UndoTables::people);
        assertThrows(IllegalArgumentException.class, () -> t.undoForRecovery(null, null));
        assertThrows(IllegalArgumentException.class, () -> t.undoForRecovery(new Object[] {1L, "a", null}, null));
        TableStore h = create(UndoTables::noPrimaryKey);
        assertThrows(IllegalArgumentException.class,
                () -> h.undoForRecovery(null, new Object[] {"m", 1L, null, null}));
        assertEquals(0, t.check());
        assertEquals(0, h.check());
    }

    /**
     * A row put back after a restart may have the largest hidden row id, which the counter loaded
     * at open did not see: the next row gets a larger one.
     */
    @Test
    void aRowPutBackKeepsTheHiddenRowIdCounterAboveIt(@TempDir Path dir) {
        engine.close();
        Object[] last;
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(4 << 20))) {
            e.dictionary().createDatabase(DB, Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(UndoTables.noPrimaryKey(DB, "h")).store();
            t.insert(new Object[] {"a", 1L, null, null});
            t.insert(new Object[] {"b", 2L, null, null});
            last = t.insert(new Object[] {"c", 3L, null, null});
            assertEquals(3L, last[3]);
            t.delete(last.clone());
        }
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(4 << 20))) {
            TableStore t = e.dictionary().table(DB, "h").store();
            t.undoForRecovery(last.clone(), null);
            Object[] next = t.insert(new Object[] {"d", 4L, null, null});
            assertEquals(4L, next[3]);
            assertEquals(4, t.check());
            Object[] out = new Object[4];
            assertTrue(t.lookupForChange(last, out));
            assertArrayEquals(last, out);
        }
        engine = Engine.open(EngineConfig.memory("again"));
    }

    /**
     * An indexed column can be moved off page in the clustered record (the longest value goes
     * first when a record is too long), while its secondary entry holds it inline: the entries of
     * the record as stored are computed from the full value.
     */
    @Test
    void anIndexedValueStoredOffPage() {
        TableDef def = Tables.table(DB, "wide", List.of(
                        Tables.column("id", ColumnType.BIGINT, 0, false),
                        Tables.column("k", ColumnType.VARCHAR, 700, true),
                        Tables.column("v1", ColumnType.VARCHAR, 3000, true),
                        Tables.column("v2", ColumnType.VARCHAR, 3000, true),
                        Tables.column("v3", ColumnType.VARCHAR, 3000, true)),
                Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0),
                Tables.index("k", IndexDef.Kind.INDEX, 1));
        TableStore t = engine.dictionary().createTable(def).store();
        String k = "é".repeat(1500); // 3000 bytes, the longest value of the record
        Object[] row = {1L, k, "x".repeat(2900), "y".repeat(2900), "z".repeat(2900)};
        t.insert(copy(row));
        ByteBuffer key = ByteBuffer.allocate(100);
        t.encodeKey(row, key);
        boolean[] external = new boolean[1];
        assertTrue(t.clusteredIndex().find(key, t.clusteredIndex().keyLayout(), 1, (p, r) ->
                external[0] = t.decodeRow(p, r, null, false)[1] instanceof ExternalRef));
        assertTrue(external[0], "the indexed value is off page in the clustered record");
        verifyContent(t, List.<Object[]>of(row), "inserted");
        Object[] after = {1L, "k".repeat(10), "x", null, "z".repeat(2900)};
        t.update(copy(row), copy(after));
        // The clustered record has the new row, the secondary entry the old one. (Checked with
        // verifyContent only: TableStore.check() encodes an off-page indexed value as its overflow
        // reference and reports the entry of such a row missing.)
        deleteEntry(t, 0, after);
        insertEntry(t, 0, row);
        t.undoForRecovery(copy(row), copy(after));
        verifyContent(t, List.<Object[]>of(row), "undone once");
        t.undoForRecovery(copy(row), copy(after));
        verifyContent(t, List.<Object[]>of(row), "undone twice");
        // A record as stored that is neither image: its entry is computed from its off-page value.
        Object[] before = {1L, "before", null, null, null};
        t.undoForRecovery(copy(before), new Object[] {1L, "after", null, null, null});
        verifyContent(t, List.<Object[]>of(before), "stored record replaced");
        assertEquals(1, t.check());
    }
}
