package io.flushdb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.btree.BTreeCursor;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.CrashingFileStore;
import io.flushdb.storage.testing.CrashingFileStore.CrashPoint;
import io.flushdb.storage.testing.CrashingFileStore.Phase;
import io.flushdb.storage.testing.Tables;
import io.flushdb.storage.trx.Transaction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Power-failure tests at named crash points: a workload of transactions (inserts, updates and
 * deletes on a table with a unique and a plain secondary index and a TEXT column) runs on a
 * {@link CrashingFileStore} until the armed crash point fires; everything not forced is dropped
 * (optionally tearing the write that was in progress), the engine is opened on what is left, and
 * the table must hold exactly the committed transactions, plus possibly the one in flight, and
 * pass the index checker.
 */
class CrashRecoveryTest {
    private static final int OPS = 1500;

    static Stream<Arguments> crashPoints() {
        List<Arguments> out = new ArrayList<>();
        for (int nth : new int[] {3, 40, 200}) {
            out.add(Arguments.of("before redo write #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.write("#innodb_redo/", Phase.BEFORE).at(p -> p >= 2048).nth(nth)));
            out.add(Arguments.of("after redo write #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.write("#innodb_redo/", Phase.AFTER).at(p -> p >= 2048).nth(nth)));
            out.add(Arguments.of("before redo fsync #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.force("#innodb_redo/", Phase.BEFORE).nth(nth)));
            out.add(Arguments.of("after redo fsync #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.force("#innodb_redo/", Phase.AFTER).nth(nth)));
        }
        for (int nth : new int[] {1, 4, 9}) {
            out.add(Arguments.of("after doublewrite force #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.force("#ib_", Phase.AFTER).nth(nth)));
            out.add(Arguments.of("mid in-place page write #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.write(n -> n.endsWith(".ibd") || n.equals("ibdata1"), Phase.MID).tornSectors(5)
                            .nth(nth)));
            out.add(Arguments.of("mid checkpoint header write #" + nth, (Supplier<CrashPoint>) () ->
                    CrashPoint.write("#innodb_redo/#ib_redo0", Phase.MID).at(p -> p < 2048).nth(nth)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crashPoints")
    void committedTransactionsSurviveACrashAtEveryPoint(String name, Supplier<CrashPoint> point) {
        CrashingFileStore disk = new CrashingFileStore("crash");
        Model model = new Model();
        Engine e = Engine.open(config(disk));
        try {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            e.dictionary().createTable(Tables.people("db"));
            disk.arm(point.get());
            model.run(e, new Random(name.hashCode()), OPS);
            fail("the crash point never fired: " + name + " (" + disk.events() + " matching events)");
        } catch (Throwable expected) {
            // the power went out (seen directly, or through the thread it killed)
            if (!disk.crashed()) {
                throw expected;
            }
        } finally {
            abandon(e);
        }
        assertTrue(disk.crashed());
        try (Engine r = Engine.open(config(disk.afterPowerLoss()))) {
            model.check(r);
        }
    }

    private static EngineConfig config(FileStore store) {
        return EngineConfig.store(store).bufferPoolSize(2 << 20).redoLogCapacity(8 << 20).messages(line -> { });
    }

    /** Closes an engine whose files died under it; whatever it throws is the crash's echo. */
    static void abandon(Engine e) {
        try {
            e.close();
        } catch (Throwable ignored) {
            // the store is dead: the close cannot write anything
        }
    }

    /** The committed rows, and the transaction in flight when the crash came. */
    static final class Model {
        final Map<Long, Object[]> committed = new TreeMap<>();
        Map<Long, Object[]> inFlight;

        static Object[] row(long id, int version) {
            return new Object[] {id, "user" + id + "@example.com", version % 3 == 0 ? null : "city" + (version % 11),
                version % 4 == 0 ? "note " + id + " v" + version + " " + "x".repeat(version % 2000) : null};
        }

        void run(Engine e, Random rnd, int ops) {
            TableStore t = e.dictionary().table("db", "people").store();
            long nextId = 1;
            for (int i = 0; i < ops; i++) {
                Map<Long, Object[]> after = new TreeMap<>(committed);
                Transaction trx = e.newTransaction();
                int changes = 1 + rnd.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    int kind = committed.isEmpty() ? 0 : rnd.nextInt(4);
                    List<Long> ids = new ArrayList<>(after.keySet());
                    if (kind <= 1 || ids.isEmpty()) {
                        long id = nextId++;
                        Object[] row = row(id, rnd.nextInt(5000));
                        inFlight = after;
                        t.insert(row.clone(), trx);
                        after.put(id, row);
                    } else if (kind == 2) {
                        long id = ids.get(rnd.nextInt(ids.size()));
                        Object[] row = row(id, rnd.nextInt(5000));
                        inFlight = after;
                        Object[] old = after.get(id).clone();
                        t.update(old, row.clone(), trx);
                        after.put(id, row);
                    } else {
                        long id = ids.get(rnd.nextInt(ids.size()));
                        inFlight = after;
                        t.delete(new Object[] {id, null, null, null}, trx);
                        after.remove(id);
                    }
                }
                if (rnd.nextInt(10) == 0) {
                    trx.rollback();
                    inFlight = null;
                    continue;
                }
                trx.commit(1);
                committed.clear();
                committed.putAll(after);
                inFlight = null;
                if (i % 150 == 149) {
                    e.checkpointNow();
                }
            }
        }

        void check(Engine r) {
            TableStore t = r.dictionary().table("db", "people").store();
            assertNotNull(t);
            Map<Long, Object[]> actual = new TreeMap<>();
            BTreeCursor c = t.scan();
            c.seekFirst();
            while (c.next()) {
                Object[] row = t.decodeRow(c.buffer(), c.record(), null, true);
                actual.put((Long) row[0], row);
            }
            long rows = t.check();
            assertEquals(actual.size(), rows);
            if (same(actual, committed)) {
                return;
            }
            if (inFlight != null && same(actual, inFlight)) {
                return;
            }
            fail("after recovery the table holds " + actual.size() + " rows; committed " + committed.size()
                    + (inFlight == null ? "" : ", in flight " + inFlight.size()));
        }

        private static boolean same(Map<Long, Object[]> a, Map<Long, Object[]> b) {
            if (!a.keySet().equals(b.keySet())) {
                return false;
            }
            for (Map.Entry<Long, Object[]> x : a.entrySet()) {
                if (!Arrays.deepEquals(x.getValue(), b.get(x.getKey()))) {
                    return false;
                }
            }
            return true;
        }
    }
}
