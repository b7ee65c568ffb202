package io.flushdb.storage.trx.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** InnoDB's lock mode compatibility and strength matrices. */
class LockModeTest {

    @ParameterizedTest(name = "{0} with {1}: compatible={2}")
    @CsvSource({
        "IS, IS, true", "IS, IX, true", "IS, S, true", "IS, X, false",
        "IX, IS, true", "IX, IX, true", "IX, S, false", "IX, X, false",
        "S, IS, true", "S, IX, false", "S, S, true", "S, X, false",
        "X, IS, false", "X, IX, false", "X, S, false", "X, X, false",
    })
    void compatibility(LockMode a, LockMode b, boolean compatible) {
        assertEquals(compatible, a.isCompatibleWith(b));
        assertEquals(compatible, b.isCompatibleWith(a));
    }

    @ParameterizedTest(name = "{0} stronger or equal to {1}: {2}")
    @CsvSource({
        "IS, IS, true", "IS, IX, false", "IS, S, false", "IS, X, false",
        "IX, IS, true", "IX, IX, true", "IX, S, false", "IX, X, false",
        "S, IS, true", "S, IX, false", "S, S, true", "S, X, false",
        "X, IS, true", "X, IX, true", "X, S, true", "X, X, true",
    })
    void strength(LockMode a, LockMode b, boolean stronger) {
        assertEquals(stronger, a.isStrongerOrEqual(b));
    }
}
