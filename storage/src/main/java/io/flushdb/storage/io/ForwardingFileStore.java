package io.flushdb.storage.io;

import java.util.List;

/**
 * A file store that hands every call to another one: the base of wrappers that change only how
 * files are opened (the engine's I/O counting layer, the tests' fault injection).
 */
public abstract class ForwardingFileStore implements FileStore {
    /** The store every call goes to. */
    protected final FileStore target;

    protected ForwardingFileStore(FileStore target) {
        this.target = target;
    }

    /** The wrapped store. */
    public FileStore target() {
        return target;
    }

    @Override
    public boolean exists(String name) {
        return target.exists(name);
    }

    @Override
    public void delete(String name) {
        target.delete(name);
    }

    @Override
    public void rename(String from, String to) {
        target.rename(from, to);
    }

    @Override
    public void createDirectory(String name) {
        target.createDirectory(name);
    }

    @Override
    public void deleteDirectory(String name) {
        target.deleteDirectory(name);
    }

    @Override
    public List<String> list(String name) {
        return target.list(name);
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
