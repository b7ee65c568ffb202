package io.flushdb.storage.io;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@link FileIO} kept in heap memory, for {@code jdbc:flushdb:mem:} engines and tests. The same
 * code paths run above it as above {@link ChannelFileIO}; {@link #force()} has nothing to do.
 *
 * <p>Concurrency: every method synchronizes on the file, so reads see completed writes.
 */
public final class MemoryFileIO implements FileIO {
    private final String name;
    private byte[] data = new byte[0];
    private long length;

    public MemoryFileIO(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized void read(long position, ByteBuffer dst) {
        int n = dst.remaining();
        int available = (int) Math.max(0, Math.min(n, length - position));
        if (available > 0) {
            dst.put(data, (int) position, available);
        }
        for (int i = available; i < n; i++) {
            dst.put((byte) 0);
        }
    }

    @Override
    public synchronized void write(long position, ByteBuffer src) {
        int n = src.remaining();
        long end = position + n;
        if (end > Integer.MAX_VALUE - 8) {
            throw new StorageIOException(name, position, "write", new IllegalStateException("in-memory file too large"));
        }
        ensureCapacity((int) end);
        src.get(data, (int) position, n);
        length = Math.max(length, end);
    }

    private void ensureCapacity(int needed) {
        if (needed > data.length) {
            data = Arrays.copyOf(data, Math.max(needed, Math.min(Integer.MAX_VALUE - 8, data.length * 2 + 65536)));
        }
    }

    @Override
    public void force() {
        // Nothing to make durable.
    }

    @Override
    public synchronized long size() {
        return length;
    }

    @Override
    public synchronized void truncate(long newLength) {
        ensureCapacity((int) newLength);
        if (newLength < length) {
            Arrays.fill(data, (int) newLength, (int) length, (byte) 0);
        }
        length = newLength;
    }

    @Override
    public void close() {
        // The content stays with the store until the file is deleted.
    }
}
