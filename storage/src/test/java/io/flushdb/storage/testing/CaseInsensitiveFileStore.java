package io.flushdb.storage.testing;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import java.util.List;
import java.util.Locale;

/**
 * A file store that treats names as a case-insensitive file system does (macOS's and Windows'
 * defaults): {@code T.ibd} and {@code t.ibd} are one file.
 */
public final class CaseInsensitiveFileStore implements FileStore {
    private final FileStore target;

    public CaseInsensitiveFileStore(FileStore target) {
        this.target = target;
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public FileIO open(String name, boolean create) {
        return target.open(fold(name), create);
    }

    @Override
    public boolean exists(String name) {
        return target.exists(fold(name));
    }

    @Override
    public void delete(String name) {
        target.delete(fold(name));
    }

    @Override
    public void rename(String from, String to) {
        target.rename(fold(from), fold(to));
    }

    @Override
    public void createDirectory(String name) {
        target.createDirectory(fold(name));
    }

    @Override
    public void deleteDirectory(String name) {
        target.deleteDirectory(fold(name));
    }

    @Override
    public List<String> list(String name) {
        return target.list(fold(name));
    }

    @Override
    public boolean persistent() {
        return target.persistent();
    }

    @Override
    public String location() {
        return target.location();
    }
}
