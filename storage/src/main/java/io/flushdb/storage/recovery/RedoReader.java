package io.flushdb.storage.recovery;

import io.flushdb.storage.log.LogFiles;
import io.flushdb.storage.log.LogFormat;
import io.flushdb.storage.log.RedoLogCorruptException;
import java.nio.ByteBuffer;

/**
 * Reads the redo stream's data bytes from a start LSN to the true end of the log: the first block
 * that is not a valid block of the expected LSN (a stale block of an earlier lap of the ring, a
 * block never written, a torn one), or the first partly filled block's last byte.
 *
 * <p>A block that fails its checksum is damage in the middle of the redo, not its end, when a valid
 * block of the expected LSN after it says (by its durable distance, {@link
 * LogFormat#durableBlock}) that the damaged block held forced redo before it was written:
 * {@link RedoLogCorruptException} names its LSN (recovery must not silently drop what follows).
 * Otherwise the damaged block may be part of a write that was never forced, whose sectors a power
 * loss persisted out of order, and the log ends there: what follows was never acknowledged as
 * durable.
 *
 * <p>Concurrency: confined to the recovering thread.
 */
final class RedoReader {
    private static final int CHUNK_BLOCKS = 128;

    private final LogFiles files;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BLOCKS * LogFormat.BLOCK);
    private final ByteBuffer probe = ByteBuffer.allocate(CHUNK_BLOCKS * LogFormat.BLOCK);
    /** Block LSN of the chunk's first block. */
    private long chunkLsn;
    private int chunkBlocks;
    /** The data LSN of the next byte to return. */
    private long lsn;
    /** The data LSN where valid data ends, once known (else Long.MAX_VALUE). */
    private long end = Long.MAX_VALUE;
    private final long limit;
    private long blocksRead;

    /**
     * @param start a data LSN (a checkpoint)
     * @param limit stop at this LSN even if the log goes on (the end found by an earlier pass)
     */
    RedoReader(LogFiles files, long start, long limit) {
        this.files = files;
        this.lsn = start;
        this.limit = limit;
        this.chunkLsn = -1;
    }

    /** The data LSN of the next byte. */
    long lsn() {
        return lsn;
    }

    long blocksRead() {
        return blocksRead;
    }

    /**
     * Copies the next {@code n} data bytes into {@code dst[off, off + n)} and returns true, or
     * returns false (having consumed nothing usable) when the log ends first.
     */
    boolean read(byte[] dst, int off, int n) {
        long at = lsn;
        int done = 0;
        while (done < n) {
            if (at >= limit) {
                return false;
            }
            long block = LogFormat.blockStart(at);
            int used = blockLength(block);
            if (used < 0) {
                return false;
            }
            int inBlock = (int) (at - block);
            if (inBlock >= used) {
                return false; // past the data of the last, partly filled block
            }
            int k = Math.min(n - done, used - inBlock);
            int pos = (int) (block - chunkLsn) + inBlock;
            System.arraycopy(chunk.array(), pos, dst, off + done, k);
            done += k;
            at = LogFormat.advance(at, k);
        }
        lsn = at;
        return true;
    }

    /** The data length of the valid block at {@code block}, loading chunks as needed; -1 past the end. */
    private int blockLength(long block) {
        if (block >= end) {
            return -1;
        }
        if (chunkLsn < 0 || block < chunkLsn || block >= chunkLsn + (long) chunkBlocks * LogFormat.BLOCK) {
            chunk.clear();
            files.read(block, chunk);
            chunkLsn = block;
            chunkBlocks = CHUNK_BLOCKS;
            blocksRead += CHUNK_BLOCKS;
        }
        int off = (int) (block - chunkLsn);
        int used = LogFormat.checkBlock(chunk, off, block);
        if (used < 0) {
            checkNotMidLogDamage(block, off);
            end = block;
            return -1;
        }
        if (used < LogFormat.DATA_END) {
            end = Math.min(end, block + LogFormat.BLOCK);
        }
        return used;
    }

    /**
     * A bad block is corruption, not the end, if a valid block of the expected LSN after it was
     * written when the bad block was already forced. Looks at the blocks that follow until an
     * intact block of another lap of the ring, or {@link #PROBE_BLOCKS} blocks.
     */
    private void checkNotMidLogDamage(long block, int off) {
        if (LogFormat.checksumValid(chunk, off) && chunk.getLong(off) != block) {
            return; // an intact block of another lap: the log ends here
        }
        long last = block + PROBE_BLOCKS * (long) LogFormat.BLOCK;
        for (long from = block + LogFormat.BLOCK; from <= last; from += probe.capacity()) {
            probe.clear();
            probe.limit((int) Math.min(probe.capacity(), last + LogFormat.BLOCK - from));
            files.read(from, probe);
            for (int at = 0; at < probe.limit(); at += LogFormat.BLOCK) {
                long next = from + at;
                if (LogFormat.checkBlock(probe, at, next) >= 0) {
                    if (LogFormat.durableBlock(probe, at, next) >= block) {
                        throw new RedoLogCorruptException(block, "the block fails its checksum, but redo written"
                                + " after it was forced follows (at LSN " + next + "); refusing to recover past"
                                + " damaged redo");
                    }
                } else if (LogFormat.checksumValid(probe, at)) {
                    return; // an intact block of another lap: nothing of this lap follows
                }
            }
        }
    }

    /**
     * Erases (writes zeros over, and forces) every valid block of this lap of the ring that lies
     * after the redo recovery found, which ends at data LSN {@code end}, within the probe window:
     * blocks of a write that was never forced but partly persisted. Left in place, they could be
     * read as a continuation of the log once new redo ends on a block boundary just before them.
     * Never touches the redo from the checkpoint {@code start} on.
     */
    static void eraseStaleTail(LogFiles files, long start, long end) {
        long first = LogFormat.blockStart(end - LogFormat.HEADER - 1) + LogFormat.BLOCK;
        long limit = Math.min(first + PROBE_BLOCKS * (long) LogFormat.BLOCK,
                LogFormat.blockStart(start) + files.capacity() - LogFormat.BLOCK);
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BLOCKS * LogFormat.BLOCK);
        long lastValid = -1;
        for (long from = first; from < limit; from += buf.capacity()) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), limit - from));
            files.read(from, buf);
            for (int at = 0; at < buf.limit(); at += LogFormat.BLOCK) {
                if (LogFormat.checkBlock(buf, at, from + at) >= 0) {
                    lastValid = from + at;
                }
            }
        }
        if (lastValid < 0) {
            return;
        }
        for (long from = first; from <= lastValid; from += buf.capacity()) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), lastValid + LogFormat.BLOCK - from));
            for (int i = 0; i < buf.limit(); i++) {
                buf.put(i, (byte) 0);
            }
            files.write(from, buf);
        }
        files.force();
    }

    /**
     * How far past a bad block to look for proof that it had been forced: a forced pass that
     * follows a damaged stretch begins right after it, so this bounds only how long a damaged
     * stretch can be and still be recognised.
     */
    private static final int PROBE_BLOCKS = 4096;

    static {
        // A capped durable distance over-claims; within the probe window it is never capped.
        if (PROBE_BLOCKS >= LogFormat.MAX_DURABLE_DISTANCE) {
            throw new AssertionError("the probe window must be shorter than the largest durable distance");
        }
    }
}
