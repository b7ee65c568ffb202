package io.flushdb.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.dict.ColumnType;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.DictionaryException;
import io.flushdb.storage.dict.IndexDef;
import io.flushdb.storage.dict.TableEntry;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.io.StorageIOException;
import io.flushdb.storage.page.CorruptPageException;
import io.flushdb.storage.row.RowTooLargeException;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.space.DataDirectoryInUseException;
import io.flushdb.storage.testing.FaultInjectingFileStore;
import io.flushdb.storage.testing.SeededRandom;
import io.flushdb.storage.testing.Tables;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    @TempDir
    Path dir;

    private static Object[] person(long id) {
        return new Object[] {id, "user" + id + "@example.com", id % 7 == 0 ? null : "city" + (id % 13),
            id % 5 == 0 ? "note " + "x".repeat((int) (id % 300)) : null};
    }

    @Test
    void tablesAndRowsSurviveACleanCloseAndReopen() {
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(4 << 20))) {
            assertTrue(e.created());
            e.dictionary().createDatabase("shop", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("shop")).store();
            for (long id = 0; id < 5000; id++) {
                t.insert(person(id));
            }
            assertEquals(5000, t.check());
        }
        assertTrue(Files.exists(dir.resolve("shop/people.ibd")));
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(4 << 20))) {
            assertFalse(e.created());
            TableEntry entry = e.dictionary().table("shop", "people");
            assertNotNull(entry);
            assertEquals(3, entry.def().indexes().size());
            TableStore t = entry.store();
            assertEquals(5000, t.check());
            Object[] row = new Object[4];
            for (long id = 0; id < 5000; id += 37) {
                assertTrue(t.lookup(new Object[] {id, null, null, null}, row));
                assertArrayEquals(person(id), row);
            }
            assertFalse(t.lookup(new Object[] {99_999L, null, null, null}, row));
            assertThrows(DuplicateKeyException.class, () -> t.insert(new Object[] {9_000L, "USER5@example.com", null, null}),
                    "unique email, case-insensitively");
        }
    }

    @Test
    void hiddenRowIdsAndAutoIncrementContinueAfterReopen() {
        var def = Tables.table("d", "log", List.of(Tables.column("msg", ColumnType.VARCHAR, 50, true)),
                Tables.index(IndexDef.GENERATED_CLUSTERED_NAME, IndexDef.Kind.GENERATED_CLUSTERED));
        try (Engine e = Engine.open(EngineConfig.directory(dir))) {
            e.dictionary().createDatabase("d", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(def).store();
            for (int i = 0; i < 10; i++) {
                Object[] stored = t.insert(new Object[] {"m" + i, null});
                assertEquals((long) i + 1, stored[1], "hidden row id");
            }
            assertEquals(1, t.nextAutoIncrement(1));
            t.observeAutoIncrement(41);
        }
        try (Engine e = Engine.open(EngineConfig.directory(dir))) {
            TableStore t = e.dictionary().table("d", "log").store();
            assertEquals(11L, t.insert(new Object[] {"after", null})[1]);
            assertEquals(42, t.nextAutoIncrement(1), "AUTO_INCREMENT persisted");
            assertEquals(11, t.check());
        }
    }

    @Test
    void aDifferentRedoCapacityAtReopenKeepsTheExistingLogAndSaysSo() {
        try (Engine e = Engine.open(EngineConfig.directory(dir).redoLogCapacity(8L << 20))) {
            assertEquals(8L << 20, e.redoLog().capacity());
        }
        List<String> said = new java.util.ArrayList<>();
        try (Engine e = Engine.open(EngineConfig.directory(dir).redoLogCapacity(16L << 20).messages(said::add))) {
            assertEquals(8L << 20, e.redoLog().capacity(), "the existing ring is kept");
        }
        assertTrue(said.stream().anyMatch(m -> m.contains("innodb_redo_log_capacity") && m.contains("not resized")),
                said::toString);
        said.clear();
        try (Engine e = Engine.open(EngineConfig.directory(dir).messages(said::add))) {
            assertEquals(8L << 20, e.redoLog().capacity());
        }
        assertTrue(said.stream().noneMatch(m -> m.contains("innodb_redo_log_capacity")), "not asked, not told: " + said);
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefused() {
        try (Engine e = Engine.open(EngineConfig.directory(dir))) {
            DataDirectoryInUseException ex = assertThrows(DataDirectoryInUseException.class,
                    () -> Engine.open(EngineConfig.directory(dir)));
            assertTrue(ex.getMessage().contains("in use"), ex.getMessage());
            assertSame(Engine.State.OPEN, e.state());
        }
        Engine.open(EngineConfig.directory(dir)).close(); // released on close
    }

    /**
     * CHECK TABLE on a table whose indexed VARCHAR value moved to overflow pages (the longest value
     * of a record too long for its page): the check compares each row with its secondary entry,
     * which holds the value inline, so it must read the overflow value first. It used to report
     * the healthy table as corrupt ("index ... lacks the entry of row 0").
     */
    @Test
    void checkReadsAnIndexedValueKeptOnOverflowPages() {
        try (Engine e = Engine.open(EngineConfig.memory("overflow-index").pageSize(4096).messages(line -> { }))) {
            e.dictionary().createDatabase("o", Collation.UTF8MB4_0900_AI_CI, false);
            var def = Tables.table("o", "t", List.of(Tables.column("id", ColumnType.BIGINT, 0, false),
                    Tables.column("a", ColumnType.VARCHAR, 1200, false), Tables.column("b", ColumnType.VARCHAR, 1200, true)),
                    Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0), Tables.index("a", IndexDef.Kind.INDEX, 1));
            TableStore t = e.dictionary().createTable(def).store();
            for (long id = 0; id < 20; id++) {
                // About 2,100 bytes: more than half a 4 KiB page, so the longest value, a, moves out.
                t.insert(new Object[] {id, id + "a".repeat(1150), "b".repeat(950)});
            }
            Object[] row = new Object[3];
            assertTrue(t.lookup(new Object[] {7L, null, null}, row));
            assertEquals("7" + "a".repeat(1150), row[1]);
            assertEquals(20, t.check());
        }
    }

    @Test
    void aFailedPageWriteMakesTheEngineRefuseWritesWithTheFirstCause() {
        FaultInjectingFileStore store = new FaultInjectingFileStore(new MemoryFileStore("faulty"));
        Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(1 << 20));
        e.dictionary().createDatabase("f", Collation.UTF8MB4_0900_AI_CI, false);
        e.dictionary().createDatabase("g", Collation.UTF8MB4_0900_AI_CI, false);
        TableStore big = e.dictionary().createTable(Tables.people("g")).store();
        for (long id = 0; id < 5_000; id++) {
            big.insert(person(id)); // several times the 1 MiB pool
        }
        TableStore t = e.dictionary().createTable(Tables.people("f")).store();
        store.failWritesAfter(1, name -> name.endsWith("f/people.ibd"));
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            for (long id = 0; id < 20_000; id++) {
                t.insert(person(id));
            }
        });
        assertTrue(failure instanceof StorageIOException || failure.getCause() instanceof StorageIOException, failure.toString());
        assertSame(Engine.State.FAILED, e.state());
        EngineFailedException refused = assertThrows(EngineFailedException.class, e::checkWritable);
        assertTrue(refused.getCause() instanceof StorageIOException);
        store.heal();
        assertThrows(EngineFailedException.class, e::checkWritable, "sticky even after the device recovers");
        // No page reaches a file any more, not even a dirty victim evicted by a read: it may be
        // half-changed. (Any write that got through would now fail with a StorageIOException.)
        store.failWritesAfter(0, name -> true);
        // The page whose write failed is still dirty. With a scan depth of 1 a read may evict only
        // the LRU tail page, so reading the big table through the small pool brings that page to
        // the tail and makes the reader write it (the page cleaner, which might otherwise have
        // freed clean frames ahead of the reader, stopped at the failure).
        assertTrue(e.bufferPool().totals().modifiedPages() > 0, "the page whose write failed stays dirty");
        e.bufferPool().setLruScanDepth(1);
        assertThrows(EngineFailedException.class, big::check, "reading past the pool needs a dirty page written");
        e.close();
    }

    @Test
    void aCorruptPageIsReportedByAddressAndOtherTablesStayUsable() throws Exception {
        long spaceOfA;
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(2 << 20).doublewrite(false))) {
            e.dictionary().createDatabase("c", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore a = e.dictionary().createTable(Tables.people("c")).store();
            var bdef = Tables.table("c", "b", List.of(Tables.column("id", ColumnType.INT, 0, false)),
                    Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0));
            TableStore b = e.dictionary().createTable(bdef).store();
            for (long id = 0; id < 3000; id++) {
                a.insert(person(id));
            }
            b.insert(new Object[] {1L});
            spaceOfA = a.definition().spaceId();
        }
        try (FileChannel ch = FileChannel.open(dir.resolve("c/people.ibd"), StandardOpenOption.WRITE)) {
            // page 3 of the table; with innodb_doublewrite=OFF nothing can restore it
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 3L * 16384 + 5000);
        }
        try (Engine e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(2 << 20).doublewrite(false))) {
            TableStore a = e.dictionary().table("c", "people").store();
            CorruptPageException ex = assertThrows(CorruptPageException.class, a::check);
            assertEquals(spaceOfA, ex.spaceId());
            assertEquals(3, ex.pageNo());
            Object[] row = new Object[1];
            assertTrue(e.dictionary().table("c", "b").store().lookup(new Object[] {1L}, row));
            assertSame(Engine.State.OPEN, e.state(), "a bad page read does not stop the engine");
        }
    }

    @Test
    void rowOperationsKeepEveryIndexInStepAndAreAtomic() {
        try (Engine e = Engine.open(EngineConfig.memory("rows"))) {
            e.dictionary().createDatabase("r", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("r")).store();
            for (long id = 0; id < 2000; id++) {
                t.insert(person(id));
            }
            // A unique conflict on the second index leaves the row and every index unchanged.
            Object[] old = person(10);
            Object[] clash = person(10);
            clash[1] = "user11@example.com";
            clash[2] = "elsewhere";
            assertThrows(DuplicateKeyException.class, () -> t.update(old, clash));
            assertEquals(2000, t.check());
            Object[] row = new Object[4];
            assertTrue(t.lookup(new Object[] {10L, null, null, null}, row));
            assertArrayEquals(person(10), row);
            // Changing the primary key moves the row.
            Object[] moved = person(10);
            moved[0] = 50_000L;
            t.update(person(10), moved);
            assertFalse(t.lookup(new Object[] {10L, null, null, null}, row));
            assertTrue(t.lookup(new Object[] {50_000L, null, null, null}, row));
            assertEquals(2000, t.check());
            // Deletes remove secondary entries too.
            for (long id = 0; id < 2000; id += 2) {
                if (id != 10) {
                    assertNotNull(t.delete(person(id)));
                }
            }
            assertNull(t.delete(person(0)));
            assertEquals(1001, t.check(), "1000 odd ids and the moved row");
        }
    }

    @Test
    void longValuesGoOffPageAndTooWideRowsAreRefused() {
        try (Engine e = Engine.open(EngineConfig.memory("lobs").bufferPoolSize(8 << 20))) {
            e.dictionary().createDatabase("l", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("l")).store();
            SeededRandom rnd = new SeededRandom();
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 5_000_000) {
                sb.append((char) ('a' + rnd.nextInt(26)));
            }
            String big = sb.toString();
            t.insert(new Object[] {1L, "a@b", "x", big});
            Object[] row = new Object[4];
            assertTrue(t.lookup(new Object[] {1L, null, null, null}, row));
            assertEquals(big, row[3]);
            t.update(row.clone(), new Object[] {1L, "a@b", "x", "small now"});
            assertTrue(t.lookup(new Object[] {1L, null, null, null}, row));
            assertEquals("small now", row[3]);
            assertEquals(1, t.check());

            // Fixed-width values cannot move off page: 1050 BIGINTs do not fit a 16 KiB page's record.
            List<io.flushdb.storage.dict.ColumnDef> cols = new java.util.ArrayList<>();
            for (int i = 0; i < 1050; i++) {
                cols.add(Tables.column("c" + i, ColumnType.BIGINT, 0, false));
            }
            TableStore w = e.dictionary().createTable(Tables.table("l", "wide", cols,
                    Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0))).store();
            Object[] values = new Object[1050];
            java.util.Arrays.fill(values, 1L);
            assertThrows(RowTooLargeException.class, () -> w.insert(values));
            assertEquals(0, w.check());
        }
    }

    @Test
    void ddlCreatesDropsTruncatesAndBuildsIndexes() {
        try (Engine e = Engine.open(EngineConfig.directory(dir))) {
            var d = e.dictionary();
            d.createDatabase("x", Collation.UTF8MB4_0900_AI_CI, false);
            assertThrows(DictionaryException.class, () -> d.createDatabase("x", Collation.UTF8MB4_0900_AI_CI, false));
            assertFalse(d.createDatabase("x", Collation.UTF8MB4_0900_AI_CI, true));
            TableStore t = d.createTable(Tables.people("x")).store();
            DictionaryException exists = assertThrows(DictionaryException.class, () -> d.createTable(Tables.people("x")));
            assertEquals(DictionaryException.Kind.TABLE_EXISTS, exists.kind());
            for (long id = 0; id < 500; id++) {
                t.insert(person(id));
            }
            long v = d.version();
            // A unique index over duplicated values fails and leaves the table as it was.
            assertThrows(DuplicateKeyException.class, () -> d.createIndex("x", "people",
                    Tables.index("u_city", IndexDef.Kind.UNIQUE, 2)));
            assertEquals(3, d.table("x", "people").def().indexes().size());
            TableStore t2 = d.createIndex("x", "people", Tables.index("note_city", IndexDef.Kind.INDEX, 2, 0)).store();
            assertEquals(500, t2.check());
            assertTrue(d.version() > v);
            t2 = d.dropIndex("x", "people", "city").store();
            assertEquals(3, d.table("x", "people").def().indexes().size());
            assertEquals(500, t2.check());
            TableStore t3 = d.truncateTable("x", "people").store();
            assertEquals(0, t3.check());
            t3.insert(person(1));
            d.dropTable("x", "people");
            assertNull(d.table("x", "people"));
            assertFalse(Files.exists(dir.resolve("x/people.ibd")));
            assertEquals(0, d.dropDatabase("x", false));
            assertFalse(Files.exists(dir.resolve("x")));
        }
        try (Engine e = Engine.open(EngineConfig.directory(dir))) {
            assertNull(e.dictionary().database("x"));
        }
    }

    /**
     * A closed engine must become garbage even though this (long-lived) thread ran mini-
     * transactions on it: a per-thread cache of mini-transactions once kept every engine, with
     * its buffer pool, reachable for the thread's life.
     */
    @Test
    void aClosedEngineIsNotKeptAliveByTheThreadsThatUsedIt() {
        java.lang.ref.WeakReference<Engine> ref = openUseAndClose();
        for (int i = 0; i < 50 && ref.get() != null; i++) {
            System.gc();
        }
        assertNull(ref.get(), "the closed engine is still reachable");
    }

    private java.lang.ref.WeakReference<Engine> openUseAndClose() {
        Engine e = Engine.open(EngineConfig.store(new MemoryFileStore("gc")).bufferPoolSize(1 << 20));
        e.dictionary().createDatabase("shop", Collation.UTF8MB4_0900_AI_CI, false);
        TableStore t = e.dictionary().createTable(Tables.people("shop")).store();
        t.insert(person(1));
        // The transactional paths too: undo, row locks, lock inheritance on removal, purge.
        io.flushdb.storage.trx.Transaction reader = e.newTransaction();
        reader.readView();
        io.flushdb.storage.trx.Transaction w = e.newTransaction();
        t.insert(person(2), w);
        t.update(person(1), person(1), w);
        t.delete(person(1), w);
        w.rollback();
        io.flushdb.storage.trx.Transaction c = e.newTransaction();
        t.insert(person(3), c);
        t.delete(person(3), c);
        c.commit();
        reader.commit();
        e.purge().purgeAll();
        e.close();
        return new java.lang.ref.WeakReference<>(e);
    }

    /**
     * An update whose new row cannot be stored (too large even with its long values moved off
     * page) fails before it changes anything: the secondary index still matches the old row.
     */
    @Test
    void anUpdateTooLargeToStoreChangesNoIndex() {
        try (Engine e = Engine.open(EngineConfig.store(new MemoryFileStore("wide")).bufferPoolSize(4 << 20))) {
            e.dictionary().createDatabase("w", Collation.UTF8MB4_0900_AI_CI, false);
            List<io.flushdb.storage.dict.ColumnDef> cols = new java.util.ArrayList<>();
            cols.add(Tables.column("id", ColumnType.BIGINT, 0, false));
            cols.add(Tables.column("k", ColumnType.VARCHAR, 20, false));
            int wide = 1000;
            for (int i = 0; i < wide; i++) {
                cols.add(Tables.column("v" + i, ColumnType.VARCHAR, 255, true));
            }
            TableStore t = e.dictionary().createTable(Tables.table("w", "t", cols,
                    Tables.index(IndexDef.PRIMARY_NAME, IndexDef.Kind.PRIMARY, 0),
                    Tables.index("k", IndexDef.Kind.INDEX, 1))).store();
            Object[] old = new Object[cols.size()];
            old[0] = 1L;
            old[1] = "before";
            t.insert(old.clone());
            Object[] updated = old.clone();
            updated[1] = "after";
            java.util.Arrays.fill(updated, 2, updated.length, "x".repeat(255));
            assertThrows(RowTooLargeException.class, () -> t.update(old.clone(), updated));
            Object[] row = new Object[t.rowWidth()];
            assertTrue(t.lookup(new Object[] {1L, null}, row));
            assertEquals("before", row[1]);
            assertEquals(1, t.check(), "the index on k must still hold the old row's entry");
        }
    }

    /**
     * On a case-insensitive file system, table {@code T}'s file is table {@code t}'s: creating
     * {@code T} must be refused, not clear the "leftover" file and with it t's rows.
     */
    @Test
    void aTableWhoseFileWouldBeAnotherTablesIsRefused() {
        var store = new io.flushdb.storage.testing.CaseInsensitiveFileStore(new MemoryFileStore("ci"));
        try (Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(2 << 20))) {
            e.dictionary().createDatabase("c", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("c")).store();
            for (long id = 0; id < 2_000; id++) {
                t.insert(person(id));
            }
            e.bufferPool().flushAll(); // the rows are in the file, not only in the pool
            var upper = Tables.table("c", "PEOPLE", Tables.people("c").columns(),
                    Tables.people("c").indexes().toArray(new IndexDef[0]));
            DictionaryException refused = assertThrows(DictionaryException.class, () -> e.dictionary().createTable(upper));
            assertEquals(DictionaryException.Kind.TABLE_EXISTS, refused.kind());
            assertEquals(2_000, t.check());
        }
    }
}
