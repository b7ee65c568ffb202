package io.flushdb.storage;

/**
 * The engine refuses writes because an earlier write, fsync or mini-transaction failed and the
 * state on disk can no longer be trusted (STYLE §2.7: a failure on the write path is sticky).
 * Carries the original failure as its cause.
 */
public final class EngineFailedException extends RuntimeException {
    public EngineFailedException(Throwable cause) {
        super("The storage engine stopped accepting writes after a failure: " + cause.getMessage(), cause);
    }
}
