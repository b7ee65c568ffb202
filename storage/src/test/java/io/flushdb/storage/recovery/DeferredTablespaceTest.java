package io.flushdb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.dict.TableDef;
import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.log.LogFormat;
import io.flushdb.storage.log.RedoLogCorruptException;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.CrashingFileStore;
import io.flushdb.storage.testing.Tables;
import io.flushdb.storage.trx.Transaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 003: a data file whose page 0 is zero-filled (created but not yet written, or copied in that
 * state by a backup taken while the engine ran) is rebuilt from the redo log, also when recovery
 * applies the redo in several batches; and damage in the middle of the redo stops the open.
 */
class DeferredTablespaceTest {
    @TempDir
    Path dir;

    private static Object[] person(long id) {
        return new Object[] {id, "user" + id + "@example.com", "city" + (id % 13), id % 5 == 0 ? "x".repeat(300) : null};
    }

    private static void insertCommitted(Engine e, TableStore t, long from, long to) {
        for (long id = from; id < to; id++) {
            Transaction trx = e.newTransaction();
            t.insert(person(id), trx);
            trx.commit(1);
        }
    }

    /** The seed 003 test: checkpoint, copy while running (data files before redo), zero page 0, open the copy. */
    @Test
    void aCopyWithAZeroFilledPageZeroRecoversAndTheTableIsUsable() throws IOException {
        Path live = dir.resolve("live");
        Path copy = dir.resolve("copy");
        int spaceId;
        try (Engine e = Engine.open(EngineConfig.directory(live))) {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            spaceId = t.definition().spaceId();
            insertCommitted(e, t, 0, 50);
            e.checkpointNow(); // SET GLOBAL innodb_log_checkpoint_now = 1
            copyWhileRunning(live, copy);
        }
        zeroPageZero(copy.resolve("db/people.ibd"), 16384);

        List<String> messages = new ArrayList<>();
        try (Engine r = Engine.open(EngineConfig.directory(copy).messages(messages::add))) {
            assertNotNull(r.recovery());
            assertTrue(r.recovery().deferredSpaces().contains(spaceId), "deferred: " + r.recovery().deferredSpaces());
            assertTrue(messages.stream().anyMatch(m -> m.contains("zero-filled page 0")), messages.toString());
            TableStore t = r.dictionary().table("db", "people").store();
            assertEquals(50, t.check());
            insertCommitted(r, t, 50, 400); // allocates pages: page 0's free list and size are right
            assertEquals(400, t.check());
            r.dictionary().dropTable("db", "people");
            assertNull(r.dictionary().table("db", "people"));
            TableDef again = Tables.people("db");
            TableStore t2 = r.dictionary().createTable(again).store();
            insertCommitted(r, t2, 0, 10);
            assertEquals(10, t2.check());
            r.dictionary().dropTable("db", "people");
        }
        try (Engine r = Engine.open(EngineConfig.directory(copy))) {
            assertNull(r.dictionary().table("db", "people"));
            assertTrue(r.lastShutdownClean());
        }
    }

    /** Data files first, then the redo log, as a backup tool copies a running server. */
    private static void copyWhileRunning(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("flushdb.lock"))
                    .sorted((a, b) -> Boolean.compare(isRedo(from, a), isRedo(from, b))).toList();
        }
        for (Path f : files) {
            Path target = to.resolve(from.relativize(f));
            Files.createDirectories(target.getParent());
            Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean isRedo(Path root, Path f) {
        return root.relativize(f).toString().startsWith(LogFormat.DIRECTORY);
    }

    private static void zeroPageZero(Path file, int pageSize) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(pageSize), 0);
        }
    }

    /**
     * A crash long after the checkpoint, page 0 zero-filled in what survived, and a recovery memory
     * budget that splits the redo into many batches: page 0 comes from the FILE_MODIFY image the
     * checkpoint logged and every batch's records apply on top of it.
     */
    @Test
    void aDeferredPageZeroIsRebuiltAcrossSeveralBatches() {
        CrashingFileStore disk = new CrashingFileStore("defer");
        int spaceId;
        Engine e = Engine.open(EngineConfig.store(disk).bufferPoolSize(8 << 20));
        try {
            e.checkpointer().setPeriodMillis(86_400_000L);
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            spaceId = t.definition().spaceId();
            insertCommitted(e, t, 0, 100);
            e.checkpointNow();
            insertCommitted(e, t, 100, 3000);
            disk.crashNow();
        } finally {
            CrashRecoveryTest.abandon(e);
        }
        MemoryFileStore survived = disk.afterPowerLoss();
        try (FileIO f = survived.open("db/people.ibd", false)) {
            f.write(0, ByteBuffer.allocate(16384));
        }
        try (Engine r = Engine.open(EngineConfig.store(survived).recoveryMemory(64 * 1024).messages(m -> { }))) {
            Recovery.Result res = r.recovery();
            assertTrue(res.batches() > 3, "batches: " + res.batches());
            assertTrue(res.deferredSpaces().contains(spaceId));
            TableStore t = r.dictionary().table("db", "people").store();
            assertEquals(3000, t.check());
            insertCommitted(r, t, 3000, 3100);
            assertEquals(3100, t.check());
        }
    }

    /** Flips bits in one byte of the redo block at {@code block}, so it fails its checksum. */
    private static void damageRedoBlock(MemoryFileStore store, long block) {
        try (io.flushdb.storage.log.LogFiles log = io.flushdb.storage.log.LogFiles.open(store)) {
            ByteBuffer b = ByteBuffer.allocate(LogFormat.BLOCK);
            log.read(block, b);
            b.put(100, (byte) (b.get(100) ^ 0x5A));
            b.flip();
            log.write(block, b);
        }
    }

    /** A damaged block with valid redo after it is corruption, named by LSN, and the open is refused. */
    @Test
    void damageInTheMiddleOfTheRedoRefusesTheOpen() {
        CrashingFileStore disk = new CrashingFileStore("damage");
        Engine e = Engine.open(EngineConfig.store(disk));
        long lsn;
        try {
            e.checkpointer().setPeriodMillis(86_400_000L);
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            e.checkpointNow();
            lsn = e.currentLsn();
            insertCommitted(e, t, 0, 500);
            disk.crashNow();
        } finally {
            CrashRecoveryTest.abandon(e);
        }
        MemoryFileStore survived = disk.afterPowerLoss();
        // Damage one byte of a block some way after the checkpoint, inside the durable redo.
        long block = LogFormat.blockStart(lsn) + 4 * LogFormat.BLOCK;
        damageRedoBlock(survived, block);
        RedoLogCorruptException ex = assertThrows(RedoLogCorruptException.class,
                () -> Engine.open(EngineConfig.store(survived).messages(m -> { })));
        assertEquals(block, ex.lsn());
    }

    /**
     * A power loss can persist the sectors of a write that was never forced out of order: a block
     * of that write is damaged while later blocks of it are intact. Those blocks say (their durable
     * distance) that the damaged one was not yet forced when they were written, so the log ends
     * at the damage and the open succeeds with every durable commit.
     */
    @Test
    void damageInAWriteThatWasNeverForcedEndsTheLog() {
        CrashingFileStore disk = new CrashingFileStore("unforced");
        Engine e = Engine.open(EngineConfig.store(disk).flushLogAtTimeoutSeconds(2700));
        long durable;
        long written;
        try {
            e.checkpointer().setPeriodMillis(86_400_000L);
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            e.checkpointNow();
            insertCommitted(e, t, 0, 200);
            durable = e.redoLog().flushedLsn();
            for (long id = 200; id < 400; id++) {
                Transaction trx = e.newTransaction();
                t.insert(person(id), trx);
                trx.commit(2); // written, not forced
            }
            written = e.redoLog().writtenLsn();
            disk.crashNow();
        } finally {
            CrashRecoveryTest.abandon(e);
        }
        MemoryFileStore survived = disk.afterProcessKill();
        long block = LogFormat.blockStart(durable) + 3 * LogFormat.BLOCK;
        assertTrue(block + 8 * LogFormat.BLOCK < written, "intact unforced blocks follow the damage");
        damageRedoBlock(survived, block);
        List<byte[]> unforced = new ArrayList<>();
        try (io.flushdb.storage.log.LogFiles log = io.flushdb.storage.log.LogFiles.open(survived)) {
            for (long at = block + LogFormat.BLOCK; at + LogFormat.BLOCK <= LogFormat.blockStart(written);
                    at += LogFormat.BLOCK) {
                ByteBuffer b = ByteBuffer.allocate(LogFormat.BLOCK);
                log.read(at, b);
                assertTrue(LogFormat.checkBlock(b, 0, at) >= 0, "intact unforced block at " + at);
                unforced.add(b.array());
            }
        }
        try (Engine r = Engine.open(EngineConfig.store(survived).messages(m -> { }))) {
            TableStore t = r.dictionary().table("db", "people").store();
            long rows = t.check();
            assertTrue(rows >= 200 && rows < 400, "every durable commit, nothing past the damage: " + rows);
            Object[] row = new Object[4];
            for (long id = 0; id < 200; id++) {
                assertTrue(t.lookup(new Object[] {id, null, null, null}, row), "durable row " + id);
            }
            assertFalse(t.lookup(new Object[] {399L, null, null, null}, row), "the last commit lay past the damage");
        }
        // No intact block of the unforced write after the damage is left (recovery erased those the
        // new redo did not overwrite): new redo ending just before one could run on into it.
        try (io.flushdb.storage.log.LogFiles log = io.flushdb.storage.log.LogFiles.open(survived)) {
            ByteBuffer b = ByteBuffer.allocate(LogFormat.BLOCK);
            for (int i = 0; i < unforced.size(); i++) {
                long at = block + (i + 1L) * LogFormat.BLOCK;
                b.clear();
                log.read(at, b);
                assertFalse(java.util.Arrays.equals(unforced.get(i), b.array()),
                        "the block of the unforced write at LSN " + at + " is still there");
            }
        }
    }
}
