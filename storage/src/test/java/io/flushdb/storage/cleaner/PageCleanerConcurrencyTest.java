package io.flushdb.storage.cleaner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.ForwardingFileIO;
import io.flushdb.storage.io.ForwardingFileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.page.PageHeader;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.Tables;
import io.flushdb.storage.trx.Transaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every page cleaner thread running under a write load several times the buffer pool, on a redo
 * log small enough to wrap many times, with assertions on (surefire runs with -ea: the slot state
 * asserts, FL2 at insertion, the flush-list removal of a clean page) and these checks while it
 * runs: the buffer pool's invariants (flush lists in order, no frame both free and in an LRU, the
 * page hash agreeing), and the write-ahead rule for every page image that reaches a data or
 * doublewrite file — its LSN is durable in the redo log before it is written.
 */
@Timeout(300)
class PageCleanerConcurrencyTest {
    private static final int PAGE = 16384;

    /** Checks WAL1 at the file layer: each page written carries an LSN no newer than the durable redo. */
    static final class WalCheckingStore extends ForwardingFileStore {
        volatile Engine engine;
        final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        final ConcurrentHashMap<String, Boolean> seen = new ConcurrentHashMap<>();
        long pagesChecked;

        WalCheckingStore(MemoryFileStore target) {
            super(target);
        }

        @Override
        public FileIO open(String name, boolean create) {
            FileIO f = target.open(name, create);
            if (name.startsWith("#innodb_redo") || !(name.endsWith(".ibd") || name.endsWith(".dblwr"))) {
                return f;
            }
            return new ForwardingFileIO(f) {
                @Override
                public void write(long position, ByteBuffer src) {
                    check(name, position, src);
                    super.write(position, src);
                }
            };
        }

        private void check(String name, long position, ByteBuffer src) {
            Engine e = engine;
            if (e == null || src.remaining() % PAGE != 0 || position % PAGE != 0) {
                return; // before the engine is open (creation, recovery), or not whole pages
            }
            long durable = e.redoLog().flushedLsn();
            for (int at = src.position(); at < src.limit(); at += PAGE) {
                long lsn = src.getLong(at + PageHeader.OFFSET_LSN);
                synchronized (this) {
                    pagesChecked++;
                }
                if (lsn > durable) {
                    violations.add(name + "@" + position + ": page LSN " + lsn + " > durable " + durable);
                }
            }
        }
    }

    private static Object[] row(long id, int version) {
        return new Object[] {id, "user" + id + "@example.com", "city" + (id % 13),
            "v" + version + " " + "x".repeat((int) (id % 400))};
    }

    @Test
    void allCleanersUnderAWriteLoadKeepThePoolConsistentAndTheWriteAheadRule() throws Exception {
        WalCheckingStore store = new WalCheckingStore(new MemoryFileStore("cleaners"));
        Engine e = Engine.open(EngineConfig.store(store).bufferPoolSize(4L << 20).bufferPoolInstances(4)
                .pageCleaners(4).redoLogCapacity(8 << 20).messages(line -> { }));
        store.engine = e;
        PageCleaner cleaner = e.pageCleaner();
        cleaner.setIoCapacity(2_000, 20_000);
        e.bufferPool().setFlushNeighbors(1);
        e.bufferPool().setLruScanDepth(16); // a quarter of each 64-frame instance
        assertEquals(4, cleaner.threads());
        e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
        TableStore t = e.dictionary().createTable(Tables.people("db")).store();

        int writers = 4;
        long perWriter = 6_000;
        AtomicReference<Throwable> error = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        long[][] versions = new long[writers][];
        for (int w = 0; w < writers; w++) {
            int id = w;
            versions[w] = new long[(int) perWriter];
            threads.add(new Thread(() -> {
                Random r = new Random(id);
                try {
                    // Each writer owns ids id, id + writers, ...: insert them all, then update at random.
                    for (long i = 0; i < perWriter; i++) {
                        Transaction trx = e.newTransaction();
                        t.insert(row(i * writers + id, 0), trx);
                        trx.commit(2);
                    }
                    for (int n = 0; n < 12_000; n++) {
                        int i = r.nextInt((int) perWriter);
                        long key = (long) i * writers + id;
                        int v = (int) versions[id][i];
                        Transaction trx = e.newTransaction();
                        t.update(row(key, v), row(key, v + 1), trx);
                        trx.commit(2);
                        versions[id][i] = v + 1;
                    }
                } catch (Throwable ex) {
                    error.compareAndSet(null, ex);
                }
            }, "writer-" + w));
        }
        Thread checker = new Thread(() -> {
            try {
                while (!done.get()) {
                    e.bufferPool().checkInvariants(); // takes each instance's mutexes: a consistent view
                }
            } catch (Throwable ex) {
                error.compareAndSet(null, ex);
            }
        }, "invariant-checker");
        threads.forEach(Thread::start);
        checker.start();
        for (Thread th : threads) {
            th.join();
        }
        done.set(true);
        checker.join();
        if (error.get() != null) {
            throw new AssertionError(error.get());
        }
        e.checkpointNow();
        assertEquals(List.of(), store.violations.subList(0, Math.min(5, store.violations.size())),
                "WAL1: no page image written ahead of its redo");
        PageCleaner.Metrics m = cleaner.metrics();
        assertTrue(m.pagesLru() + m.pagesEvictedLru() > 0, "LRU flushing ran: " + m);
        // How the pages split between LRU and flush-list batches depends on timing; that the
        // checkpointer's sync flushes were served by cleaner passes does not.
        assertTrue(m.syncPasses() > 0 && m.syncWaits() > 0, "sync flushes were requested and served: " + m);
        assertTrue(m.pagesLru() + m.pagesSync() + m.pagesAdaptive() + m.pagesIdle() > 1000, "the cleaners wrote: " + m);
        assertTrue(store.pagesChecked > 1000, "pages were written and checked: " + store.pagesChecked);
        assertTrue(e.redoLog().currentLsn() > 3L * (8 << 20), "the 8 MiB redo log wrapped several times: "
                + e.redoLog().currentLsn());
        assertEquals(perWriter * writers, t.check(), "every row is there and the indexes agree");
        assertTrue(e.bufferPool().checkInvariants());
        e.close();

        // Reopened from the files: every row at its last committed version.
        store.engine = null;
        try (Engine r = Engine.open(EngineConfig.store(store.target()).bufferPoolSize(4L << 20).messages(line -> { }))) {
            TableStore rt = r.dictionary().table("db", "people").store();
            assertEquals(perWriter * writers, rt.check());
            for (int w = 0; w < writers; w++) {
                for (int i = 0; i < perWriter; i += 97) {
                    long key = (long) i * writers + w;
                    Object[] found = new Object[4];
                    assertTrue(rt.lookup(new Object[] {key, null, null, null}, found), "row " + key);
                    assertEquals(row(key, (int) versions[w][i])[3], found[3], "row " + key);
                }
            }
        }
    }
}
