package io.flushdb.storage.log;

import io.flushdb.storage.io.FileIO;
import io.flushdb.storage.io.FileStore;
import io.flushdb.storage.io.StorageIOException;
import java.nio.ByteBuffer;

/**
 * The redo files of a data directory: {@code #innodb_redo/#ib_redo0} … {@code #ib_redoN-1}, whose
 * data areas form one ring of {@link #capacity()} bytes (format in {@link LogFormat}).
 *
 * <p>Block 0 of every file holds the same description of the ring (only file 0's is read):
 * <pre>
 * offset  size  field
 *      0     4  magic "FDBR"
 *      4     4  format version (1)
 *      8     4  number of files
 *     12     4  page size of the data directory (read when ibdata1's page 0 was never written)
 *     16     8  size of each file in bytes (header included)
 *     24     8  base LSN: the 512-aligned LSN stored at ring offset 0
 *    508     4  CRC-32C of bytes [0, 508)
 * </pre>
 * Blocks 1 and 3 of file 0 are the checkpoint slots:
 * <pre>
 * offset  size  field
 *      0     4  magic "FDBC"
 *      8     8  checkpoint number (the slot written is number % 2)
 *     16     8  checkpoint LSN: every change below it is in the data files
 *    508     4  CRC-32C of bytes [0, 508)
 * </pre>
 * The block holding LSN {@code x} lives at ring offset {@code (blockStart(x) - base) mod capacity}:
 * file {@code offset / dataPerFile}, at {@code 2048 + offset % dataPerFile} in it.
 *
 * <p>Concurrency: {@link #write} and {@link #read} are positional and may run concurrently on
 * different blocks; the log writer is the only writer of data blocks and the checkpointer the
 * only writer of checkpoint slots. {@link #force} forces every file.
 */
public final class LogFiles implements AutoCloseable {
    /** Number of files the ring is split into. */
    public static final int FILES = 2;

    /** A checkpoint slot's content; {@code number} 0 means an empty or invalid slot. */
    public record Checkpoint(long number, long lsn) {
    }

    private final FileIO[] files;
    private final long fileSize;
    private final long dataPerFile;
    private final long capacity;
    private final long baseLsn;
    private final int pageSize;
    private final ByteBuffer slotBuffer = ByteBuffer.allocate(LogFormat.BLOCK);
    /** Files written since their last force (written and read by the log writer's leader only). */
    private final boolean[] unforced;
    /**
     * How far each file holds written bytes (its size); the writer grows a file ahead of itself in
     * {@link #GROWTH} steps of zeros, so a flush pass usually overwrites blocks that exist and its
     * fsync need not change the file's size. Read and written by the log writer's leader only.
     */
    private final long[] grown;

    /** Bytes of zeros a file is grown by ahead of the writer. */
    static final int GROWTH = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(64 * 1024).asReadOnlyBuffer();

    private LogFiles(FileIO[] files, long fileSize, long baseLsn, int pageSize) {
        this.pageSize = pageSize;
        this.files = files;
        this.fileSize = fileSize;
        this.dataPerFile = fileSize - LogFormat.FILE_HEADER;
        this.unforced = new boolean[files.length];
        this.grown = new long[files.length];
        for (int i = 0; i < files.length; i++) {
            // Never below the header area: zeros written there would erase the checkpoint slots.
            grown[i] = Math.max(files[i].size(), LogFormat.FILE_HEADER);
        }
        this.capacity = dataPerFile * files.length;
        this.baseLsn = baseLsn;
    }

    /** The capacity of a ring {@link #create} makes when asked for {@code capacity} bytes. */
    public static long capacityFor(long capacity) {
        return FILES * Math.max(8 * LogFormat.BLOCK, (capacity / FILES) & ~(long) (LogFormat.BLOCK - 1));
    }

    /** Whether {@code store} holds a redo log. */
    public static boolean exists(FileStore store) {
        return store.exists(LogFormat.fileName(0));
    }

    /**
     * Creates the redo files for a ring of about {@code capacity} bytes starting at data LSN
     * {@code startLsn}, with a first checkpoint at {@code startLsn}, all forced. Existing redo
     * files are replaced.
     */
    public static LogFiles create(FileStore store, long capacity, long startLsn, int pageSize) {
        long perFile = capacityFor(capacity) / FILES;
        long fileSize = LogFormat.FILE_HEADER + perFile;
        long base = LogFormat.blockStart(startLsn);
        store.createDirectory(LogFormat.DIRECTORY);
        // Old files go first: a crash in between leaves no redo at all, which open() refuses
        // rather than mistakes for a log.
        for (int i = FILES - 1; i >= 0; i--) {
            store.delete(LogFormat.fileName(i));
        }
        FileIO[] files = new FileIO[FILES];
        ByteBuffer header = ByteBuffer.allocate(LogFormat.BLOCK);
        try {
            for (int i = FILES - 1; i >= 0; i--) {
                // Not preallocated: a file grows (in GROWTH steps of zeros, see growFor) as the ring
                // first passes over it, and a block never written reads as zeros, which no valid block is.
                files[i] = store.open(LogFormat.fileName(i), true);
                header.clear();
                for (int b = 0; b < LogFormat.BLOCK; b += 8) {
                    header.putLong(b, 0);
                }
                header.putInt(0, LogFormat.MAGIC);
                header.putInt(4, LogFormat.VERSION);
                header.putInt(8, FILES);
                header.putInt(12, pageSize);
                header.putLong(16, fileSize);
                header.putLong(24, base);
                header.putInt(LogFormat.DATA_END, LogFormat.crc(header, 0, LogFormat.DATA_END));
                header.clear();
                files[i].write(0, header);
                files[i].force();
            }
            LogFiles log = new LogFiles(files, fileSize, base, pageSize);
            log.writeCheckpoint(new Checkpoint(1, startLsn));
            return log;
        } catch (RuntimeException e) {
            closeAll(files, e);
            throw e;
        }
    }

    /**
     * Opens the redo files of {@code store}.
     *
     * @throws RedoLogCorruptException if the header is damaged or a file is missing or short
     */
    public static LogFiles open(FileStore store) {
        FileIO first = store.open(LogFormat.fileName(0), false);
        FileIO[] files = null;
        try {
            ByteBuffer header = ByteBuffer.allocate(LogFormat.BLOCK);
            first.read(0, header);
            if (header.getInt(0) != LogFormat.MAGIC
                    || header.getInt(LogFormat.DATA_END) != LogFormat.crc(header, 0, LogFormat.DATA_END)) {
                throw new RedoLogCorruptException(LogFormat.fileName(0) + ": the redo log header is damaged");
            }
            if (header.getInt(4) != LogFormat.VERSION) {
                throw new RedoLogCorruptException(LogFormat.fileName(0) + ": unknown redo log format "
                        + header.getInt(4));
            }
            int count = header.getInt(8);
            long fileSize = header.getLong(16);
            long base = header.getLong(24);
            if (count < 1 || count > 64 || fileSize <= LogFormat.FILE_HEADER || fileSize % LogFormat.BLOCK != 0) {
                throw new RedoLogCorruptException(LogFormat.fileName(0) + ": the redo log header is inconsistent");
            }
            files = new FileIO[count];
            files[0] = first;
            for (int i = 1; i < count; i++) {
                String name = LogFormat.fileName(i);
                if (!store.exists(name)) {
                    throw new RedoLogCorruptException(name + " is missing: the redo log is incomplete");
                }
                files[i] = store.open(name, false);
            }
            return new LogFiles(files, fileSize, base, header.getInt(12));
        } catch (RuntimeException e) {
            closeAll(files == null ? new FileIO[] {first} : files, e);
            throw e;
        }
    }

    private static void closeAll(FileIO[] files, RuntimeException e) {
        for (FileIO f : files) {
            if (f != null) {
                try {
                    f.close();
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
        }
    }

    /** Bytes of the ring: the most redo (from the last checkpoint to the current LSN) it holds. */
    public long capacity() {
        return capacity;
    }

    /** The 512-aligned LSN at ring offset 0. */
    public long baseLsn() {
        return baseLsn;
    }

    /** The data directory's page size as recorded when the log was created. */
    public int pageSize() {
        return pageSize;
    }

    public long fileSize() {
        return fileSize;
    }

    /**
     * Writes whole blocks {@code src[position, limit)} starting with the block at LSN
     * {@code blockLsn}, wrapping around the ring and across files as needed.
     */
    public void write(long blockLsn, ByteBuffer src) {
        transfer(blockLsn, src, true);
    }

    /** Reads whole blocks into {@code dst[position, limit)} starting with the block at {@code blockLsn}. */
    public void read(long blockLsn, ByteBuffer dst) {
        transfer(blockLsn, dst, false);
    }

    /** Moves {@code buf[position, limit)} to or from the ring from block LSN {@code blockLsn} on. */
    private void transfer(long blockLsn, ByteBuffer buf, boolean write) {
        int pos = buf.position();
        int end = buf.limit();
        long lsn = blockLsn;
        try {
            while (pos < end) {
                long ring = ringOffset(lsn);
                int file = (int) (ring / dataPerFile);
                long inFile = ring % dataPerFile;
                int n = (int) Math.min(end - pos, dataPerFile - inFile);
                buf.limit(pos + n).position(pos);
                if (write) {
                    growFor(file, LogFormat.FILE_HEADER + inFile + n);
                    files[file].write(LogFormat.FILE_HEADER + inFile, buf);
                    unforced[file] = true;
                } else {
                    files[file].read(LogFormat.FILE_HEADER + inFile, buf);
                }
                pos += n;
                lsn += n;
            }
        } finally {
            buf.limit(end).position(end);
        }
    }

    /**
     * Makes file {@code file} at least {@code end} bytes long by writing zeros, a step ahead of
     * {@code end} (never past the file's size). Zeros are what a never-written block reads as, so
     * the scan for the end of the redo sees no difference.
     */
    private void growFor(int file, long end) {
        if (end <= grown[file]) {
            return;
        }
        long target = Math.min(fileSize, (end + GROWTH - 1) / GROWTH * GROWTH);
        for (long at = grown[file]; at < target; ) {
            ByteBuffer z = ZEROS.duplicate();
            z.limit((int) Math.min(z.capacity(), target - at));
            files[file].write(at, z);
            at += z.limit();
        }
        grown[file] = target;
        unforced[file] = true;
    }

    private long ringOffset(long blockLsn) {
        if (blockLsn < baseLsn) {
            throw new IllegalArgumentException("LSN " + blockLsn + " is below the redo log's base " + baseLsn);
        }
        return (blockLsn - baseLsn) % capacity;
    }

    /**
     * Forces the redo files written since their last force (the data blocks written so far become
     * durable): usually one fsync per flush pass, two when the pass crossed into the next file.
     */
    public void force() {
        for (int i = 0; i < files.length; i++) {
            if (unforced[i]) {
                unforced[i] = false;
                files[i].force();
            }
        }
    }

    /** Reads both checkpoint slots; an invalid slot reads as number 0. */
    public synchronized Checkpoint[] readCheckpoints() {
        Checkpoint[] out = new Checkpoint[2];
        for (int s = 0; s < 2; s++) {
            slotBuffer.clear();
            files[0].read(LogFormat.CHECKPOINT_SLOT[s], slotBuffer);
            boolean valid = slotBuffer.getInt(0) == LogFormat.CHECKPOINT_MAGIC
                    && slotBuffer.getInt(LogFormat.DATA_END) == LogFormat.crc(slotBuffer, 0, LogFormat.DATA_END);
            out[s] = valid ? new Checkpoint(slotBuffer.getLong(8), slotBuffer.getLong(16)) : new Checkpoint(0, 0);
        }
        return out;
    }

    /** The valid checkpoint with the highest number. */
    public Checkpoint latestCheckpoint() {
        Checkpoint[] c = readCheckpoints();
        Checkpoint best = c[0].number() >= c[1].number() ? c[0] : c[1];
        if (best.number() == 0) {
            throw new RedoLogCorruptException(LogFormat.fileName(0) + ": neither checkpoint slot is valid");
        }
        return best;
    }

    /** Writes checkpoint {@code c} into slot {@code c.number() % 2} of file 0 and forces it. */
    public synchronized void writeCheckpoint(Checkpoint c) {
        slotBuffer.clear();
        for (int b = 0; b < LogFormat.BLOCK; b += 8) {
            slotBuffer.putLong(b, 0);
        }
        slotBuffer.putInt(0, LogFormat.CHECKPOINT_MAGIC);
        slotBuffer.putLong(8, c.number());
        slotBuffer.putLong(16, c.lsn());
        slotBuffer.putInt(LogFormat.DATA_END, LogFormat.crc(slotBuffer, 0, LogFormat.DATA_END));
        slotBuffer.clear();
        files[0].write(LogFormat.CHECKPOINT_SLOT[(int) (c.number() % 2)], slotBuffer);
        files[0].force();
    }

    @Override
    public void close() {
        StorageIOException first = null;
        for (FileIO f : files) {
            try {
                f.close();
            } catch (StorageIOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
