package io.flushdb.storage.space;

import io.flushdb.storage.io.DirectoryFileStore;
import io.flushdb.storage.io.FileStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory's layout and its ownership by one engine:
 * <pre>
 *   flushdb.lock            held with a FileLock while an engine has the directory open
 *   ibdata1                 system tablespace (space 0): the data dictionary
 *   &lt;database&gt;/&lt;table&gt;.ibd  one tablespace per table
 * </pre>
 * Database and table names are turned into file names as MySQL does: letters, digits and
 * underscores stay, every other character becomes {@code @xxxx} (its UTF-16 code in hex).
 */
public final class DataDirectory implements AutoCloseable {
    public static final String LOCK_FILE = "flushdb.lock";
    public static final String SYSTEM_TABLESPACE = "ibdata1";

    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDirectory(FileChannel lockChannel, FileLock lock) {
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes ownership of the directory behind {@code store}. A memory store needs no lock (the
     * driver's registry keeps one engine per name per JVM).
     *
     * @throws DataDirectoryInUseException if another process holds the directory
     */
    public static DataDirectory acquire(FileStore store) {
        if (!(store instanceof DirectoryFileStore dir)) {
            return new DataDirectory(null, null);
        }
        Path root = dir.root();
        try {
            Files.createDirectories(root);
            FileChannel ch = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new DataDirectoryInUseException(root.toString());
            }
            return new DataDirectory(ch, l);
        } catch (IOException e) {
            throw new io.flushdb.storage.io.StorageIOException(root.resolve(LOCK_FILE).toString(), -1, "lock", e);
        }
    }

    @Override
    public void close() {
        if (lockChannel == null) {
            return;
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new io.flushdb.storage.io.StorageIOException(LOCK_FILE, -1, "unlock", e);
        }
    }

    /** The file of table {@code table} in database {@code database}. */
    public static String tableFile(String database, String table) {
        return encodeName(database) + "/" + encodeName(table) + ".ibd";
    }

    public static String databaseDirectory(String database) {
        return encodeName(database);
    }

    /** MySQL's file name encoding of an identifier. */
    public static String encodeName(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else {
                sb.append('@').append(String.format("%04x", (int) c));
            }
        }
        return sb.toString();
    }
}
