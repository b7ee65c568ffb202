package io.flushdb.storage.log;

/**
 * A mini-transaction needs log space that no amount of page flushing can free: the checkpoint
 * cannot pass the first change of a transaction still open (its undo lives in the redo until it
 * ends), and the redo written since that change, with the space open transactions keep for their
 * rollback, already fills the log up to its free limit.
 * Thrown before the mini-transaction latches anything, so the statement fails cleanly; the space
 * comes back when the open transaction commits or rolls back (neither waits for space).
 */
public final class LogSpacePinnedException extends RuntimeException {
    private final long pinnedLsn;

    public LogSpacePinnedException(long pinnedLsn, long currentLsn, long reserved, long freeLimit, long capacity) {
        super("The redo log is full: a transaction open since LSN " + pinnedLsn + " holds back the checkpoint; the "
                + (currentLsn - pinnedLsn) + " bytes of redo written since then and the " + reserved
                + " bytes reserved for rolling back open transactions exceed the log's free space (" + freeLimit
                + " of innodb_redo_log_capacity " + capacity + " bytes). Commit or roll back long-running or large"
                + " transactions sooner, or raise innodb_redo_log_capacity");
        this.pinnedLsn = pinnedLsn;
    }

    /** The first-change LSN of the open transaction that holds back the checkpoint. */
    public long pinnedLsn() {
        return pinnedLsn;
    }
}
