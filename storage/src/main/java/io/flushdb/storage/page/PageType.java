package io.flushdb.storage.page;

/**
 * Page type codes stored at {@link PageHeader#OFFSET_TYPE}. Recovery and the checker read them to
 * know how to interpret a page; the buffer pool ignores them.
 */
public final class PageType {
    /** A page never initialised (all zeros) or on the tablespace's free list. */
    public static final short FREE = 0;
    /** Page 0 of every tablespace: the {@code SpaceHeader}. */
    public static final short SPACE_HEADER = 1;
    /** A B+tree node (leaf or internal; the level is in the index page header). */
    public static final short INDEX = 2;
    /** A page of an overflow chain holding part of a long column value. */
    public static final short OVERFLOW = 3;
    /** The system tablespace's page 1: roots of the data dictionary and global counters. */
    public static final short SYSTEM = 4;
    /** A page of a transaction's undo log (records, and on its first page the log header). */
    public static final short UNDO = 5;
    /** The rollback segment header: undo log slots of active transactions and the history list. */
    public static final short RSEG = 6;

    private PageType() {
    }

    public static String name(int type) {
        return switch (type) {
            case FREE -> "FREE";
            case SPACE_HEADER -> "SPACE_HEADER";
            case INDEX -> "INDEX";
            case OVERFLOW -> "OVERFLOW";
            case SYSTEM -> "SYSTEM";
            case UNDO -> "UNDO";
            case RSEG -> "RSEG";
            default -> "UNKNOWN(" + type + ")";
        };
    }
}
