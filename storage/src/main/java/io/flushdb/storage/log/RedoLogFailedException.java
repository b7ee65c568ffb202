package io.flushdb.storage.log;

/**
 * A write or fsync of the redo log failed, now or earlier (LOG4): the log cannot promise that
 * anything after its durable point survives, so it refuses every later flush. Carries the first
 * failure as its cause.
 */
public final class RedoLogFailedException extends RuntimeException {
    public RedoLogFailedException(Throwable cause) {
        super("The redo log failed and accepts no more writes: " + cause.getMessage(), cause);
    }
}
