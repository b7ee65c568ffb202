package io.flushdb.storage.trx.lock;

import static io.flushdb.storage.trx.lock.LockTesting.GAP;
import static io.flushdb.storage.trx.lock.LockTesting.INDEX;
import static io.flushdb.storage.trx.lock.LockTesting.INSERT_INTENTION;
import static io.flushdb.storage.trx.lock.LockTesting.ORDINARY;
import static io.flushdb.storage.trx.lock.LockTesting.REC_NOT_GAP;
import static io.flushdb.storage.trx.lock.LockTesting.key;
import static io.flushdb.storage.trx.lock.LockTesting.register;
import static io.flushdb.storage.trx.lock.LockSys.Result.DEADLOCK;
import static io.flushdb.storage.trx.lock.LockSys.Result.GRANTED;
import static io.flushdb.storage.trx.lock.LockSys.Result.WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.trx.lock.LockTesting.TestClock;
import io.flushdb.storage.trx.lock.LockTesting.Waiter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deadlock detection, victim choice and the LATEST DETECTED DEADLOCK report. */
@Timeout(30)
class DeadlockTest {
    private static final long TIMEOUT = 50_000;

    private final TestClock clock = new TestClock();
    private final LockSys lockSys = new LockSys(clock);

    @AfterEach
    void invariantsHold() {
        assertTrue(lockSys.checkInvariants());
    }

    private LockSys.Result lock(TrxLocks t, int k, LockMode mode, int type) {
        return lockSys.lockRecord(t, INDEX, key(k), mode, type, 0, false);
    }

    @Test
    void twoSharersUpgradingToExclusiveDeadlock() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(WAIT, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(DEADLOCK, lock(t2, 5, LockMode.X, REC_NOT_GAP), "equal weights: the requester is the victim");
        assertFalse(lockSys.isWaiting(t2), "nothing enqueued");
        assertEquals(3, lockSys.locks().size());
        assertEquals(1, lockSys.deadlocks());

        Waiter w1 = Waiter.start(lockSys, clock, t1, TIMEOUT);
        lockSys.releaseAll(t2);
        assertEquals("granted", w1.get());
    }

    @Test
    void inATwoTransactionCycleOfEqualWeightTheRequesterIsTheVictim() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 1, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t1, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(DEADLOCK, lock(t2, 1, LockMode.X, REC_NOT_GAP));
        assertTrue(lockSys.isWaiting(t1));
        assertTrue(lockSys.latestDeadlock().endsWith("*** WE ROLL BACK TRANSACTION (2)\n"));
    }

    @Test
    void aLighterTransactionElsewhereInTheCycleIsTheVictimAndIsWoken() throws Exception {
        TrxLocks heavy = register(lockSys, 1, 100);
        TrxLocks light = register(lockSys, 2, 0);
        assertEquals(GRANTED, lock(heavy, 1, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(light, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(light, 1, LockMode.X, REC_NOT_GAP));
        Waiter victim = Waiter.start(lockSys, clock, light, TIMEOUT);

        assertEquals(WAIT, lock(heavy, 2, LockMode.X, REC_NOT_GAP), "the requester survives and waits");
        DeadlockException e = assertInstanceOf(DeadlockException.class, victim.get());
        assertEquals("Deadlock found when trying to get lock; try restarting transaction", e.getMessage());
        assertFalse(lockSys.isWaiting(light));
        assertEquals(1, lockSys.lockCount(light), "the victim keeps its locks until it rolls back");
        assertTrue(lockSys.latestDeadlock().endsWith("*** WE ROLL BACK TRANSACTION (1)\n"));

        Waiter survivor = Waiter.start(lockSys, clock, heavy, TIMEOUT);
        lockSys.releaseAll(light);
        assertEquals("granted", survivor.get());
    }

    @Test
    void aVictimChosenBeforeItStartsWaitingThrowsWhenItDoes() {
        TrxLocks heavy = register(lockSys, 1, 100);
        TrxLocks light = register(lockSys, 2, 0);
        assertEquals(GRANTED, lockSys.lockTable(heavy, 3, LockMode.X, false));
        assertEquals(GRANTED, lockSys.lockTable(light, 4, LockMode.X, false));
        assertEquals(WAIT, lockSys.lockTable(light, 3, LockMode.IX, false));
        assertEquals(WAIT, lockSys.lockTable(heavy, 4, LockMode.IS, false));
        assertThrows(DeadlockException.class, () -> lockSys.awaitGrant(light, 0));
        lockSys.releaseAll(light);
        lockSys.awaitGrant(heavy, 0);
        assertFalse(lockSys.isWaiting(heavy));
    }

    @Test
    void inAThreeTransactionCycleTheLightestIsTheVictim() throws Exception {
        TrxLocks t1 = register(lockSys, 1, 50);
        TrxLocks t2 = register(lockSys, 2, 5);
        TrxLocks t3 = register(lockSys, 3, 50);
        assertEquals(GRANTED, lock(t1, 1, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t3, 3, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t1, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 3, LockMode.X, REC_NOT_GAP));
        Waiter w1 = Waiter.start(lockSys, clock, t1, TIMEOUT);
        Waiter w2 = Waiter.start(lockSys, clock, t2, TIMEOUT);

        assertEquals(WAIT, lock(t3, 1, LockMode.X, REC_NOT_GAP));
        assertInstanceOf(DeadlockException.class, w2.get());
        assertTrue(lockSys.isWaiting(t1) && lockSys.isWaiting(t3));
        String report = lockSys.latestDeadlock();
        assertTrue(report.contains("*** (3) TRANSACTION:\nTRANSACTION 3,"), report);
        assertTrue(report.endsWith("*** WE ROLL BACK TRANSACTION (2)\n"), report);

        Waiter w3 = Waiter.start(lockSys, clock, t3, TIMEOUT);
        lockSys.releaseAll(t2);
        assertEquals("granted", w1.get());
        lockSys.releaseAll(t1);
        assertEquals("granted", w3.get());
    }

    @Test
    void inAThreeTransactionCycleOfEqualWeightTheRequesterIsTheVictim() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 1, LockMode.X, ORDINARY));
        assertEquals(GRANTED, lock(t2, 2, LockMode.X, ORDINARY));
        assertEquals(GRANTED, lock(t3, 3, LockMode.X, ORDINARY));
        assertEquals(WAIT, lock(t1, 2, LockMode.S, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 3, LockMode.S, ORDINARY));
        assertEquals(DEADLOCK, lock(t3, 1, LockMode.X, REC_NOT_GAP));
        assertTrue(lockSys.isWaiting(t1) && lockSys.isWaiting(t2));
        assertTrue(lockSys.latestDeadlock().endsWith("*** WE ROLL BACK TRANSACTION (3)\n"));
    }

    @Test
    void aCycleThroughTableAndRecordLocksIsFound() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.IX, false));
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lockSys.lockTable(t2, 4, LockMode.S, false));
        assertEquals(WAIT, lockSys.lockTable(t1, 4, LockMode.IX, false));
        assertEquals(DEADLOCK, lock(t2, 5, LockMode.S, REC_NOT_GAP));
        assertTrue(lockSys.latestDeadlock().contains(
                "TABLE LOCK table id 4 trx id 2 lock mode S\n\n*** (2) WAITING FOR THIS LOCK TO BE GRANTED:\n"
                        + "RECORD LOCKS index id 7 trx id 2 lock mode S locks rec but not gap waiting\nhex 05\n"),
                lockSys.latestDeadlock());
    }

    @Test
    void anEarlierWaiterIsAnEdgeOfTheWaitForGraph() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2, 10);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t3, 7, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t3, 5, LockMode.S, REC_NOT_GAP), "compatible with t1, but behind t2");
        assertEquals(0, lockSys.deadlocks());
        // t1 -> t3 (record 7) -> t2 (waiting ahead on record 5) -> t1 (granted S on record 5)
        assertEquals(DEADLOCK, lock(t1, 7, LockMode.S, REC_NOT_GAP));
        assertEquals(1, lockSys.deadlocks());
    }

    @Test
    void theReportShowsBothTransactionsInMySqlLayout() {
        lockSys.setDescriber(new LockDescriber() {
            @Override
            public String index(long indexId) {
                return "`PRIMARY` of table `db`.`t`";
            }

            @Override
            public String key(long indexId, byte[] key) {
                return "id=" + key[0];
            }

            @Override
            public String table(long tableId) {
                return "`db`.`t`";
            }
        });
        assertNull(lockSys.latestDeadlock());
        TrxLocks t1 = register(lockSys, 101);
        TrxLocks t2 = register(lockSys, 102);
        assertEquals(GRANTED, lock(t1, 1, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t1, 2, LockMode.X, REC_NOT_GAP));
        assertEquals(DEADLOCK, lock(t2, 1, LockMode.X, REC_NOT_GAP));

        String report = lockSys.latestDeadlock();
        int firstLineEnd = report.indexOf('\n');
        assertTrue(report.substring(0, firstLineEnd).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 0x[0-9a-f]+"),
                report);
        assertEquals("""
                *** (1) TRANSACTION:
                TRANSACTION 101, ACTIVE 1 sec

                *** (1) HOLDS THE LOCK(S):
                RECORD LOCKS index `PRIMARY` of table `db`.`t` trx id 101 lock_mode X locks rec but not gap
                id=1

                *** (1) WAITING FOR THIS LOCK TO BE GRANTED:
                RECORD LOCKS index `PRIMARY` of table `db`.`t` trx id 101 lock_mode X locks rec but not gap waiting
                id=2

                *** (2) TRANSACTION:
                TRANSACTION 102, ACTIVE 1 sec

                *** (2) HOLDS THE LOCK(S):
                RECORD LOCKS index `PRIMARY` of table `db`.`t` trx id 102 lock_mode X locks rec but not gap
                id=2

                *** (2) WAITING FOR THIS LOCK TO BE GRANTED:
                RECORD LOCKS index `PRIMARY` of table `db`.`t` trx id 102 lock_mode X locks rec but not gap waiting
                id=1

                *** WE ROLL BACK TRANSACTION (2)
                """, report.substring(firstLineEnd + 1));
    }

    @Test
    void theReportNamesGapLocksAndTheSupremum() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, LockSys.SUPREMUM, LockMode.X, ORDINARY, 0, false));
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, LockSys.SUPREMUM, LockMode.S, ORDINARY, 0, false));
        assertEquals(WAIT, lockSys.lockRecord(t1, INDEX, LockSys.SUPREMUM, LockMode.X, INSERT_INTENTION, 0, false));
        assertEquals(DEADLOCK, lockSys.lockRecord(t2, INDEX, LockSys.SUPREMUM, LockMode.X, INSERT_INTENTION, 0, false));
        String report = lockSys.latestDeadlock();
        assertTrue(report.contains("RECORD LOCKS index id 7 trx id 1 lock_mode X locks gap before rec insert intention"
                + " waiting\nsupremum pseudo-record\n"), report);
        assertTrue(report.contains("RECORD LOCKS index id 7 trx id 2 lock mode S\nsupremum pseudo-record\n"), report);
    }

    @Test
    void aSearchTooDeepRollsBackTheRequester() {
        LockSys shallow = new LockSys(clock, new DeadlockDetector(1, 1000));
        TrxLocks t1 = register(shallow, 1);
        TrxLocks t2 = register(shallow, 2);
        TrxLocks t3 = register(shallow, 3);
        TrxLocks t4 = register(shallow, 4);
        for (TrxLocks t : new TrxLocks[] {t1, t2, t3}) {
            assertEquals(GRANTED, shallow.lockRecord(t, INDEX, key((int) t.trxId()), LockMode.X, ORDINARY, 0, false));
        }
        assertEquals(WAIT, shallow.lockRecord(t2, INDEX, key(1), LockMode.X, ORDINARY, 0, false));
        assertEquals(WAIT, shallow.lockRecord(t3, INDEX, key(2), LockMode.X, ORDINARY, 0, false));
        assertEquals(DEADLOCK, shallow.lockRecord(t4, INDEX, key(3), LockMode.X, ORDINARY, 0, false));
        assertTrue(shallow.latestDeadlock().contains(
                "TOO DEEP OR LONG SEARCH IN THE LOCK TABLE WAITS-FOR GRAPH, WE WILL ROLL BACK FOLLOWING TRANSACTION"
                        + " \n\n*** TRANSACTION:\nTRANSACTION 4, ACTIVE 1 sec\n"), shallow.latestDeadlock());
        assertFalse(shallow.isWaiting(t4));
        assertEquals(1, shallow.deadlocks());
        assertTrue(shallow.checkInvariants());
    }

    @Test
    void aCycleClosedByAnInheritedGapLockIsFound() throws Exception {
        TrxLocks a = register(lockSys, 1);
        TrxLocks b = register(lockSys, 2);
        TrxLocks c = register(lockSys, 3);
        assertEquals(GRANTED, lock(a, 2, LockMode.S, ORDINARY));
        assertEquals(GRANTED, lock(b, 9, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(c, 3, LockMode.S, GAP));
        assertEquals(WAIT, lock(a, 9, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(b, 3, LockMode.X, INSERT_INTENTION));
        Waiter wa = Waiter.start(lockSys, clock, a, TIMEOUT);
        Waiter wb = Waiter.start(lockSys, clock, b, TIMEOUT);

        // a's gap on record 2 moves to record 3, where b's insert waits: b waits for a, a for b.
        lockSys.inheritOnRemove(INDEX, key(2), key(3));
        assertInstanceOf(DeadlockException.class, wb.get(), "the waiter the new lock blocks is the victim");
        assertEquals(1, lockSys.deadlocks());
        lockSys.releaseAll(b);
        assertEquals("granted", wa.get());
    }
}
