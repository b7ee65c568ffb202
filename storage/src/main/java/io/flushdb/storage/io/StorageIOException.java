package io.flushdb.storage.io;

/**
 * An I/O failure on a named file at a known offset. Unchecked: the storage layer cannot recover
 * from one locally, and the engine decides whether it becomes sticky (STYLE §2.7).
 */
public final class StorageIOException extends RuntimeException {
    private final String file;
    private final long offset;

    public StorageIOException(String file, long offset, String what, Throwable cause) {
        super(what + " failed on '" + file + "'" + (offset >= 0 ? " at offset " + offset : "")
                + (cause != null && cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
        this.file = file;
        this.offset = offset;
    }

    public String file() {
        return file;
    }

    /** Byte offset of the failed operation, or -1 when it had none (force, size). */
    public long offset() {
        return offset;
    }
}
