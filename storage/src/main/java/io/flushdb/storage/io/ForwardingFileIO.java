package io.flushdb.storage.io;

import java.nio.ByteBuffer;

/**
 * A file that hands every call to another one: the base of wrappers that change only some calls
 * (the engine's I/O counting, the tests' fault injection), as {@link ForwardingFileStore} is for
 * stores.
 */
public abstract class ForwardingFileIO implements FileIO {
    /** The file every call goes to. */
    protected final FileIO file;

    protected ForwardingFileIO(FileIO file) {
        this.file = file;
    }

    @Override
    public String name() {
        return file.name();
    }

    @Override
    public void read(long position, ByteBuffer dst) {
        file.read(position, dst);
    }

    @Override
    public void write(long position, ByteBuffer src) {
        file.write(position, src);
    }

    @Override
    public void force() {
        file.force();
    }

    @Override
    public long size() {
        return file.size();
    }

    @Override
    public void truncate(long length) {
        file.truncate(length);
    }

    @Override
    public void close() {
        file.close();
    }
}
