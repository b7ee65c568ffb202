package io.flushdb.storage.io;

import java.util.List;

/**
 * A directory of files addressed by relative, '/'-separated names ({@code "ibdata1"},
 * {@code "shop/orders.ibd"}): the data directory as the engine sees it. {@link DirectoryFileStore}
 * maps names onto a real directory, {@link MemoryFileStore} keeps them in memory; test stores wrap
 * either to inject faults into the {@link FileIO}s they open.
 */
public interface FileStore {

    /** Opens a file, creating it (and its parent directories) when {@code create} is set. */
    FileIO open(String name, boolean create);

    boolean exists(String name);

    /** Deletes a file; deleting a missing file is not an error. */
    void delete(String name);

    /** Renames a file, replacing any file already named {@code to}. */
    void rename(String from, String to);

    /** Creates a directory (and its parents); an existing one is not an error. */
    void createDirectory(String name);

    /** Deletes a directory and everything in it; a missing one is not an error. */
    void deleteDirectory(String name);

    /** Names of the entries directly inside directory {@code name} ("" is the root). */
    List<String> list(String name);

    /** Whether files of this store survive the process (false for memory stores). */
    boolean persistent();

    /** A human-readable location for messages (a path, or {@code mem:<name>}). */
    String location();
}
