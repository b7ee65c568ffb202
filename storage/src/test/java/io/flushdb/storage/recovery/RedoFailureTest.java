package io.flushdb.storage.recovery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.EngineFailedException;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.log.RedoLogFailedException;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.FaultInjectingFileStore;
import io.flushdb.storage.testing.Tables;
import io.flushdb.storage.trx.Transaction;
import org.junit.jupiter.api.Test;

/** A failed redo write or fsync makes the engine refuse writes for good, naming the cause; reads go on. */
class RedoFailureTest {
    private static Object[] person(long id) {
        return new Object[] {id, "user" + id + "@example.com", "city", null};
    }

    @Test
    void aFailedRedoFsyncFailsTheCommitAndEveryLaterWrite() {
        FaultInjectingFileStore store = new FaultInjectingFileStore(new MemoryFileStore("redo-fail"));
        try (Engine e = Engine.open(EngineConfig.store(store))) {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            Transaction ok = e.newTransaction();
            t.insert(person(1), ok);
            ok.commit(1);

            store.failForceAfter(1, name -> name.startsWith("#innodb_redo/"));
            Transaction doomed = e.newTransaction();
            t.insert(person(2), doomed);
            // The committing thread led the flush pass: it sees the I/O error itself.
            RuntimeException ex = assertThrows(RuntimeException.class, () -> doomed.commit(1));
            assertTrue(ex.getMessage().contains("injected fsync failure"), ex.getMessage());
            // Every later flush is refused with the first failure named.
            RedoLogFailedException again = assertThrows(RedoLogFailedException.class,
                    () -> e.redoLog().flushUpTo(e.currentLsn() + 1, true));
            assertTrue(again.getMessage().contains("injected fsync failure"), again.getMessage());
            assertSame(Engine.State.FAILED, e.state());

            store.heal();
            EngineFailedException later = assertThrows(EngineFailedException.class, e::checkWritable);
            assertTrue(later.getMessage().contains("injected fsync failure"), later.getMessage());
            Transaction next = e.newTransaction();
            assertThrows(RuntimeException.class, () -> {
                t.insert(person(3), next);
                next.commit(1);
            });
            Object[] row = new Object[4];
            assertTrue(t.lookup(new Object[] {1L, null, null, null}, row), "committed data stays readable");
            assertArrayEquals(person(1), row);
        }
    }
}
