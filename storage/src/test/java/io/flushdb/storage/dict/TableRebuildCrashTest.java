package io.flushdb.storage.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.CrashingFileStore;
import io.flushdb.storage.testing.Tables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Table rebuilds (ALTER TABLE's copy) and renames: the result survives a reopen, a failed copy
 * changes nothing, and a power failure at any file force during the DDL leaves, after recovery,
 * exactly the old table or the new one with all its rows (RB1-RB5, RN1-RN2).
 */
class TableRebuildCrashTest {
    private static final int ROWS = 300;

    private static Object[] person(long id) {
        return new Object[] {id, "user" + id + "@example.com", id % 7 == 0 ? null : "city" + (id % 13),
            id % 5 == 0 ? "note " + "x".repeat((int) (id % 300)) : null};
    }

    /** people with a fifth column {@code score INT NULL} and no index on city. */
    private static TableDef widened() {
        TableDef p = Tables.people("x");
        List<ColumnDef> cols = new ArrayList<>(p.columns());
        cols.add(Tables.column("score", ColumnType.INT, 0, true));
        return Tables.table("x", "people", cols, Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0),
                Tables.index("email", IndexDef.Kind.UNIQUE, 1));
    }

    private static final Dictionary.RowCopier ADD_SCORE = new Dictionary.RowCopier() {
        @Override
        public Object[] convert(Object[] old) {
            return new Object[] {old[0], old[1], old[2], old[3], (Long) old[0] * 2};
        }

        @Override
        public long autoIncrement(long oldCounter) {
            return oldCounter;
        }
    };

    private static void setUp(Engine e) {
        Dictionary d = e.dictionary();
        d.createDatabase("x", Collation.UTF8MB4_0900_AI_CI, false);
        TableStore t = d.createTable(Tables.people("x")).store();
        for (long id = 0; id < ROWS; id++) {
            t.insert(person(id));
        }
        d.createDatabase("y", Collation.UTF8MB4_0900_AI_CI, false); // DDL forces the redo of the rows too
    }

    private static List<Object[]> rows(TableStore t) {
        List<Object[]> out = new ArrayList<>();
        BTreeCursor c = t.scan();
        c.seekFirst();
        while (c.next()) {
            out.add(t.decodeRow(c.buffer(), c.record(), null, true));
        }
        return out;
    }

    /** The table is there once, old or new, with every row and consistent indexes; returns whether new. */
    private static boolean checkRebuilt(Engine e) {
        TableEntry t = e.dictionary().table("x", "people");
        assertNotNull(t);
        assertEquals(ROWS, t.store().check());
        boolean rebuilt = t.def().columns().size() == 5;
        List<Object[]> rows = rows(t.store());
        assertEquals(ROWS, rows.size());
        for (int i = 0; i < ROWS; i++) {
            Object[] want = person(i);
            for (int c = 0; c < 4; c++) {
                assertEquals(want[c], rows.get(i)[c]);
            }
            if (rebuilt) {
                assertEquals((long) i * 2, ((Number) rows.get(i)[4]).longValue());
            }
        }
        assertEquals(rebuilt ? 2 : 3, t.def().indexes().size());
        assertTrue(e.dictionary().tables("x").size() == 1);
        return rebuilt;
    }

    private static boolean checkRenamed(Engine e) {
        TableEntry before = e.dictionary().table("x", "people");
        TableEntry after = e.dictionary().table("y", "members");
        assertTrue(before == null ^ after == null, "exactly one of the two names");
        TableEntry t = before != null ? before : after;
        assertEquals(ROWS, t.store().check());
        assertEquals(ROWS, rows(t.store()).size());
        return after != null;
    }

    @Test
    void rebuildAndRenameSurviveReopen() {
        MemoryFileStore store = new MemoryFileStore("rebuild");
        try (Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(4 << 20))) {
            setUp(e);
            long v = e.dictionary().version();
            e.dictionary().rebuildTable("x", "people", widened(), ADD_SCORE);
            assertTrue(e.dictionary().version() > v);
            assertTrue(checkRebuilt(e));
            e.dictionary().renameTable("x", "people", "y", "members");
            assertTrue(checkRenamed(e));
            assertFalse(store.exists("x/people.ibd"));
            assertTrue(store.exists("y/members.ibd"));
        }
        try (Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(4 << 20))) {
            assertTrue(checkRenamed(e));
            TableEntry t = e.dictionary().table("y", "members");
            assertEquals(5, t.def().columns().size());
            assertTrue(store.list("x").isEmpty(), "no file left in x: " + store.list("x"));
            assertEquals(List.of("members.ibd"), store.list("y"));
        }
    }

    @Test
    void failedCopyLeavesTheTableAsItWas() {
        MemoryFileStore store = new MemoryFileStore("rebuild-fails");
        try (Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(4 << 20))) {
            setUp(e);
            TableDef p = Tables.people("x");
            // A unique index on city meets duplicates while the copy is filled.
            TableDef dupCity = Tables.table("x", "people", p.columns(),
                    Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0),
                    Tables.index("city", IndexDef.Kind.UNIQUE, 2));
            Dictionary.RowCopier same = new Dictionary.RowCopier() {
                @Override
                public Object[] convert(Object[] old) {
                    return old.clone();
                }

                @Override
                public long autoIncrement(long oldCounter) {
                    return oldCounter;
                }
            };
            long v = e.dictionary().version();
            assertThrows(DuplicateKeyException.class, () -> e.dictionary().rebuildTable("x", "people", dupCity, same));
            assertEquals(v, e.dictionary().version());
            assertFalse(checkRebuilt(e));
            assertEquals(List.of("people.ibd"), store.list("x"));
        }
    }

    private static void crashEverywhere(String name, Consumer<Engine> ddl, java.util.function.Predicate<Engine> check) {
        int sawOld = 0;
        int sawNew = 0;
        for (int n = 1; ; n++) {
            CrashingFileStore store = new CrashingFileStore(name + n);
            boolean crashed;
            Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(4 << 20).messages(line -> { }));
            try {
                setUp(e);
                store.arm(CrashingFileStore.CrashPoint.force("", CrashingFileStore.Phase.BEFORE).nth(n));
                try {
                    ddl.accept(e);
                    crashed = false;
                } catch (CrashingFileStore.SimulatedCrash c) {
                    crashed = true;
                }
            } finally {
                store.disarm();
                if (!store.crashed()) {
                    store.crashNow();
                }
                try {
                    e.close();
                } catch (Throwable ignored) {
                    // the "process" died: closing fails on the crashed store
                }
            }
            FileStore after = store.afterPowerLoss();
            try (Engine r = Engine.open(EngineConfig.store(after).bufferPoolSize(4 << 20).messages(line -> { }))) {
                if (check.test(r)) {
                    sawNew++;
                } else {
                    sawOld++;
                }
            }
            if (!crashed) {
                break;
            }
            assertTrue(n < 500, "the DDL never finished");
        }
        assertTrue(sawOld > 0 && sawNew > 0, "old " + sawOld + ", new " + sawNew);
    }

    @Test
    void powerFailureDuringRebuildLeavesOldOrNewTable() {
        crashEverywhere("rebuild-crash", e -> e.dictionary().rebuildTable("x", "people", widened(), ADD_SCORE),
                TableRebuildCrashTest::checkRebuilt);
    }

    @Test
    void powerFailureDuringRenameLeavesOneName() {
        crashEverywhere("rename-crash", e -> e.dictionary().renameTable("x", "people", "y", "members"),
                TableRebuildCrashTest::checkRenamed);
    }

    @Test
    void temporaryNamesNeverCollideWithTables() {
        assertFalse(io.flushdb.storage.space.DataDirectory.tableFile("x", "#sql-ib5")
                .equals(Dictionary.temporaryFile("x", 5)));
    }
}
