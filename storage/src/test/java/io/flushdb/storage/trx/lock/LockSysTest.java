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
import static io.flushdb.storage.trx.lock.LockSys.Result.WOULD_BLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flushdb.storage.trx.LockWaitTimeoutException;
import io.flushdb.storage.trx.lock.LockTesting.TestClock;
import io.flushdb.storage.trx.lock.LockTesting.Waiter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Requests, waits, grants, inheritance and views of the lock system (deadlocks: DeadlockTest). */
@Timeout(30)
class LockSysTest {
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

    /** The locks as "trx:mode:status" for record locks on key k (or the supremum for k < 0). */
    private List<String> locksOn(int k) {
        return lockSys.locks().stream()
                .filter(v -> !v.table() && (k < 0 ? v.supremum() : !v.supremum() && v.key()[0] == k))
                .map(v -> v.trxId() + ":" + v.lockMode() + ":" + v.lockStatus())
                .collect(Collectors.toList());
    }

    @Test
    void sharedLocksAreGrantedTogetherAndAnExclusiveOneWaits() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.S, ORDINARY));
        assertEquals(WAIT, lock(t3, 5, LockMode.X, REC_NOT_GAP));
        assertTrue(lockSys.isWaiting(t3));
        assertEquals(List.of("1:S,REC_NOT_GAP:GRANTED", "2:S:GRANTED", "3:X,REC_NOT_GAP:WAITING"), locksOn(5));
        assertEquals(GRANTED, lock(register(lockSys, 4), 6, LockMode.X, ORDINARY), "other records are independent");
    }

    /** A key given as the start of a longer, reused array names the same record as an exact array. */
    @Test
    void aKeyInAReusedArrayNamesTheSameRecord() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        byte[] scratch = {5, 77, 99, 3};
        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, scratch, 1, LockMode.X, REC_NOT_GAP, 0, false));
        scratch[0] = 6;
        scratch[1] = 1;
        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, scratch, 1, LockMode.X, REC_NOT_GAP, 0, false),
                "the first queue kept its own copy of 5");
        assertEquals(WAIT, lock(t2, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(List.of("1:X,REC_NOT_GAP:GRANTED", "2:S,REC_NOT_GAP:WAITING"), locksOn(5));
        assertEquals(List.of("1:X,REC_NOT_GAP:GRANTED"), locksOn(6));
        assertEquals(1, lockSys.locks().stream().filter(v -> !v.table() && v.key().length == 1 && v.key()[0] == 6)
                .count(), "the copy is the key's length, not the array's");
    }

    @Test
    void gapLocksNeverConflictWithEachOther() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.X, GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.S, GAP));
        assertEquals(2, locksOn(5).size(), "t2's S,GAP is covered by its X,GAP");
    }

    @Test
    void aRecordLockDoesNotWaitForAGapLock() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t3, 5, LockMode.X, ORDINARY), "t2's record part blocks t3's next-key lock");
    }

    @Test
    void insertIntentionWaitsForGapAndNextKeyLocksButNotForRecordOnlyLocks() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 5, LockMode.X, INSERT_INTENTION));
        assertEquals(List.of("1:X,REC_NOT_GAP:GRANTED"), locksOn(5), "an insert that need not wait stores no lock");

        assertEquals(GRANTED, lock(t1, 6, LockMode.S, GAP));
        assertEquals(WAIT, lock(t2, 6, LockMode.X, INSERT_INTENTION));
        assertEquals(GRANTED, lock(t3, 7, LockMode.S, ORDINARY));
        assertEquals(WAIT, lock(t1, 7, LockMode.X, INSERT_INTENTION));
        assertEquals(List.of("3:S:GRANTED", "1:X,GAP,INSERT_INTENTION:WAITING"), locksOn(7));
    }

    @Test
    void nothingWaitsForAnInsertIntention() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, INSERT_INTENTION));
        assertEquals(GRANTED, lock(t3, 5, LockMode.X, REC_NOT_GAP), "not blocked by the waiting insert intention");
        assertEquals(GRANTED, lock(t3, 5, LockMode.X, GAP));
    }

    @Test
    void onTheSupremumOnlyInsertsWait() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, LockSys.SUPREMUM, LockMode.X, ORDINARY, 0, false));
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, LockSys.SUPREMUM, LockMode.X, ORDINARY, 0, false));
        assertEquals(WAIT, lockSys.lockRecord(t3, INDEX, LockSys.SUPREMUM, LockMode.X, INSERT_INTENTION, 0, false));
        TrxLocks t4 = register(lockSys, 4);
        assertEquals(GRANTED, lockSys.lockRecord(t4, INDEX, new byte[0], LockMode.X, INSERT_INTENTION, 0, false),
                "an empty key is a record, not the supremum");
        assertEquals(List.of("1:X:GRANTED", "2:X:GRANTED", "3:X,GAP,INSERT_INTENTION:WAITING"), locksOn(-1));
    }

    @Test
    void aCoveringLockGrantsAtOnceWithoutANewLock() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, ORDINARY));
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, GAP));
        assertEquals(1, lockSys.lockCount(t1));

        assertEquals(GRANTED, lock(t1, 6, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t1, 6, LockMode.X, ORDINARY), "REC_NOT_GAP does not cover the gap");
        assertEquals(3, lockSys.lockCount(t1));

        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, LockSys.SUPREMUM, LockMode.X, REC_NOT_GAP, 0, false));
        assertEquals(GRANTED, lockSys.lockRecord(t1, INDEX, LockSys.SUPREMUM, LockMode.S, ORDINARY, 0, false));
        assertEquals(4, lockSys.lockCount(t1), "on the supremum any lock of a strong enough mode covers");

        // A covered request is granted even behind a waiter.
        assertEquals(GRANTED, lock(t1, 8, LockMode.S, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 8, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t1, 8, LockMode.S, REC_NOT_GAP));
        assertEquals(5, lockSys.lockCount(t1));
        assertEquals(5, lockSys.rowLockCount(t1));
    }

    @Test
    void waitersAreGrantedInArrivalOrder() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        TrxLocks t4 = register(lockSys, 4);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t3, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(WAIT, lock(t4, 5, LockMode.S, REC_NOT_GAP));
        Waiter w2 = Waiter.start(lockSys, clock, t2, TIMEOUT);
        Waiter w3 = Waiter.start(lockSys, clock, t3, TIMEOUT);
        Waiter w4 = Waiter.start(lockSys, clock, t4, TIMEOUT);

        lockSys.releaseAll(t1);
        assertEquals("granted", w2.get());
        assertTrue(lockSys.isWaiting(t3) && lockSys.isWaiting(t4), "the S requests wait behind t2's X");
        assertFalse(w3.isDone() || w4.isDone());

        lockSys.releaseAll(t2);
        assertEquals("granted", w3.get());
        assertEquals("granted", w4.get());
        assertEquals(List.of("3:S,REC_NOT_GAP:GRANTED", "4:S,REC_NOT_GAP:GRANTED"), locksOn(5));
    }

    @Test
    void aCompatibleRequestDoesNotOvertakeAnEarlierWaiter() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t3, 5, LockMode.S, REC_NOT_GAP), "compatible with t1's S but behind t2's X");
        List<WaitView> waits = lockSys.waits();
        assertEquals(List.of("2<-1", "3<-2"), waits.stream()
                .map(w -> w.requesting().trxId() + "<-" + w.blocking().trxId()).collect(Collectors.toList()));
    }

    @Test
    void noWaitAnswersWouldBlockAndEnqueuesNothing() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.X, false));
        assertEquals(WOULD_BLOCK, lockSys.lockRecord(t2, INDEX, key(5), LockMode.S, REC_NOT_GAP, 0, true));
        assertEquals(WOULD_BLOCK, lockSys.lockTable(t2, 3, LockMode.IS, true));
        assertFalse(lockSys.isWaiting(t2));
        assertEquals(2, lockSys.locks().size());
        assertTrue(lockSys.waits().isEmpty());
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, key(6), LockMode.S, REC_NOT_GAP, 0, true));
    }

    @Test
    void aTimedOutRequestIsRemovedAndTheTransactionKeepsItsLocks() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 6, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lockSys.lockTable(t2, 3, LockMode.IX, false));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t3, 5, LockMode.S, REC_NOT_GAP), "behind t2's waiting X");
        Waiter w2 = Waiter.start(lockSys, clock, t2, 1000);
        Waiter w3 = Waiter.start(lockSys, clock, t3, TIMEOUT);
        assertEquals(2, lockSys.currentWaits());

        clock.advanceMillis(999);
        lockSys.wakeAll();
        assertTrue(lockSys.isWaiting(t2), "not yet");
        clock.advanceMillis(2);
        lockSys.wakeAll();
        LockWaitTimeoutException e = assertInstanceOf(LockWaitTimeoutException.class, w2.get());
        assertTrue(e.getMessage().startsWith("Lock wait timeout exceeded; try restarting transaction"));
        assertEquals("granted", w3.get(), "removing t2's request lets t3 in");

        assertFalse(lockSys.isWaiting(t2));
        assertEquals(2, lockSys.lockCount(t2));
        assertEquals(List.of("2:X,REC_NOT_GAP:GRANTED"), locksOn(6));
        assertEquals(List.of("1:S,REC_NOT_GAP:GRANTED", "3:S,REC_NOT_GAP:GRANTED"), locksOn(5));
        assertEquals(0, lockSys.currentWaits());
        assertEquals(2, lockSys.lockWaits());
        assertEquals(2002, lockSys.lockWaitTimeTotalMillis(), "both waited 1001 ms");
        assertEquals(1001, lockSys.lockWaitTimeMaxMillis());
    }

    @Test
    void aZeroTimeoutGivesUpAtOnce() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.S, false));
        assertEquals(WAIT, lockSys.lockTable(t2, 3, LockMode.IX, false));
        assertThrows(LockWaitTimeoutException.class, () -> lockSys.awaitGrant(t2, 0));
        assertFalse(lockSys.isWaiting(t2));
        assertEquals(0, lockSys.lockWaits(), "table lock waits are not row lock waits");
    }

    @Test
    void anInterruptedWaitGivesUpAsATimeoutAndKeepsTheFlag() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        Thread.currentThread().interrupt();
        try {
            assertThrows(LockWaitTimeoutException.class, () -> lockSys.awaitGrant(t2, TIMEOUT));
            assertTrue(Thread.interrupted());
        } finally {
            Thread.interrupted();
        }
        assertFalse(lockSys.isWaiting(t2));
        assertEquals(List.of("1:X,REC_NOT_GAP:GRANTED"), locksOn(5));
    }

    @Test
    void anImplicitLockIsMadeExplicitAndWaitedFor() throws Exception {
        TrxLocks owner = register(lockSys, 10);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(WAIT, lockSys.lockRecord(t2, INDEX, key(5), LockMode.S, REC_NOT_GAP, 10, false));
        assertEquals(List.of("10:X,REC_NOT_GAP:GRANTED", "2:S,REC_NOT_GAP:WAITING"), locksOn(5));
        assertEquals(1, lockSys.lockCount(owner));
        Waiter w = Waiter.start(lockSys, clock, t2, TIMEOUT);
        lockSys.releaseAll(owner);
        assertEquals("granted", w.get());
        assertEquals(List.of("2:S,REC_NOT_GAP:GRANTED"), locksOn(5));
    }

    @Test
    void anImplicitLockIsConvertedOnlyWhenNeeded() {
        TrxLocks owner = register(lockSys, 10);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lockSys.lockRecord(owner, INDEX, key(5), LockMode.X, ORDINARY, 10, false));
        assertEquals(WOULD_BLOCK, lockSys.lockRecord(t2, INDEX, key(5), LockMode.X, REC_NOT_GAP, 10, true));
        assertEquals(List.of("10:X:GRANTED"), locksOn(5), "no second lock for an owner that holds X");
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, key(6), LockMode.X, REC_NOT_GAP, 99, false),
                "an owner that is not active (committed) locks nothing");
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, key(7), LockMode.X, REC_NOT_GAP, 2, false),
                "the requester's own implicit lock");
        assertEquals(List.of("2:X,REC_NOT_GAP:GRANTED"), locksOn(7));
    }

    @Test
    void removingARecordMovesItsLocksToTheHeirAsGapLocks() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, ORDINARY));
        assertEquals(GRANTED, lock(t2, 5, LockMode.X, GAP));
        assertEquals(GRANTED, lock(t3, 5, LockMode.S, REC_NOT_GAP), "t3 is not blocked by gap locks");
        assertEquals(GRANTED, lock(t2, 6, LockMode.X, GAP));

        lockSys.inheritOnRemove(INDEX, key(5), key(6));
        assertEquals(List.of(), locksOn(5));
        assertEquals(List.of("2:X,GAP:GRANTED", "1:S,GAP:GRANTED", "3:S,GAP:GRANTED"), locksOn(6),
                "t2's inherited gap is covered by the one it held");
        assertEquals(1, lockSys.lockCount(t1));
        TrxLocks t4 = register(lockSys, 4);
        assertEquals(WAIT, lock(t4, 6, LockMode.X, INSERT_INTENTION), "the gap stays locked");
    }

    @Test
    void insertIntentionsAreNotInheritedAndTheSupremumCanBeTheHeir() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.S, GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, INSERT_INTENTION));
        lockSys.releaseAll(t1);
        assertEquals(List.of("2:X,GAP,INSERT_INTENTION:GRANTED"), locksOn(5));
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t3, 5, LockMode.X, REC_NOT_GAP));

        lockSys.inheritOnRemove(INDEX, key(5), LockSys.SUPREMUM);
        assertEquals(List.of("3:X,GAP:GRANTED"), locksOn(-1));
        assertEquals(0, lockSys.lockCount(t2));
    }

    @Test
    void aWaiterOnARemovedRecordIsWokenToRetry() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, ORDINARY));
        Waiter w = Waiter.start(lockSys, clock, t2, TIMEOUT);
        lockSys.inheritOnRemove(INDEX, key(5), key(9));
        assertEquals("granted", w.get(), "returns normally: the caller re-examines");
        assertFalse(lockSys.isWaiting(t2));
        assertEquals(0, lockSys.lockCount(t2), "the waiting request is not inherited");
        assertEquals(List.of("1:X,GAP:GRANTED"), locksOn(9));
    }

    @Test
    void anInsertSplitsTheGapAndBothHalvesStayLocked() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lock(t1, 9, LockMode.X, ORDINARY));
        assertEquals(GRANTED, lock(t2, 9, LockMode.S, GAP));
        assertEquals(GRANTED, lock(t3, 9, LockMode.X, GAP));
        TrxLocks t4 = register(lockSys, 4);
        assertEquals(GRANTED, lock(t4, 8, LockMode.X, REC_NOT_GAP));

        lockSys.inheritOnInsert(INDEX, key(7), key(9));
        assertEquals(List.of("1:X,GAP:GRANTED", "2:S,GAP:GRANTED", "3:X,GAP:GRANTED"), locksOn(7));
        assertEquals(3, locksOn(9).size(), "the next record keeps its locks");

        lockSys.inheritOnInsert(INDEX, key(6), key(8));
        assertEquals(List.of(), locksOn(6), "a record-only lock does not cover the gap");

        assertEquals(GRANTED, lockSys.lockRecord(t4, INDEX, LockSys.SUPREMUM, LockMode.X, REC_NOT_GAP, 0, false));
        lockSys.inheritOnInsert(INDEX, key(20), LockSys.SUPREMUM);
        assertEquals(List.of("4:X,GAP:GRANTED"), locksOn(20), "on the supremum every lock is a gap lock");
    }

    @Test
    void releaseAllWakesWaitersAndUnregisters() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.X, false));
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, ORDINARY));
        assertEquals(WAIT, lockSys.lockTable(t2, 3, LockMode.IS, false));
        assertEquals(WAIT, lock(t3, 5, LockMode.S, REC_NOT_GAP));
        Waiter w2 = Waiter.start(lockSys, clock, t2, TIMEOUT);
        Waiter w3 = Waiter.start(lockSys, clock, t3, TIMEOUT);
        lockSys.releaseAll(t1);
        assertEquals("granted", w2.get());
        assertEquals("granted", w3.get());
        assertEquals(0, lockSys.lockCount(t1));
        lockSys.releaseAll(t1);
        assertEquals(GRANTED, lockSys.lockRecord(t3, INDEX, key(9), LockMode.X, REC_NOT_GAP, 1, false));
        assertEquals(List.of("3:X,REC_NOT_GAP:GRANTED"), locksOn(9), "a released transaction has no implicit locks");
        register(lockSys, 1);
    }

    @Test
    void releasingOneRecordGrantsItsWaiters() throws Exception {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t1, 6, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        Waiter w = Waiter.start(lockSys, clock, t2, TIMEOUT);
        lockSys.release(t1, INDEX, key(5));
        assertEquals("granted", w.get());
        assertEquals(1, lockSys.lockCount(t1));
    }

    @ParameterizedTest(name = "{0} held, {1} requested: granted={2}")
    @CsvSource({
        "IS, IS, true", "IS, IX, true", "IS, S, true", "IS, X, false",
        "IX, IS, true", "IX, IX, true", "IX, S, false", "IX, X, false",
        "S, IS, true", "S, IX, false", "S, S, true", "S, X, false",
        "X, IS, false", "X, IX, false", "X, S, false", "X, X, false",
    })
    void tableLocks(LockMode held, LockMode requested, boolean granted) {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, held, false));
        assertEquals(granted ? GRANTED : WAIT, lockSys.lockTable(t2, 3, requested, false));
        assertEquals(GRANTED, lockSys.lockTable(register(lockSys, 3), 4, requested, false), "another table");
    }

    @Test
    void aStrongerTableLockCoversAWeakerOne() {
        TrxLocks t1 = register(lockSys, 1);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.IX, false));
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.IS, false));
        assertEquals(1, lockSys.lockCount(t1));
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.S, false), "IX does not cover S");
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.X, false), "own locks never block");
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.IX, false));
        assertEquals(3, lockSys.lockCount(t1));
        assertEquals(0, lockSys.rowLockCount(t1));
    }

    @Test
    void theViewsShowEveryLockAndEveryBlockingPair() {
        lockSys.setDescriber(new LockDescriber() {
            @Override
            public String index(long indexId) {
                return "`PRIMARY` of table `db`.`t`";
            }

            @Override
            public String key(long indexId, byte[] key) {
                return Integer.toString(key[0]);
            }

            @Override
            public String table(long tableId) {
                return "`db`.`t`";
            }
        });
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        TrxLocks t3 = register(lockSys, 3);
        assertEquals(GRANTED, lockSys.lockTable(t1, 3, LockMode.IX, false));
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t1, 6, LockMode.S, GAP));
        assertEquals(GRANTED, lock(t2, 6, LockMode.X, ORDINARY));
        assertEquals(GRANTED, lockSys.lockRecord(t2, INDEX, LockSys.SUPREMUM, LockMode.X, ORDINARY, 0, false));
        assertEquals(WAIT, lock(t3, 6, LockMode.X, INSERT_INTENTION));

        List<LockView> locks = lockSys.locks();
        assertEquals(List.of(
                "1 TABLE `db`.`t` IX GRANTED null",
                "1 RECORD `PRIMARY` of table `db`.`t` X,REC_NOT_GAP GRANTED 5",
                "1 RECORD `PRIMARY` of table `db`.`t` S,GAP GRANTED 6",
                "2 RECORD `PRIMARY` of table `db`.`t` X GRANTED 6",
                "2 RECORD `PRIMARY` of table `db`.`t` X GRANTED supremum pseudo-record",
                "3 RECORD `PRIMARY` of table `db`.`t` X,GAP,INSERT_INTENTION WAITING 6"),
                locks.stream().map(v -> v.trxId() + " " + v.lockType() + " " + v.objectName() + " " + v.lockMode()
                        + " " + v.lockStatus() + " " + v.lockData()).collect(Collectors.toList()));
        assertEquals(3, locks.get(0).objectId());
        assertEquals(INDEX, locks.get(1).objectId());
        assertNull(locks.get(0).key());
        assertSame(LockSys.SUPREMUM, locks.get(4).key());

        List<WaitView> waits = lockSys.waits();
        assertEquals(2, waits.size(), "one row per blocking lock");
        assertEquals(locks.get(5).lockId(), waits.get(0).requesting().lockId());
        assertEquals(locks.get(2).lockId(), waits.get(0).blocking().lockId());
        assertEquals(locks.get(3).lockId(), waits.get(1).blocking().lockId());
        assertEquals("S,GAP", waits.get(0).blocking().lockMode());
        assertEquals("6", waits.get(1).requesting().lockData());
    }

    @Test
    void registeringAnIdTwiceFails() {
        register(lockSys, 1);
        assertThrows(IllegalStateException.class, () -> register(lockSys, 1));
    }

    @Test
    void aDeadlockAnswerLeavesNothingPending() {
        TrxLocks t1 = register(lockSys, 1);
        TrxLocks t2 = register(lockSys, 2);
        assertEquals(GRANTED, lock(t1, 5, LockMode.X, REC_NOT_GAP));
        assertEquals(GRANTED, lock(t2, 6, LockMode.X, REC_NOT_GAP));
        assertEquals(WAIT, lock(t1, 6, LockMode.X, REC_NOT_GAP));
        assertEquals(DEADLOCK, lock(t2, 5, LockMode.X, REC_NOT_GAP));
        assertFalse(lockSys.isWaiting(t2));
        lockSys.awaitGrant(t2, TIMEOUT); // nothing pending: returns at once
    }
}
