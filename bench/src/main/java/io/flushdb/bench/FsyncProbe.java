package io.flushdb.bench;

import io.flushdb.bench.report.FsyncRate;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Measures the raw fsync rate of the file system under {@code tempRoot}, the one the databases
 * are created on: in a loop, one {@value #BLOCK}-byte write at the append position of a
 * preallocated file, then {@code FileChannel.force}. The file is preallocated (written with
 * zeros and forced first), as a redo log is, so a round changes no file size and allocates no
 * block: what is left is the cost of getting a small write to stable storage. The append
 * position advances by one block per round and wraps at the end of the file.
 */
final class FsyncProbe {

    static final int BLOCK = 512;
    static final int FILE_BYTES = 16 << 20;

    /** One line for the report. */
    static final String SETUP = BLOCK + "-byte writes at the advancing append position of a preallocated "
            + (FILE_BYTES >> 20) + " MiB file in a fresh directory under --tmpdir";

    private FsyncProbe() {
    }

    /**
     * Runs write + {@code force(metadata)} rounds for {@code seconds}, after a short untimed
     * start, and returns how many completed in how long.
     */
    static FsyncRate measure(Path tempRoot, double seconds, boolean metadata) throws IOException {
        Files.createDirectories(tempRoot);
        Path dir = Files.createTempDirectory(tempRoot, "flushdb-bench-fsync-");
        try {
            Path file = dir.resolve("fsync-probe");
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE, StandardOpenOption.READ)) {
                preallocate(channel);
                ByteBuffer block = ByteBuffer.allocate(BLOCK);
                long position = 0;
                long warmupEnd = System.nanoTime() + 100_000_000L;
                while (System.nanoTime() < warmupEnd) {
                    position = round(channel, block, position, metadata, -1);
                }
                long start = System.nanoTime();
                long deadline = start + (long) (seconds * 1e9);
                long rounds = 0;
                long now;
                do {
                    position = round(channel, block, position, metadata, rounds++);
                    now = System.nanoTime();
                } while (now < deadline);
                return new FsyncRate(BLOCK, metadata, rounds, now - start);
            }
        } finally {
            WorkloadRun.deleteRecursively(dir);
        }
    }

    private static void preallocate(FileChannel channel) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        for (long at = 0; at < FILE_BYTES; at += zeros.capacity()) {
            zeros.clear();
            while (zeros.hasRemaining()) {
                channel.write(zeros, at + zeros.position());
            }
        }
        channel.force(true);
    }

    /** Writes one block at {@code position}, forces, returns the next position. */
    private static long round(FileChannel channel, ByteBuffer block, long position, boolean metadata, long n)
            throws IOException {
        block.clear();
        block.putLong(0, n); // different bytes each time, as a log block would be
        while (block.hasRemaining()) {
            channel.write(block, position + block.position());
        }
        channel.force(metadata);
        long next = position + BLOCK;
        return next >= FILE_BYTES ? 0 : next;
    }
}
