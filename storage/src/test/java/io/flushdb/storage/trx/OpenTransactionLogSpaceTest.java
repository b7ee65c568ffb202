package io.flushdb.storage.trx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.Engine;
import io.flushdb.storage.EngineConfig;
import io.flushdb.storage.dict.Collation;
import io.flushdb.storage.io.MemoryFileStore;
import io.flushdb.storage.log.LogSpacePinnedException;
import io.flushdb.storage.row.TableStore;
import io.flushdb.storage.testing.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An open transaction holds the checkpoint back (its undo lives in the redo). When the redo written
 * since its first change fills the log, new changes are refused with {@link LogSpacePinnedException}
 * rather than waiting for ever; the transaction's own commit or rollback never waits for space and
 * frees the log. Before this, both cases below hung every writer.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpenTransactionLogSpaceTest {
    /** A small ring, so a few thousand rows fill it. */
    private static final long CAPACITY = 1L << 20;

    private static Object[] person(long id) {
        return new Object[] {id, "user" + id + "@example.com", "city" + id % 7, "note " + id};
    }

    private static Engine open(String name) {
        return Engine.open(EngineConfig.store(new MemoryFileStore(name)).redoLogCapacity(CAPACITY));
    }

    @Test
    void anIdleOpenTransactionMakesOtherWritersFailInsteadOfHangingUntilItEnds() {
        try (Engine e = open("pinned-by-idle")) {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            Transaction idle = e.newTransaction();
            t.insert(person(0), idle);

            long id = 1;
            LogSpacePinnedException refused = null;
            while (refused == null && id < 1_000_000) {
                Transaction w = e.newTransaction();
                try {
                    t.insert(person(id), w);
                    w.commit(2);
                    id++;
                } catch (LogSpacePinnedException ex) {
                    w.rollback();
                    refused = ex;
                }
            }
            assertTrue(refused != null, "writers were never refused");
            long written = e.redoLog().currentLsn() - refused.pinnedLsn();
            long reserved = e.transactions().reservedBytes();
            assertTrue(reserved > 0, "the open transaction keeps space for its rollback");
            assertTrue(written + reserved > e.redoLog().freeLimit() && written <= CAPACITY,
                    "refused once the redo since the open transaction and the reservations passed the free limit: "
                            + written + " + " + reserved);
            assertTrue(refused.getMessage().contains("innodb_redo_log_capacity"), refused.getMessage());

            // The idle transaction ends without waiting for space; then writers go on.
            idle.commit(1);
            for (long k = 0; k < 2 * id; k++) {
                Transaction w = e.newTransaction();
                t.insert(person(id + k), w);
                w.commit(2);
            }
            Object[] row = new Object[4];
            assertTrue(t.lookup(new Object[] {0L, null, null, null}, row), "the idle transaction's row committed");
            assertEquals(3 * id, t.check(), "rows after the log was freed (index checker clean)");
        }
    }

    @Test
    void aTransactionLargerThanTheLogIsRefusedAndRollsBackWithoutWaiting() {
        try (Engine e = open("pinned-by-self")) {
            e.dictionary().createDatabase("db", Collation.UTF8MB4_0900_AI_CI, false);
            TableStore t = e.dictionary().createTable(Tables.people("db")).store();
            Transaction committed = e.newTransaction();
            t.insert(person(-1), committed);
            committed.commit(1);

            Transaction big = e.newTransaction();
            long id = 0;
            LogSpacePinnedException refused = assertThrows(LogSpacePinnedException.class, () -> {
                for (long k = 0; k < 1_000_000; k++) {
                    // As the SQL layer does: the change, then its entry in the transaction's undo log.
                    Object[] row = t.insert(person(k), big);
                    big.recordInsert(t, row);
                }
            });
            assertTrue(big.undoEntries() > 500, "it wrote a lot before the refusal: " + big.undoEntries());
            big.rollback();
            Object[] row = new Object[4];
            assertFalse(t.lookup(new Object[] {0L, null, null, null}, row), "rolled back");
            assertEquals(1, t.check(), "only the committed row is left");
            assertTrue(refused.pinnedLsn() > 0);

            // The log is usable again: as many rows fit in smaller transactions.
            for (long k = 0; k < 4; k++) {
                Transaction w = e.newTransaction();
                for (long j = 0; j < 500; j++) {
                    t.insert(person(id++), w);
                }
                w.commit(1);
            }
            assertEquals(2001, t.check());
        }
    }
}
