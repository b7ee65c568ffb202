package io.flushdb.storage.trx.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** InnoDB's record lock rules from tables: lock_rec_has_to_wait and lock_rec_has_expl. */
class RecordLockTypeTest {

    private static int type(String name) {
        return switch (name) {
            case "ORD" -> RecordLockType.ORDINARY;
            case "GAP" -> RecordLockType.GAP;
            case "RNG" -> RecordLockType.REC_NOT_GAP;
            case "II" -> RecordLockType.GAP | RecordLockType.INSERT_INTENTION;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * Request (mode1, type1) against another transaction's lock (mode2, type2) on a user record:
     * the matrix InnoDB's documentation implies (rows request, columns held, X against X):
     * <pre>
     *          ORD   GAP   RNG   II
     *   ORD    wait  -     wait  -
     *   GAP    -     -     -     -
     *   RNG    wait  -     wait  -
     *   II     wait  wait  -     -
     * </pre>
     */
    @ParameterizedTest(name = "{0} {1} vs {2} {3} on supremum={4}: wait={5}")
    @CsvSource({
        // X against X on a user record
        "X, ORD, X, ORD, false, true",
        "X, ORD, X, GAP, false, false",
        "X, ORD, X, RNG, false, true",
        "X, ORD, X, II,  false, false",
        "X, GAP, X, ORD, false, false",
        "X, GAP, X, GAP, false, false",
        "X, GAP, X, RNG, false, false",
        "X, GAP, X, II,  false, false",
        "X, RNG, X, ORD, false, true",
        "X, RNG, X, GAP, false, false",
        "X, RNG, X, RNG, false, true",
        "X, RNG, X, II,  false, false",
        "X, II,  X, ORD, false, true",
        "X, II,  X, GAP, false, true",
        "X, II,  X, RNG, false, false",
        "X, II,  X, II,  false, false",
        // S against S never waits, whatever the types
        "S, ORD, S, ORD, false, false",
        "S, RNG, S, ORD, false, false",
        "S, GAP, S, RNG, false, false",
        // S against X and X against S follow the X/X pattern
        "S, ORD, X, RNG, false, true",
        "S, RNG, X, ORD, false, true",
        "S, RNG, X, GAP, false, false",
        "X, ORD, S, RNG, false, true",
        "X, II,  S, GAP, false, true",
        "X, II,  S, ORD, false, true",
        "X, II,  S, RNG, false, false",
        // on the supremum only insert intentions ever wait
        "X, ORD, X, ORD, true, false",
        "X, RNG, X, ORD, true, false",
        "S, ORD, X, ORD, true, false",
        "X, II,  X, ORD, true, true",
        "X, II,  S, GAP, true, true",
        "X, II,  X, II,  true, false",
    })
    void hasToWait(LockMode mode1, String type1, LockMode mode2, String type2, boolean supremum, boolean wait) {
        assertEquals(wait, RecordLockType.hasToWait(mode1, type(type1), mode2, type(type2), supremum));
    }

    @ParameterizedTest(name = "held {0} {1} covers {2} {3} on supremum={4}: {5}")
    @CsvSource({
        "X, ORD, X, ORD, false, true",
        "X, ORD, S, ORD, false, true",
        "X, ORD, X, GAP, false, true",
        "X, ORD, S, RNG, false, true",
        "S, ORD, X, ORD, false, false",
        "S, ORD, S, RNG, false, true",
        "X, GAP, X, GAP, false, true",
        "X, GAP, X, ORD, false, false",
        "X, GAP, X, RNG, false, false",
        "X, RNG, X, RNG, false, true",
        "X, RNG, X, ORD, false, false",
        "X, RNG, S, GAP, false, false",
        // on the supremum any gap-ish lock of a strong enough mode covers
        "X, RNG, X, ORD, true, true",
        "X, GAP, S, ORD, true, true",
        "S, GAP, X, GAP, true, false",
        // insert intentions neither cover nor are covered
        "X, II,  X, GAP, false, false",
        "X, ORD, X, II,  false, false",
    })
    void covers(LockMode held, String heldType, LockMode mode, String type, boolean supremum, boolean covers) {
        assertEquals(covers, RecordLockType.covers(held, type(heldType), mode, type(type), supremum));
    }

    @Test
    void normalizeAddsGapToInsertIntentionAndRejectsNonsense() {
        assertEquals(type("II"), RecordLockType.normalize(LockMode.X, RecordLockType.INSERT_INTENTION));
        assertEquals(type("RNG"), RecordLockType.normalize(LockMode.S, type("RNG")));
        assertThrows(IllegalArgumentException.class, () -> RecordLockType.normalize(LockMode.IX, 0));
        assertThrows(IllegalArgumentException.class,
                () -> RecordLockType.normalize(LockMode.S, RecordLockType.INSERT_INTENTION));
        assertThrows(IllegalArgumentException.class,
                () -> RecordLockType.normalize(LockMode.X, RecordLockType.GAP | RecordLockType.REC_NOT_GAP));
        assertThrows(IllegalArgumentException.class, () -> RecordLockType.normalize(LockMode.X, 4));
    }

    @ParameterizedTest(name = "{0} {1}: {2} / {3}")
    @CsvSource({
        "X, ORD, X, lock_mode X",
        "S, ORD, S, lock mode S",
        "S, GAP, 'S,GAP', lock mode S locks gap before rec",
        "X, RNG, 'X,REC_NOT_GAP', lock_mode X locks rec but not gap",
        "X, II, 'X,GAP,INSERT_INTENTION', lock_mode X locks gap before rec insert intention",
    })
    void modeTexts(LockMode mode, String type, String dataLocks, String status) {
        assertEquals(dataLocks, RecordLockType.dataLocksMode(mode, type(type)));
        assertEquals(status, RecordLockType.statusMode(mode, type(type)));
    }
}
