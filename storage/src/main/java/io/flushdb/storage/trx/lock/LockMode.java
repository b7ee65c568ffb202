package io.flushdb.storage.trx.lock;

/**
 * A lock's mode, InnoDB's {@code lock_mode}: intention shared and intention exclusive (tables only),
 * shared and exclusive (tables and records). Record locks are always {@link #S} or {@link #X}.
 *
 * <p>Compatibility, InnoDB's {@code lock_compatibility_matrix} (true: both may be granted at once
 * to different transactions):
 * <pre>
 *        IS  IX  S   X
 *   IS   +   +   +   -
 *   IX   +   +   -   -
 *   S    +   -   +   -
 *   X    -   -   -   -
 * </pre>
 * Strength, {@code lock_strength_matrix} ({@code a.isStrongerOrEqual(b)}: holding a makes a request
 * for b redundant): X covers every mode, S covers S and IS, IX covers IX and IS, IS covers IS.
 */
public enum LockMode {
    /** Intention shared: the transaction will take S locks on some of the table's records. */
    IS,
    /** Intention exclusive: the transaction will take X locks on some of the table's records. */
    IX,
    /** Shared. */
    S,
    /** Exclusive. */
    X;

    private static final boolean[][] COMPATIBLE = {
        /* IS */ {true, true, true, false},
        /* IX */ {true, true, false, false},
        /* S  */ {true, false, true, false},
        /* X  */ {false, false, false, false},
    };

    private static final boolean[][] STRONGER_OR_EQUAL = {
        /* IS */ {true, false, false, false},
        /* IX */ {true, true, false, false},
        /* S  */ {true, false, true, false},
        /* X  */ {true, true, true, true},
    };

    /** Whether two different transactions may hold this mode and {@code other} at once. */
    public boolean isCompatibleWith(LockMode other) {
        return COMPATIBLE[ordinal()][other.ordinal()];
    }

    /** Whether holding this mode makes a request for {@code other} (on the same object) redundant. */
    public boolean isStrongerOrEqual(LockMode other) {
        return STRONGER_OR_EQUAL[ordinal()][other.ordinal()];
    }

    /** Whether this mode may be used for a record lock. */
    public boolean isRecordMode() {
        return this == S || this == X;
    }
}
