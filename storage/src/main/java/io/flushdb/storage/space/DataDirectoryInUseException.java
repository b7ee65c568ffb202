package io.flushdb.storage.space;

/** Another process has the data directory open; it is refused, never shared. */
public final class DataDirectoryInUseException extends RuntimeException {
    public DataDirectoryInUseException(String dir) {
        super("Data directory '" + dir + "' is in use by another process (its flushdb.lock is held); "
                + "FlushDB opens a data directory from one process at a time");
    }
}
