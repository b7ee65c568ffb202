package io.flushdb.storage.trx;

/**
 * A roll pointer ({@code DB_ROLL_PTR} of a clustered record): where the undo record that leads to
 * the record's previous version is, in the system tablespace's undo pages.
 *
 * <pre>
 * bit  48      1 if the record was inserted by that change (there is no previous version)
 * bits 16..47  undo page number
 * bits  0..15  offset of the undo record in that page
 * </pre>
 *
 * <p>0 means "no undo record": a record written outside a transaction (the dictionary's), whose
 * {@code DB_TRX_ID} is 0 and visible to every read view.
 */
public final class RollPtr {
    private static final long INSERT = 1L << 48;

    private RollPtr() {
    }

    public static long of(boolean insert, int pageNo, int offset) {
        return (insert ? INSERT : 0) | ((pageNo & 0xFFFFFFFFL) << 16) | (offset & 0xFFFF);
    }

    /** Whether the pointed-to undo record is an insert's: the record has no older version. */
    public static boolean isInsert(long rollPtr) {
        return (rollPtr & INSERT) != 0;
    }

    public static int pageNo(long rollPtr) {
        return (int) ((rollPtr >>> 16) & 0xFFFFFFFFL);
    }

    public static int offset(long rollPtr) {
        return (int) (rollPtr & 0xFFFF);
    }

    public static String toString(long rollPtr) {
        return rollPtr == 0 ? "none" : (isInsert(rollPtr) ? "insert@" : "@") + pageNo(rollPtr) + ":" + offset(rollPtr);
    }
}
