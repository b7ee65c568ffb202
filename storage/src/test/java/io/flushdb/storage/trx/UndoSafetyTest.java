package io.flushdb.storage.trx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The undo and purge paths where a crash, a rollback or another thread can come in between:
 * purge run again over records it already purged, rollbacks that meet entries older versions
 * still need, a take-over undone after the purge of the delete it took over, rollback at open
 * bigger than the free redo, the slot limit, and versions read while their writers roll back.
 */
class UndoSafetyTest {
    @TempDir
    Path dir;

    private Engine e;
    private TableStore t;

    private void open(EngineConfig config) {
        e = Engine.open(config);
        if (e.dictionary().table("db", "people") == null) {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            t = e.dictionary().createTable(Tables.people("db")).store();
        } else {
            t = e.dictionary().table("db", "people").store();
        }
    }

    private void open() {
        open(EngineConfig.directory(dir).bufferPoolSize(8 << 20));
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

    private static Object[] key(long id) {
        return new Object[] {id, null, null, null};
    }

    private void commitInserts(long from, long to) {
        Transaction trx = e.newTransaction();
        for (long id = from; id < to; id++) {
            t.insert(person(id, "c" + id), trx);
        }
        trx.commit();
    }

    private Object[] row(long id) {
        Object[] out = new Object[t.rowWidth()];
        return t.lookup(key(id), out) ? out : null;
    }

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

    private int freePages() {
        BufferFrame h = e.bufferPool().getPage(PageId.of(t.definition().spaceId(), 0), LatchMode.SHARED);
        try {
            return PageAllocator.freeCount(h);
        } finally {
            e.bufferPool().release(h, LatchMode.SHARED);
        }
    }

    /** The undo record the clustered record of row {@code id} points to, with its roll pointer and writer. */
    private record Undo(ByteBuffer record, long rollPtr, long trxId) {
    }

    private Undo undoOf(long id) {
        ByteBuffer k = ByteBuffer.allocate(e.bufferPool().pageSize());
        t.encodeKey(key(id), k);
        long[] found = new long[2];
        BTree c = t.clusteredIndex();
        assertTrue(c.find(k, c.keyLayout(), c.keyFields(), (p, r) -> {
            found[0] = t.rollPtr(p, r);
            found[1] = t.trxId(p, r);
        }, true));
        ByteBuffer u = ByteBuffer.allocate(e.bufferPool().pageSize());
        UndoLog.read(e.mtrs(), found[0], u);
        return new Undo(u, found[0], found[1]);
    }

    /**
     * A purge cut off by a crash is run again from the start of its log: purging an UPDATE and a
     * DEL_MARK record whose old versions have overflow chains a second (and third) time frees
     * nothing twice.
     */
    @Test
    void purgingTheSameRecordsAgainFreesEachOverflowChainOnce() {
        open();
        commitInserts(1, 10);
        Transaction reader = e.newTransaction();
        reader.readView(); // holds the purge thread back: this test purges by hand
        Transaction w = e.newTransaction();
        Object[] changed = person(3, "moved");
        changed[3] = "a new note " + "y".repeat(20_000);
        t.update(row(3), changed, w);
        t.delete(key(6), w);
        w.commit();
        Undo update = undoOf(3);
        Undo delete = undoOf(6);
        ReadView sees = e.newTransaction().readView();
        assertTrue(sees.sees(w.id()));
        int before = freePages();

        t.purge(update.record(), update.rollPtr(), update.trxId(), sees, e.lockSys());
        t.purge(delete.record(), delete.rollPtr(), delete.trxId(), sees, e.lockSys());
        int once = freePages();
        assertTrue(once >= before + 4, "two 20 kB chains freed: " + before + " -> " + once);
        assertNull(row(6));
        assertEquals(8, allRecords(t.clusteredIndex()), "the delete-marked record is removed");

        // Again, as after a crash: from the copies read before, then from the records as they are now.
        t.purge(update.record(), update.rollPtr(), update.trxId(), sees, e.lockSys());
        t.purge(delete.record(), delete.rollPtr(), delete.trxId(), sees, e.lockSys());
        Undo updateNow = new Undo(read(update.rollPtr()), update.rollPtr(), update.trxId());
        Undo deleteNow = new Undo(read(delete.rollPtr()), delete.rollPtr(), delete.trxId());
        t.purge(updateNow.record(), updateNow.rollPtr(), updateNow.trxId(), sees, e.lockSys());
        t.purge(deleteNow.record(), deleteNow.rollPtr(), deleteNow.trxId(), sees, e.lockSys());
        assertEquals(once, freePages(), "nothing freed twice");

        reader.commit();
        e.purge().purgeAll(); // and the purge thread's own pass over the same log
        assertEquals(once, freePages());
        assertEquals(0, e.trxSys().historyLength());
        assertEquals(8, t.check());
        assertEquals("moved", row(3)[2]);
    }

    private ByteBuffer read(long rollPtr) {
        ByteBuffer u = ByteBuffer.allocate(e.bufferPool().pageSize());
        UndoLog.read(e.mtrs(), rollPtr, u);
        return u;
    }

    /**
     * A row change that fails on a unique index, where the entry it tried to add is already there
     * delete-marked (an older version of the same row had those values), leaves that entry for
     * the views that need it.
     */
    @Test
    void aFailedUpdateKeepsTheDeleteMarkedEntryAnOlderVersionNeeds() {
        open();
        commitInserts(1, 3);
        Transaction old = e.newTransaction();
        ReadView view = old.readView();
        Transaction a = e.newTransaction();
        Object[] away = person(1, "c1");
        away[1] = "away@example.com";
        t.update(row(1), away, a); // (user1, 1) delete-marked
        a.commit();
        Transaction b = e.newTransaction();
        Object[] taken = person(2, "c2");
        taken[1] = "user1@example.com";
        t.update(row(2), taken, b); // (user1, 2) live: allowed, (user1, 1) is only delete-marked
        b.commit();
        long entries = allRecords(t.secondaryIndex(0));

        Transaction c = e.newTransaction();
        Object[] back = person(1, "c1");
        assertThrows(DuplicateKeyException.class, () -> t.update(row(1), back, c));
        c.commit();
        assertEquals(entries, allRecords(t.secondaryIndex(0)), "(user1, 1) is still there, delete-marked");
        assertEquals("away@example.com", row(1)[1]);
        Object[] out = new Object[t.rowWidth()];
        assertTrue(t.lookupVisible(key(1), view, out));
        assertEquals("user1@example.com", out[1]);
        old.commit();
        e.purge().purgeAll();
        assertEquals(2, t.check());
        assertEquals(2, allRecords(t.secondaryIndex(0)), "purge removes it once no view needs it");
    }

    /**
     * An insert that took over a deleted row's record is rolled back after the purge of that
     * delete went by (it found the record carrying the insert's roll pointer): the rollback
     * removes the record itself, or nothing ever would.
     */
    @Test
    void aTakeOverRolledBackAfterThePurgeOfTheDeleteLeavesNoRecord() {
        open();
        commitInserts(1, 5);
        Transaction holder = e.newTransaction();
        holder.readView(); // keeps the purge thread from removing the deleted record first
        Transaction d = e.newTransaction();
        t.delete(key(3), d); // row 3 has an overflow chain
        d.commit();
        Transaction ins = e.newTransaction();
        t.insert(person(3, "again"), ins);
        holder.commit();
        e.purge().purgeAll(); // the delete's log is purged: the record is the insert's now
        assertEquals(0, e.trxSys().historyLength());
        int free = freePages();
        ins.rollback();
        assertNull(row(3));
        assertEquals(3, allRecords(t.clusteredIndex()), "no delete-marked record left behind");
        for (int i = 0; i < t.secondaryCount(); i++) {
            assertEquals(3, allRecords(t.secondaryIndex(i)), "no entry left behind in index " + i);
        }
        assertTrue(freePages() >= free + 4, "both versions' chains are freed: " + free + " -> " + freePages());
        assertEquals(3, t.check());
    }

    /** The same, while an older view still needs the deleted row: the record stays for the delete's purge. */
    @Test
    void aTakeOverRolledBackWhileAViewNeedsTheRowLeavesItToPurge() {
        open();
        commitInserts(1, 5);
        Transaction old = e.newTransaction();
        ReadView view = old.readView();
        Transaction d = e.newTransaction();
        t.delete(key(2), d);
        d.commit();
        Transaction ins = e.newTransaction();
        t.insert(person(2, "again"), ins);
        ins.rollback();
        Object[] out = new Object[t.rowWidth()];
        assertTrue(t.lookupVisible(key(2), view, out), "the old view still reads the row");
        assertEquals("c2", out[2]);
        old.commit();
        e.purge().purgeAll();
        assertEquals(3, allRecords(t.clusteredIndex()));
        assertEquals(3, t.check());
    }

    /**
     * A transaction left open at a crash whose rollback writes more redo than the log has free:
     * the rollback at open waits for checkpoints like any change, so the open completes.
     */
    @Test
    void theRollbackAtOpenOfATransactionBiggerThanTheFreeRedoCompletes() {
        EngineConfig config = EngineConfig.directory(dir).bufferPoolSize(16 << 20).redoLogCapacity(8 << 20);
        open(config);
        String pad = "p".repeat(300);
        Transaction load = e.newTransaction();
        for (long id = 1; id <= 25_000; id++) {
            Object[] r = person(id, pad + id);
            r[3] = null;
            t.insert(r, load);
        }
        load.commit();
        Transaction big = e.newTransaction(); // rolling back an update writes the whole old record back
        for (long id = 1; id <= 25_000; id++) {
            Object[] r = person(id, "changed " + pad + id);
            r[3] = null;
            t.update(row(id), r, big);
        }
        long crashLsn = e.currentLsn();
        e.setFastShutdown(2);
        e.close();
        List<String> messages = new ArrayList<>();
        open(config.messages(messages::add));
        long written = e.currentLsn() - crashLsn;
        assertTrue(written > e.redoLog().capacity(), "the rollback wrote " + written + " bytes of redo, more than the log holds");
        assertEquals(25_000, t.check());
        assertEquals(pad + 12_345, row(12_345)[2]);
        assertTrue(messages.stream().anyMatch(m -> m.contains("rolled back transaction " + big.id())), messages.toString());
    }

    /**
     * Past the last rollback segment slot, a transaction's first change fails with
     * TooManyTransactionsException and leaves the transaction as it was: without an id, not
     * active, and able to change rows once a slot is free.
     */
    @Test
    void aTransactionRefusedASlotIsNotLeftActive() {
        open(EngineConfig.directory(dir).pageSize(4096).bufferPoolSize(32 << 20));
        List<Transaction> open = new ArrayList<>();
        long id = 1000;
        TooManyTransactionsException refused = null;
        while (refused == null) {
            Transaction trx = e.newTransaction();
            try {
                Object[] r = person(id++, "c");
                r[3] = null;
                t.insert(r, trx);
                open.add(trx);
            } catch (TooManyTransactionsException ex) {
                refused = ex;
                int active = e.trxSys().activeTransactions().size();
                assertEquals(open.size(), active, "the refused transaction is not active");
                assertEquals(0, trx.id(), "nor keeps an id");
                open.remove(0).commit();
                Object[] r = person(id, "c");
                r[3] = null;
                t.insert(r, trx);
                assertTrue(trx.id() > 0);
                trx.commit();
            }
        }
        for (Transaction trx : open) {
            trx.rollback();
        }
        assertEquals(2, t.check());
    }

    /**
     * Readers build old versions, and purge checks old entries, while a writer keeps changing the
     * same rows, inserting rows between them (splitting their leaves) and rolling back (its undo
     * records are cut and rewritten under them), and another commits changes to them in between:
     * every version read was committed, nothing fails and nothing hangs (a reader holds a leaf
     * while it reads the writer's undo; the writer's split must not wait for that leaf holding the
     * undo page). The two writers take turns (a lock of the test's own stands in for row locks).
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void versionsAreReadSafelyWhileTheirWritersRollBack() throws Exception {
        open();
        Transaction load = e.newTransaction();
        for (long k = 1; k <= 20; k++) {
            t.insert(person(k * 1000, "c" + k), load);
        }
        load.commit();
        java.util.concurrent.locks.ReentrantLock rows = new java.util.concurrent.locks.ReentrantLock();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        String wide = "w".repeat(600);
        threads.add(new Thread(() -> {
            for (int round = 0; round < 60 && !stop.get(); round++) {
                rows.lock();
                try {
                    Transaction w = e.newTransaction();
                    for (long k = 1; k <= 20; k++) {
                        long id = k * 1000;
                        t.update(row(id), person(id, "uncommitted " + round + wide), w);
                        for (long j = 1; j <= 12; j++) {
                            Object[] r = person(id + j, wide + j);
                            r[3] = null;
                            t.insert(r, w);
                        }
                    }
                    w.rollback();
                } finally {
                    rows.unlock();
                }
            }
            stop.set(true);
        }));
        threads.add(new Thread(() -> {
            for (int round = 0; !stop.get(); round++) {
                rows.lock();
                try {
                    Transaction w = e.newTransaction();
                    long id = (1 + round % 20) * 1000;
                    Object[] r = person(id, "c" + id);
                    r[1] = "round" + (round % 2) + "." + id + "@example.com";
                    t.update(row(id), r, w);
                    w.commit();
                } finally {
                    rows.unlock();
                }
                e.purge().purgeAll();
            }
        }));
        threads.add(new Thread(() -> {
            while (!stop.get()) {
                Transaction r = e.newTransaction();
                ReadView view = r.readView();
                Object[] out = new Object[t.rowWidth()];
                for (long k = 1; k <= 20; k++) {
                    assertTrue(t.lookupVisible(key(k * 1000), view, out), "row " + k * 1000 + " is always there");
                    assertFalse(String.valueOf(out[2]).startsWith("uncommitted"), "read an uncommitted version");
                }
                r.commit();
            }
        }));
        for (Thread th : threads) {
            th.setUncaughtExceptionHandler((th2, ex) -> {
                failure.compareAndSet(null, ex);
                stop.set(true);
            });
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertNull(e.failure());
        e.purge().purgeAll();
        assertEquals(20, t.check());
        assertEquals(20, allRecords(t.clusteredIndex()));
        for (int i = 0; i < t.secondaryCount(); i++) {
            assertEquals(20, allRecords(t.secondaryIndex(i)), "index " + i + " keeps no old entry");
        }
    }
}
