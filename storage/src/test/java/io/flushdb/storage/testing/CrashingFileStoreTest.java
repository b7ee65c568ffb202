package io.flushdb.storage.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.io.StorageIOException;
import io.flushdb.storage.testing.CrashingFileStore.CrashPoint;
import io.flushdb.storage.testing.CrashingFileStore.Phase;
import io.flushdb.storage.testing.CrashingFileStore.SimulatedCrash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class CrashingFileStoreTest {
    private static final String REDO = "#innodb_redo/#ib_redo0";

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    private static void write(FileIO f, long position, byte[] bytes) {
        f.write(position, ByteBuffer.wrap(bytes));
    }

    /** The whole content of {@code name} in {@code store}, or null when it does not exist. */
    private static byte[] content(FileStore store, String name) {
        if (!store.exists(name)) {
            return null;
        }
        FileIO f = store.open(name, false);
        try {
            ByteBuffer b = ByteBuffer.allocate((int) f.size());
            f.read(0, b);
            return b.array();
        } finally {
            f.close();
        }
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void unforcedWritesAreLostOnPowerLossButKeptOnProcessKill() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("ibdata1", true);
        write(f, 0, filled(100, 7));
        assertArrayEquals(filled(100, 7), content(store, "ibdata1"), "reads see the volatile image");

        MemoryFileStore power = store.afterPowerLoss();
        assertTrue(power.exists("ibdata1"), "creating a file is durable at once");
        assertArrayEquals(new byte[0], content(power, "ibdata1"));
        assertArrayEquals(filled(100, 7), content(store.afterProcessKill(), "ibdata1"));
        assertFalse(store.crashed(), "taking images does not crash the store");
    }

    @Test
    void forceMakesCompletedWritesAndTruncationsDurable() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("db/t.ibd", true);
        FileIO other = store.open("db/u.ibd", true);
        write(f, 0, filled(1024, 1));
        write(other, 0, filled(10, 9));
        f.force();
        write(f, 512, filled(512, 2));

        assertArrayEquals(filled(1024, 1), content(store.afterPowerLoss(), "db/t.ibd"));
        assertArrayEquals(new byte[0], content(store.afterPowerLoss(), "db/u.ibd"), "a force is per file");
        assertArrayEquals(concat(filled(512, 1), filled(512, 2)), content(store.afterProcessKill(), "db/t.ibd"));

        f.truncate(100);
        assertEquals(100, f.size());
        assertEquals(1024, content(store.afterPowerLoss(), "db/t.ibd").length, "truncation is durable at the next force");
        f.force();
        assertArrayEquals(filled(100, 1), content(store.afterPowerLoss(), "db/t.ibd"));
    }

    @Test
    void writesPastTheEndExtendWithZerosAndReadsPastTheEndReturnZeros() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("a", true);
        write(f, 10, filled(2, 5));
        assertEquals(12, f.size());
        ByteBuffer b = ByteBuffer.allocate(20);
        f.read(0, b);
        byte[] expected = new byte[20];
        expected[10] = 5;
        expected[11] = 5;
        assertArrayEquals(expected, b.array());
        f.truncate(4);
        f.truncate(12);
        assertArrayEquals(new byte[12], content(store, "a"), "truncating down then up leaves zeros");
        f.force();
        assertArrayEquals(new byte[12], content(store.afterPowerLoss(), "a"));
    }

    @Test
    void writeBeforeCrashesWithoutWriting() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open(REDO, true);
        store.arm(CrashPoint.write("#innodb_redo/", Phase.BEFORE));
        SimulatedCrash c = assertThrows(SimulatedCrash.class, () -> write(f, 0, filled(512, 3)));
        assertTrue(store.crashed());
        assertNotNull(store.crash());
        assertTrue(c.getMessage().contains(REDO), c.getMessage());
        assertArrayEquals(new byte[0], content(store.afterProcessKill(), REDO));
        assertArrayEquals(new byte[0], content(store.afterPowerLoss(), REDO));
    }

    @Test
    void writeAfterCrashesWithTheWriteVolatileOnly() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open(REDO, true);
        store.arm(CrashPoint.write("#innodb_redo/", Phase.AFTER));
        assertThrows(SimulatedCrash.class, () -> write(f, 0, filled(512, 3)));
        assertArrayEquals(filled(512, 3), content(store.afterProcessKill(), REDO));
        assertArrayEquals(new byte[0], content(store.afterPowerLoss(), REDO));
    }

    @Test
    void writeMidTearsHalfTheSectorsIntoTheDurableImageByDefault() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("db/t.ibd", true);
        write(f, 0, filled(4096, 1));
        f.force();
        write(f, 4096, filled(1024, 9)); // unforced: lost on power loss
        store.arm(CrashPoint.write("db/", Phase.MID));
        assertThrows(SimulatedCrash.class, () -> write(f, 1024, filled(5 * 512, 2)));

        // 5 sectors: 2 reach the platter, 3 are lost.
        byte[] expected = concat(filled(1024, 1), filled(1024, 2), filled(2048, 1));
        assertArrayEquals(expected, content(store.afterPowerLoss(), "db/t.ibd"));
        byte[] killed = content(store.afterProcessKill(), "db/t.ibd");
        assertArrayEquals(concat(expected, filled(1024, 9)), killed, "the volatile image holds the torn prefix too");
    }

    @Test
    void writeMidTearsTheChosenNumberOfSectorsAlignedOnFileOffsets() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("ibdata1", true);
        store.arm(CrashPoint.write("ibdata1", Phase.MID).tornSectors(2));
        // An unaligned write touching sectors 0 to 3: its first two sectors end at offset 1024.
        assertThrows(SimulatedCrash.class, () -> write(f, 412, filled(1536, 4)));
        assertArrayEquals(concat(new byte[412], filled(612, 4)), content(store.afterPowerLoss(), "ibdata1"));

        CrashingFileStore none = new CrashingFileStore("t");
        FileIO g = none.open("ibdata1", true);
        none.arm(CrashPoint.write("ibdata1", Phase.MID).tornSectors(0));
        assertThrows(SimulatedCrash.class, () -> write(g, 0, filled(2048, 4)));
        assertArrayEquals(new byte[0], content(none.afterPowerLoss(), "ibdata1"));

        CrashingFileStore all = new CrashingFileStore("t");
        FileIO h = all.open("ibdata1", true);
        all.arm(CrashPoint.write("ibdata1", Phase.MID).tornSectors(100));
        assertThrows(SimulatedCrash.class, () -> write(h, 0, filled(2048, 4)));
        assertArrayEquals(filled(2048, 4), content(all.afterPowerLoss(), "ibdata1"));

        CrashingFileStore single = new CrashingFileStore("t");
        FileIO i = single.open("ibdata1", true);
        single.arm(CrashPoint.write("ibdata1", Phase.MID));
        assertThrows(SimulatedCrash.class, () -> write(i, 0, filled(512, 4)));
        assertArrayEquals(new byte[0], content(single.afterPowerLoss(), "ibdata1"), "half of one sector is none");
    }

    @Test
    void forceBeforeLeavesTheFileUnforced() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("#ib_16384_0.dblwr", true);
        write(f, 0, filled(16, 1));
        store.arm(CrashPoint.force(n -> n.endsWith(".dblwr"), Phase.BEFORE));
        assertThrows(SimulatedCrash.class, f::force);
        assertArrayEquals(new byte[0], content(store.afterPowerLoss(), "#ib_16384_0.dblwr"));
        assertArrayEquals(filled(16, 1), content(store.afterProcessKill(), "#ib_16384_0.dblwr"));
    }

    @Test
    void forceAfterMakesTheFileDurableThenCrashes() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("#ib_16384_0.dblwr", true);
        write(f, 0, filled(16, 1));
        store.arm(CrashPoint.force("#ib_16384_0.dblwr", Phase.AFTER));
        assertThrows(SimulatedCrash.class, f::force);
        assertArrayEquals(filled(16, 1), content(store.afterPowerLoss(), "#ib_16384_0.dblwr"));
    }

    @Test
    void firesOnTheNthMatchingEventOnly() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO redo = store.open(REDO, true);
        FileIO data = store.open("ibdata1", true);
        store.arm(CrashPoint.write("#innodb_redo/", Phase.BEFORE).nth(3));
        write(redo, 0, filled(1, 1));
        write(data, 0, filled(1, 1)); // another file: does not count
        redo.force(); // another operation: does not count
        write(redo, 1, filled(1, 2));
        assertEquals(2, store.events());
        assertFalse(store.crashed());
        assertThrows(SimulatedCrash.class, () -> write(redo, 2, filled(1, 3)));
        assertEquals(3, store.events());
        assertArrayEquals(new byte[] {1, 2}, content(store.afterProcessKill(), REDO));
        assertArrayEquals(new byte[] {1}, content(store.afterPowerLoss(), REDO));
    }

    @Test
    void countingWithAnUnreachableOccurrencePicksEveryCrashPoint() {
        // A workload: three forced writes to the log.
        CrashPoint point = CrashPoint.force("#innodb_redo/", Phase.AFTER);
        CrashingFileStore counting = new CrashingFileStore("t");
        counting.arm(point.nth(Integer.MAX_VALUE));
        runLogWorkload(counting);
        assertFalse(counting.crashed());
        int events = counting.events();
        assertEquals(3, events);

        for (int n = 1; n <= events; n++) {
            CrashingFileStore store = new CrashingFileStore("t");
            store.arm(point.nth(n));
            assertThrows(SimulatedCrash.class, () -> runLogWorkload(store));
            assertEquals(n, content(store.afterPowerLoss(), REDO).length, "after force #" + n);
        }
    }

    private static void runLogWorkload(FileStore store) {
        FileIO f = store.open(REDO, true);
        try {
            for (int i = 0; i < 3; i++) {
                write(f, i, filled(1, i + 1));
                f.force();
            }
        } finally {
            f.close();
        }
    }

    @Test
    void positionPredicateRestrictsWhichWritesCount() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open(REDO, true);
        store.arm(CrashPoint.write(REDO, Phase.BEFORE).at(pos -> pos >= 2048).nth(2));
        write(f, 0, filled(512, 1));
        write(f, 2048, filled(512, 2)); // first matching
        write(f, 512, filled(512, 3));
        assertEquals(1, store.events());
        assertThrows(SimulatedCrash.class, () -> write(f, 4096, filled(512, 4)));
        assertEquals(2, store.events());
        assertEquals(2560, content(store.afterProcessKill(), REDO).length);
    }

    @Test
    void everyOperationThrowsAfterTheCrashButCloseDoesNot() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("db/t.ibd", true);
        FileIO g = store.open("ibdata1", true);
        write(f, 0, filled(8, 1));
        store.arm(CrashPoint.write("db/", Phase.AFTER));
        SimulatedCrash first = assertThrows(SimulatedCrash.class, () -> write(f, 0, filled(8, 2)));

        List<Executable> calls = List.of(
                () -> f.read(0, ByteBuffer.allocate(1)),
                () -> write(f, 0, filled(1, 1)),
                f::force,
                f::size,
                () -> f.truncate(0),
                () -> g.read(0, ByteBuffer.allocate(1)),
                () -> write(g, 0, filled(1, 1)),
                g::force,
                g::size,
                () -> g.truncate(0),
                () -> store.open("db/t.ibd", false),
                () -> store.open("new", true),
                () -> store.exists("db/t.ibd"),
                () -> store.delete("db/t.ibd"),
                () -> store.rename("db/t.ibd", "db/u.ibd"),
                () -> store.createDirectory("x"),
                () -> store.deleteDirectory("db"),
                () -> store.list(""));
        for (Executable call : calls) {
            SimulatedCrash later = assertThrows(SimulatedCrash.class, call);
            assertEquals(first, later.getCause());
        }
        f.close();
        g.close();
        assertEquals("t.ibd", store.afterPowerLoss().list("db").get(0), "the images are still there");
        assertTrue(store.persistent());
        assertEquals("crash:t", store.location());
    }

    @Test
    void aSimulatedCrashIsNotCaughtAsARuntimeException() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("a", true);
        store.arm(CrashPoint.write("", Phase.BEFORE));
        assertThrows(SimulatedCrash.class, () -> {
            try {
                write(f, 0, filled(1, 1));
            } catch (RuntimeException e) {
                fail("swallowed: " + e);
            }
        });
    }

    @Test
    void crashNowKillsTheStoreBetweenCalls() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("a", true);
        write(f, 0, filled(4, 1));
        f.force();
        write(f, 4, filled(4, 2));
        assertNull(store.crash());
        store.crashNow();
        assertTrue(store.crashed());
        assertThrows(SimulatedCrash.class, f::size);
        assertArrayEquals(filled(4, 1), content(store.afterPowerLoss(), "a"));
        assertArrayEquals(concat(filled(4, 1), filled(4, 2)), content(store.afterProcessKill(), "a"));
    }

    @Test
    void deleteRenameAndDirectoriesAreDurableAtOnce() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO a = store.open("#innodb_redo/#ib_redo1_tmp", true);
        write(a, 0, filled(8, 1));
        a.force();
        write(a, 8, filled(8, 2)); // never forced
        FileIO c = store.open("c", true);
        write(c, 0, filled(8, 3));
        c.force();
        store.createDirectory("db/sub");
        store.createDirectory("gone");
        store.open("gone/x.ibd", true);

        store.rename("#innodb_redo/#ib_redo1_tmp", "#innodb_redo/#ib_redo1");
        store.delete("c");
        store.deleteDirectory("gone");
        store.crashNow();

        MemoryFileStore power = store.afterPowerLoss();
        assertFalse(power.exists("#innodb_redo/#ib_redo1_tmp"));
        assertArrayEquals(filled(8, 1), content(power, "#innodb_redo/#ib_redo1"));
        assertFalse(power.exists("c"));
        assertFalse(power.exists("gone"));
        assertFalse(power.exists("gone/x.ibd"));
        assertTrue(power.exists("db/sub"));
        assertTrue(power.exists("db"));
        assertEquals(List.of("#innodb_redo", "db"), power.list(""));
        assertEquals(16, content(store.afterProcessKill(), "#innodb_redo/#ib_redo1").length);
    }

    @Test
    void anOpenFileFollowsItsRenameAndCrashPointsMatchTheCurrentName() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("tmp", true);
        store.rename("tmp", "final");
        store.arm(CrashPoint.force("final", Phase.AFTER));
        write(f, 0, filled(3, 1));
        assertThrows(SimulatedCrash.class, f::force);
        assertArrayEquals(filled(3, 1), content(store.afterPowerLoss(), "final"));
        assertEquals("tmp", f.name(), "a handle keeps the name it was opened with");
    }

    @Test
    void imagesAreIndependentCopies() {
        CrashingFileStore store = new CrashingFileStore("t");
        FileIO f = store.open("a", true);
        write(f, 0, filled(4, 1));
        f.force();
        MemoryFileStore power = store.afterPowerLoss();
        MemoryFileStore killed = store.afterProcessKill();

        write(f, 0, filled(4, 2));
        f.force();
        store.open("b", true);
        assertArrayEquals(filled(4, 1), content(power, "a"));
        assertArrayEquals(filled(4, 1), content(killed, "a"));
        assertFalse(power.exists("b"));

        FileIO p = power.open("a", false);
        write(p, 0, filled(4, 3));
        store.open("c", true);
        assertArrayEquals(filled(4, 2), content(store, "a"));
        assertArrayEquals(filled(4, 2), content(store.afterPowerLoss(), "a"));
        assertArrayEquals(filled(4, 1), content(killed, "a"));
    }

    @Test
    void openOfAMissingFileFailsAsOnADisk() {
        CrashingFileStore store = new CrashingFileStore("t");
        assertThrows(StorageIOException.class, () -> store.open("missing", false));
        assertThrows(StorageIOException.class, () -> store.rename("missing", "other"));
        assertFalse(store.crashed());
    }

    @Test
    void crashPointsRejectMeaninglessCombinations() {
        assertThrows(IllegalArgumentException.class, () -> CrashPoint.force("", Phase.MID));
        assertThrows(IllegalStateException.class, () -> CrashPoint.force("", Phase.AFTER).at(p -> true));
        assertThrows(IllegalStateException.class, () -> CrashPoint.write("", Phase.BEFORE).tornSectors(1));
        assertThrows(IllegalArgumentException.class, () -> CrashPoint.write("", Phase.MID).tornSectors(-1));
        assertThrows(IllegalArgumentException.class, () -> CrashPoint.write("", Phase.AFTER).nth(0));
    }

    @Test
    void concurrentWritersAllSeeTheCrash() throws Exception {
        CrashingFileStore store = new CrashingFileStore("t");
        int threads = 4;
        // Each thread writes until the crash stops it: a bounded count would let a fast thread finish
        // before the 1500th write and never see the crash.
        int writes = Integer.MAX_VALUE;
        store.arm(CrashPoint.write("db/", Phase.AFTER).nth(1500));
        AtomicInteger crashes = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            FileIO f = store.open("db/t" + t + ".ibd", true);
            workers.add(new Thread(() -> {
                try {
                    for (int i = 0; i < writes; i++) {
                        write(f, i * 8L, filled(8, 1));
                        if (i % 10 == 9) {
                            f.force();
                        }
                    }
                } catch (SimulatedCrash e) {
                    crashes.incrementAndGet();
                } finally {
                    f.close();
                }
            }));
        }
        for (Thread w : workers) {
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        assertTrue(store.crashed());
        assertEquals(threads, crashes.get(), "every thread dies with the process");
        assertEquals(1500, store.events());
        MemoryFileStore killed = store.afterProcessKill();
        long total = 0;
        for (int t = 0; t < threads; t++) {
            total += content(killed, "db/t" + t + ".ibd").length;
        }
        assertEquals(1500 * 8, total, "exactly the writes before the crash, and the one that fired it");
    }
}
