package io.flushdb.storage.trx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.BTree;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.btree.DuplicateKeyException;
import io.flushdb.storage.buffer.BufferFrame;
import io.flushdb.storage.buffer.LatchMode;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.page.PageId;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.space.PageAllocator;
import io.flushdb.storage.testing.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transactions over undo pages: rollback, savepoints, row atomicity, consistent reads of old
 * versions, purge, and the rollback of unfinished transactions at the next open.
 */
class TransactionTest {
    @TempDir
    Path dir;

    private Engine e;
    private TableStore t;

    @BeforeEach
    void open() {
        e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(8 << 20));
        e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
        t = e.dictionary().createTable(Tables.people("db")).store();
    }

    @AfterEach
    void close() {
        if (e != null) {
            e.close();
        }
    }

    private static Object[] person(long id, String city) {
        return new Object[] {id, "user" + id + "@example.com", city, id % 3 == 0 ? "note " + "x".repeat(20_000) : null};
    }

    private void commitInserts(long from, long to) {
        Transaction trx = e.newTransaction();
        for (long id = from; id < to; id++) {
            t.insert(person(id, "c" + id), trx);
        }
        trx.commit();
    }

    /** Live rows in primary key order, as a plain (non-versioned) read sees them. */
    private List<Object[]> rows() {
        List<Object[]> out = new ArrayList<>();
        BTreeCursor c = t.scan();
        c.seekFirst();
        while (c.next()) {
            out.add(t.decodeRow(c.buffer(), c.record(), null, true));
        }
        return out;
    }

    /** Rows as {@code view} sees them. */
    private List<Object[]> rows(ReadView view) {
        List<Object[]> out = new ArrayList<>();
        BTreeCursor c = t.scan();
        c.setIncludeDeleted(true);
        c.seekFirst();
        while (c.next()) {
            Object[] r = t.readVisible(c.buffer(), c.record(), view, new Object[t.rowWidth()]);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** Every clustered record, delete-marked ones included. */
    private long allRecords(BTree tree) {
        BTreeCursor c = tree.cursor();
        c.setIncludeDeleted(true);
        c.seekFirst();
        long n = 0;
        while (c.next()) {
            n++;
        }
        return n;
    }

    private static void assertRowsEqual(List<Object[]> expected, List<Object[]> actual) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    @Test
    void rollbackRestoresInsertsUpdatesAndDeletesAndFreesTheLog() {
        commitInserts(1, 11);
        List<Object[]> before = rows();
        Transaction trx = e.newTransaction();
        t.insert(person(100, "new"), trx);
        t.update(before.get(0).clone(), person(1, "moved"), trx);
        t.update(before.get(2).clone(), person(3, "moved too"), trx); // row 3 has an overflow note
        t.delete(new Object[] {5L, null, null, null}, trx);
        Object[] changedKey = person(7, "c7");
        changedKey[0] = 70L;
        t.update(before.get(6).clone(), changedKey, trx);
        assertTrue(trx.hasChanges());
        assertNotEquals(before.size(), rows().size() - 1, "the changes are in place before the rollback");
        trx.rollback();
        assertRowsEqual(before, rows());
        assertEquals(10, t.check());
        assertEquals(10, allRecords(t.clusteredIndex()), "rolled-back changes leave no delete-marked records");
        assertEquals(0, e.trxSys().historyLength(), "a rolled-back log is freed, not purged");
    }

    @Test
    void rollbackToASavepointUndoesOnlyTheLaterChanges() {
        commitInserts(1, 4);
        Transaction trx = e.newTransaction();
        t.insert(person(10, "a"), trx);
        long sp = trx.savepoint();
        t.insert(person(11, "b"), trx);
        t.delete(new Object[] {1L, null, null, null}, trx);
        t.update(rows().get(0).clone(), person(2, "z"), trx);
        trx.rollbackTo(sp);
        List<Object[]> now = rows();
        assertEquals(List.of(1L, 2L, 3L, 10L), now.stream().map(r -> (Long) r[0]).toList());
        assertEquals("c2", now.get(1)[2]);
        assertEquals(sp, trx.savepoint(), "the undone records are cut from the log");
        t.insert(person(12, "c"), trx);
        trx.commit();
        assertEquals(List.of(1L, 2L, 3L, 10L, 12L), rows().stream().map(r -> (Long) r[0]).toList());
        assertEquals(5, t.check());
    }

    @Test
    void aRowRejectedByAUniqueIndexLeavesNothingBehind() {
        commitInserts(1, 3);
        Transaction trx = e.newTransaction();
        t.insert(person(5, "x"), trx);
        Object[] dup = person(6, "y");
        dup[1] = "user1@example.com";
        assertThrows(DuplicateKeyException.class, () -> t.insert(dup, trx));
        Object[] dupUpdate = person(2, "q");
        dupUpdate[1] = "user5@example.com";
        assertThrows(DuplicateKeyException.class, () -> t.update(rows().get(1).clone(), dupUpdate, trx));
        trx.commit();
        assertEquals(List.of(1L, 2L, 5L), rows().stream().map(r -> (Long) r[0]).toList());
        assertEquals("user2@example.com", rows().get(1)[1]);
        assertEquals(3, t.check());
    }

    @Test
    void aReadViewSeesTheRowsAsTheyWereWhenItOpened() {
        commitInserts(1, 6);
        List<Object[]> original = rows();
        Transaction reader = e.newTransaction();
        ReadView view = reader.readView();

        Transaction writer = e.newTransaction();
        t.update(original.get(0).clone(), person(1, "changed"), writer);
        t.update(original.get(2).clone(), person(3, "changed"), writer);
        t.delete(new Object[] {2L, null, null, null}, writer);
        t.insert(person(9, "new"), writer);
        assertRowsEqual(original, rows(view));
        writer.commit();
        assertRowsEqual(original, rows(view));

        ReadView later = e.newTransaction().readView();
        assertEquals(List.of(1L, 3L, 4L, 5L, 9L), rows(later).stream().map(r -> (Long) r[0]).toList());
        assertEquals("changed", rows(later).get(0)[2]);

        Object[] out = new Object[t.rowWidth()];
        assertTrue(t.lookupVisible(new Object[] {2L, null, null, null}, view, out), "deleted after the view opened");
        assertEquals("c2", out[2]);
        assertFalse(t.lookupVisible(new Object[] {2L, null, null, null}, later, out));
        reader.commit();
    }

    @Test
    void aTransactionSeesItsOwnChangesInItsView() {
        commitInserts(1, 3);
        Transaction trx = e.newTransaction();
        ReadView view = trx.readView(); // opened before the first change: the creator id comes later
        t.update(rows().get(0).clone(), person(1, "mine"), trx);
        t.insert(person(7, "mine too"), trx);
        List<Object[]> seen = rows(view);
        assertEquals(List.of(1L, 2L, 7L), seen.stream().map(r -> (Long) r[0]).toList());
        assertEquals("mine", seen.get(0)[2]);
        trx.rollback();
    }

    @Test
    void aKeyDeletedAndInsertedAgainKeepsTheOldVersionForOlderViews() {
        commitInserts(1, 3);
        Transaction old = e.newTransaction();
        ReadView view = old.readView();
        Transaction del = e.newTransaction();
        t.delete(new Object[] {1L, null, null, null}, del);
        del.commit();
        Transaction ins = e.newTransaction();
        Object[] again = person(1, "reborn");
        t.insert(again, ins); // takes over the delete-marked record and its unique email entry
        ins.commit();
        assertEquals("reborn", rows().get(0)[2]);
        Object[] out = new Object[t.rowWidth()];
        assertTrue(t.lookupVisible(new Object[] {1L, null, null, null}, view, out));
        assertEquals("c1", out[2]);
        old.commit();
        e.purge().purgeAll();
        assertEquals(2, t.check());
        assertEquals(2, allRecords(t.clusteredIndex()));
    }

    @Test
    void purgeRemovesDeletedRowsAndOldEntriesOnlyOnceNoViewNeedsThem() {
        commitInserts(1, 21);
        Transaction reader = e.newTransaction();
        ReadView view = reader.readView();
        List<Object[]> original = rows(view);
        for (int round = 0; round < 5; round++) {
            Transaction w = e.newTransaction();
            for (Object[] r : rows()) {
                long id = (Long) r[0];
                if (id % 2 == 0) {
                    t.update(r.clone(), person(id, "round" + round), w);
                }
            }
            t.delete(new Object[] {(long) (round + 1) * 3, null, null, null}, w);
            w.commit();
        }
        e.purge().purgeAll();
        assertTrue(e.trxSys().historyLength() > 0, "the open view holds the history");
        assertRowsEqual(original, rows(view));
        reader.commit();
        e.purge().purgeAll();
        assertEquals(0, e.trxSys().historyLength());
        assertEquals(15, t.check());
        assertEquals(15, allRecords(t.clusteredIndex()), "delete-marked rows are gone");
        for (int i = 0; i < t.secondaryCount(); i++) {
            assertEquals(15, allRecords(t.secondaryIndex(i)), "old entries of index " + i + " are gone");
        }
    }

    @Test
    void steadyUpdatesDoNotGrowTheSystemTablespaceOncePurged() {
        commitInserts(1, 51);
        int size = 0;
        for (int round = 0; round < 30; round++) {
            Transaction w = e.newTransaction();
            for (Object[] r : rows()) {
                t.update(r.clone(), person((Long) r[0], "r" + round), w);
            }
            w.commit();
            e.purge().purgeAll();
            int now = systemSpaceSize();
            if (round == 5) {
                size = now;
            } else if (round > 5) {
                assertTrue(now <= size, "system tablespace grew from " + size + " to " + now + " pages");
            }
        }
        assertEquals(0, e.trxSys().historyLength());
    }

    private int systemSpaceSize() {
        BufferFrame h = e.bufferPool().getPage(PageId.of(0, 0), LatchMode.SHARED);
        try {
            return PageAllocator.size(h);
        } finally {
            e.bufferPool().release(h, LatchMode.SHARED);
        }
    }

    @Test
    void transactionsOpenAtCloseAreRolledBackAtTheNextOpenAndCommittedOnesStay() {
        commitInserts(1, 6);
        Transaction open = e.newTransaction();
        t.insert(person(50, "uncommitted"), open);
        t.update(rows().get(0).clone(), person(1, "uncommitted"), open);
        t.delete(new Object[] {2L, null, null, null}, open);
        long id = open.id();
        Transaction done = e.newTransaction();
        t.insert(person(60, "committed"), done);
        done.commit();
        e.setFastShutdown(2); // no checkpoint: the next open recovers from the redo
        e.close();
        List<String> messages = new ArrayList<>();
        e = Engine.open(EngineConfig.directory(dir).bufferPoolSize(8 << 20).messages(messages::add));
        t = e.dictionary().table("db", "people").store();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 60L), rows().stream().map(r -> (Long) r[0]).toList());
        assertEquals("c1", rows().get(0)[2]);
        assertEquals(6, t.check());
        assertTrue(messages.stream().anyMatch(m -> m.contains("rolled back transaction " + id)), messages.toString());
        assertTrue(e.transactionIdCounter() > id, "ids are not reused after a restart");
        Transaction next = e.newTransaction();
        t.insert(person(70, "after"), next);
        assertTrue(next.id() > id);
        next.commit();
    }

    @Test
    void aViewOpenedWhileAnotherCommitsSeesItOnlyIfItCommittedFirst() {
        commitInserts(1, 2);
        Transaction w = e.newTransaction();
        t.update(rows().get(0).clone(), person(1, "w"), w);
        ReadView before = e.newTransaction().readView();
        w.commit();
        ReadView after = e.newTransaction().readView();
        assertEquals("c1", rows(before).get(0)[2]);
        assertEquals("w", rows(after).get(0)[2]);
    }

    /**
     * An entry a newer view still needs survives the purge of an older change, even though the
     * oldest view's owner (whose own change delete-marked the entry) sees past it.
     */
    @Test
    void purgeKeepsAnEntryThatAViewNewerThanTheOldestStillNeeds() {
        commitInserts(1, 4);
        Transaction u = e.newTransaction();
        Object[] noted = person(1, "c1");
        noted[3] = "a new note";
        t.update(rows().get(0).clone(), noted, u); // the city entry does not change
        u.commit();
        Transaction c = e.newTransaction();
        c.readView(); // the oldest view, opened before c's first change
        t.update(rows().get(0).clone(), person(1, "elsewhere"), c); // delete-marks (c1, 1)
        Transaction w = e.newTransaction();
        ReadView newer = w.readView();
        e.purge().purgeAll();
        Object[] out = new Object[t.rowWidth()];
        assertTrue(t.lookupVisible(new Object[] {1L, null, null, null}, newer, out));
        assertEquals("c1", out[2]);
        assertEquals(4, allRecords(t.secondaryIndex(1)), "the delete-marked (c1, 1) entry is still there");
        c.rollback();
        w.commit();
    }
}
