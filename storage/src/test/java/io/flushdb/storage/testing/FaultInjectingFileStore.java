package io.flushdb.storage.testing;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.ForwardingFileIO;
import io.flushdb.storage.io.StorageIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Wraps a {@link FileStore} so that chosen operations fail: the Nth write (or every write after it)
 * to files whose name matches, or the Nth force. The faults reach the engine exactly where real
 * I/O errors would, through {@link FileIO}.
 */
public final class FaultInjectingFileStore extends io.flushdb.storage.io.ForwardingFileStore {
    private volatile Predicate<String> fileFilter = n -> true;
    private final AtomicInteger writesUntilFailure = new AtomicInteger(-1);
    private final AtomicInteger forcesUntilFailure = new AtomicInteger(-1);
    private volatile boolean stickyWriteFailure;

    public FaultInjectingFileStore(FileStore target) {
        super(target);
    }

    /** Fails the {@code n}th write (1 = the next one) to a matching file, and every one after. */
    public void failWritesAfter(int n, Predicate<String> files) {
        fileFilter = files;
        stickyWriteFailure = true;
        writesUntilFailure.set(n);
    }

    /** Fails the {@code n}th force of a matching file. */
    public void failForceAfter(int n, Predicate<String> files) {
        fileFilter = files;
        forcesUntilFailure.set(n);
    }

    private synchronized boolean shouldFailWrite() {
        int left = writesUntilFailure.get();
        if (left < 0) {
            return false;
        }
        if (left > 1) {
            writesUntilFailure.set(left - 1);
            return false;
        }
        writesUntilFailure.set(stickyWriteFailure ? 1 : -1);
        return true;
    }

    public void heal() {
        writesUntilFailure.set(-1);
        forcesUntilFailure.set(-1);
        stickyWriteFailure = false;
    }

    @Override
    public FileIO open(String name, boolean create) {
        FileIO f = target.open(name, create);
        return new ForwardingFileIO(f) {
            @Override
            public void write(long position, ByteBuffer src) {
                if (fileFilter.test(name) && shouldFailWrite()) {
                    throw new StorageIOException(name, position, "write", new IOException("injected write failure"));
                }
                file.write(position, src);
            }

            @Override
            public void force() {
                if (fileFilter.test(name) && forcesUntilFailure.get() > 0 && forcesUntilFailure.decrementAndGet() == 0) {
                    throw new StorageIOException(name, -1, "fsync", new IOException("injected fsync failure"));
                }
                file.force();
            }
        };
    }
}
