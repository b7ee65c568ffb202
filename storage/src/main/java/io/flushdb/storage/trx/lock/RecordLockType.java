package io.flushdb.storage.trx.lock;

/**
 * The type flags of a record lock, with InnoDB's values, and the two rules that read them: when a
 * request must wait for another transaction's lock ({@link #hasToWait}, InnoDB's
 * {@code lock_rec_has_to_wait}) and when a transaction's own lock makes a request redundant
 * ({@link #covers}, InnoDB's {@code lock_rec_has_expl}). Pure functions; tested from tables.
 *
 * <p>A record lock protects the record, the gap before it, or both:
 * <pre>
 *   ORDINARY                 next-key lock: the record and the gap before it
 *   GAP                      the gap before the record only
 *   REC_NOT_GAP              the record only
 *   GAP | INSERT_INTENTION   an insert waiting to enter the gap before the record (always X)
 * </pre>
 * On the supremum pseudo-record every lock protects only the gap before it.
 */
public final class RecordLockType {
    /** Next-key lock: the record and the gap before it ({@code LOCK_ORDINARY}). */
    public static final int ORDINARY = 0;
    /** The gap before the record only ({@code LOCK_GAP}). */
    public static final int GAP = 512;
    /** The record only ({@code LOCK_REC_NOT_GAP}). */
    public static final int REC_NOT_GAP = 1024;
    /**
     * An insert into the gap before the record ({@code LOCK_INSERT_INTENTION}); requested as
     * {@code X} with {@code GAP | INSERT_INTENTION} ({@link #normalize} adds GAP if missing).
     */
    public static final int INSERT_INTENTION = 2048;

    private RecordLockType() {
    }

    /**
     * Checks a requested mode and type and returns the type in canonical form (INSERT_INTENTION
     * always with GAP). Throws {@code IllegalArgumentException} for a table mode, for GAP together
     * with REC_NOT_GAP, for unknown bits and for an insert intention that is not X.
     */
    public static int normalize(LockMode mode, int type) {
        if (!mode.isRecordMode()) {
            throw new IllegalArgumentException("record locks are S or X, not " + mode);
        }
        if ((type & ~(GAP | REC_NOT_GAP | INSERT_INTENTION)) != 0) {
            throw new IllegalArgumentException("unknown record lock type bits: " + type);
        }
        if ((type & INSERT_INTENTION) != 0) {
            if (mode != LockMode.X || (type & REC_NOT_GAP) != 0) {
                throw new IllegalArgumentException("an insert intention lock is X|GAP|INSERT_INTENTION");
            }
            return GAP | INSERT_INTENTION;
        }
        if ((type & GAP) != 0 && (type & REC_NOT_GAP) != 0) {
            throw new IllegalArgumentException("GAP and REC_NOT_GAP exclude each other");
        }
        return type;
    }

    /**
     * Whether a request {@code (mode1, type1)} must wait for a lock {@code (mode2, type2)} that
     * another transaction holds or requested earlier on the same record; {@code supremum} says the
     * record is the supremum pseudo-record. Exactly InnoDB's {@code lock_rec_has_to_wait}: the
     * modes conflict (anything but S with S), and none of these exemptions applies:
     * <ol type="a">
     *   <li>the request is a gap lock (or on the supremum) and not an insert intention: gap locks
     *       are purely inhibitive and never wait;</li>
     *   <li>the request is not an insert intention and the other lock is a gap lock;</li>
     *   <li>the request is a gap lock (insert intentions included) and the other lock is on the
     *       record only;</li>
     *   <li>the other lock is an insert intention: nothing waits for one.</li>
     * </ol>
     */
    public static boolean hasToWait(LockMode mode1, int type1, LockMode mode2, int type2, boolean supremum) {
        if (mode1.isCompatibleWith(mode2)) {
            return false;
        }
        boolean insertIntention1 = (type1 & INSERT_INTENTION) != 0;
        if ((supremum || (type1 & GAP) != 0) && !insertIntention1) {
            return false;
        }
        if (!insertIntention1 && (type2 & GAP) != 0) {
            return false;
        }
        if ((type1 & GAP) != 0 && (type2 & REC_NOT_GAP) != 0) {
            return false;
        }
        return (type2 & INSERT_INTENTION) == 0;
    }

    /**
     * Whether a granted lock {@code (heldMode, heldType)} of a transaction makes its request
     * {@code (mode, type)} on the same record redundant (InnoDB's {@code lock_rec_has_expl}): the
     * held lock is not an insert intention, its mode is stronger or equal, and it protects at least
     * the part the request names (ORDINARY covers GAP and REC_NOT_GAP, a type covers itself). On the
     * supremum only the gap exists, so any held lock of a strong enough mode covers.
     */
    public static boolean covers(LockMode heldMode, int heldType, LockMode mode, int type, boolean supremum) {
        if ((heldType & INSERT_INTENTION) != 0 || (type & INSERT_INTENTION) != 0
                || !heldMode.isStrongerOrEqual(mode)) {
            return false;
        }
        if (supremum) {
            return true;
        }
        return ((heldType & REC_NOT_GAP) == 0 || (type & REC_NOT_GAP) != 0)
                && ((heldType & GAP) == 0 || (type & GAP) != 0);
    }

    /**
     * The mode as {@code performance_schema.data_locks.LOCK_MODE} shows it: {@code X},
     * {@code S,GAP}, {@code X,REC_NOT_GAP}, {@code X,GAP,INSERT_INTENTION}.
     */
    public static String dataLocksMode(LockMode mode, int type) {
        StringBuilder b = new StringBuilder(mode.name());
        if ((type & GAP) != 0) {
            b.append(",GAP");
        }
        if ((type & REC_NOT_GAP) != 0) {
            b.append(",REC_NOT_GAP");
        }
        if ((type & INSERT_INTENTION) != 0) {
            b.append(",INSERT_INTENTION");
        }
        return b.toString();
    }

    /**
     * The mode as InnoDB's {@code lock_rec_print} writes it in SHOW ENGINE INNODB STATUS:
     * {@code lock mode S}, {@code lock_mode X locks rec but not gap},
     * {@code lock_mode X locks gap before rec insert intention}.
     */
    public static String statusMode(LockMode mode, int type) {
        StringBuilder b = new StringBuilder(mode == LockMode.S ? "lock mode S" : "lock_mode X");
        if ((type & GAP) != 0) {
            b.append(" locks gap before rec");
        }
        if ((type & REC_NOT_GAP) != 0) {
            b.append(" locks rec but not gap");
        }
        if ((type & INSERT_INTENTION) != 0) {
            b.append(" insert intention");
        }
        return b.toString();
    }
}
