package io.flushdb.storage.log;

/**
 * The redo log cannot be trusted: its header or checkpoints are damaged, or a block in the middle
 * of the redo (before the end of what was made durable) fails its checksum. The engine refuses to
 * open rather than silently lose committed changes.
 */
public final class RedoLogCorruptException extends RuntimeException {
    private final long lsn;

    public RedoLogCorruptException(String message) {
        super(message);
        this.lsn = -1;
    }

    public RedoLogCorruptException(long lsn, String message) {
        super("Redo log corrupt at LSN " + lsn + ": " + message);
        this.lsn = lsn;
    }

    /** The LSN of the damaged block, or -1 when the damage is not in the record stream. */
    public long lsn() {
        return lsn;
    }
}
