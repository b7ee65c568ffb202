package io.flushdb.storage.io;

import java.nio.ByteBuffer;

/**
 * The seam through which every byte of a data directory is read and written: one open file.
 *
 * <p>Production uses {@link ChannelFileIO}; {@link MemoryFileIO} backs {@code jdbc:flushdb:mem:}
 * engines; tests wrap either to inject faults (today failed writes and failed forces; short and
 * torn writes and crashes that drop unforced writes are not simulated yet; the durability issue adds them). Every page and file
 * of a data directory is read and written through this interface, so a fault injected here reaches
 * every layer the way a real one would. The one exception above it is the directory lock:
 * {@code space.DataDirectory.acquire} creates the directory and its lock file with
 * {@code java.nio.file} and locks it through a {@code FileChannel} of its own.
 *
 * <p>All methods are positional and never move a shared file pointer, so concurrent readers and
 * writers of different regions need no lock. Failures are {@link StorageIOException}s naming the
 * file and offset; callers on the write path treat them as sticky (STYLE §2.7): a failed write or
 * {@link #force()} is never retried.
 *
 * <p>Concurrency: implementations are safe for concurrent use by several threads.
 */
public interface FileIO extends AutoCloseable {

    /** The file's name relative to its store, for error messages. */
    String name();

    /**
     * Reads {@code dst.remaining()} bytes at {@code position} into {@code dst}. Bytes past the end
     * of the file read as zero (a page allocated but never written is all zeros).
     */
    void read(long position, ByteBuffer dst);

    /** Writes all of {@code src.remaining()} bytes at {@code position}, extending the file if needed. */
    void write(long position, ByteBuffer src);

    /** Makes every completed write durable (fsync). */
    void force();

    /** Current length in bytes. */
    long size();

    /** Truncates (or extends with zeros) to {@code length} bytes. */
    void truncate(long length);

    @Override
    void close();
}
